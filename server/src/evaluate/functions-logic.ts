// Comparison, logic and arithmetic: if, coalesce, equals, and/or/not, less/greater, add..mod.
import { unknownCall } from './functions-support';
import { fromJson, Unknown, same, type Value } from './value';

type Fn = (args: readonly Value[]) => Value;

function compare(name: string, test: (order: number) => boolean): Fn {
  return (args) => {
    const [a, b] = args;
    if (typeof a === 'number' && typeof b === 'number') return test(a - b);
    if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
    return unknownCall(name, args);
  };
}

function arithmetic(name: string, op: (a: number, b: number) => number | undefined): Fn {
  return (args) => {
    const [a, b] = args;
    if (typeof a !== 'number' || typeof b !== 'number') return unknownCall(name, args);
    const result = op(a, b);
    return result === undefined ? unknownCall(name, args) : result;
  };
}

function equals(args: readonly Value[]): Value {
  const result = same(args[0] ?? null, args[1] ?? null);
  return result === 'unknown' ? unknownCall('equals', args) : result;
}

export const logicFunctions: Record<string, Fn> = {
  if: (args) => {
    const [condition, whenTrue, whenFalse] = args;
    if (condition === true) return whenTrue ?? null;
    if (condition === false) return whenFalse ?? null;
    return same(whenTrue ?? null, whenFalse ?? null) === true ? (whenTrue ?? null) : unknownCall('if', args);
  },
  coalesce: (args) => {
    for (const value of args) {
      if (value instanceof Unknown) return unknownCall('coalesce', args);
      if (value !== null) return value;
    }
    return null;
  },
  equals,
  not: ([value]) => (typeof value === 'boolean' ? !value : unknownCall('not', [value ?? null])),
  and: (args) =>
    args.includes(false) ? false : args.every((value) => value === true) ? true : unknownCall('and', args),
  or: (args) => (args.includes(true) ? true : args.every((value) => value === false) ? false : unknownCall('or', args)),
  bool: ([value]) =>
    typeof value === 'boolean'
      ? value
      : value === 'true' || value === 'false'
        ? value === 'true'
        : typeof value === 'number'
          ? value !== 0
          : unknownCall('bool', [value ?? null]),
  int: ([value]) =>
    typeof value === 'number'
      ? Math.trunc(value)
      : typeof value === 'string' && /^-?\d+$/.test(value.trim())
        ? Number(value)
        : unknownCall('int', [value ?? null]),
  less: compare('less', (order) => order < 0),
  lessOrEquals: compare('lessOrEquals', (order) => order <= 0),
  greater: compare('greater', (order) => order > 0),
  greaterOrEquals: compare('greaterOrEquals', (order) => order >= 0),
  add: arithmetic('add', (a, b) => a + b),
  sub: arithmetic('sub', (a, b) => a - b),
  mul: arithmetic('mul', (a, b) => a * b),
  div: arithmetic('div', (a, b) => (b === 0 ? undefined : Math.trunc(a / b))),
  mod: arithmetic('mod', (a, b) => (b === 0 ? undefined : a % b)),
  min: (args) => {
    const numbers = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    return numbers.every((n) => typeof n === 'number') && numbers.length > 0
      ? Math.min(...(numbers as number[]))
      : unknownCall('min', args);
  },
  max: (args) => {
    const numbers = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    return numbers.every((n) => typeof n === 'number') && numbers.length > 0
      ? Math.max(...(numbers as number[]))
      : unknownCall('max', args);
  },
  json: ([value]) => {
    if (typeof value !== 'string') return unknownCall('json', [value ?? null]);
    try {
      return fromJson(JSON.parse(value));
    } catch {
      return unknownCall('json', [value]);
    }
  },
};
