// Address prefixes of subnets and VNets as the address rules read them: each value with its anchor path
// and, when it is a well-formed network prefix Azure accepts, its parsed CIDR.
// Invariant: a prefix that is unknown, malformed, has host bits set or lies in a forbidden range has no
// `cidr` here, so only subnet-cidr-invalid speaks about it and the other rules stay silent on it.
import { forbiddenIpv4Ranges, type ForbiddenRange } from '../../facts';
import {
  at,
  cidrContains,
  idKey,
  isArray,
  isObject,
  keptOn,
  parseCidr,
  remembered,
  type Cidr,
  type Subnet,
  type Value,
  type VirtualNetwork,
} from '../../model';

export interface PrefixEntry {
  value: Value;
  /** Path of the value relative to its declaration (an anchor path). */
  path: string;
  /** The parsed prefix when Azure accepts it as written (see the invariant above). */
  cidr: Cidr | undefined;
}

export interface PrefixList {
  entries: PrefixEntry[];
  /** Every prefix is listed (no unknown array); single entries may still be unknown. */
  complete: boolean;
}

/** FACTS §7: the forbidden range that wholly contains the prefix (every address of it is unusable). */
export function forbiddenRangeOf(cidr: Cidr): ForbiddenRange | undefined {
  return forbiddenRanges().find(({ range }) => cidrContains(range, cidr))?.fact;
}

let parsedForbidden: { range: Cidr; fact: ForbiddenRange }[] | undefined;
function forbiddenRanges(): { range: Cidr; fact: ForbiddenRange }[] {
  parsedForbidden ??= forbiddenIpv4Ranges.flatMap((fact) => {
    const range = parseCidr(fact.cidr);
    return range ? [{ range, fact }] : [];
  });
  return parsedForbidden;
}

/** The prefix when it is a known string Azure accepts: well formed, the network address, not forbidden. */
export function usableCidr(value: Value): Cidr | undefined {
  if (typeof value !== 'string') return undefined;
  return remembered(usableByText, value, usableOf) ?? undefined;
}

/**
 * Prefixes by their text, parsed (null: not usable). An edit evaluates its file anew, so the lists kept
 * per properties object start again, but the texts stay: each was parsed again on every edit (issue 16).
 * No one changes a Cidr, so one object may serve every entry of the same text.
 */
const usableByText = new Map<string, Cidr | null>();

function usableOf(text: string): Cidr | null {
  const cidr = parseCidr(text);
  return !cidr || cidr.hostBitsSet || forbiddenRangeOf(cidr) ? null : cidr;
}

const entry = (value: Value, path: string): PrefixEntry => ({ value, path, cidr: usableCidr(value) });

/** A subnet's `addressPrefix` and `addressPrefixes[]`; undefined when its properties are not known. */
export function subnetPrefixes(subnet: Subnet): PrefixList | undefined {
  if (!isObject(subnet.properties)) return undefined;
  // Values never change once evaluated, and an unchanged deployment keeps its values from one analysis
  // to the next: its subnets' prefixes are parsed once, not once per rule and analysis.
  const byPath = keptOn(subnet.properties, prefixesKey, newPrefixLists);
  let list = byPath.get(subnet.propertiesPath);
  if (!list) byPath.set(subnet.propertiesPath, (list = readSubnetPrefixes(subnet)));
  return list;
}

const prefixesKey = Symbol('subnetPrefixes');
const newPrefixLists = () => new Map<string, PrefixList | undefined>();

function readSubnetPrefixes(subnet: Subnet): PrefixList {
  const entries: PrefixEntry[] = [];
  let complete = true;
  const single = at(subnet.properties, 'addressPrefix');
  if (single !== undefined) entries.push(entry(single, `${subnet.propertiesPath}.addressPrefix`));
  const many = at(subnet.properties, 'addressPrefixes');
  if (isArray(many))
    many.forEach((value, index) => entries.push(entry(value, `${subnet.propertiesPath}.addressPrefixes[${index}]`)));
  else if (many !== undefined) complete = false;
  return { entries, complete };
}

/**
 * A VNet's `addressSpace.addressPrefixes`; undefined for an `existing` VNet (its space is defined elsewhere)
 * or when the list is absent (IPAM pool allocations) or unknown.
 */
export function vnetPrefixes(vnet: VirtualNetwork): PrefixList | undefined {
  if (vnet.decl.existing) return undefined;
  const properties = vnet.decl.properties;
  // Asked of a hub once per peering and subnet that meets it: parsed once, as a subnet's are.
  if (!isObject(properties)) return readVnetPrefixes(vnet);
  const byPath = keptOn(properties, prefixesKey, newPrefixLists);
  // No subnet's properties path is empty: the key cannot meet a subnet's list on shared values.
  if (!byPath.has('')) byPath.set('', readVnetPrefixes(vnet));
  return byPath.get('');
}

/**
 * Whether every declaration that creates `vnet`'s id among `vnets` writes the same known address space (a
 * VNet declared again, under a condition, to add DNS servers): then which one Azure ends with does not
 * change its address space.
 */
export function sameAddressSpaceEverywhere(vnets: readonly VirtualNetwork[], vnet: VirtualNetwork): boolean {
  const spaceOf = (each: VirtualNetwork) => {
    const list = vnetPrefixes(each);
    if (!list?.complete || list.entries.some((entry) => typeof entry.value !== 'string')) return undefined;
    return [...new Set(list.entries.map((entry) => (entry.value as string).toLowerCase()))].sort().join(',');
  };
  const own = spaceOf(vnet);
  if (own === undefined) return false;
  const key = idKey(vnet.id);
  return vnets.every((other) => other.decl.existing || idKey(other.id) !== key || spaceOf(other) === own);
}

function readVnetPrefixes(vnet: VirtualNetwork): PrefixList | undefined {
  const list = at(vnet.decl.properties, 'addressSpace.addressPrefixes');
  if (!isArray(list)) return undefined;
  // Ranges an IPAM pool allocates beside the written prefixes are not known here.
  const pools = at(vnet.decl.properties, 'addressSpace.ipamPoolPrefixAllocations');
  return {
    entries: list.map((value, index) => entry(value, `properties.addressSpace.addressPrefixes[${index}]`)),
    complete: pools === undefined || pools === null || (isArray(pools) && pools.length === 0),
  };
}

/** Whether `inner` lies inside the union of `outer` (adjacent prefixes of one version merge). */
export function coveredBy(inner: Cidr, outer: readonly Cidr[]): boolean {
  // Most subnets lie inside one prefix of the space, which the union holds too: no ranges to merge (issue 16).
  for (const cidr of outer) if (cidrContains(cidr, inner)) return true;
  const last = (cidr: Cidr) => cidr.network + (1n << BigInt((cidr.version === 4 ? 32 : 128) - cidr.prefix)) - 1n;
  const ranges = outer
    .filter((cidr) => cidr.version === inner.version)
    .map((cidr) => ({ start: cidr.network, end: last(cidr) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let current: { start: bigint; end: bigint } | undefined;
  for (const range of ranges) {
    if (current && range.start <= current.end + 1n) {
      if (range.end > current.end) current.end = range.end;
      continue;
    }
    if (current && inner.network >= current.start && last(inner) <= current.end) return true;
    current = { ...range };
  }
  return current !== undefined && inner.network >= current.start && last(inner) <= current.end;
}

/** The prefixes as text for messages: `'10.0.0.0/16', '10.1.0.0/16'`. */
export function prefixText(entries: readonly PrefixEntry[]): string {
  return entries.map((item) => `'${typeof item.value === 'string' ? item.value : '…'}'`).join(', ');
}
