// Relations between peerings and VNets for the peering rules: which VNets a peering certainly (or
// possibly) connects, its flags, and whether it peers subnets only.
// Invariant: "A→B" means a peering whose local VNet is A and whose remote resolves to B; every answer is
// three-valued, so a peering with an unknown side may silence a finding and never causes one.
import { subnetPeeringProperties, type PeeringFlag } from '../../facts';
import { at, isObject, parentIdOf, same, type Peering, type Tri, type Value, type VirtualNetwork } from '../../model';

/**
 * A VNet as these relations compare it: by its id. A VNet of the analysed files, or one only named
 * by a known id (a hub in another subscription that a module peers back from).
 */
export type VnetById = Pick<VirtualNetwork, 'id'>;

/** Whether two VNet entities are the same VNet: the same entity, or ids that compare equal. */
export function sameVnet(a: VnetById, b: VnetById): Tri {
  return a === b ? true : same(a.id, b.id, true);
}

/** Whether the peering's local VNet is `vnet` (by its parent entity, else by the parent part of its id). */
export function localIs(peering: Peering, vnet: VnetById): Tri {
  if (peering.local) return sameVnet(peering.local, vnet);
  const parent = parentIdOf(peering.id);
  return parent === undefined ? 'unknown' : same(parent, vnet.id, true);
}

/** Whether the peering's remote VNet is `vnet` (resolved target, else the written id). */
export function remoteIs(peering: Peering, vnet: VnetById): Tri {
  const remote = peering.remote;
  if (!remote) return 'unknown';
  return remote.resolved ? sameVnet(remote.target, vnet) : same(remote.value, vnet.id, true);
}

/** The remote VNet this set declares (created or `existing`), when the reference resolves. */
export function remoteVnet(peering: Peering): VirtualNetwork | undefined {
  return peering.remote?.resolved ? peering.remote.target : undefined;
}

/** The remote VNet's id when no analysed file declares it but the peering names it by a known id. */
export function undeclaredRemoteId(peering: Peering): string | undefined {
  const remote = peering.remote;
  return remote && !remote.resolved && typeof remote.value === 'string' ? remote.value : undefined;
}

/** A peering connects `from` to `to`: true, false or unknown. */
export function connects(peering: Peering, from: VnetById, to: VnetById): Tri {
  const local = localIs(peering, from);
  if (local === false) return false;
  const remote = remoteIs(peering, to);
  if (remote === false) return false;
  return local === true && remote === true ? true : 'unknown';
}

/** A peering of a VNet to itself. */
export function isSelfPeering(peering: Peering): Tri {
  if (peering.local) return remoteIs(peering, peering.local);
  const parent = parentIdOf(peering.id);
  const remote = peering.remote;
  if (parent === undefined || !remote) return 'unknown';
  return same(parent, remote.resolved ? remote.target.id : remote.value, true);
}

/**
 * A flag's value: a boolean, 'absent' when the known properties object lacks it, or undefined when it
 * cannot be known.
 */
export function flagOf(peering: Peering, flag: PeeringFlag): boolean | 'absent' | undefined {
  if (!isObject(peering.properties)) return undefined;
  const value: Value | undefined = at(peering.properties, flag);
  if (value === undefined) return 'absent';
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * Whether the peering may be a subnet peering (FACTS §4.1: `peerCompleteVnets: false`, with subnet lists):
 * true or unknown as soon as a subnet-peering property is written and `peerCompleteVnets` is not known true.
 */
export function maySubnetPeer(peering: Peering): boolean {
  if (!isObject(peering.properties)) return true;
  for (const path of subnetPeeringPaths)
    if (at(peering.properties, path) !== undefined) return at(peering.properties, 'peerCompleteVnets') !== true;
  return false;
}

/** The subnet-peering properties' paths inside `properties`: cut once, not per peering and rule (issue 16). */
const subnetPeeringPaths = subnetPeeringProperties.map((path) => path.replace(/^properties\./, ''));
