// Whether enabling privateEndpointNetworkPolicies would change what reaches a subnet's private endpoints
// (FACTS §3.1, S6): an NSG rule that blocks traffic to them, or a client route that would override the
// /32 route each endpoint injects. Connections only go from clients to an endpoint (FACTS §2.3), so only
// inbound NSG rules matter; a UDR overrides the /32 when its prefix is no longer than the VNet's address
// space, never for 0.0.0.0/0 (FACTS §3.1). Invariant: every answer is certain; an NSG or route table
// whose contents are not fully known (a parameter, `existing`, a maybe-deployed rule) gives no answer.
import {
  at,
  cidrContains,
  idKey,
  isArray,
  isObject,
  lowerCase,
  parentIdOf,
  parseCidr,
  type Cidr,
  type NetworkSecurityGroup,
  type ResourceDecl,
  type RouteTable,
  type Subnet,
  type Value,
  type VirtualNetwork,
} from '../../model';
import { coveredBy, subnetPrefixes, usableCidr, vnetPrefixes } from './address-prefixes';
import { certainlyCreated, certainlyDeployed, knownArray, label } from './certain';
import { attaches } from './endpoint-common';

const securityRuleType = 'microsoft.network/networksecuritygroups/securityrules';

/** An NSG rule that applies to the endpoints' inbound traffic once the policy lets NSGs apply. */
export interface BlockingRule {
  nsg: NetworkSecurityGroup;
  decl: ResourceDecl;
  path: string | undefined;
  name: string;
}

/** A client route that would take over traffic to the endpoints once the policy lets route tables apply. */
export interface OverridingRoute {
  table: RouteTable;
  decl: ResourceDecl;
  path: string | undefined;
  name: string;
  prefix: string;
  hopType: string;
  client: Subnet;
}

interface SecurityRule {
  decl: ResourceDecl;
  path: string | undefined;
  name: string;
  /** Lower-cased; undefined when not a known string. */
  direction: string | undefined;
  access: string | undefined;
  protocol: string | undefined;
  priority: number | undefined;
  sources: string[] | undefined;
  destinations: string[] | undefined;
  ports: string[] | undefined;
}

const lower = (value: Value | undefined) => (typeof value === 'string' ? value.toLowerCase() : undefined);

/** A rule's `x` / `xes` pair as one list of known strings; undefined when any part is unknown. */
function strings(properties: Value, single: string, plural: string): string[] | undefined {
  const one = at(properties, single);
  const many = at(properties, plural);
  const list: string[] = [];
  if (typeof one === 'string' && one !== '') list.push(one);
  else if (one !== undefined && one !== null && one !== '') return undefined;
  if (isArray(many)) {
    for (const item of many) {
      if (typeof item !== 'string') return undefined;
      list.push(item);
    }
  } else if (many !== undefined && many !== null) return undefined;
  return list;
}

function readRule(decl: ResourceDecl, path: string | undefined, name: Value, properties: Value): SecurityRule {
  const priority = at(properties, 'priority');
  return {
    decl,
    path,
    name: typeof name === 'string' ? name.slice(name.lastIndexOf('/') + 1) : 'rule',
    direction: lower(at(properties, 'direction')),
    access: lower(at(properties, 'access')),
    protocol: lower(at(properties, 'protocol')),
    priority: typeof priority === 'number' ? priority : undefined,
    sources: strings(properties, 'sourceAddressPrefix', 'sourceAddressPrefixes'),
    destinations: strings(properties, 'destinationAddressPrefix', 'destinationAddressPrefixes'),
    ports: strings(properties, 'destinationPortRange', 'destinationPortRanges'),
  };
}

/** Every rule of the NSG, inline and as child resources; undefined when the set is not certainly known. */
function securityRules(nsg: NetworkSecurityGroup, declarations: readonly ResourceDecl[]): SecurityRule[] | undefined {
  if (!certainlyCreated(nsg.decl) || !isObject(nsg.decl.properties)) return undefined;
  const inline = at(nsg.decl.properties, 'securityRules');
  if (inline !== undefined && !isArray(inline)) return undefined;
  const rules: SecurityRule[] = [];
  for (const [index, rule] of (inline ?? []).entries()) {
    if (!isObject(rule)) return undefined;
    rules.push(readRule(nsg.decl, `properties.securityRules[${index}].name`, rule.name, rule.properties));
  }
  const nsgKey = idKey(nsg.id);
  for (const decl of declarations) {
    if (lowerCase(decl.type) !== securityRuleType || decl.condition === false) continue;
    if (idKey(parentIdOf(decl.id)) !== nsgKey) continue;
    if (!certainlyDeployed(decl) || !isObject(decl.properties)) return undefined;
    rules.push(readRule(decl, undefined, decl.name, decl.properties));
  }
  return rules;
}

const everyPort = (ports: readonly string[] | undefined) =>
  ports?.some((port) => port === '*' || port === '0-65535') === true;
const anyClient = (prefix: string) => prefix === '*' || prefix.toLowerCase() === 'virtualnetwork';

