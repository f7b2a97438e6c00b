// Small walks the deployment models (deployments.ts) make over ids, values and orders: the ancestors
// of an id, the strings inside a value, whether two orders agree. Pure; they hold nothing.
import { isArray, isObject, type Value } from '../evaluate/value';

/** The '/'-bounded proper prefixes of an id (`/a/b/c` → `/a`, `/a/b`). */
export function ancestorsOf(id: string): string[] {
  const ancestors: string[] = [];
  for (let slash = id.indexOf('/', 1); slash > 0; slash = id.indexOf('/', slash + 1))
    ancestors.push(id.slice(0, slash));
  return ancestors;
}

/** Calls `visit` with every known string inside a value (ids sit in nested objects and arrays). */
export function forEachString(value: Value | undefined, visit: (text: string) => void, depth = 0): void {
  if (typeof value === 'string') visit(value);
  else if (depth < 32 && isArray(value)) for (const item of value) forEachString(item, visit, depth + 1);
  // Keys walked in place: a list of values per object was ~0.4 MB of garbage per keystroke (issue 16).
  else if (depth < 32 && isObject(value)) for (const key in value) forEachString(value[key], visit, depth + 1);
}

/** Whether two sequences hold the same items in the same order. */
export function sameOrder(a: Iterable<string>, b: Iterable<string>): boolean {
  const other = b[Symbol.iterator]();
  for (const item of a) if (other.next().value !== item) return false;
  return other.next().done === true;
}
