// IP address ranges in CIDR notation: parsing, containment, overlap, and the arithmetic of
// Bicep's parseCidr/cidrSubnet/cidrHost. Invariant: malformed text gives `undefined`, never a throw;
// addresses are BigInts so IPv4 and IPv6 share one code path.

export interface Cidr {
  version: 4 | 6;
  /** The address as written (host bits may be set). */
  address: bigint;
  prefix: number;
  /** The address with host bits cleared. */
  network: bigint;
  /** Whether the written address had host bits set (e.g. 10.0.0.1/24). */
  hostBitsSet: boolean;
}

const bitsOf = (version: 4 | 6) => (version === 4 ? 32 : 128);

export function parseIp(text: string): { version: 4 | 6; value: bigint } | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

function parseIpv4(text: string): { version: 4; value: bigint } | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return { version: 4, value };
}

function parseIpv6(text: string): { version: 6; value: bigint } | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return { version: 6, value };
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash).trim());
  const prefixText = text.slice(slash + 1).trim();
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = bitsOf(ip.version);
  if (prefix > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = ip.value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  return { version: ip.version, address: ip.value, prefix, network, hostBitsSet: (ip.value & hostMask) !== 0n };
}

export function size(cidr: Cidr): bigint {
  return 1n << BigInt(bitsOf(cidr.version) - cidr.prefix);
}

export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + size(cidr) - 1n;
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.version === inner.version &&
    outer.prefix <= inner.prefix &&
    inner.network >= outer.network &&
    lastAddress(inner) <= lastAddress(outer)
  );
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

export function formatIp(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt((7 - index) * 16)) & 0xffffn));
  // RFC 5952: the longest run (of two or more) of zero groups becomes '::'.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatCidr(version: 4 | 6, network: bigint, prefix: number): string {
  return `${formatIp(version, network)}/${prefix}`;
}

/** Bicep's cidrSubnet: the `index`-th subnet of size `newPrefix` inside `cidr`. */
export function subnetAt(cidr: Cidr, newPrefix: number, index: number): string | undefined {
  if (!Number.isInteger(newPrefix) || !Number.isInteger(index) || index < 0) return undefined;
  if (newPrefix < cidr.prefix || newPrefix > bitsOf(cidr.version)) return undefined;
  const count = 1n << BigInt(newPrefix - cidr.prefix);
  if (BigInt(index) >= count) return undefined;
  const step = 1n << BigInt(bitsOf(cidr.version) - newPrefix);
  return formatCidr(cidr.version, cidr.network + BigInt(index) * step, newPrefix);
}

/** Bicep's cidrHost: index 0 is the address after the network address. */
export function hostAt(cidr: Cidr, index: number): string | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  const address = cidr.network + 1n + BigInt(index);
  if (address > lastAddress(cidr)) return undefined;
  return formatIp(cidr.version, address);
}

/** Bicep's parseCidr object. */
export function describeCidr(cidr: Cidr): Record<string, string | number> {
  const bits = bitsOf(cidr.version);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - cidr.prefix)) - 1n);
  const last = lastAddress(cidr);
  if (cidr.version === 6) {
    return {
      network: formatIp(6, cidr.network),
      netmask: formatIp(6, mask),
      firstUsable: formatIp(6, cidr.network),
      lastUsable: formatIp(6, last),
      cidr: cidr.prefix,
    };
  }
  const tiny = cidr.prefix >= 31;
  return {
    network: formatIp(4, cidr.network),
    netmask: formatIp(4, mask),
    broadcast: formatIp(4, last),
    firstUsable: formatIp(4, tiny ? cidr.network : cidr.network + 1n),
    lastUsable: formatIp(4, tiny ? last : last - 1n),
    cidr: cidr.prefix,
  };
}
