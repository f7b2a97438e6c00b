// Array and object functions, including the lambda ones (map, filter, reduce, toObject).
import { asInteger, limits, unknownCall, whenKnown } from './functions-support';
import {
  freshUnknown,
  isArray,
  isKnown,
  isObject,
  LambdaValue,
  makeObject,
  oversizedUnknown,
  PartialString,
  same,
  Unknown,
  type ObjectValue,
  type Value,
} from './value';
import { gatherWithin, maxValueUnits, sizeOf } from './value-size';

type Fn = (args: readonly Value[]) => Value;

function length(args: readonly Value[]): Value {
  const [value] = args;
  if (typeof value === 'string') return value.length;
  if (isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return unknownCall('length', args);
}

function contains(args: readonly Value[]): Value {
  const [container, item] = args;
  if (typeof container === 'string' && typeof item === 'string') return container.includes(item);
  if (isArray(container)) {
    const results = container.map((element) => same(element, item));
    if (results.includes(true)) return true;
    return results.every((result) => result === false) ? false : unknownCall('contains', args);
  }
  if (isObject(container) && typeof item === 'string') {
    const lower = item.toLowerCase();
    return Object.keys(container).some((key) => key.toLowerCase() === lower);
  }
  return unknownCall('contains', args);
}

function empty(args: readonly Value[]): Value {
  const [value] = args;
  if (value === null || value === '') return true;
  if (typeof value === 'string') return false;
  if (isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  if (value instanceof PartialString) return false;
  return unknownCall('empty', args);
}

function firstOrLast(which: 'first' | 'last'): Fn {
  return (args) => {
    const [value] = args;
    if (typeof value === 'string') return which === 'first' ? value.slice(0, 1) : value.slice(-1);
    if (isArray(value)) return (which === 'first' ? value[0] : value[value.length - 1]) ?? null;
    return unknownCall(which, args);
  };
}

function takeOrSkip(which: 'take' | 'skip'): Fn {
  return (args) => {
    const [value, countValue] = args;
    const count = asInteger(countValue);
    if (count === undefined || (!isArray(value) && typeof value !== 'string')) return unknownCall(which, args);
    const n = Math.max(0, count);
    return which === 'take' ? value.slice(0, n) : value.slice(n);
  };
}

/** union(): objects merge (later wins, nested objects deep-merged); arrays concatenate without duplicates. */
function union(args: readonly Value[]): Value {
  if (args.length > 0 && args.every(isObject)) return mergeObjects(args as ObjectValue[]);
  if (args.length > 0 && args.every(isArray) && args.every(isKnown)) {
    const result: Value[] = [];
    for (const item of (args as Value[][]).flat())
      if (!result.some((existing) => same(existing, item) === true)) result.push(item);
    return result;
  }
  return unknownCall('union', args);
}

function mergeObjects(objects: readonly ObjectValue[]): ObjectValue {
  const merged = new Map<string, Value>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      const existing = merged.get(key);
      merged.set(key, isObject(existing) && isObject(value) ? mergeObjects([existing, value]) : value);
    }
  }
  return makeObject(merged);
}

function range(args: readonly Value[]): Value {
  const start = asInteger(args[0]);
  const count = asInteger(args[1]);
  if (start === undefined || count === undefined || count < 0) return unknownCall('range', args);
  // A huge range is a hostile or mistaken template: cap it and say so with an unknown.
  if (count > limits.maxArray) return unknownCall('range', args);
  return Array.from({ length: count }, (_, index) => start + index);
}

function applyLambda(
  name: string,
  args: readonly Value[],
  run: (items: readonly Value[], fn: LambdaValue) => Value,
): Value {
  const [items, fn] = args;
  if (!(fn instanceof LambdaValue)) return unknownCall(name, args);
  if (isArray(items)) return run(items, fn);
  if (isObject(items) && name === 'map') return run(Object.values(items), fn);
  return unknownCall(name, args);
}

