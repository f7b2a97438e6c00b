// Values of evaluated templates: known JSON, or unknown with a symbolic key, or a string made of
// known text and unknown parts (resource ids are mostly that). Invariant: two unknowns with the
// same key stand for the same value; different keys say nothing (they may still be equal).

/** What an unknown is known to be, even though its value is not. */
/**
 * What an unknown is known to be: 'region' a region name; 'segment' a value that holds no '/' (a
 * subscription id is a GUID, and a resource group's name allows no '/'), so an id made with it splits on
 * '/' as if it were known.
 */
export type UnknownHint = 'region' | 'segment';

/** Where an unknown was first written in a source file (evaluate/written.ts reads it lazily). */
export interface WrittenAt {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Written in an ARM template expression (shown as `[…]`, as ARM writes expressions; Bicep's as `${…}`). */
  readonly arm?: true;
}

export class Unknown {
  private lowered: string | undefined;
  /** Set once by noteWritten, for display only: it never takes part in equality (keys do). */
  writtenAt: WrittenAt | undefined = undefined;
  constructor(
    readonly key: string,
    readonly hint?: UnknownHint,
  ) {}

  /** The key in lower case, built once: ids compare ignoring case, many times over. */
  get lowerKey(): string {
    this.lowered ??= this.key.toLowerCase();
    return this.lowered;
  }
}

/** A string with unknown parts, e.g. `/subscriptions/{subscription}/.../virtualNetworks/vnet-hub`. */
export class PartialString {
  private cachedKey: string | undefined;
  constructor(readonly parts: readonly (string | Unknown)[]) {}

  private lowered: { key: string; head: string; tail: string } | undefined;

  /** Built on first use: most partial strings are never compared. */
  get key(): string {
    this.cachedKey ??= this.parts.map((part) => (typeof part === 'string' ? part : `{${part.key}}`)).join('');
    return this.cachedKey;
  }

  /** The key and the literal text before the first and after the last unknown part, in lower case, built once. */
  get lower(): { key: string; head: string; tail: string } {
    this.lowered ??= {
      key: this.key.toLowerCase(),
      head: lowerEdge(this.parts[0]),
      tail: lowerEdge(this.parts.at(-1)),
    };
    return this.lowered;
  }
}

/**
 * A part at an edge of a partial string in lower case ('' for an unknown). Not a closure in `lower`:
 * the rules read `lower` thousands of times per analysis, and each read made one (issue 16).
 */
function lowerEdge(part: string | Unknown | undefined): string {
  return typeof part === 'string' ? part.toLowerCase() : '';
}

/** A function value (Bicep lambdas, ARM `lambda()`), applied by the library's map/filter/reduce. */
export class LambdaValue {
  constructor(
    readonly arity: number,
    readonly apply: (args: readonly Value[]) => Value,
    /**
     * What tells it from other lambdas in an unknown's key (call-key.ts): where it is written and what it
     * closes over. Made only when a key is: most lambdas are applied, never described.
     */
    readonly describe: () => string = () => 'lambda',
  ) {}
}

export type Value =
  null | boolean | number | string | readonly Value[] | ObjectValue | Unknown | PartialString | LambdaValue;

export interface ObjectValue {
  readonly [key: string]: Value;
}

export type Tri = true | false | 'unknown';

/** Both conditions: false when either is false, true when both are, else unknown. */
export function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : 'unknown';
}

let freshCounter = 0;
/** An unknown equal to nothing else (its key is never produced twice). */
export function freshUnknown(what: string, hint?: UnknownHint): Unknown {
  return new Unknown(`${what}#${++freshCounter}`, hint);
}

export function isUnknown(value: Value | undefined): value is Unknown {
  return value instanceof Unknown;
}

export function isObject(value: Value | undefined): value is ObjectValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof PartialString) &&
    !(value instanceof LambdaValue)
  );
}

export function isArray(value: Value | undefined): value is readonly Value[] {
  return Array.isArray(value);
}

