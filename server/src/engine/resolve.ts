// The resolution explainer: how a client in a VNet resolves a private-link target, from the model
// alone — the VNet's DNS (Azure-provided, or custom servers → the VNet they live in, a resolver inbound
// endpoint), the privatelink zone each group id answers from (FACTS §1), whether it is linked where the
// query is answered (FACTS §5.2), and the zone group that writes the record. Invariants: `private` and
// `public` only when every step is certain; otherwise `unknown`, with the step that it depends on.
import { azureProvidedDnsAddress, zoneNameMatches } from '../facts';
import {
  at,
  dnsResolversOf,
  isArray,
  type Entity,
  type NetworkModel,
  type PrivateDnsZone,
  type VirtualNetwork,
} from '../model';
import { certainlyCreatedAsOne } from '../rules/support/certain';
import { linkCandidatesBetween, mayBeLinked, rulesetMayForward, sameId } from '../rules/support/dns-network';
import type { ResolveTarget, TargetAccess } from './resolve-target';
import { answeringPlaces, dnsSteps, label, named, type AnsweringPlace, type Places } from './resolve-places';
import type { NameResolution, Resolution, ResolutionAnswer, ResolutionStep } from './resolve-types';

export type { NameResolution, Resolution, ResolutionAnswer, ResolutionStep };

/** How a client in `from` resolves the target's names, and the steps that lead to the answer. */
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
  if (rulesetMayForward(model, place.vnet, zoneName))
    return result('unknown', [
      {
        step: 'dns',
        text: `'${vnetName}' may be linked to a DNS forwarding ruleset whose rules send '${zoneName}' to other servers: where its query is answered is not known`,
      },
      answerStep('unknown'),
    ]);
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
  // FACTS §1 writes some zones with a placeholder ({regionName}, {regionCode}, …) and does not say which
  // value a given target takes: a zone named like the template may be another region's, so no such zone
  // settles the answer either way.
  if (hasPlaceholder(zoneName)) {
    return result('unknown', [
      zoneStep(zones),
      {
        step: 'zone',
        text: `FACTS §1 writes that zone with a placeholder: whether ${zones.map((zone) => `'${zone.name as string}'`).join(', ')} is the one for this target is not known`,
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

const hasPlaceholder = (zoneName: string): boolean => /\{\w+\}/.test(zoneName);

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
