// What other deployments may add to a deployment's resources: a peering, zone group or VNet link another
// root creates under a resource this one declares, or a VNet it names with peerings written inline,
// where the ids may be the same (DESIGN §2: a rule that
// reports something missing judges every way it may be there). Templates split across entry points name
// each other's resources as `existing` in a scope neither knows (`resourceGroup()` of each), so the ids
// are never certainly equal and the exact joins (deployments.ts) never take them; the hub's peering to the
// spoke and the spoke's back, or an endpoint and the zone group another file gives it, were then each
// reported as missing. Joined here as "maybe deployed" copies, they can silence a rule, never trigger one.
// Invariants: only declarations whose id ends in known text from its `/providers/` on are keyed (a child
// whose own name is not known is offered under its parent's key all the same). A child whose other end is
// a known VNet (a peering's remote, a link's network) is offered only to a deployment that declares that
// VNet too, so a hub's thousand peering resources are not offered to every spoke; a peering whose other
// end is not known may be any deployment's. A VNet a deployment's peering names by id counts as one it
// declares, for what others create under it. A VNet with inline peerings is offered whole (its peerings
// are part of it): N spokes naming a hub that lists N peerings inline each join all N, which is the cost
// of seeing them. A peering whose own VNet's name is not known is offered to a deployment that declares
// the VNet it points at, and a module call nobody can read to one that declares a resource it is given
// by id: each names something of the deployment it joins (roots meet only through a reference).
import type { ResourceDecl } from '../evaluate/declaration';
import { isArray, same, type Value } from '../evaluate/value';
import { parentIdOf, providerKey } from '../model/identity';
import { at } from '../model/property-path';

/** Child types another root may create under a resource of this one, with the VNet they point at. */
const childTypes: ReadonlyMap<string, string | undefined> = new Map([
  ['microsoft.network/virtualnetworks/virtualnetworkpeerings', 'remoteVirtualNetwork.id'],
  ['microsoft.network/privatednszones/virtualnetworklinks', 'virtualNetwork.id'],
  ['microsoft.network/privateendpoints/privatednszonegroups', undefined],
]);
const vnetType = 'microsoft.network/virtualnetworks';
const peeringType = 'microsoft.network/virtualnetworks/virtualnetworkpeerings';
/** The `points` of a VNet offered for its inline peerings (no provider key is '*'). */
const inlinePeerings = '*';
/** The `parent` of a peering whose own VNet's name is not known (no provider key is '?'). */
const unknownVnet = '?';
/** The `points` of a module call nobody can read, offered under what it is given. */
const unreadCall = '!';

/** A child a deployment creates that may belong under another deployment's resource. */
export interface Offer {
  decl: ResourceDecl;
  /** The provider key of its parent; of itself for a VNet offered for its inline peerings. */
  parent: string;
  /**
   * The provider key of the VNet it points at, for types that point at one; '' otherwise; '*' for a VNet
   * offered for its inline peerings under its own key; '!' for a module call nobody can read.
   */
  points: string;
  /** A VNet offered for its inline peerings: under itself, not under its parent. */
  whole?: boolean;
}

/** What a deployment offers others and what it declares (keys of each of its declarations, VNets apart). */
export interface Reaches {
  offers: Offer[];
  /** Each declared provider key with the ids declared under it. */
  declared: Map<string, Value[]>;
  vnets: Set<string>;
}

