// Symbolic keys for calls whose result is unknown: the same function on the same arguments gives
// the same key, so `uniqueString(resourceGroup().id)` in two places names one value.
import { isObject, keyOf, LambdaValue, type Value } from './value';

export function describeValue(value: Value, depth = 0): string {
  const key = keyOf(value);
  if (key !== undefined) return key;
  if (value instanceof LambdaValue) return 'lambda';
  if (depth > 8) return '…';
  if (Array.isArray(value)) return `[${value.map((item) => describeValue(item, depth + 1)).join(',')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}:${describeValue(v, depth + 1)}`).join(',')}}`;
  return JSON.stringify(value);
}

export function callKey(name: string, args: readonly Value[]): string {
  return `${name}(${args.map((arg) => describeValue(arg)).join(',')})`;
}