/** A source that certainly sends traffic an endpoint can receive: any, the VNet tag, or addresses. */
function certainSource(prefix: string): boolean {
  return anyClient(prefix) || addressRange(prefix) !== undefined;
}

function addressRange(prefix: string): Cidr | undefined {
  return parseCidr(prefix.includes('/') ? prefix : `${prefix}/${prefix.includes(':') ? 128 : 32}`);
}

/** A destination that certainly includes every address of the subnet. */
function coversSubnet(prefix: string, subnet: readonly Cidr[]): boolean {
  if (anyClient(prefix)) return true;
  const range = addressRange(prefix);
  return range !== undefined && subnet.length > 0 && subnet.every((cidr) => cidrContains(range, cidr));
}

/**
 * The first inbound Deny rule (by priority) that certainly blocks some traffic to the subnet's endpoints
 * — every protocol and port, a certain source and a destination covering the subnet — and that no
 * earlier rule could pre-empt: an unknown earlier rule, or earlier Allows of everything that together
 * admit each source the deny certainly blocks (an address range inside an allowed one included), leave
 * no certain answer.
 */
export function blockingRule(
  nsg: NetworkSecurityGroup,
  subnet: Subnet,
  declarations: readonly ResourceDecl[],
): BlockingRule | undefined {
  const rules = securityRules(nsg, declarations);
  const cidrs = subnetCidrs(subnet);
  if (!rules || !cidrs) return undefined;
  const inbound = rules.filter((rule) => rule.direction !== 'outbound');
  const denies = inbound
    .filter(
      (rule) =>
        rule.direction === 'inbound' &&
        rule.access === 'deny' &&
        rule.protocol === '*' &&
        rule.priority !== undefined &&
        everyPort(rule.ports) &&
        rule.sources?.some(certainSource) === true &&
        rule.destinations?.some((prefix) => coversSubnet(prefix, cidrs)) === true,
    )
    .sort((a, b) => a.priority! - b.priority!);
  for (const deny of denies) {
    const earlier = inbound.filter(
      (rule) => rule !== deny && (rule.priority === undefined || rule.priority < deny.priority!),
    );
    // A rule of unknown direction or access may be an Allow of everything.
    const allows = earlier.filter((rule) => rule.direction !== 'inbound' || rule.access !== 'deny');
    const admitting = allows.filter((allow) => allow.sources !== undefined && admitsAllTraffic(allow, deny, cidrs));
    // Ranges several allows admit together (two /17s before a /16 deny) count as one.
    const admittedRanges = admitting.flatMap((allow) =>
      allow.sources!.map(addressRange).filter((range): range is Cidr => range !== undefined),
    );
    const admitted = (source: string) => {
      if (admitting.some((allow) => allow.sources!.some((prefix) => coversByName(prefix, source)))) return true;
      const range = addressRange(source);
      return range !== undefined && coveredBy(range, admittedRanges);
    };
    const preempted =
      allows.some((rule) => rule.direction !== 'inbound' || !fullyKnown(rule)) ||
      deny.sources!.filter(certainSource).every(admitted);
    if (!preempted) return { nsg, decl: deny.decl, path: deny.path, name: deny.name };
  }
  return undefined;
}

/** A rule whose match is fully known (otherwise it may match everything). */
const fullyKnown = (rule: SecurityRule) =>
  rule.protocol !== undefined &&
  rule.ports !== undefined &&
  rule.sources !== undefined &&
  rule.destinations !== undefined;

/** An Allow of every protocol and port to the subnet the deny blocks: together, such allows make it moot. */
function admitsAllTraffic(allow: SecurityRule, deny: SecurityRule, cidrs: readonly Cidr[]): boolean {
  if (allow.protocol !== '*' || !everyPort(allow.ports)) return false;
  return allow.destinations!.some((prefix) => coversSubnet(prefix, cidrs) || deny.destinations?.includes(prefix));
}

/**
 * Whether an allowed source prefix includes every client of a blocked one by its name alone: any client,
 * the same prefix (case aside), or a range of all addresses. Address ranges held by allowed ranges are
 * found by `coveredBy` over every admitting allow. A service tag other than the VNet's is not taken to
 * cover anything (its members are not known here).
 */
function coversByName(allowed: string, blocked: string): boolean {
  return anyClient(allowed) || allowed.toLowerCase() === blocked.toLowerCase() || addressRange(allowed)?.prefix === 0;
}

/** The subnet's prefixes, when every one is known and usable. */
function subnetCidrs(subnet: Subnet): Cidr[] | undefined {
  const list = subnetPrefixes(subnet);
  if (!list?.complete || list.entries.length === 0) return undefined;
  const cidrs = list.entries.map((entry) => entry.cidr);
  return cidrs.every((cidr): cidr is Cidr => cidr !== undefined) ? cidrs : undefined;
}

/**
 * A route on a subnet of the endpoints' VNet (their clients; the endpoints' own subnet included) whose
 * prefix covers the endpoints' subnet and is no longer than the VNet's address space that holds it, and
 * not 0.0.0.0/0 (FACTS §3.1): once route tables apply to private endpoints it takes over from their /32
 * routes. A VnetLocal hop changes nothing certain, so it does not count.
 */
