// The id lookups rules use instead of comparing every pair (model/id-lookup.ts): on many generated ids
// (known, partly known, unknown, of mixed case, with and without slashes), every pair `same` calls
// equal shares a key, and every lookup answers a superset of the exact comparison, in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  certainKey,
  CertainlySameIds,
  lastSegmentKey,
  Lookup,
  MaybeSameIdPairs,
  MaybeSameIds,
} from '../../server/src/model/id-lookup';
import { makeObject, PartialString, same, Unknown, type Value } from '../../server/src/evaluate/value';

/** A small deterministic generator (mulberry32), so a failure names its seed and can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = [
  '',
  '/',
  'a',
  'A',
  'vnet-hub',
  'VNET-hub',
  '/subnets/',
  '/providers/Microsoft.Network/virtualNetworks/',
  'x/',
  '/*',
  '*',
];
const unknownKeys = ['rg@main', 'RG@main', 'sub@spoke', 'param:name'];

function randomId(next: () => number): Value {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const roll = next();
  if (roll < 0.05) return makeObject([['id', pick(texts)]]);
  if (roll < 0.1) return new Unknown(pick(unknownKeys));
  const parts: (string | Unknown)[] = [];
  const count = 1 + Math.floor(next() * 4);
  for (let index = 0; index < count; index++) {
    const piece = next() < 0.3 ? new Unknown(pick(unknownKeys)) : pick(texts) + pick(texts);
    const last = parts.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') parts[parts.length - 1] = last + piece;
    else if (piece !== '') parts.push(piece);
  }
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0];
  return new PartialString(parts);
}

const ids = (seed: number, count: number) => {
  const next = random(seed);
  return Array.from({ length: count }, () => randomId(next));
};

test('ids that are certainly the same share a certain key; ids that may be the same share a last segment', () => {
  const values = ids(1, 400);
  let certain = 0;
  let maybe = 0;
  for (const a of values) {
    for (const b of values) {
      const answer = same(a, b, true);
      if (answer === true) {
        certain++;
        const [ka, kb] = [certainKey(a), certainKey(b)];
        assert.ok(ka === undefined || kb === undefined || ka === kb, `${String(ka)} vs ${String(kb)}`);
      }
      if (answer !== false) {
        maybe++;
        const [sa, sb] = [lastSegmentKey(a), lastSegmentKey(b)];
        assert.ok(sa === undefined || sb === undefined || sa === sb, `${String(sa)} vs ${String(sb)}`);
      }
    }
  }
  // The generator must make both kinds of pairs, or the test proves nothing.
  assert.ok(certain > values.length && maybe > certain, `${certain} certain, ${maybe} maybe pairs`);
});

test('lookups answer every item the exact comparison keeps, in the order added', () => {
  for (const seed of [2, 3, 4]) {
    const values = ids(seed, 300);
    const maybe = new MaybeSameIds<number>();
    const certain = new CertainlySameIds<number>();
    values.forEach((id, index) => {
      maybe.add(id, index);
      certain.add(id, index);
    });
    for (const query of ids(seed + 100, 100)) {
      const maybeAnswer = maybe.candidates(query);
      const certainAnswer = certain.candidates(query);
      assert.deepEqual(
        [...maybeAnswer],
        [...maybeAnswer].sort((x, y) => x - y),
      );
      assert.deepEqual(
        [...certainAnswer],
        [...certainAnswer].sort((x, y) => x - y),
      );
      values.forEach((id, index) => {
        const answer = same(id, query, true);
        if (answer !== false) assert.ok(maybeAnswer.includes(index), `maybe: item ${index} missing (seed ${seed})`);
        if (answer === true) assert.ok(certainAnswer.includes(index), `certain: item ${index} missing (seed ${seed})`);
      });
    }
    // Pruning must actually prune: most pairs of random ids differ for certain.
    const pruned = maybe.candidates('/a/vnet-hub').length;
    assert.ok(pruned < values.length * 0.8, `${pruned} of ${values.length}`);
  }
});

test('an id lookup of a few items answers them all, in order and as a copy; past eight it answers by key', () => {
  const lookup = new CertainlySameIds<number>();
  const id = (index: number) =>
    `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v${index}`;
  for (let index = 0; index < 8; index++) lookup.add(id(index), index);
  const answer = lookup.candidates(id(3));
  assert.deepEqual(answer, [0, 1, 2, 3, 4, 5, 6, 7], 'a superset: the caller compares');
  lookup.add(id(8), 8);
  assert.equal(answer.length, 8, 'an answer is not the lookup’s own list');
  assert.deepEqual(lookup.candidates(id(3).toUpperCase()), [3], 'filed by key, case-insensitively');
  lookup.add(id(3), 9);
  assert.deepEqual(lookup.candidates(id(3)), [3, 9]);
});

test('a pair lookup answers every item whose two ids may both match', () => {
  const firsts = ids(7, 300);
  const seconds = ids(8, 300);
  const pairs = new MaybeSameIdPairs<number>();
  firsts.forEach((first, index) => pairs.add(first, seconds[index], index));
  const queries = ids(9, 60);
  for (const a of queries) {
    for (const b of queries.slice(0, 20)) {
      const answer = new Set(pairs.candidates(a, b));
      firsts.forEach((first, index) => {
        if (same(first, a, true) !== false && same(seconds[index], b, true) !== false)
          assert.ok(answer.has(index), `pair item ${index} missing`);
      });
    }
  }
});

test('a lookup with several keys per item answers each item once, keyless items always', () => {
  const lookup = new Lookup<string>();
  lookup.add(['a', 'b'], 'ab');
  lookup.add([undefined], 'anywhere');
  lookup.add(['b'], 'b');
  assert.deepEqual(lookup.candidates(['a', 'b']), ['ab', 'anywhere', 'b']);
  assert.deepEqual(lookup.candidates(['c']), ['anywhere']);
  assert.deepEqual(lookup.candidates([undefined]), ['ab', 'anywhere', 'b']);
  // The answer is a copy: adding while walking it changes nothing already answered.
  const all = lookup.candidates([undefined]);
  lookup.add(['a'], 'late');
  assert.equal(all.length, 3);
});

test('a one-key query of a lookup without keyless items answers that key, in order, as a copy', () => {
  const lookup = new Lookup<string>();
  lookup.add(['a'], 'first');
  lookup.add(['b'], 'other');
  lookup.add(['a', 'a'], 'twice');
  const answer = lookup.candidates(['a']);
  assert.deepEqual(answer, ['first', 'twice']);
  assert.deepEqual(lookup.candidates(['c']), []);
  lookup.add(['a'], 'late');
  assert.deepEqual(answer, ['first', 'twice'], 'adding while walking changes nothing already answered');
  // A keyless item joins every answer from then on.
  lookup.add([undefined], 'anywhere');
  assert.deepEqual(lookup.candidates(['a']), ['first', 'twice', 'late', 'anywhere']);
  assert.deepEqual(lookup.candidates(['c']), ['anywhere']);
});

test('a one-key query merges keyless items with the key’s own in the order added', () => {
  const lookup = new Lookup<string>();
  lookup.add([undefined], 'anywhere first');
  lookup.add(['a'], 'a1');
  lookup.add(['b'], 'b1');
  lookup.add([undefined], 'anywhere second');
  lookup.add(['a'], 'a2');
  assert.deepEqual(lookup.candidates(['a']), ['anywhere first', 'a1', 'anywhere second', 'a2']);
  assert.deepEqual(lookup.candidates(['b']), ['anywhere first', 'b1', 'anywhere second']);
  assert.deepEqual(lookup.candidates(['c']), ['anywhere first', 'anywhere second']);
});
