// The resolution explainer: how a client in a VNet resolves a private-link target, from the model
// alone — the VNet's DNS (Azure-provided, or custom servers → the VNet they live in, a resolver inbound
// endpoint), the privatelink zone each group id answers from (FACTS §1), whether it is linked where the
// query is answered (FACTS §5.2), and the zone group that writes the record. Invariants: `private` and
// `public` only when every step is certain; otherwise `unknown`, with the step that it depends on.
import { azureProvidedDnsAddress, forwarderSubnetsOfUnknownUpstream, zoneNameMatches } from '../facts';
import {
  at,
  declaredDnsServers,
  dnsResolversOf,
  isArray,
  placeOfDnsServer,
  type Entity,
  type NetworkModel,
  type PrivateDnsZone,
  type ResourceDecl,
  type Value,
  type VirtualNetwork,
} from '../model';
import { certainlyCreatedAsOne, valueForMessage } from '../rules/support/certain';
import { linkCandidatesBetween, mayBeLinked, sameId } from '../rules/support/dns-network';
import { vnetCandidatesFor } from '../rules/support/model-lookups';
import type { ResolveTarget, TargetAccess } from './resolve-target';

export type ResolutionAnswer = 'private' | 'public' | 'unknown';

export interface ResolutionStep {
  /** dns: the asking VNet's DNS; server: where a custom server lives; zone, link, record: the zone's part; answer. */
  step: 'dns' | 'server' | 'zone' | 'link' | 'record' | 'answer';
  text: string;
  /** The model's resources the step goes through (the topology view draws them as the path). */
  via?: readonly Entity[];
}

/** How one name (a group id's zone) of the target resolves. */
export interface NameResolution {
  groupId: string;
  zone: string;
  answer: ResolutionAnswer;
  steps: ResolutionStep[];
  /** The endpoint whose private IP answers, for `private`. */
  endpoint?: string;
  /** Its private IP, when statically assigned and known. */
  address?: string;
}

export interface Resolution {
  target: string;
  from: string;
  answer: ResolutionAnswer;
  steps: ResolutionStep[];
  names: NameResolution[];
}

/** Where the asking VNet's queries are answered: by Azure-provided DNS in `vnet`, or unknown. */
interface AnsweringPlace {
  vnet: VirtualNetwork;
  /** Through a forwarder whose upstream templates do not show: a private answer depends on it. */
  forwarder?: string;
}

type Places = { places: AnsweringPlace[]; steps: ResolutionStep[] } | { unknown: ResolutionStep[] };

export function explainResolution(model: NetworkModel, target: ResolveTarget, from: VirtualNetwork): Resolution {
  const dns = answeringPlaces(model, from);
  const byName = new Map<string, TargetAccess[]>();
  for (const access of target.accesses) {
    for (const zone of access.zoneNames) {
      const key = `${access.groupId.toLowerCase()}|${zone}`;
      byName.set(key, [...(byName.get(key) ?? []), access]);
    }
  }
  const names: NameResolution[] = [];
  for (const accesses of byName.values()) {
    const { groupId } = accesses[0];
    for (const zone of accesses[0].zoneNames.filter(
      (name) => byName.get(`${groupId.toLowerCase()}|${name}`) === accesses,
    )) {
      names.push(resolveName(model, dns, zone, accesses));
    }
  }
  if (names.length === 0) {
    const text = `FACTS §1 names no private DNS zone for the group ids of '${target.resourceName}': how it resolves is not known`;
    return {
      target: target.asked,
      from: label(from),
      answer: 'unknown',
      steps: [...dnsSteps(dns), { step: 'answer', text }],
      names,
    };
  }
  const answers = new Set(names.map((name) => name.answer));
  const answer: ResolutionAnswer = answers.size === 1 ? names[0].answer : 'unknown';
  const steps = [
    ...dnsSteps(dns),
    ...names.flatMap((name) =>
      name.steps.map((step) => (names.length > 1 ? { ...step, text: `${name.groupId}: ${step.text}` } : step)),
    ),
  ];
  return { target: target.asked, from: label(from), answer, steps, names };
}

