// Indexes over one network model, built on first ask and kept on that model alone (keptOn: every
// analysis builds a new one): links by zone and, per zone, by VNet; zone
// groups by zone; VNets by id; peerings by local and remote VNet. Rules look candidates up here
// instead of scanning the model for each entity, then decide with the same comparisons as before, so
// findings stay as they were and the cost grows with the size of the network, not its square.
import {
  certainKey,
  CertainlySameIds,
  lastSegmentKey,
  Lookup,
  MaybeSameIdPairs,
  parentIdOf,
  keptOn,
  lowerCase,
  remembered,
  same,
  type NetworkModel,
  type Peering,
  type PrivateDnsZone,
  type ResourceDecl,
  type Value,
  type VirtualNetwork,
  type VnetLink,
  type ZoneGroup,
} from '../../model';

interface ZoneLinks {
  links: VnetLink[];
  /** The zone's links by the VNet they may join: resolved by its id, written ids by their last segment. */
  byVnet: Lookup<VnetLink>;
}

interface ModelLookups {
  /** Resolved links by their zone's id (`c`), the others by their parent id's last segment (`m`). */
  linksByZone: Lookup<VnetLink>;
  zoneLinks: Map<PrivateDnsZone, ZoneLinks>;
  /** Zone groups by the ids of the zones their configs resolve to. */
  groupsByZone: Lookup<ZoneGroup>;
  vnets: CertainlySameIds<VirtualNetwork>;
  /** Peerings by the VNet they start from (their local VNet, else their id's parent) and their remote. */
  peeringEnds: MaybeSameIdPairs<Peering>;
}

const memosKey = Symbol('memos');

interface Memo<K, V> {
  /** What else the answers depend on (the cloud): asked with another, the answers start again. */
  variant: string;
  answers: Map<K, V>;
}

const newMemos = () => new Map<string, Memo<unknown, unknown>>();

const lookupsKey = Symbol('lookups');

const lookupsOf = (model: NetworkModel): ModelLookups => keptOn(model, lookupsKey, buildLookups);

function buildLookups(model: NetworkModel): ModelLookups {
  const linksByZone = new Lookup<VnetLink>();
  for (const link of model.vnetLinks)
    linksByZone.addUnder(link.zone?.resolved ? certainKey(link.zone.target.id) : maybeKey(parentIdOf(link.id)), link);
  const groupsByZone = new Lookup<ZoneGroup>();
  model.zoneGroups.forEach((group) => {
    const zones = group.configs.flatMap((config) => (config.zone?.resolved ? [config.zone.target.id] : []));
    // A group without a resolved zone can use none: file it under a key no zone asks for.
    groupsByZone.add(zones.length === 0 ? ['-'] : zones.map(certainKey), group);
  });
  const vnets = new CertainlySameIds<VirtualNetwork>();
  for (const vnet of model.vnets) vnets.add(vnet.id, vnet);
  const peeringEnds = new MaybeSameIdPairs<Peering>();
  for (const peering of model.peerings) peeringEnds.add(localIdOf(peering), remoteIdOf(peering), peering);
  return { linksByZone, zoneLinks: new Map(), groupsByZone, vnets, peeringEnds };
}

/**
 * The answers to one question about the model's entities, kept for the model: a model does not change
 * once built, and several rules ask the same question of each entity on every analysis (issue 16).
 * `variant` names what else the answers depend on; the caller gets and sets.
 */
export function modelMemo<K, V>(model: NetworkModel, question: string, variant = ''): Map<K, V> {
  // Asked only by rules that judge an entity the model holds, so a model without one builds no indexes for it.
  const memos = keptOn(model, memosKey, newMemos);
  let memo = memos.get(question) as Memo<K, V> | undefined;
  if (!memo || memo.variant !== variant) memos.set(question, (memo = { variant, answers: new Map<K, V>() }));
  return memo.answers;
}

/**
 * Each declaration's place in the analysed set's declaration order (file order across files), for
 * rules that report on the later of two: numbered once per model, not once per rule and analysis.
 */
