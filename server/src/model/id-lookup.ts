// Lookups of items by resource id that keep `same(a, b, true)` exact while comparing few pairs: an
// item is filed under a key derived from its id, and a query returns every item whose id *could*
// compare the asked way (a superset, in the order added); the caller still compares each candidate.
// So a rule that looks candidates up finds what it found comparing every pair, at linear cost.
// Invariant: for ids a and b, `same(a, b, true) === true` implies `certainKey(a) === certainKey(b)`
// (or one of them has none), and `same(a, b, true) !== false` implies `lastSegmentKey(a) ===
// lastSegmentKey(b)` (or one of them has none). `id-lookup.test.ts` checks both on generated ids.
import { lowerCase, remembered } from '../evaluate/remembered';
import { PartialString, Unknown, type Value } from '../evaluate/value';

/**
 * A key equal for ids `same(…, true)` calls certainly equal: known text by its lower case, unknown and
 * partly known ids by their lower-case symbolic key (as `same` compares them). Undefined for values
 * `same` compares by structure (objects, arrays, numbers): those are candidates for every query.
 */
export function certainKey(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return remembered(knownKeys, value, knownKeyOf);
  if (value instanceof Unknown) return remembered(unknownKeys, value.lowerKey, unknownKeyOf);
  if (value instanceof PartialString) return remembered(unknownKeys, value.lower.key, unknownKeyOf);
  return undefined;
}

// The keys made once per text (issue 16): every lookup built and asked on every analysis made a new
// string of a whole id, which each Map read then copied flat and hashed; the one kept is hashed once.
const knownKeys = new Map<string, string>();
const unknownKeys = new Map<string, string>();
const knownKeyOf = (text: string) => `=${lowerCase(text)}`;
const unknownKeyOf = (lowerKey: string) => `?${lowerKey}`;

/**
 * The last `/` segment an id certainly ends with, in lower case: of known text, or of the literal text
 * after a partly known id's last unknown part when that text holds a `/`. Ids that may be equal end
 * with the same such segment (`same` finds different literal tails different). Undefined when
 * unknown parts could change it.
 */
export function lastSegmentKey(value: Value | undefined): string | undefined {
  const tail =
    typeof value === 'string'
      ? value
      : value instanceof PartialString && typeof value.parts.at(-1) === 'string'
        ? (value.parts.at(-1) as string)
        : undefined;
  if (tail === undefined) return undefined;
  const slash = tail.lastIndexOf('/');
  return slash < 0 ? undefined : lowerCase(tail.slice(slash + 1));
}

interface Filed<T> {
  order: number;
  item: T;
}

/**
 * Items filed under string keys (an item may have several), with keyless items asked every time:
 * `candidates(keys)` returns, in the order added and once each, the items filed under any of the keys
 * and the keyless ones; every item when a key of the query is missing.
 */
export class Lookup<T> {
  private readonly byKey = new Map<string, Filed<T>[]>();
  private readonly keyless: Filed<T>[] = [];
  private readonly all: T[] = [];

  add(keys: readonly (string | undefined)[], item: T): void {
    if (keys.length === 1) return this.addUnder(keys[0], item);
    const filed = { order: this.all.length, item };
    this.all.push(item);
    if (keys.length === 0 || keys.includes(undefined)) this.keyless.push(filed);
    else for (const key of new Set(keys as string[])) this.file(key, filed);
  }

  /** `add([key], item)` without the list: the id lookups file every item under one key (issue 16). */
  addUnder(key: string | undefined, item: T): void {
    const filed = { order: this.all.length, item };
    this.all.push(item);
    if (key === undefined) this.keyless.push(filed);
    else this.file(key, filed);
  }

  private file(key: string, filed: Filed<T>): void {
    const list = this.byKey.get(key);
    if (list) list.push(filed);
    else this.byKey.set(key, [filed]);
  }

  candidates(keys: readonly (string | undefined)[]): readonly T[] {
    if (keys.length === 1) return this.candidatesUnder(keys[0]);
    // A copy: the caller may add to this lookup while it walks the answer.
    if (keys.length === 0 || keys.includes(undefined)) return [...this.all];
    // Most queries meet one list or none (a peering's two end keys, one filed): no merge to set up.
    let only: Filed<T>[] | undefined = this.keyless.length > 0 ? this.keyless : undefined;
    let several = false;
    for (const key of keys as string[]) {
      const list = this.byKey.get(key);
      if (list === undefined || list === only) continue;
      if (only === undefined) only = list;
      else several = true;
    }
    if (!several) return only ? itemsOf(only) : [];
    const lists = [this.keyless, ...new Set(keys as string[])].map((key) =>
      typeof key === 'string' ? (this.byKey.get(key) ?? []) : key,
    );
    const found = lists.filter((list) => list.length > 0);
    if (found.length === 0) return [];
    if (found.length === 1) return itemsOf(found[0]);
    const merged = found.flat().sort((a, b) => a.order - b.order);
    return merged.filter((filed, index) => index === 0 || merged[index - 1] !== filed).map((filed) => filed.item);
  }

