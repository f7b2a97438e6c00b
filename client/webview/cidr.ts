// Address counts for the subnet labels: how many addresses a prefix holds and how many of them a
// subnet can hand out. Azure keeps 5 addresses of every subnet prefix (network address, gateway, two
// for DNS, broadcast), so a prefix of size n gives n − 5 usable addresses.
// Invariant: pure; a prefix that is not a literal CIDR (an unknown `{placeholder}`) counts as unknown.

export const azureReservedPerPrefix = 5;

/** The number of addresses of an IPv4 or IPv6 prefix, or undefined when the text is not one. */
export function prefixSize(prefix: string): bigint | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(prefix.trim());
  if (!match) return undefined;
  const [, address, lengthText] = match;
  const length = Number(lengthText);
  const bits = isIpv4(address) ? 32 : isIpv6(address) ? 128 : undefined;
  if (bits === undefined || length > bits) return undefined;
  return 1n << BigInt(bits - length);
}

/** Usable addresses over all prefixes (size − 5 each, never below 0), or undefined if one is unknown. */
export function usableAddresses(prefixes: readonly string[]): bigint | undefined {
  if (prefixes.length === 0) return undefined;
  let total = 0n;
  for (const prefix of prefixes) {
    const size = prefixSize(prefix);
    if (size === undefined) return undefined;
    const usable = size - BigInt(azureReservedPerPrefix);
    if (usable > 0n) total += usable;
  }
  return total;
}

/** A count as people read it: digits below a million, else the nearest power of two (IPv6 /64: ≈2^64). */
export function formatCount(count: bigint): string {
  if (count < 1_000_000n) return count.toString();
  let exponent = count.toString(2).length - 1;
  if (count - (1n << BigInt(exponent)) >= 1n << BigInt(exponent - 1)) exponent += 1;
  return `≈2^${exponent}`;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  return (
    groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group) || isIpv4(group)) &&
    (halves.length === 2 ? groups.length < 8 : groups.length === 8)
  );
}