/** The resolution as plain data (the CLI's JSON, comparisons): its steps without the resources they go through. */
export function resolutionData(resolution: Resolution): Resolution {
  const plain = (steps: readonly ResolutionStep[]) => steps.map(({ step, text }) => ({ step, text }));
  return {
    ...resolution,
    steps: plain(resolution.steps),
    names: resolution.names.map((name) => ({ ...name, steps: plain(name.steps) })),
  };
}

/** How steps name a resource: its known name, else its name as written with the symbolic name beside it. */
function label(entity: { name: Value; decl: ResourceDecl; path: string }): string {
  return typeof entity.name === 'string' ? entity.name : valueForMessage(entity.name);
}

/** The label in quotes, with the symbolic name beside a name that is not known. */
function named(entity: { name: Value; decl: ResourceDecl; path: string }): string {
  const symbol =
    typeof entity.name !== 'string' && entity.decl.symbol && entity.path === '' ? ` (${entity.decl.symbol})` : '';
  return `'${label(entity)}'${symbol}`;
}

const dnsSteps = (dns: Places) => ('unknown' in dns ? dns.unknown : dns.steps);

/** The asking VNet's DNS: Azure-provided (answered in the VNet itself) or its custom servers' places. */
function answeringPlaces(model: NetworkModel, from: VirtualNetwork): Places {
  const declarations = vnetCandidatesFor(model, from.id).filter(
    (vnet) => (vnet === from || sameId(vnet.id, from.id)) && !vnet.decl.existing,
  );
  const answers = declarations.map(declaredDnsServers);
  const name = label(from);
  if (answers.length === 0)
    return {
      unknown: [
        { step: 'dns', text: `'${name}' is declared existing: its DNS servers are set outside the analysed files` },
      ],
    };
  if (answers.some((answer) => answer === undefined))
    return {
      unknown: [
        { step: 'dns', text: `the DNS servers of '${name}' are not known (a parameter or expression decides them)` },
      ],
    };
  if (answers.every((answer) => answer === 'azure-provided')) {
    return {
      places: [{ vnet: from }],
      steps: [
        {
          step: 'dns',
          text: `'${name}' uses Azure-provided DNS (${azureProvidedDnsAddress}): it answers from the private DNS zones linked to '${name}'`,
          via: [from],
        },
      ],
    };
  }
  if (answers.includes('azure-provided'))
    return {
      unknown: [
        {
          step: 'dns',
          text: `'${name}' is declared both with and without custom DNS servers: which applies depends on the deployment order`,
        },
      ],
    };
  const servers = [...new Set(answers.flatMap((answer) => answer as string[]))];
  const steps: ResolutionStep[] = [
    {
      step: 'dns',
      text: `'${name}' uses the custom DNS servers ${servers.join(', ')}: the zones linked to '${name}' itself are not asked (FACTS §5.2)`,
      via: [from],
    },
  ];
  const places: AnsweringPlace[] = [];
  for (const server of servers) {
    const place = placeOfDnsServer(model, server);
    if (!place.vnet)
      return {
        unknown: [
          ...steps,
          {
            step: 'server',
            text: `${server} lies in no virtual network of the analysed files (or in several): where it forwards is not known`,
          },
        ],
      };
    const vnetName = label(place.vnet);
    const subnetName = place.subnet && typeof place.subnet.name === 'string' ? place.subnet.name : undefined;
    if (place.inboundEndpoint) {
      const resolver = place.inboundEndpoint.resolver?.resolved
        ? ` of DNS Private Resolver ${named(place.inboundEndpoint.resolver.target)}`
        : '';
      const endpointName = label(place.inboundEndpoint);
      steps.push({
        step: 'server',
        text: `${server} is inbound endpoint '${endpointName.slice(endpointName.lastIndexOf('/') + 1)}'${resolver} in '${vnetName}': it answers from the zones linked to '${vnetName}'`,
        via: [place.vnet],
      });
      places.push({ vnet: place.vnet });
    } else if (
      subnetName &&
      forwarderSubnetsOfUnknownUpstream.some((reserved) => reserved.toLowerCase() === subnetName.toLowerCase())
    ) {
      return {
        unknown: [
          ...steps,
          {
            step: 'server',
            text: `${server} is in '${subnetName}' of '${vnetName}': a firewall DNS proxy forwards where its policy says, which the network templates do not show`,
          },
        ],
      };
    } else {
      steps.push({
        step: 'server',
        text: `${server} lies in ${subnetName ? `subnet '${subnetName}' of ` : ''}'${vnetName}': a forwarder there that forwards to Azure-provided DNS answers from the zones linked to '${vnetName}'`,
        via: [place.vnet],
      });
      places.push({ vnet: place.vnet, forwarder: server });
    }
  }
  return { places, steps };
}