export function reachesOf(resources: readonly ResourceDecl[]): Reaches {
  const offers: Offer[] = [];
  const declared = new Map<string, Value[]>();
  const vnets = new Set<string>();
  for (const decl of resources) {
    if (decl.condition === false) continue;
    if (decl.unread) {
      offerUnreadCall(decl, offers);
      continue;
    }
    const type = decl.type.toLowerCase();
    // A child whose own name is not known (a hub's peerings looped over the ids it is given) is keyed by
    // its parent alone: it still offers itself under it.
    const key = providerKey(decl.id);
    if (key === undefined && type === vnetType && !decl.existing) {
      // A VNet whose name is not known offers its inline peerings to a deployment that declares a VNet
      // they point at (as a child peering of an unknown VNet is offered).
      const inline = at(decl.properties, 'virtualNetworkPeerings');
      if (isArray(inline)) offerInlinePeeringsOfUnknownVnet(decl, inline, offers);
      continue;
    }
    if (key === undefined && !childTypes.has(type)) continue;
    if (key !== undefined) addDeclared(declared, key, decl.id);
    // A VNet no file of this deployment declares but one of its peerings names by id (a hub in another
    // subscription): what other roots create under it may be its peering back, which the peering rules
    // must see (peering-gateway-transit judges such a hub by the peerings the analysed files write).
    if (type === peeringType && !decl.existing) {
      const remote = at(decl.properties, 'remoteVirtualNetwork.id');
      const remoteKey = providerKey(remote);
      if (remoteKey !== undefined && remote !== undefined) addDeclared(declared, remoteKey, remote);
    }
    if (key !== undefined && type === vnetType) vnets.add(key);
    if (decl.existing) continue;
    // A VNet that writes its peerings inline offers itself, to a deployment that names it.
    if (key !== undefined && type === vnetType && at(decl.properties, 'virtualNetworkPeerings') !== undefined)
      offers.push({ decl, parent: key, points: inlinePeerings, whole: true });
    if (!childTypes.has(type)) continue;
    const pointer = childTypes.get(type);
    const pointed = pointer === undefined ? '' : providerKey(at(decl.properties, pointer));
    const parent = providerKey(parentIdOf(decl.id));
    if (parent === undefined) {
      // A peering from a VNet whose name is given (`'${spokeName}/to-hub'`, a spoke's template deployed per
      // spoke) to a known VNet may be the way back of that VNet's peerings: it is offered under no parent,
      // to a deployment that declares the VNet it points at. One with both ends unknown names nothing of
      // another root and is offered to none (roots meet only through a reference).
      if (type === peeringType && pointed) offers.push({ decl, parent: unknownVnet, points: pointed });
      continue;
    }
    // A peering to a VNet whose name is not known (a hub's peerings looped over the spokes' ids it is
    // given) may be any spoke's way back: it is offered as pointing at none, to every deployment that
    // names the hub. A link to an unknown VNet is not: every repository that links a zone of a common
    // name to the VNets it is given would silence the others.
    const points = pointed ?? (type === peeringType ? '' : undefined);
    if (points !== undefined) offers.push({ decl, parent, points });
  }
  return { offers, declared, vnets };
}

/** A VNet whose name is not known, offered under '?' for each VNet its inline peerings point at. */
function offerInlinePeeringsOfUnknownVnet(decl: ResourceDecl, peerings: readonly Value[], offers: Offer[]): void {
  const pointed = new Set<string>();
  for (const peering of peerings) {
    const key = providerKey(at(peering, 'properties.remoteVirtualNetwork.id'));
    if (key !== undefined) pointed.add(key);
  }
  for (const points of pointed) offers.push({ decl, parent: unknownVnet, points, whole: true });
}

/**
 * A module call nobody can read may create anything under the resources it is given (a spoke's peering
 * module given the hub's id writes the peering back; rules/support/unread-calls.ts): it is offered under
 * the key of each id it is given, and of each resource above it (a subnet's id names its VNet), to a
 * deployment that declares one of them. Its parameters' other strings (names) then decide, as in its own.
 */
function offerUnreadCall(decl: ResourceDecl, offers: Offer[]): void {
  const given = at(decl.properties, 'given');
  if (!isArray(given)) return;
  const keys = new Set<string>();
  for (const value of given) {
    let key = providerKey(value);
    // '/providers/{namespace}/{type}/{name}' and every deeper '/{type}/{name}' below it.
    while (key !== undefined && key.split('/').length >= 5 && !keys.has(key)) {
      keys.add(key);
      key = key.slice(0, key.lastIndexOf('/', key.lastIndexOf('/') - 1));
    }
  }
  for (const key of keys) offers.push({ decl, parent: key, points: unreadCall });
}

function addDeclared(declared: Map<string, Value[]>, key: string, id: Value): void {
  const ids = declared.get(key);
  if (ids) ids.push(id);
  else declared.set(key, [id]);
}

/** Every offer of the workspace's deployments by parent, then by the VNet it points at, with its root. */
export type OfferIndex = Map<string, Map<string, { root: string; offer: Offer }[]>>;

export function indexOffers(reaches: Iterable<[root: string, reaches: Reaches]>): OfferIndex {
  const index: OfferIndex = new Map();
  for (const [root, { offers }] of reaches) {
    for (const offer of offers) {
      let byPoints = index.get(offer.parent);
      if (!byPoints) index.set(offer.parent, (byPoints = new Map()));
      const list = byPoints.get(offer.points);
      if (list) list.push({ root, offer });
      else byPoints.set(offer.points, [{ root, offer }]);
    }
  }
  return index;
}

