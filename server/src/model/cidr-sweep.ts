// Which address ranges overlap, found by one sweep in address order instead of comparing every pair:
// rules over many subnets or spokes cost what their overlaps cost (issue 16), not the square of
// their number. Invariant: yields every overlapping pair once, as [earlier in address order, later],
// ordered by the later range, then the earlier (in address order); ranges of different IP versions never meet.
import { overlaps, type Cidr } from '../evaluate/cidr';

interface Span<T> {
  item: T;
  version: 4 | 6;
  start: bigint;
  end: bigint;
}

/**
 * Up to how many items every pair is compared: the sweep's spans, sizes and filtered lists cost more
 * than the comparisons for a VNet's few subnets (issue 16). Both ways yield the same pairs in the same order.
 */
const fewItems = 8;

/** Every pair of items whose ranges overlap; `cidrOf` gives an item's range. */
export function* overlappingCidrPairs<T>(items: readonly T[], cidrOf: (item: T) => Cidr): Generator<[T, T]> {
  if (items.length <= fewItems) {
    const sorted = [...items].sort((a, b) => compareStarts(cidrOf(a), cidrOf(b)));
    for (let later = 1; later < sorted.length; later++)
      for (let earlier = 0; earlier < later; earlier++)
        if (overlaps(cidrOf(sorted[earlier]), cidrOf(sorted[later]))) yield [sorted[earlier], sorted[later]];
    return;
  }
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

/** Address order: IPv4 first, then by the first address. */
function compareStarts(a: Cidr, b: Cidr): number {
  return a.version - b.version || (a.network < b.network ? -1 : a.network > b.network ? 1 : 0);
}
