// Symbolic keys for calls whose result is unknown: the same function on the same arguments gives
// the same key, so `uniqueString(resourceGroup().id)` in two places names one value.
import { isObject, keyOf, keyPartOf, LambdaValue, Unknown, type Value } from './value';

export function describeValue(value: Value, depth = 0): string {
  const key = keyOf(value);
  if (key !== undefined) return key;
  if (value instanceof LambdaValue) return value.describe();
  if (depth > 8) return '…';
  if (Array.isArray(value)) return `[${value.map((item) => describeValue(item, depth + 1)).join(',')}]`;
  // A deployed thing (a resource, a module's outputs) by where it comes from: a walk of its properties
  // would compute every lazy one.
  const part = keyPartOf(value);
  if (part instanceof Unknown) return part.key;
  if (isObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}:${describeValue(v, depth + 1)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Longest key spelled out; longer ones are hashed, so keys of calls on calls cannot grow without bound. */
const maxKeyLength = 1_000;

export function callKey(name: string, args: readonly Value[]): string {
  const described = args.map((arg) => describeValue(arg)).join(',');
  return described.length <= maxKeyLength ? `${name}(${described})` : `${name}(#${hashText(described)})`;
}

/** A stable 64-bit FNV-style hash of a text, in base 36: equal texts give equal hashes. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    high = Math.imul(high ^ hash, 0x5bd1e995) >>> 0;
  }
  return `${high.toString(36)}${hash.toString(36)}`;
}
