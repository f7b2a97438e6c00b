// Fix-request details the DNS rules share (no finding is decided here): which virtual networks a zone
// must be linked to once a zone group writes into it, so a fix that points a group at a zone can add
// those links too and raise no dns-zone-unlinked or dns-zone-vnet-link-missing finding (DESIGN §4 c).
import type { NetworkModel, PrivateDnsZone, VirtualNetwork } from '../model';
import { certainlyCreated } from './dns-endpoint';
import { serverVnets } from './dns-custom-servers';
import { linksMaybeOf, mayBeLinked, peeredBothWays, sameId, usesAzureProvidedDns } from './dns-network';

export interface VnetRef {
  key: string;
  decl: VirtualNetwork['decl'];
}

const ref = (vnet: VirtualNetwork): VnetRef => ({ key: vnet.key, decl: vnet.decl });

/** The endpoint's VNet, then the VNets peered with it both ways that resolve through linked zones. */
export function resolvingVnets(model: NetworkModel, home: VirtualNetwork | undefined): VirtualNetwork[] {
  if (!home) return [];
  const peered = peeredBothWays(home).filter((vnet) => certainlyCreated(vnet.decl) && usesAzureProvidedDns(model, vnet) === true);
  return [home, ...peered.filter((vnet) => !sameId(vnet.id, home.id))];
}

/**
 * Where the custom DNS servers of the endpoint's VNet and its peers (both ways) live: a zone must be
 * linked there too, or dns-custom-server-unlinked reports it (FACTS §5.2).
 */
function dnsServerVnets(model: NetworkModel, home: VirtualNetwork, zone: PrivateDnsZone | undefined): VirtualNetwork[] {
  const clients = [home, ...peeredBothWays(home).filter((vnet) => certainlyCreated(vnet.decl))];
  return clients.flatMap((client) => serverVnets(model, client, zone)?.vnets ?? []);
}

/** Adds each VNet of `more` not already in `vnets` (by identity). */
function withUnique(vnets: readonly VirtualNetwork[], more: readonly VirtualNetwork[]): VirtualNetwork[] {
  const all = [...vnets];
  for (const vnet of more) if (!all.some((known) => sameId(known.id, vnet.id))) all.push(vnet);
  return all;
}

/** The links a new zone needs: the endpoint's VNet (a zone needs one link), the resolving peers, the DNS servers' VNets. */
export function linksForNewZone(model: NetworkModel, home: VirtualNetwork | undefined): VnetRef[] {
  const resolving = resolvingVnets(model, home).filter((vnet, index) => index === 0 || usesAzureProvidedDns(model, vnet) === true);
  return (home ? withUnique(resolving, dnsServerVnets(model, home, undefined)) : resolving).map(ref);
}

/** The links a zone of the workspace lacks once the endpoint uses it (none for a zone owned elsewhere). */
export function linksMissing(model: NetworkModel, zone: PrivateDnsZone, home: VirtualNetwork | undefined): VnetRef[] {
  if (!home || zone.existing || !certainlyCreated(zone.decl)) return [];
  const unlinked = linksMaybeOf(model, zone).length === 0;
  const resolving = resolvingVnets(model, home)
    .filter((vnet, index) => (index === 0 && unlinked) || (usesAzureProvidedDns(model, vnet) === true && certainlyCreated(vnet.decl)));
  return withUnique(resolving, dnsServerVnets(model, home, zone))
    .filter((vnet) => !mayBeLinked(model, zone, vnet))
    .map(ref);
}
