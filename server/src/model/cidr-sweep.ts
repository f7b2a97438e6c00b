// Which address ranges overlap, found by one sweep in address order instead of comparing every pair:
// rules over many subnets or spokes cost what their overlaps cost (issue 16), not the square of
// their number. Invariant: yields every overlapping pair once, as [earlier in address order, later];
// ranges of different IP versions never meet.
import type { Cidr } from '../evaluate/cidr';

interface Span<T> {
  item: T;
  version: 4 | 6;
  start: bigint;
  end: bigint;
}

/** Every pair of items whose ranges overlap; `cidrOf` gives an item's range. */
export function* overlappingCidrPairs<T>(items: readonly T[], cidrOf: (item: T) => Cidr): Generator<[T, T]> {
  const spans: Span<T>[] = items.map((item) => {
    const cidr = cidrOf(item);
    const size = 1n << BigInt((cidr.version === 4 ? 32 : 128) - cidr.prefix);
    return { item, version: cidr.version, start: cidr.network, end: cidr.network + size - 1n };
  });
  spans.sort((a, b) => a.version - b.version || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let open: Span<T>[] = [];
  for (const span of spans) {
    open = open.filter((other) => other.version === span.version && other.end >= span.start);
    for (const other of open) yield [other.item, span.item];
    open.push(span);
  }
}
