// The address-order sweep (model/cidr-sweep.ts) finds exactly the pairs that comparing every pair
// with cidrOverlaps finds, over random IPv4 and IPv6 prefixes, nested, equal and disjoint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cidrOverlaps, overlappingCidrPairs, parseCidr, type Cidr } from '../../server/src/model';

function randomPrefixes(seed: number, count: number): Cidr[] {
  let state = seed;
  const next = (below: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
  const prefixes: Cidr[] = [];
  for (let index = 0; index < count; index++) {
    const written =
      next(4) === 0
        ? `2001:db8:${next(4).toString(16)}::/${48 + next(17)}`
        : `10.${next(4)}.${next(8)}.0/${16 + next(13)}`;
    prefixes.push(parseCidr(written)!);
  }
  return prefixes;
}

test('the sweep yields exactly the overlapping pairs, each once', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const prefixes = randomPrefixes(seed, 120).map((cidr, index) => ({ index, cidr }));
    const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
    const expected = new Set<string>();
    for (const a of prefixes)
      for (const b of prefixes)
        if (a.index < b.index && cidrOverlaps(a.cidr, b.cidr)) expected.add(key(a.index, b.index));
    const found: string[] = [];
    for (const [a, b] of overlappingCidrPairs(prefixes, (item) => item.cidr)) found.push(key(a.index, b.index));
    assert.equal(found.length, new Set(found).size, `seed ${seed}: a pair came twice`);
    assert.deepEqual(new Set(found), expected, `seed ${seed}`);
    assert.ok(expected.size > 0, 'the random prefixes do overlap somewhere');
  }
});

test('few items or many, the pairs come as [earlier, later] in address order, by the later, then the earlier', () => {
  // A few prefixes are compared pair by pair, more are swept: peering-spokes-overlap reports the first
  // pair found for each spoke, so both ways must yield the same order.
  for (const count of [2, 3, 5, 8, 9, 40]) {
    for (const seed of [1, 2, 3, 4, 5, 6, 7]) {
      const prefixes = randomPrefixes(seed * 2654435 + count * 40503, count).map((cidr, index) => ({ index, cidr }));
      const rank = new Map(
        [...prefixes]
          .sort(
            (a, b) =>
              a.cidr.version - b.cidr.version ||
              (a.cidr.network < b.cidr.network ? -1 : a.cidr.network > b.cidr.network ? 1 : 0),
          )
          .map((item, position) => [item, position]),
      );
      const found = [...overlappingCidrPairs(prefixes, (item) => item.cidr)].map(([a, b]) => [
        rank.get(a)!,
        rank.get(b)!,
      ]);
      for (const [earlier, later] of found) assert.ok(earlier < later, `${count}/${seed}: [earlier, later]`);
      const ordered = [...found].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
      assert.deepEqual(found, ordered, `${count}/${seed}: by the later, then the earlier`);
      const expected = prefixes.flatMap((a) =>
        prefixes.filter((b) => a.index < b.index && cidrOverlaps(a.cidr, b.cidr)).map(() => 1),
      ).length;
      assert.equal(found.length, expected, `${count}/${seed}: every overlapping pair once`);
    }
  }
  // Written out of address order: the /16 comes first in address order, before both /24s.
  const written = ['10.0.2.0/24', '10.0.0.0/16', '10.0.1.0/24'].map((text) => ({ text, cidr: parseCidr(text)! }));
  assert.deepEqual(
    [...overlappingCidrPairs(written, (item) => item.cidr)].map(([a, b]) => [a.text, b.text]),
    [
      ['10.0.0.0/16', '10.0.1.0/24'],
      ['10.0.0.0/16', '10.0.2.0/24'],
    ],
  );
});