type Offered = readonly { root: string; offer: Offer }[];

/**
 * The offers under one parent that a deployment with these VNets takes: those pointing at no VNet, a
 * VNet offered for its inline peerings, and those pointing at one of its VNets. The smaller side is
 * walked: a hub that four thousand spokes peer to has as many pointed VNets, and each spoke declares two
 * (issue 16: the cost must stay linear in the spokes).
 */
function* taken(byPoints: ReadonlyMap<string, Offered>, vnets: ReadonlySet<string>): Generator<Offered> {
  for (const points of ['', inlinePeerings, unreadCall]) {
    const offered = byPoints.get(points);
    if (offered) yield offered;
  }
  if (byPoints.size <= vnets.size) {
    for (const [points, offered] of byPoints) if (vnets.has(points)) yield offered;
  } else {
    for (const vnet of vnets) {
      const offered = byPoints.get(vnet);
      if (offered) yield offered;
    }
  }
}

/**
 * The other roots' children that may belong under `own`'s resources, each once, with its root: under a
 * declared key, taken as `taken` says, and under an id that may be one of `own`'s. Roots that deploy
 * the same template (its environments' parameter files) offer each other nothing: each is that template
 * deployed with its own values, elsewhere, and one environment's zone group or link is not another's.
 */
export function maybeJoined(
  root: string,
  own: Reaches,
  index: OfferIndex,
  sameTemplate: (other: string) => boolean,
): Map<ResourceDecl, string> | undefined {
  let joined: Map<ResourceDecl, string> | undefined;
  const join = (offered: Offered, ids: readonly Value[]) => {
    for (const { root: other, offer } of offered) {
      if (other === root || joined?.has(offer.decl) || sameTemplate(other)) continue;
      if (!mayBeUnder(offer, ids)) continue;
      (joined ??= new Map()).set(offer.decl, other);
    }
  };
  for (const [parent, ids] of own.declared) {
    const byPoints = index.get(parent);
    if (byPoints) for (const offered of taken(byPoints, own.vnets)) join(offered, ids);
  }
  // Peerings from a VNet whose name is not known, to one of own's VNets: their own VNet may be another of own's.
  const fromUnknown = index.get(unknownVnet);
  if (fromUnknown && own.vnets.size > 1) {
    const vnetIds = [...own.vnets].flatMap((key) => own.declared.get(key) ?? []);
    for (const vnet of own.vnets) {
      const offered = fromUnknown.get(vnet);
      if (offered) join(offered, vnetIds);
    }
  }
  return joined;
}

/** Whether an offered child may be under one of `ids` (those its parent's key names, or own's VNets for `unknownVnet`). */
function mayBeUnder(offer: Offer, ids: readonly Value[]): boolean {
  // An unread call is under each resource it is given: its key is the reference.
  if (offer.points === unreadCall) return true;
  const parentId = offer.whole ? offer.decl.id : parentIdOf(offer.decl.id);
  // A peering whose VNet's name is not known has no parent id at all when none of its id is known.
  if (parentId === undefined) return offer.parent === unknownVnet;
  return ids.some((id) => same(parentId, id, true) !== false);
}

/**
 * Whether `reaches` takes one of the offers of `index` (those of the deployments that changed), as
 * maybeJoined would. A kept deployment that does joins anew when those offers change; others keep their
 * models (a zone that every repository names, with a link to a VNet only one of them has, must not
 * rebuild them all per keystroke). Walks the deployment's own keys, so a keystroke costs what the
 * workspace declares, not that times what the edited file offers.
 */
export function takesAnyOf(reaches: Reaches, index: OfferIndex): boolean {
  for (const key of reaches.declared.keys()) {
    const byPoints = index.get(key);
    if (byPoints && !taken(byPoints, reaches.vnets).next().done) return true;
  }
  const fromUnknown = index.get(unknownVnet);
  if (fromUnknown && reaches.vnets.size > 1) for (const vnet of reaches.vnets) if (fromUnknown.has(vnet)) return true;
  return false;
}

/** A copy of another root's declaration that may be deployed with this one: it can silence, never trigger. */
export function maybeCopy(decl: ResourceDecl): ResourceDecl {
  return { ...decl, condition: 'unknown' };
}