/** One zone name of the target, through every answering place; agreeing answers or unknown. */
function resolveName(
  model: NetworkModel,
  dns: Places,
  zoneName: string,
  accesses: readonly TargetAccess[],
): NameResolution {
  const { groupId } = accesses[0];
  if ('unknown' in dns) {
    return {
      groupId,
      zone: zoneName,
      answer: 'unknown',
      steps: [{ step: 'answer', text: `unknown: the answer depends on where the DNS query of the client is answered` }],
    };
  }
  const results = dns.places.map((place) => resolveAt(model, zoneName, accesses, place));
  const first = results[0];
  if (results.every((result) => result.answer === first.answer))
    return {
      ...first,
      steps: results.length > 1 ? uniqueSteps(results.flatMap((result) => result.steps)) : first.steps,
    };
  return {
    groupId,
    zone: zoneName,
    answer: 'unknown',
    steps: [
      ...uniqueSteps(results.flatMap((result) => result.steps)),
      { step: 'answer', text: 'unknown: the DNS servers answer differently, and clients may ask any of them' },
    ],
  };
}

function uniqueSteps(steps: readonly ResolutionStep[]): ResolutionStep[] {
  const seen = new Set<string>();
  return steps.filter((step) => !seen.has(step.text) && !!seen.add(step.text));
}

/** The answer of Azure-provided DNS in `place.vnet` for the zone. */
function resolveAt(
  model: NetworkModel,
  zoneName: string,
  accesses: readonly TargetAccess[],
  place: AnsweringPlace,
): NameResolution {
  const { groupId } = accesses[0];
  const vnetName = label(place.vnet);
  const result = (
    answer: ResolutionAnswer,
    steps: ResolutionStep[],
    extra: Partial<NameResolution> = {},
  ): NameResolution => ({ groupId, zone: zoneName, answer, steps, ...extra });
  const zones = model.dnsZones.filter((zone) => typeof zone.name === 'string' && zoneNameMatches(zoneName, zone.name));
  const zoneStep = (via: readonly Entity[]): ResolutionStep => ({
    step: 'zone',
    text: `group id '${groupId}' is answered from the private DNS zone '${zoneName}' (FACTS §1)`,
    via,
  });
  if (zones.length === 0) {
    return result('unknown', [
      zoneStep([]),
      {
        step: 'link',
        text: `no zone named '${zoneName}' is in the analysed files: whether one is linked to '${vnetName}' is not known`,
      },
      answerStep('unknown'),
    ]);
  }
  const linked = zones.find((zone) => certainlyLinked(model, zone, place.vnet));
  if (!linked) {
    const maybe = zones.find((zone) => mayBeLinked(model, zone, place.vnet));
    if (maybe)
      return result('unknown', [
        zoneStep(zones),
        {
          step: 'link',
          text: `a link that may not be deployed, or names a VNet that is not known, may join '${zoneName}' to '${vnetName}'`,
        },
        answerStep('unknown'),
      ]);
    const elsewhere = zones.find((zone) => zone.existing || !certainlyCreatedAsOne(zone.decl));
    if (elsewhere)
      return result('unknown', [
        zoneStep([elsewhere]),
        {
          step: 'link',
          text: `'${zoneName}' is ${elsewhere.existing ? 'declared existing' : 'maybe deployed'}: its links may be made elsewhere`,
        },
        answerStep('unknown'),
      ]);
    const resolver = dnsResolversOf(model).resolvers.find((entry) => {
      const vnet = entry.vnet?.resolved ? entry.vnet.target : undefined;
      return !vnet || zones.some((zone) => mayBeLinked(model, zone, vnet));
    });
    if (place.forwarder && resolver) {
      return result('unknown', [
        zoneStep(zones),
        {
          step: 'link',
          text: `'${zoneName}' is not linked to '${vnetName}', but the forwarder ${place.forwarder} may forward to DNS Private Resolver ${named(resolver)}, whose VNet may be`,
        },
        answerStep('unknown'),
      ]);
    }
    return result('public', [
      zoneStep(zones),
      {
        step: 'link',
        text: `'${zoneName}' is not linked to '${vnetName}': Azure-provided DNS there follows the service's public CNAME to its public address`,
      },
      answerStep('public', `because zone '${zoneName}' is not linked to '${vnetName}'`),
    ]);
  }
  const linkStep: ResolutionStep = {
    step: 'link',
    text: `'${zoneName}' is linked to '${vnetName}'`,
    via: linksJoining(model, linked, place.vnet),
  };
  const writers = accesses.flatMap((access) =>
    access.endpoint.zoneGroups
      .filter((group) =>
        group.configs.some((config) => config.zone?.resolved && sameId(config.zone.target.id, linked.id)),
      )
      .map((group) => ({ access, group })),
  );
  const certain = writers.find(
    ({ access, group }) => certainlyCreatedAsOne(group.decl) && certainlyCreatedAsOne(access.endpoint.decl),
  );
  if (certain) {
    const endpoint = certain.access.endpoint;
    const subnet = endpoint.subnet?.resolved ? ` in ${named(endpoint.subnet.target)}` : '';
    const address = staticAddress(certain.access);
    const recordStep: ResolutionStep = {
      step: 'record',
      text: `zone group ${named(certain.group)} of private endpoint ${named(endpoint)} writes the A record into it`,
      via: [certain.group, endpoint],
    };
    const answered = `private IP of ${named(endpoint)}${subnet}${address ? ` (${address})` : ''}`;
    if (place.forwarder) {
      return result('unknown', [
        zoneStep([linked]),
        linkStep,
        recordStep,
        answerStep(
          'unknown',
          `the ${answered} if the forwarder ${place.forwarder} forwards to Azure-provided DNS (${azureProvidedDnsAddress})`,
        ),
      ]);
    }
    return result('private', [zoneStep([linked]), linkStep, recordStep, answerStep('private', answered, [endpoint])], {
      endpoint: label(endpoint),
      ...(address ? { address } : {}),
    });
  }
  const why =
    writers.length > 0
      ? `the zone group that writes the record may not be deployed`
      : `no zone group of an endpoint to it writes into '${zoneName}': without an A record added by hand or by Azure Policy (FACTS §15) the name does not resolve there (FACTS §1)`;
  const via =
    writers.length > 0
      ? writers.flatMap(({ access, group }) => [group, access.endpoint])
      : accesses.map((access) => access.endpoint);
  return result('unknown', [zoneStep([linked]), linkStep, { step: 'record', text: why, via }, answerStep('unknown')]);
}