/**
 * The prototype of the objects evaluation makes: an object with no prototype of its own and no keys,
 * frozen. Its objects see no `Object.prototype` (a key such as `__proto__`, `constructor` or
 * `toString` from a user's file stays data, as with `Object.create(null)`), yet V8 keeps them as
 * fast objects with shapes it shares: `Object.create(null)` gives a hash-table object, slower to
 * build and to read, and evaluation makes one per object literal, resource and body (issue 16).
 */
export const objectValuePrototype: object = Object.freeze(Object.create(null) as object);

function ObjectValueConstructor(): void {}
ObjectValueConstructor.prototype = objectValuePrototype;

/** A new object value without keys (see objectValuePrototype). */
export function emptyObjectValue(): Record<string, Value> {
  return new (ObjectValueConstructor as unknown as new () => Record<string, Value>)();
}

/** An object value of `entries` (later keys win); keys such as `__proto__` from user files stay data. */
export function makeObject(entries: Iterable<readonly [string, Value]>): ObjectValue {
  const object = emptyObjectValue();
  for (const [key, value] of entries) object[key] = value;
  return object;
}

/** Whether a value is fully known (no unknown anywhere inside). */
export function isKnown(value: Value): boolean {
  if (value instanceof Unknown || value instanceof PartialString || value instanceof LambdaValue) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (isObject(value)) return Object.values(value).every(isKnown);
  return true;
}

/** The symbolic key of a value that is not a plain known scalar, else undefined. */
export function keyOf(value: Value): string | undefined {
  if (value instanceof Unknown || value instanceof PartialString) return value.key;
  return undefined;
}

/** Longest string evaluation builds; longer text (a doubling loop, say) becomes unknown. */
export const maxStringLength = 1_000_000;

const oversized = new WeakSet<Unknown>();

/** An unknown standing for a value too large to keep (DESIGN §10: evaluation's memory is bounded). */
export function oversizedUnknown(what: string): Unknown {
  const unknown = freshUnknown(`too-large:${what}`);
  oversized.add(unknown);
  return unknown;
}

/** Whether a value is an unknown made for its size. */
export function isOversized(value: Value | undefined): boolean {
  return value instanceof Unknown && oversized.has(value);
}

/**
 * Joins values into one string value: known text when every part is known, else a PartialString.
 * Unknown parts count as long as their keys: `concat(x, x)` repeated on an unknown `x` doubles them,
 * and the string's key spells every one.
 */
export function concatStrings(values: readonly Value[]): string | PartialString | Unknown {
  let length = 0;
  let allText = true;
  for (const value of values) {
    if (typeof value === 'string') length += value.length;
    else {
      allText = false;
      if (value instanceof Unknown) length += value.key.length;
      else if (value instanceof PartialString)
        for (const part of value.parts) length += typeof part === 'string' ? part.length : part.key.length;
    }
  }
  if (length > maxStringLength) return oversizedUnknown('string');
  // Most calls join text only (a plain literal is one piece): no list of parts for them (issue 16).
  if (allText) return values.length === 1 ? (values[0] as string) : (values as readonly string[]).join('');
  const parts: (string | Unknown)[] = [];
  for (const value of values) {
    if (typeof value === 'string') appendPart(parts, value);
    else if (typeof value === 'number' || typeof value === 'boolean') appendPart(parts, String(value));
    else if (value === null) continue;
    else if (value instanceof Unknown) appendPart(parts, value);
    else if (value instanceof PartialString) for (const part of value.parts) appendPart(parts, part);
    else return freshUnknown('string');
  }
  if (parts.length === 0) return '';
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  if (parts.length === 1 && parts[0] instanceof Unknown) return parts[0];
  return new PartialString(parts);
}

/** Adds a part, joining text to text before it and dropping empty text (a function, not a closure per call). */
function appendPart(parts: (string | Unknown)[], part: string | Unknown): void {
  const last = parts.length - 1;
  if (typeof part === 'string' && typeof parts[last] === 'string') parts[last] = (parts[last] as string) + part;
  else if (part !== '') parts.push(part);
}

