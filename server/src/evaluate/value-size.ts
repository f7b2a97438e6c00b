// The memory budget of evaluation (DESIGN §10): how large a value is, counted as a walk over it sees
// it, so a value that shares its parts (`{ a: v, b: v }` repeated) counts every occurrence, and the
// cap that turns a value over it into an unknown. The time limit cannot catch these: one doubling
// step is one tick. Invariants: sizes of 256 units or more are memoised per object (values are
// immutable), so sizing a value built from sized parts costs its own entries and at most 256 units
// per smaller part; sizing never recurses deeper than `maxSizedDepth` (a deeper value counts as over
// the cap). The memo is a hidden property of the value itself: a WeakMap entry per object built cost
// about ten times more, mostly in the garbage collector (its entries are ephemerons).
import {
  emptyObjectValue,
  isOversized,
  LambdaValue,
  oversizedUnknown,
  PartialString,
  Unknown,
  type ObjectValue,
  type Value,
} from './value';

/** Largest value evaluation keeps, in units of one character or one entry (about 8 to 16 MB). */
export const maxValueUnits = 4_000_000;

const maxSizedDepth = 1_000;

/**
 * Smaller values are not given a memo: walking one again costs at most this many units, while
 * remembering is a runtime call that gives the object a new shape, and most values evaluation makes
 * (names, ids, small objects) are this small (issue 16).
 */
const smallestRemembered = 256;

/**
 * The memoised size. Not enumerable, so a walk, a spread copy (`{ ...value }`), `Object.keys`,
 * `JSON.stringify` and structured clone never see it or carry it to a value it does not measure.
 */
const sizeKey = Symbol('value size');

function knownSize(value: object): number | undefined {
  return (value as { [sizeKey]?: number })[sizeKey];
}

function rememberSize(value: object, size: number): void {
  if (size < smallestRemembered) return;
  // Reflect: a value that cannot take it (frozen) is simply sized again next time.
  Reflect.defineProperty(value, sizeKey, { value: size });
}

/** The size of a value in units: characters of text, plus one per entry, part and scalar. */
export function sizeOf(value: Value, depth = 0): number {
  if (typeof value === 'string') return value.length + 1;
  if (value === null || typeof value !== 'object' || value instanceof Unknown || value instanceof LambdaValue) return 1;
  let size = 1;
  // A partial string's parts are text and unknowns only: sized directly, never memoised (its class keeps one shape).
  if (value instanceof PartialString) {
    for (const part of value.parts) size += typeof part === 'string' ? part.length + 1 : 1;
    return size;
  }
  const known = knownSize(value);
  if (known !== undefined) return known;
  if (depth > maxSizedDepth) return Number.POSITIVE_INFINITY;
  if (Array.isArray(value)) {
    for (const item of value as readonly Value[]) size += sizeOf(item, depth + 1);
  } else {
    for (const key in value) size += key.length + sizeOf((value as Record<string, Value>)[key], depth + 1);
  }
  rememberSize(value, size);
  return size;
}

/** An object of `entries` (later keys win), sized as sizedBuilt sizes it. */
export function sizedObject(entries: Iterable<readonly [string, Value]>): ObjectValue {
  const object: Record<string, Value> = emptyObjectValue();
  let repeated = false;
  for (const [key, value] of entries) {
    if (key in object) repeated = true;
    object[key] = value;
  }
  return sizedBuilt(object, repeated);
}

/**
 * `object`, built by the caller key by key from values already sized (or sized now), sized without a
 * walk over it when it is later capped; no list of entries is made first (issue 16: an object literal
 * is evaluated per keystroke). `repeated`: a key was set twice, and the object is left unsized (the
 * walk on first capping counts what it holds).
 */
export function sizedBuilt(object: Record<string, Value>, repeated: boolean): ObjectValue {
  if (repeated) return object;
  let size = 1;
  for (const key in object) size += key.length + sizeOf(object[key]);
  rememberSize(object, size);
  return object;
}

/** `items` as an array value, sized as it is built (see sizedObject). */
export function sizedArray(items: Value[]): Value[] {
  let size = 1;
  for (const item of items) size += sizeOf(item);
  rememberSize(items, size);
  return items;
}

/** Marks values whose every part was capped where it was computed (sizedByParts). */
const partsKey = Symbol('sized by parts');

/**
 * Marks a value the evaluator builds of parts each capped where it was computed: a module's or
 * nested deployment's `{ name, outputs }` and its outputs, each computed when first read; the array
 * of such values a loop gives. Capping it alone would find nothing new and would compute every
 * output nobody reads (each a cascade of evaluation); capped() passes it as it is. A value that
 * holds it is sized as before, all of it.
 */
export function sizedByParts<T extends object>(value: T): T {
  Reflect.defineProperty(value, partsKey, { value: true });
  return value;
}

function isSizedByParts(value: Value): boolean {
  return typeof value === 'object' && value !== null && (value as { [partsKey]?: true })[partsKey] === true;
}

/**
 * The items of a loop as an array value: capped by its parts when each item is (a loop of module
 * calls, or of resources no reader needs). Sized whole, each time an expression reached the loop's
 * symbol, it computed every part of every item.
 */
export function loopArray(items: Value[]): Value[] {
  return items.every(isSizedByParts) ? sizedByParts(items) : items;
}

/** The value, or an oversized unknown when it is over the cap. */
export function capped(value: Value): Value {
  if (typeof value !== 'object' || value === null || value instanceof Unknown || value instanceof LambdaValue)
    return value;
  if (isSizedByParts(value)) return value;
  return sizeOf(value) > maxValueUnits ? oversizedUnknown('value') : value;
}

/**
 * Items gathered one at a time (loop expansions, `map`): stops as soon as their total size is over
 * the cap, so a loop of large items never builds the whole array first.
 */
export function gatherWithin(count: number, item: (index: number) => Value | undefined): Value[] | 'oversized' {
  const items: Value[] = [];
  let total = 1;
  for (let index = 0; index < count; index++) {
    const value = item(index);
    if (value === undefined) continue;
    total += sizeOf(value);
    // An item over the cap would likely be over it again on every later turn: stop here.
    if (total > maxValueUnits || isOversized(value)) return 'oversized';
    items.push(value);
  }
  return items;
}
