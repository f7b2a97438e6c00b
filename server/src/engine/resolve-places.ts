// Where a VNet's DNS queries are answered, for the resolution explainer: Azure-provided DNS in the VNet
// itself, or its custom servers' places (a VNet they live in, a resolver inbound endpoint, a forwarder
// whose upstream the templates do not show), and how the steps name a resource.
import { azureProvidedDnsAddress, forwarderSubnetsOfUnknownUpstream } from '../facts';
import { placeOfDnsServer, type NetworkModel, type ResourceDecl, type Value, type VirtualNetwork } from '../model';
import { valueForMessage } from '../rules/support/certain';
import { asksAzureDnsFromItsVnet } from '../rules/support/dns-custom-servers';
import { dnsServersOf, sameId } from '../rules/support/dns-network';
import { vnetCandidatesFor } from '../rules/support/model-lookups';
import type { ResolutionStep } from './resolve-types';

/** Where the asking VNet's queries are answered: by Azure-provided DNS in `vnet`, or unknown. */
export interface AnsweringPlace {
  vnet: VirtualNetwork;
  /** Through a forwarder whose upstream templates do not show: a private answer depends on it. */
  forwarder?: string;
}

export type Places = { places: AnsweringPlace[]; steps: ResolutionStep[] } | { unknown: ResolutionStep[] };

/** How steps name a resource: its known name, else its name as written with the symbolic name beside it. */
export function label(entity: { name: Value; decl: ResourceDecl; path: string }): string {
  return typeof entity.name === 'string' ? entity.name : valueForMessage(entity.name);
}

/** The label in quotes, with the symbolic name beside a name that is not known. */
export function named(entity: { name: Value; decl: ResourceDecl; path: string }): string {
  const symbol =
    typeof entity.name !== 'string' && entity.decl.symbol && entity.path === '' ? ` (${entity.decl.symbol})` : '';
  return `'${label(entity)}'${symbol}`;
}

export const dnsSteps = (dns: Places) => ('unknown' in dns ? dns.unknown : dns.steps);

/** The asking VNet's DNS: Azure-provided (answered in the VNet itself) or its custom servers' places. */
export function answeringPlaces(model: NetworkModel, from: VirtualNetwork): Places {
  const declarations = vnetCandidatesFor(model, from.id).filter(
    (vnet) => (vnet === from || sameId(vnet.id, from.id)) && !vnet.decl.existing,
  );
  const answers = declarations.map(dnsServersOf);
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
    } else if (!asksAzureDnsFromItsVnet(place.vnet, servers)) {
      const own = dnsServersOf(place.vnet);
      return {
        unknown: [
          ...steps,
          {
            step: 'server',
            text: `${server} lies in ${subnetName ? `subnet '${subnetName}' of ` : ''}'${vnetName}', which ${Array.isArray(own) ? `uses the DNS servers ${own.join(', ')}` : 'uses DNS servers that are not known'}: a forwarder there may forward to them, which the network templates do not show`,
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
