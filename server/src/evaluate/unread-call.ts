// What a module call or linked template nobody can read is given (declaration.ts `unread`), kept as the
// strings in its parameters (ids, names, partly known ones): rules ask whether it names a resource
// (rules/support/unread-calls.ts). Evaluated when the call is declared and kept as that list alone:
// parameters evaluated when first read held the caller's whole evaluation alive with the model kept
// for the deployment (25 MB more over the corpus).
import { isArray, isObject, makeObject, PartialString, type ObjectValue, type Value } from './value';

/** How deep into a parameter's value strings are looked for (objects in arrays in objects…). */
const maxDepth = 6;
/** How many strings are kept: enough for any call's ids and names, bounded for hostile ones. */
const maxStrings = 1000;

/** The `properties` of an unread call's declaration: `{ given: [the strings its parameters hold] }`. */
export function unreadCallProperties(params: ReadonlyMap<string, Value>): ObjectValue {
  const given: (string | PartialString)[] = [];
  for (const name of params.keys()) collect(params.get(name), given, 0);
  return makeObject([['given', given]]);
}

function collect(value: Value | undefined, into: (string | PartialString)[], depth: number): void {
  if (into.length >= maxStrings) return;
  if (typeof value === 'string' || value instanceof PartialString) into.push(value);
  else if (depth >= maxDepth) return;
  else if (isArray(value)) for (const item of value) collect(item, into, depth + 1);
  else if (isObject(value)) for (const key of Object.keys(value)) collect(value[key], into, depth + 1);
}