export function overridingRoute(subnet: Subnet): OverridingRoute | undefined {
  const vnet = subnet.vnet;
  // Most VNets attach no route table to any subnet: no route to find, so no prefixes to read (issue 16).
  if (!vnet?.subnets.some(hasRouteTable)) return undefined;
  const ranges = endpointRanges(subnet, vnet, false);
  if (!ranges) return undefined;
  const { cidrs, longest } = ranges;
  for (const client of vnet.subnets) {
    if (
      !certainlyDeployed(client.decl) ||
      client.routeTable?.resolved !== true ||
      attaches(client, 'routeTable') !== true
    )
      continue;
    const table = client.routeTable.target;
    if (!certainlyCreated(table.decl)) continue;
    for (const route of table.routes) {
      if (!certainlyDeployed(route.decl)) continue;
      const prefix = at(route.properties, 'addressPrefix');
      const hopType = at(route.properties, 'nextHopType');
      if (typeof prefix !== 'string' || typeof hopType !== 'string' || hopType.toLowerCase() === 'vnetlocal') continue;
      const range = usableCidr(prefix);
      if (!range || range.prefix === 0 || range.prefix > longest || !cidrs.every((cidr) => cidrContains(range, cidr)))
        continue;
      const inline = route.decl === table.decl;
      const name = typeof route.name === 'string' ? route.name.slice(route.name.lastIndexOf('/') + 1) : 'route';
      return {
        table,
        decl: route.decl,
        path: inline ? route.path.replace(/\.properties$/, '.name') : undefined,
        name,
        prefix,
        hopType,
        client,
      };
    }
  }
  return undefined;
}

const hasRouteTable = (client: Subnet) => client.routeTable?.resolved === true;

/**
 * The endpoints' subnet prefixes, and the longest prefix of the VNet ranges that hold them (a route no
 * longer than that takes over from their /32 routes), when all are known (and, `wholeSpace`, when every
 * range of the VNet is known too).
 */
function endpointRanges(
  subnet: Subnet,
  vnet: VirtualNetwork,
  wholeSpace: boolean,
): { cidrs: Cidr[]; longest: number } | undefined {
  const cidrs = subnetCidrs(subnet);
  const space = vnetPrefixes(vnet);
  if (!cidrs || !space || (wholeSpace && !space.complete)) return undefined;
  const holders = cidrs.map(
    (cidr) => space.entries.find((entry) => entry.cidr && cidrContains(entry.cidr, cidr))?.cidr,
  );
  if (holders.some((holder) => holder === undefined)) return undefined;
  return { cidrs, longest: Math.min(...holders.map((holder) => holder!.prefix)) };
}

/**
 * Whether the model holds every route a table may have: not an `existing` table (its routes are
 * elsewhere), and its inline `routes` absent or a known array (not one a caller may add to).
 */
function routesKnown(table: RouteTable): boolean {
  if (table.decl.existing || !isObject(table.decl.properties)) return false;
  const inline = at(table.decl.properties, 'routes');
  return inline === undefined || knownArray(inline) !== undefined;
}

/**
 * Whether a route of the VNet, or of a VNet peered with it, may take over from the endpoints' /32 routes
 * once route tables apply to them: overridingRoute's test with every unknown counted as "may" (a table
 * not resolved or maybe deployed, a route whose prefix or hop is not known, a peer not declared). False
 * only when every route table on those VNets' subnets is known and none of its routes covers the
 * endpoints' subnet (0.0.0.0/0 does not, FACTS §3.1).
 */
export function routesMayOverride(subnet: Subnet): boolean {
  const vnet = subnet.vnet;
  if (!vnet) return true;
  // The endpoints' /32 routes reach the directly peered VNets too (FACTS §3.1): their routes count, and a
  // peer the files do not declare, or only as `existing`, has routes that are not known.
  const peers = vnet.peerings.map((peering) => (peering.remote?.resolved ? peering.remote.target : undefined));
  if (peers.some((peer) => peer === undefined || peer.decl.existing)) return true;
  const withTables = [vnet, ...(peers as VirtualNetwork[])]
    .flatMap((each) => each.subnets)
    .filter((client) => attaches(client, 'routeTable') !== false);
  if (withTables.length === 0) return false;
  const ranges = endpointRanges(subnet, vnet, true);
  if (!ranges) return true;
  const { cidrs, longest } = ranges;
  return withTables.some((client) => {
    if (client.routeTable?.resolved !== true) return true;
    const table = client.routeTable.target;
    if (!routesKnown(table)) return true;
    return table.routes.some((route) => {
      const prefix = at(route.properties, 'addressPrefix');
      const hopType = at(route.properties, 'nextHopType');
      if (typeof prefix !== 'string' || typeof hopType !== 'string') return true;
      if (hopType.toLowerCase() === 'vnetlocal') return false;
      const range = usableCidr(prefix);
      if (!range) return true;
      return range.prefix !== 0 && range.prefix <= longest && cidrs.every((cidr) => cidrContains(range, cidr));
    });
  });
}

/** How messages name the table of a route. */
export function tableLabel(route: OverridingRoute): string {
  return label(route.table);
}
