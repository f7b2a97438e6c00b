// Lookups in the network model for completion and hover: the declarations behind an anchor, what an
// endpoint connection targets, which zones an endpoint needs, zone names of configs, peering relations,
// and how to name an entity to a person.
// Invariants: "unknown" is an answer (undefined, or 'unknown'), never a guess; names are returned as text
// and only the markdown layer formats them.
import { expectedZones, type Cloud, type ZoneExpectation } from '../facts';
import {
  connectionTargetType,
  asWritten,
  isArray,
  parentIdOf,
  PartialString,
  same,
  type Entity,
  type NetworkModel,
  type Peering,
  type PrivateLinkConnection,
  type ResourceDecl,
  type Value,
  type VirtualNetwork,
  type ZoneConfig,
} from '../model';

export { connectionTargetType, resourceTypeOfId as typeFromId } from '../model';

/** The declarations (a loop's instances, a module's calls) whose anchor is at `anchor` in `uri`. */
export function declarationsAt(model: NetworkModel, uri: string, anchor: number | undefined): ResourceDecl[] {
  if (anchor === undefined) return [];
  return model.declarations.filter((decl) => decl.uri === uri && decl.range.start === anchor);
}

/** The path of an inline child in its declaration (`properties.subnets[2]`) from a cursor path. */
export function inlinePath(collection: string, index: number): string {
  return `properties.${collection}[${index}]`;
}

/** The known group ids of a connection (unknown items left out). */
export function knownGroupIds(connection: PrivateLinkConnection): string[] {
  return isArray(connection.groupIds) ? connection.groupIds.filter((id): id is string => typeof id === 'string') : [];
}

export interface EndpointNeed {
  targetType: string;
  groupId: string;
  expectation: ZoneExpectation | undefined;
}

/** Every (target type, group id) pair of the endpoint's connections whose type and id are known. */
export function endpointNeeds(connections: readonly PrivateLinkConnection[], cloud: Cloud): EndpointNeed[] {
  const needs: EndpointNeed[] = [];
  for (const connection of connections) {
    const targetType = connectionTargetType(connection);
    if (!targetType) continue;
    for (const groupId of knownGroupIds(connection))
      needs.push({ targetType, groupId, expectation: expectedZones(cloud, targetType, groupId) });
  }
  return needs;
}

/** Distinct zone names (record names left out) the needs ask for, table order. */
export function neededZoneNames(needs: readonly EndpointNeed[]): string[] {
  return [
    ...new Set(
      needs.flatMap((need) => need.expectation?.zones.filter((zone) => !zone.record).map((zone) => zone.name) ?? []),
    ),
  ];
}

/** The name of the zone a config points at: the declared zone's known name, else the id's last segment. */
export function zoneNameOfConfig(config: ZoneConfig): string | undefined {
  if (config.zone?.resolved) return typeof config.zone.target.name === 'string' ? config.zone.target.name : undefined;
  const id = config.zoneId;
  const last = typeof id === 'string' ? id : id instanceof PartialString ? id.parts[id.parts.length - 1] : undefined;
  if (typeof last !== 'string') return undefined;
  return /\/providers\/microsoft\.network\/privatednszones\/([^/]+)$/i.exec(last)?.[1];
}

/** How a person knows an entity: its own name (the last segment of a child's `parent/child`), else its symbol. */
export function nameOf(entity: { name: Value; decl: ResourceDecl; path: string; kind: Entity['kind'] }): string {
  const name = entity.name;
  const child = entity.path === '' && ['subnet', 'peering', 'zoneGroup', 'vnetLink'].includes(entity.kind);
  if (typeof name === 'string') return child ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (child && name instanceof PartialString) {
    const tail = name.parts[name.parts.length - 1];
    if (typeof tail === 'string' && tail.includes('/') && !tail.endsWith('/'))
      return tail.slice(tail.lastIndexOf('/') + 1);
  }
  if (entity.decl.symbol && entity.path === '') return entity.decl.symbol;
  return shorten(asWritten(name));
}

/** An unknown value as text people can read, cut at 80 characters. */
export function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Whether two VNets are the same: the same entity, or ids that compare equal (case-insensitive). */
export function sameVnet(a: VirtualNetwork, b: VirtualNetwork): boolean | 'unknown' {
  return a === b ? true : same(a.id, b.id, true);
}

/** The peering's own VNet: its parent entity, else the VNet whose id is its parent id. */
export function localVnet(model: NetworkModel, peering: Peering): VirtualNetwork | undefined {
  if (peering.local) return peering.local;
  const parent = parentIdOf(peering.id);
  return parent === undefined ? undefined : model.vnets.find((vnet) => same(vnet.id, parent, true) === true);
}

export type ReverseStatus =
  | { kind: 'found'; peerings: Peering[] }
  | { kind: 'missing'; remote: VirtualNetwork }
  /** The remote VNet or a candidate's relation is not known. */
  | { kind: 'unknown'; reason: string };

/** The peerings that go back from the remote VNet to this peering's VNet. */
export function reversePeerings(model: NetworkModel, peering: Peering): ReverseStatus {
  const local = localVnet(model, peering);
  const remote = peering.remote?.resolved ? peering.remote.target : undefined;
  if (!remote) return { kind: 'unknown', reason: 'the remote VNet is not declared in the analysed files' };
  if (!local) return { kind: 'unknown', reason: "this peering's own VNet is not known" };
  const found: Peering[] = [];
  let uncertain = false;
  for (const other of model.peerings) {
    if (other === peering) continue;
    const otherLocal = localVnet(model, other);
    const from = otherLocal ? sameVnet(otherLocal, remote) : 'unknown';
    const to = other.remote?.resolved
      ? sameVnet(other.remote.target, local)
      : other.remote
        ? same(other.remote.value, local.id, true)
        : false;
    if (from === true && to === true) found.push(other);
    else if (from !== false && to !== false) uncertain = true;
  }
  if (found.length > 0) return { kind: 'found', peerings: found };
  return uncertain
    ? { kind: 'unknown', reason: 'a peering of the remote VNet has an unknown target' }
    : { kind: 'missing', remote };
}
