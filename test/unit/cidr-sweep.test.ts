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
