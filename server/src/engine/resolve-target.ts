// What `resolve` asks about, found in a model: the private-link target named by a resource name or a
// service FQDN (FACTS §1: `<name>.<forwarder zone>`), the private endpoint connections that reach it
// with the privatelink zones each group id answers from, and the VNets named by a name or id.
// Invariant: matches compare names case-insensitively and only on known text; nothing is guessed.
import { expectedZones, forwarderZones, type Cloud } from '../facts';
import {
  connectionTargetType,
  isArray,
  PartialString,
  type NetworkModel,
  type PrivateEndpoint,
  type PrivateLinkConnection,
  type Target,
  type Value,
  type VirtualNetwork,
} from '../model';
import { sameId } from '../rules/support/dns-network';

/** One group id of one connection to the target, with the zone names its answer comes from. */
export interface TargetAccess {
  endpoint: PrivateEndpoint;
  connection: PrivateLinkConnection;
  targetType: string;
  groupId: string;
  /** Recommended privatelink zone names (FACTS §1), narrowed to the one an FQDN asks for. */
  zoneNames: string[];
}

export interface ResolveTarget {
  /** The name as the user gave it: an FQDN, or the resource name. */
  asked: string;
  /** The resource name the connections' targets carry. */
  resourceName: string;
  accesses: TargetAccess[];
}

const lastSegment = (id: Value | undefined): Value | undefined => {
  if (typeof id === 'string') {
    const trimmed = id.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1) || undefined;
  }
  const tail = id instanceof PartialString ? id.parts.at(-1) : undefined;
  return typeof tail === 'string' && tail.includes('/')
    ? tail.slice(tail.lastIndexOf('/') + 1) || undefined
    : undefined;
};

/**
 * Whether a connection's target answers to `text` (lower case): its known name, its name with each
 * unknown part standing for any one DNS label's text (`kv-orders-${uniqueString(…)}` matches
 * `kv-orders-abc123`), or the symbolic name of its declaration.
 */
export function targetNameMatches(connection: PrivateLinkConnection, text: string): boolean {
  const declared = connection.target?.resolved ? connection.target.target : undefined;
  if (declared?.decl.symbol && declared.path === '' && declared.decl.symbol.toLowerCase() === text) return true;
  const name = declared ? declared.name : lastSegment(connection.targetId);
  if (typeof name === 'string') return name.toLowerCase() === text;
  if (!(name instanceof PartialString)) return false;
  const pattern = name.parts
    .map((part) => (typeof part === 'string' ? part.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^./]+'))
    .join('');
  return new RegExp(`^${pattern}$`).test(text);
}

/** Whether a connection reaches the declared target: resolved to it, or naming its id. */
export function connectsToTarget(connection: PrivateLinkConnection, target: Target): boolean {
  if (connection.target?.resolved)
    return connection.target.target === target || sameId(connection.target.target.id, target.id);
  return sameId(connection.targetId, target.id);
}

const knownGroupIds = (connection: PrivateLinkConnection): string[] =>
  isArray(connection.groupIds) ? connection.groupIds.filter((id): id is string => typeof id === 'string') : [];

/**
 * The target a resource name or an FQDN names. An FQDN is `<resource name>.<suffix>`, where the suffix
 * is a public forwarder zone of the target's type and group id, or a privatelink zone without its
 * `privatelink.` label (FACTS §1); it narrows the answer to that group id and zone.
 */
export function findTarget(model: NetworkModel, cloud: Cloud, asked: string): ResolveTarget | undefined {
  const text = asked.trim().replace(/\.$/, '').toLowerCase();
  for (const candidate of [{ name: text, suffix: undefined as string | undefined }, ...fqdnSplit(text)]) {
    const accesses = targetAccesses(
      model,
      cloud,
      (connection) => targetNameMatches(connection, candidate.name),
      candidate.suffix,
    );
    if (accesses.length > 0) return { asked, resourceName: candidate.name, accesses };
  }
  return undefined;
}

/**
 * The group ids of the connections `matches` accepts, with their zones (narrowed to an FQDN's
 * `suffix` when given; a group id that suffix does not serve is left out).
 */
export function targetAccesses(
  model: NetworkModel,
  cloud: Cloud,
  matches: (connection: PrivateLinkConnection) => boolean,
  suffix?: string,
): TargetAccess[] {
  const accesses: TargetAccess[] = [];
  for (const endpoint of model.privateEndpoints) {
    for (const connection of endpoint.connections) {
      if (!matches(connection)) continue;
      const targetType = connectionTargetType(connection);
      if (!targetType) continue;
      for (const groupId of knownGroupIds(connection)) {
        const zones = (expectedZones(cloud, targetType, groupId)?.zones ?? [])
          .filter((zone) => !zone.record)
          .map((zone) => zone.name);
        const zoneNames = suffix === undefined ? zones : zonesForSuffix(cloud, targetType, groupId, zones, suffix);
        if (suffix !== undefined && zoneNames.length === 0) continue;
        accesses.push({ endpoint, connection, targetType, groupId, zoneNames });
      }
    }
  }
  return accesses;
}

/** Every split of `a.b.c.d` into a first label and the rest. */
function fqdnSplit(text: string): { name: string; suffix: string }[] {
  const dot = text.indexOf('.');
  return dot > 0 ? [{ name: text.slice(0, dot), suffix: text.slice(dot + 1) }] : [];
}

/** The zones an FQDN suffix leads to: `privatelink.<suffix>` itself, or every zone when the suffix is a forwarder of a one-zone row. */
function zonesForSuffix(
  cloud: Cloud,
  type: string,
  groupId: string,
  zones: readonly string[],
  suffix: string,
): string[] {
  const direct = zones.filter((zone) => zone === `privatelink.${suffix}`);
  if (direct.length > 0) return direct;
  const forwarders = forwarderZones(cloud, type, groupId).map((zone) => zone.toLowerCase());
  return forwarders.includes(suffix) && zones.length === 1 ? [...zones] : [];
}

/** The VNets a name (or resource id) names, creating declarations first, one per identity. */
export function findVnets(model: NetworkModel, asked: string): VirtualNetwork[] {
  const text = asked.trim().toLowerCase();
  const matches = model.vnets.filter((vnet) => {
    if (typeof vnet.name === 'string' && vnet.name.toLowerCase() === text) return true;
    return typeof vnet.id === 'string' && vnet.id.toLowerCase() === text;
  });
  matches.sort((a, b) => Number(a.decl.existing) - Number(b.decl.existing));
  const distinct: VirtualNetwork[] = [];
  for (const vnet of matches) {
    if (!distinct.some((known) => sameId(known.id, vnet.id))) distinct.push(vnet);
  }
  return distinct;
}