function filter(items: readonly Value[], fn: LambdaValue): Value {
  const kept: Value[] = [];
  for (const [index, item] of items.entries()) {
    const keep = fn.apply([item, index]);
    if (keep === true) kept.push(item);
    else if (keep !== false) return freshUnknown('filter');
  }
  return kept;
}

function toObject(args: readonly Value[]): Value {
  const [items, keyFn, valueFn] = args;
  if (
    !isArray(items) ||
    !(keyFn instanceof LambdaValue) ||
    (valueFn !== undefined && !(valueFn instanceof LambdaValue))
  )
    return unknownCall('toObject', args);
  const entries: [string, Value][] = [];
  let total = 0;
  for (const item of items) {
    const key = keyFn.apply([item]);
    if (typeof key !== 'string') return unknownCall('toObject', args);
    const value = valueFn ? valueFn.apply([item]) : item;
    total += key.length + sizeOf(value);
    if (total > maxValueUnits) return oversizedUnknown('toObject');
    entries.push([key, value]);
  }
  return makeObject(entries);
}

/** Bicep's mapValues(object, value => …): the same keys, each value through the lambda. */
function mapValues(args: readonly Value[]): Value {
  const [object, fn] = args;
  if (!isObject(object) || !(fn instanceof LambdaValue)) return unknownCall('mapValues', args);
  return makeObject(Object.entries(object).map(([key, value]) => [key, fn.apply([value])]));
}

export const collectionFunctions: Record<string, Fn> = {
  length,
  contains,
  empty,
  first: firstOrLast('first'),
  last: firstOrLast('last'),
  take: takeOrSkip('take'),
  skip: takeOrSkip('skip'),
  union,
  range,
  createArray: (args) => [...args],
  array: ([value]) =>
    value === undefined
      ? []
      : isArray(value)
        ? value
        : value instanceof Unknown
          ? unknownCall('array', [value])
          : [value],
  createObject: (args) => {
    const entries: [string, Value][] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      if (typeof args[i] !== 'string') return unknownCall('createObject', args);
      entries.push([args[i] as string, args[i + 1]]);
    }
    return makeObject(entries);
  },
  intersection: whenKnown('intersection', (args) => {
    if (args.every(isArray))
      return (args[0] as Value[]).filter((item) =>
        args.every((other) => (other as Value[]).some((x) => same(x, item) === true)),
      );
    if (args.every(isObject)) {
      const [first, ...rest] = args as ObjectValue[];
      return makeObject(
        Object.entries(first).filter(([key, value]) =>
          rest.every((other) => key in other && same(other[key], value) === true),
        ),
      );
    }
    return unknownCall('intersection', args);
  }),
  objectKeys: ([value]) => (isObject(value) ? Object.keys(value) : unknownCall('objectKeys', [value ?? null])),
  items: ([value]) =>
    isObject(value)
      ? Object.keys(value)
          .sort()
          .map((key) =>
            makeObject([
              ['key', key],
              ['value', value[key]],
            ]),
          )
      : unknownCall('items', [value ?? null]),
  flatten: ([value]) =>
    isArray(value) && value.every(isArray) ? (value as Value[][]).flat() : unknownCall('flatten', [value ?? null]),
  map: (args) =>
    applyLambda('map', args, (items, fn) => {
      const mapped = gatherWithin(items.length, (index) => fn.apply([items[index], index]));
      return mapped === 'oversized' ? oversizedUnknown('map') : mapped;
    }),
  filter: (args) => applyLambda('filter', args, filter),
  reduce: (args) => {
    const [items, initial, fn] = args;
    if (!isArray(items) || !(fn instanceof LambdaValue)) return unknownCall('reduce', args);
    return items.reduce<Value>((accumulator, item, index) => fn.apply([accumulator, item, index]), initial ?? null);
  },
  toObject,
  mapValues,
  shallowMerge: ([list]) =>
    isArray(list) && list.every(isObject)
      ? makeObject((list as ObjectValue[]).flatMap((object) => Object.entries(object)))
      : unknownCall('shallowMerge', [list ?? null]),
};
