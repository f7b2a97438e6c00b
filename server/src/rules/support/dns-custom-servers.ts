// Where a client VNet's custom DNS servers live, for dns-custom-server-unlinked and the link fixes:
// the analysed VNets that answer its queries through their own zone links (FACTS §5.2, S5).
// Invariant: an answer only when every server and its VNet are certain; otherwise undefined.
import { forwarderSubnetsOfUnknownUpstream, type Cloud } from '../../facts';
import {
  dnsResolversOf,
  placeOfDnsServer,
  type NetworkModel,
  type PrivateDnsZone,
  type VirtualNetwork,
} from '../../model';
import { certainlyCreatedAsOne, knownString } from './certain';
import { dnsServersOf, mayBeLinked, sameId, zoneClients } from './dns-network';
import { vnetCandidatesFor } from './model-lookups';

/**
 * The client's custom DNS servers and the analysed VNets they live in, when all of it is certain and
 * none of those VNets may be linked to the zone; undefined otherwise (Azure-provided DNS, unknown
 * servers, a server outside the analysed VNets or behind a forwarder of unknown upstream, a link to
 * `zone` when given).
 */
export function serverVnets(
  model: NetworkModel,
  client: VirtualNetwork,
  zone: PrivateDnsZone | undefined,
): { servers: string[]; vnets: VirtualNetwork[] } | undefined {
  const declarations = vnetCandidatesFor(model, client.id).filter(
    (other) => (other === client || sameId(other.id, client.id)) && !other.decl.existing,
  );
  const answers = declarations.map(dnsServersOf);
  if (answers.length === 0 || answers.some((answer) => answer === undefined || answer === 'azure-provided'))
    return undefined;
  const servers = [...new Set(answers.flatMap((answer) => answer as string[]))];
  const vnets: VirtualNetwork[] = [];
  for (const server of servers) {
    const place = placeOfDnsServer(model, server);
    if (!place.vnet || !certainlyCreatedAsOne(place.vnet.decl)) return undefined;
    const subnetName = place.subnet ? knownString(place.subnet.name) : undefined;
    if (!place.inboundEndpoint && (!place.subnet || subnetName === undefined)) return undefined;
    if (
      subnetName !== undefined &&
      forwarderSubnetsOfUnknownUpstream.some((reserved) => reserved.toLowerCase() === subnetName.toLowerCase())
    )
      return undefined;
    if (zone && mayBeLinked(model, zone, place.vnet)) return undefined;
    if (!place.inboundEndpoint && !asksAzureDnsFromItsVnet(place.vnet, servers)) return undefined;
    if (!vnets.some((known) => sameId(known.id, place.vnet!.id))) vnets.push(place.vnet);
  }
  return { servers, vnets };
}

/**
 * Whether a forwarder (a DNS server VM) is taken to ask Azure DNS from its own VNet: that VNet uses
 * Azure-provided DNS, or only the client's servers (domain controllers that list each other). A VNet whose
 * DNS is another server (a firewall's DNS proxy in a hub) says its servers' queries go on elsewhere,
 * where the templates cannot follow them; so does a DNS setting that is not known.
 */
export function asksAzureDnsFromItsVnet(vnet: VirtualNetwork, servers: readonly string[]): boolean {
  const own = dnsServersOf(vnet);
  return own === 'azure-provided' || (own !== undefined && own.every((server) => servers.includes(server)));
}

/** Whether a declared DNS Private Resolver may answer from the zone: its VNet is unknown or may be linked. */
export function resolverMayAnswer(model: NetworkModel, zone: PrivateDnsZone): boolean {
  return dnsResolversOf(model).resolvers.some(
    (resolver) => !resolver.vnet?.resolved || mayBeLinked(model, zone, resolver.vnet.target),
  );
}

/**
 * The VNets dns-custom-server-unlinked asks to link to the zone: where the custom DNS servers of the
 * zone's client VNets live (none when a resolver may answer from it).
 */
export function customServerHomes(model: NetworkModel, zone: PrivateDnsZone, cloud: Cloud): VirtualNetwork[] {
  if (resolverMayAnswer(model, zone)) return [];
  const homes: VirtualNetwork[] = [];
  for (const { vnets: clients } of zoneClients(model, zone, cloud))
    for (const client of clients)
      if (certainlyCreatedAsOne(client.decl)) homes.push(...(serverVnets(model, client, zone)?.vnets ?? []));
  return homes;
}