function answerStep(answer: ResolutionAnswer, detail?: string, via?: readonly Entity[]): ResolutionStep {
  if (answer === 'unknown')
    return { step: 'answer', text: detail ? `unknown: ${detail}` : 'unknown: the answer depends on the step above' };
  return { step: 'answer', text: `${answer}: ${detail ?? ''}`.trim(), ...(via ? { via } : {}) };
}

/** A link created for certain that joins the zone to the VNet. */
function certainlyLinked(model: NetworkModel, zone: PrivateDnsZone, vnet: VirtualNetwork): boolean {
  return linksJoining(model, zone, vnet).length > 0;
}

/** The zone's links created for certain to the VNet (looked up by id: a hub zone may have thousands). */
function linksJoining(model: NetworkModel, zone: PrivateDnsZone, vnet: VirtualNetwork): Entity[] {
  return linkCandidatesBetween(model, zone, vnet).filter(
    (link) =>
      link.zone?.resolved === true &&
      link.zone.target === zone &&
      certainlyCreatedAsOne(link.decl) &&
      link.vnet?.resolved === true &&
      sameId(link.vnet.target.id, vnet.id),
  );
}

/** The statically assigned private IP of the endpoint for the access's group id, when known. */
function staticAddress(access: TargetAccess): string | undefined {
  const configurations = at(access.endpoint.decl.properties, 'ipConfigurations');
  if (!isArray(configurations)) return undefined;
  for (const configuration of configurations) {
    const groupId = at(configuration, 'properties.groupId');
    const address = at(configuration, 'properties.privateIPAddress');
    if (
      typeof groupId === 'string' &&
      groupId.toLowerCase() === access.groupId.toLowerCase() &&
      typeof address === 'string'
    )
      return address;
  }
  return undefined;
}