export function declarationPositions(model: NetworkModel): ReadonlyMap<ResourceDecl, number> {
  const positions = modelMemo<ResourceDecl, number>(model, 'declarationPositions');
  // As a Map built from the list would: a declaration listed twice takes its last place.
  if (positions.size === 0) model.declarations.forEach((decl, position) => positions.set(decl, position));
  return positions;
}

/**
 * `m` and the last segment, or undefined (keyless) when it has none. A certain key (id-lookup.ts
 * certainKey) starts with `=` or `?`: the two kinds of key share a lookup and never meet.
 */
function maybeKey(id: Value | undefined): string | undefined {
  const segment = lastSegmentKey(id);
  return segment === undefined ? undefined : remembered(maybeKeys, segment, maybeKeyOf);
}

// Made once per segment, like certainKey's keys: a new string per ask was copied flat and hashed by each read.
const maybeKeys = new Map<string, string>();
const maybeKeyOf = (segment: string) => `m${segment}`;

/** The links that may belong to `zone`, in model order, with an index of them by VNet. */
export function zoneLinksOf(
  model: NetworkModel,
  zone: PrivateDnsZone,
  belongs: (link: VnetLink) => boolean,
): ZoneLinks {
  const lookups = lookupsOf(model);
  let found = lookups.zoneLinks.get(zone);
  if (found) return found;
  const links = lookups.linksByZone.candidates([certainKey(zone.id), maybeKey(zone.id)]).filter(belongs);
  const byVnet = new Lookup<VnetLink>();
  for (const link of links) {
    if (!link.vnet) byVnet.add([], link);
    else byVnet.addUnder(link.vnet.resolved ? certainKey(link.vnet.target.id) : maybeKey(link.vnet.value), link);
  }
  lookups.zoneLinks.set(zone, (found = { links, byVnet }));
  return found;
}

/** Links of `links.byVnet` that may join `vnet` (a superset; the caller compares). */
export function linkCandidatesFor(links: ZoneLinks, vnet: VirtualNetwork): readonly VnetLink[] {
  return links.byVnet.candidates([certainKey(vnet.id), maybeKey(vnet.id)]);
}

/** Zone groups whose configs may resolve to `zone`, in model order (a superset; the caller compares). */
export function groupCandidatesFor(model: NetworkModel, zone: PrivateDnsZone): readonly ZoneGroup[] {
  return lookupsOf(model).groupsByZone.candidates([certainKey(zone.id)]);
}

/** VNets of the model whose id may certainly equal `id` (a superset; the caller compares). */
export function vnetCandidatesFor(model: NetworkModel, id: Value): readonly VirtualNetwork[] {
  return lookupsOf(model).vnets.candidates(id);
}

/** Peerings that may lead from `from` to `to` (a superset, in no order; the caller compares). */
export function peeringCandidatesFor(
  model: NetworkModel,
  from: Pick<VirtualNetwork, 'id'>,
  to: Pick<VirtualNetwork, 'id'>,
): readonly Peering[] {
  return lookupsOf(model).peeringEnds.candidates(from.id, to.id);
}

/** What `localIs` compares a peering's start with: its local VNet's id, else its parent id. */
function localIdOf(peering: Peering): Value | undefined {
  return peering.local ? peering.local.id : parentIdOf(peering.id);
}

/** What `remoteIs` compares a peering's end with: the resolved VNet's id, else the written id. */
function remoteIdOf(peering: Peering): Value | undefined {
  const remote = peering.remote;
  if (!remote) return undefined;
  return remote.resolved ? remote.target.id : remote.value;
}

/**
 * Whether the model holds a declaration of `type` (any case) that `accepts` takes and whose parent may be
 * `parentId` (a child resource: a zone's links, a server's firewall rules).
 */
export function declaresChild(
  model: NetworkModel,
  type: string,
  parentId: Value,
  accepts: (decl: ResourceDecl) => boolean,
): boolean {
  const wanted = type.toLowerCase();
  return model.declarations.some((decl) => {
    if (lowerCase(decl.type) !== wanted || !accepts(decl)) return false;
    const parent = parentIdOf(decl.id);
    return parent !== undefined && same(parent, parentId, true) !== false;
  });
}