/** Equality in three values; `ignoreCase` for names and ids, which Azure compares that way. */
export function same(a: Value, b: Value, ignoreCase = false): Tri {
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka !== undefined || kb !== undefined) {
    if (ka === undefined || kb === undefined) return knownDiffers(a, b, ignoreCase);
    return (ignoreCase ? lowerKeyOf(a) === lowerKeyOf(b) : ka === kb) ? true : knownDiffers(a, b, ignoreCase);
  }
  if (a instanceof LambdaValue || b instanceof LambdaValue) return 'unknown';
  if (typeof a === 'string' && typeof b === 'string') return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return all(a.map((item, index) => same(item, b[index], ignoreCase)));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return all(keys.map((key) => (key in b ? same(a[key], b[key], ignoreCase) : false)));
  }
  return a === b;
}

/**
 * Two partly known strings whose known text cannot line up differ for certain: different literal
 * prefixes or suffixes (`{x}/subnets/a` vs `{x}/subnets/b`). Anything else stays unknown.
 */
function knownDiffers(a: Value, b: Value, ignoreCase: boolean): Tri {
  const ea = literalEdges(a, ignoreCase);
  const eb = literalEdges(b, ignoreCase);
  if (!ea || !eb) return 'unknown';
  if (!ea.head.startsWith(eb.head) && !eb.head.startsWith(ea.head)) return false;
  if (!ea.tail.endsWith(eb.tail) && !eb.tail.endsWith(ea.tail)) return false;
  if (a instanceof PartialString && b instanceof PartialString && alignedTextDiffers(a, b, ignoreCase)) return false;
  return 'unknown';
}

/**
 * Two partial strings line up, from either end, as long as their parts do: the same text, or the same
 * unknown (one key is one value). At the first literal parts that differ there, both start (or end) at
 * the same place, so if neither is a prefix (or suffix) of the other the strings differ:
 * `…/pe-sta{u}-blob` and `…/pe-stb{u}-blob`, or `…/pe-sta{u}` and `…/pe-lit`.
 */
function alignedTextDiffers(a: PartialString, b: PartialString, ignoreCase: boolean): boolean {
  const pa = a.parts;
  const pb = b.parts;
  const text = (part: string) => (ignoreCase ? part.toLowerCase() : part);
  const keyOfPart = (part: Unknown) => (ignoreCase ? part.lowerKey : part.key);
  /** Walks the parts from one end; true when the first differing literals certainly differ. */
  const walk = (fromEnd: boolean): boolean => {
    const count = Math.min(pa.length, pb.length);
    for (let step = 0; step < count; step++) {
      const x = pa[fromEnd ? pa.length - 1 - step : step];
      const y = pb[fromEnd ? pb.length - 1 - step : step];
      if (typeof x !== 'string' || typeof y !== 'string') {
        if (typeof x === 'string' || typeof y === 'string' || keyOfPart(x) !== keyOfPart(y)) return false;
        continue;
      }
      const tx = text(x);
      const ty = text(y);
      if (tx === ty) continue;
      const fits = fromEnd ? tx.endsWith(ty) || ty.endsWith(tx) : tx.startsWith(ty) || ty.startsWith(tx);
      if (!fits) return true;
      // One is the start (end) of the other: they still differ when the shorter ends its string there and
      // the longer has text past it (`…/pe-st` and `…/pe-sta{u}`).
      const shorterIsX = tx.length < ty.length;
      const shorterParts = shorterIsX ? pa : pb;
      return step === shorterParts.length - 1;
    }
    return false;
  };
  return walk(false) || walk(true);
}

/** The literal text a string value starts and ends with (all of a known string), or undefined for non-text. */
function literalEdges(value: Value, ignoreCase: boolean): { head: string; tail: string } | undefined {
  if (typeof value === 'string') {
    const text = ignoreCase ? value.toLowerCase() : value;
    return { head: text, tail: text };
  }
  if (!(value instanceof PartialString)) return undefined;
  if (ignoreCase) return value.lower;
  const edge = (part: string | Unknown | undefined) => (typeof part === 'string' ? part : '');
  return { head: edge(value.parts[0]), tail: edge(value.parts.at(-1)) };
}