  /** `candidates([key])` without the list. */
  candidatesUnder(key: string | undefined): readonly T[] {
    // A copy: the caller may add to this lookup while it walks the answer.
    if (key === undefined) return [...this.all];
    const list = this.byKey.get(key);
    if (this.keyless.length === 0) return list ? itemsOf(list) : [];
    if (!list) return itemsOf(this.keyless);
    // Both lists are in the order added, and an item is in only one of them: merged as they are.
    return mergedItems(this.keyless, list);
  }
}

function itemsOf<T>(list: readonly Filed<T>[]): T[] {
  const items: T[] = new Array<T>(list.length);
  for (let index = 0; index < list.length; index++) items[index] = list[index].item;
  return items;
}

/** The items of two lists ordered by `order` with no item in both, in that order. */
function mergedItems<T>(a: readonly Filed<T>[], b: readonly Filed<T>[]): T[] {
  const items: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].order < b[j].order)) items.push(a[i++].item);
    else items.push(b[j++].item);
  }
  return items;
}

/**
 * Items by one key of their id (see the two kinds below). The first `fewItems` are kept as a list and a
 * query answers all of them (a superset, as the contract allows): most lookups hold a VNet's few peers
 * or a small model's VNets, and keying each id cost more than the caller's comparing a few (issue 16).
 * Past that, every item is filed by its key.
 */
class IdLookup<T> {
  /** A few items are answered whole, unkeyed; past `fewItems` they are filed by key. */
  private items: { id: Value | undefined; item: T }[] | Lookup<T> = [];
  constructor(private readonly keyOf: (id: Value | undefined) => string | undefined) {}

  add(id: Value | undefined, item: T): void {
    const items = this.items;
    if (items instanceof Lookup) return items.addUnder(this.keyOf(id), item);
    items.push({ id, item });
    if (items.length <= fewItems) return;
    const lookup = new Lookup<T>();
    for (const filed of items) lookup.addUnder(this.keyOf(filed.id), filed.item);
    this.items = lookup;
  }

  candidates(id: Value | undefined): readonly T[] {
    const items = this.items;
    if (items instanceof Lookup) return items.candidatesUnder(this.keyOf(id));
    // A new array, as Lookup answers: the caller may add to this lookup while it walks the answer.
    return items.map((filed) => filed.item);
  }
}

/** How many items an id lookup answers whole before it files them by key. */
const fewItems = 8;

/** Items by id: `candidates(id)` holds every item whose id `same(…, id, true)` may call equal. */
export class MaybeSameIds<T> extends IdLookup<T> {
  constructor() {
    super(lastSegmentKey);
  }
}

/** Items by id: `candidates(id)` holds every item whose id `same(…, id, true)` may call certainly equal. */
export class CertainlySameIds<T> extends IdLookup<T> {
  constructor() {
    super(certainKey);
  }
}

/**
 * Items by a pair of ids (e.g. a peering's local and remote VNet): `candidates(a, b)` holds every
 * item whose first id may equal `a` and whose second may equal `b`, in no particular order.
 */
export class MaybeSameIdPairs<T> {
  private readonly byPair = new Map<string, T[]>();
  private readonly byFirst = new Map<string, T[]>();
  private readonly bySecond = new Map<string, T[]>();
  private readonly all: T[] = [];

  add(first: Value | undefined, second: Value | undefined, item: T): void {
    const a = lastSegmentKey(first) ?? '*';
    const b = lastSegmentKey(second) ?? '*';
    this.all.push(item);
    push(this.byPair, `${a}/${b}`, item);
    push(this.byFirst, a, item);
    push(this.bySecond, b, item);
  }

  candidates(first: Value | undefined, second: Value | undefined): readonly T[] {
    const a = lastSegmentKey(first);
    const b = lastSegmentKey(second);
    // A segment never holds a '/'; one that is '*' is filed with the keyless, which only widens the answer.
    if (a === undefined && b === undefined) return [...this.all];
    if (a === undefined) return [...(this.bySecond.get(b!) ?? []), ...(this.bySecond.get('*') ?? [])];
    if (b === undefined) return [...(this.byFirst.get(a) ?? []), ...(this.byFirst.get('*') ?? [])];
    return [`${a}/${b}`, `${a}/*`, `*/${b}`, '*/*'].flatMap((key) => this.byPair.get(key) ?? []);
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
