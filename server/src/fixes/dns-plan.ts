// Planning of the DNS zone group fixes from the model (the rules name the endpoint or group and the
// zone names; this decides the rest): which zones of the workspace a group can point at, which VNets
// such a zone must then be linked to, and which a new zone is linked to, so that a fix that writes a
// group into a zone raises no dns-zone-unlinked, dns-zone-vnet-link-missing or dns-custom-server-unlinked
// finding (DESIGN §4 c). Every predicate is the rules' own (ModelQueries), so fixes link exactly where
// those rules look. Invariant: a zone `existing` here, or not created for certain, is owned elsewhere
// and gets no links from us.
import { targetsUsingZone, type Cloud } from '../facts';
import type {
  ModelQueries,
  NetworkModel,
  PrivateDnsZone,
  ResourceDecl,
  VirtualNetwork,
  ZoneConfig,
  ZoneGroup,
} from '../model';
import type { WantedZone } from './zone-resources';

/**
 * The zones a group would point at: each name with the zones of that name in the workspace and the links
 * each lacks, and whether another zone group points at a zone of that name the workspace does not declare.
 */
export function wantedZones(
  queries: ModelQueries,
  model: NetworkModel,
  names: readonly string[],
  home: VirtualNetwork | undefined,
): WantedZone[] {
  return names.map((name) => ({
    name,
    inWorkspace: queries
      .zonesNamed(model, name)
      .map((zone) => ({ decl: zone.decl, links: linksMissing(queries, model, zone, home).map((vnet) => vnet.decl) })),
    usedByIdOnly: model.zoneGroups.some((group) =>
      group.configs.some(
        (config) => !config.zone?.resolved && queries.zoneNameOfConfig(config)?.toLowerCase() === name.toLowerCase(),
      ),
    ),
  }));
}

/** The VNet of a zone group's endpoint, when both are resolved. */
export function groupVnet(queries: ModelQueries, group: ZoneGroup): VirtualNetwork | undefined {
  return group.endpoint?.resolved ? queries.endpointVnet(group.endpoint.target) : undefined;
}

/** The endpoint's VNet, then the VNets peered with it both ways that resolve through linked zones. */
function resolvingVnets(
  queries: ModelQueries,
  model: NetworkModel,
  home: VirtualNetwork | undefined,
): VirtualNetwork[] {
  if (!home) return [];
  const peered = queries
    .peeredBothWays(home)
    .filter((vnet) => queries.certainlyCreatedAsOne(vnet.decl) && queries.usesAzureProvidedDns(model, vnet) === true);
  return [home, ...peered.filter((vnet) => !queries.sameId(vnet.id, home.id))];
}

/**
 * Where the custom DNS servers of the endpoint's VNet and its peers (both ways) live: a zone must be
 * linked there too, or dns-custom-server-unlinked reports it (FACTS §5.2).
 */
function dnsServerVnets(
  queries: ModelQueries,
  model: NetworkModel,
  home: VirtualNetwork,
  zone: PrivateDnsZone | undefined,
): VirtualNetwork[] {
  const clients = [home, ...queries.peeredBothWays(home).filter((vnet) => queries.certainlyCreatedAsOne(vnet.decl))];
  return clients.flatMap((client) => queries.serverVnets(model, client, zone)?.vnets ?? []);
}

/** Adds each VNet of `more` not already in `vnets` (by identity). */
function withUnique(
  queries: ModelQueries,
  vnets: readonly VirtualNetwork[],
  more: readonly VirtualNetwork[],
): VirtualNetwork[] {
  const all = [...vnets];
  for (const vnet of more) if (!all.some((known) => queries.sameId(known.id, vnet.id))) all.push(vnet);
  return all;
}

/** The links a new zone needs: the endpoint's VNet (a zone needs one link), the resolving peers, the DNS servers' VNets. */
export function linksForNewZone(
  queries: ModelQueries,
  model: NetworkModel,
  home: VirtualNetwork | undefined,
): ResourceDecl[] {
  if (!home) return [];
  const vnets = withUnique(
    queries,
    resolvingVnets(queries, model, home),
    dnsServerVnets(queries, model, home, undefined),
  );
  return vnets.map((vnet) => vnet.decl);
}

/** The links a zone of the workspace lacks once the endpoint uses it (none for a zone owned elsewhere). */
function linksMissing(
  queries: ModelQueries,
  model: NetworkModel,
  zone: PrivateDnsZone,
  home: VirtualNetwork | undefined,
): VirtualNetwork[] {
  if (!home || zone.existing || !queries.certainlyCreatedAsOne(zone.decl)) return [];
  // The endpoint's own VNet needs a link when the zone has none (a zone needs one), or when it resolves
  // through Azure's DNS itself; its peers are resolvingVnets' already.
  const unlinked = queries.linksMaybeOf(model, zone).length === 0;
  const homeResolves = queries.usesAzureProvidedDns(model, home) === true && queries.certainlyCreatedAsOne(home.decl);
  const peers = resolvingVnets(queries, model, home).slice(1);
  const resolving = unlinked || homeResolves ? [home, ...peers] : peers;
  return withUnique(queries, resolving, dnsServerVnets(queries, model, home, zone)).filter(
    (vnet) => !queries.mayBeLinked(model, zone, vnet),
  );
}

/**
 * The zone a config points at, when renaming it to the right name is sound as far as the model tells:
 * created here, used by no other config (nor by a config whose zone is unknown), and its name the zone
 * of no service (FACTS §1), so nothing else resolves through it.
 */
export function renamableZone(
  queries: ModelQueries,
  model: NetworkModel,
  config: ZoneConfig,
  cloud: Cloud,
): PrivateDnsZone | undefined {
  const zone = config.zone?.resolved ? config.zone.target : undefined;
  const zoneName = queries.zoneNameOfConfig(config);
  if (!zone || zone.existing || zoneName === undefined) return undefined;
  const usedElsewhere = model.zoneGroups.some((other) =>
    other.configs.some(
      (c) =>
        c !== config &&
        (c.zone?.resolved
          ? queries.sameId(c.zone.target.id, zone.id)
          : queries.zoneNameOfConfig(c) === undefined || queries.zoneNameOfConfig(c) === zoneName),
    ),
  );
  return !usedElsewhere && targetsUsingZone(cloud, zoneName).length === 0 ? zone : undefined;
}