/** The symbolic key in lower case, or undefined for a plain value. */
function lowerKeyOf(value: Value): string | undefined {
  if (value instanceof Unknown) return value.lowerKey;
  if (value instanceof PartialString) return value.lower.key;
  return undefined;
}

function all(results: readonly Tri[]): Tri {
  if (results.includes(false)) return false;
  return results.every((result) => result === true) ? true : 'unknown';
}

export function not(value: Tri): Tri {
  return value === 'unknown' ? 'unknown' : !value;
}

/**
 * The value as plain JSON for output: unknowns become `{ "$unknown": key }`, partial strings
 * `{ "$partial": key }`, each key as `keyText` shows it.
 */
export function toJson(value: Value, keyText: (key: string) => string = (key) => key, depth = 0): unknown {
  if (depth > 64) return { $unknown: 'too-deep' };
  if (value instanceof Unknown) return { $unknown: keyText(value.key) };
  if (value instanceof PartialString) return { $partial: keyText(value.key) };
  if (value instanceof LambdaValue) return { $lambda: value.arity };
  if (Array.isArray(value)) return value.map((item) => toJson(item, keyText, depth + 1));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, keyText, depth + 1)]));
  return value;
}

/** Plain JSON into a Value (objects lose their prototype). */
export function fromJson(json: unknown, depth = 0): Value {
  if (depth > 256) return freshUnknown('too-deep');
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  if (Array.isArray(json)) return json.map((item) => fromJson(item, depth + 1));
  if (typeof json === 'object')
    return makeObject(Object.entries(json as object).map(([key, item]) => [key, fromJson(item, depth + 1)]));
  return null;
}

// Objects that stand for something deployed (a resource, a module) have runtime properties the
// template does not declare; reading one gives an unknown keyed by where it came from. The key is a
// hidden property of the object (not enumerable, so walks and copies never see it): cheaper to set
// and to collect than a WeakMap entry per resource and module value.
const originKey = Symbol('origin');

export function withOrigin<T extends ObjectValue>(object: T, key: string): T {
  // Writable: marking the same object again (a variable used as two resources' properties) keeps the last key.
  Reflect.defineProperty(object, originKey, { value: key, writable: true, configurable: true });
  return object;
}

/**
 * What stands for a value in an unknown's key: a deployed thing's origin key, never its properties (a
 * walk would compute every lazy one), else the value itself.
 */
export function keyPartOf(value: Value): Value {
  const origin = isObject(value) ? (value as { [originKey]?: string })[originKey] : undefined;
  return origin === undefined ? value : new Unknown(origin);
}

/** `base.name`, with unknowns for what cannot be known. */
export function getProperty(base: Value, name: string): Value {
  if (isObject(base)) {
    if (Object.prototype.hasOwnProperty.call(base, name)) return base[name];
    const origin = (base as { [originKey]?: string })[originKey];
    return origin === undefined ? freshUnknown(`missing.${name}`) : new Unknown(`${origin}.${name}`);
  }
  if (base instanceof Unknown || base instanceof PartialString) return new Unknown(`${base.key}.${name}`);
  return freshUnknown(`missing.${name}`);
}

/**
 * `base.?name`: null where `base` is null or a wholly known object without the key (Bicep's safe
 * access); an object whose keys are not all known (it has an origin) may hold it, as getProperty says.
 */
export function getSafeProperty(base: Value, name: string): Value {
  if (base === null) return null;
  if (
    isObject(base) &&
    !Object.prototype.hasOwnProperty.call(base, name) &&
    (base as { [originKey]?: string })[originKey] === undefined
  )
    return null;
  return getProperty(base, name);
}

/** `base[index]`. */
export function getIndex(base: Value, index: Value): Value {
  if (Array.isArray(base) && typeof index === 'number')
    return base[index < 0 ? base.length + index : index] ?? freshUnknown('index');
  if (typeof index === 'string') return getProperty(base, index);
  const baseKey = keyOf(base);
  const indexKey = keyOf(index) ?? (typeof index === 'number' ? String(index) : undefined);
  if (baseKey !== undefined && indexKey !== undefined) return new Unknown(`${baseKey}[${indexKey}]`);
  return freshUnknown('index');
}
