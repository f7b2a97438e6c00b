// Names in ARM expressions: which characters make them, and one shared string for the names most used.
// Invariants: a name starts with a letter, `_`, `$` or any non-ASCII character and goes on with those and
// digits (lenient: ARM's own names are ASCII); `commonName` returns a name only when the text equals it.
import type { ArmName } from './expression-types';

const enum Char { Dollar = 36, Zero = 48, Nine = 57, UpperA = 65, UpperZ = 90, Underscore = 95, LowerA = 97, LowerZ = 122 }

/**
 * Names that most expressions use, kept as one string each instead of a new one per use (a template has
 * thousands of `parameters(...)`). Bucketed by length and first character; a hit is checked in place.
 */
const commonNames = new Map<number, string[]>();
for (const name of [
  'parameters', 'variables', 'concat', 'format', 'resourceId', 'reference', 'if', 'equals', 'not', 'empty', 'contains',
  'createObject', 'createArray', 'union', 'tryGet', 'coalesce', 'copyIndex', 'length', 'and', 'or', 'subscription',
  'resourceGroup', 'toLower', 'toUpper', 'split', 'json', 'string', 'int', 'bool', 'last', 'first', 'replace',
  'uniqueString', 'subscriptionResourceId', 'extensionResourceId', 'tenantResourceId', 'listKeys', 'items', 'take',
  'skip', 'range', 'environment', 'deployment', 'guid', 'greater', 'less', 'add', 'sub', 'mul', 'div', 'mod', 'min',
  'max', 'shallowMerge', 'filter', 'map', 'lambda', 'lambdaVariables', 'objectKeys', 'join', 'base64', 'true',
  'false', 'null', 'id', 'name', 'location', 'properties', 'outputs', 'value', 'type', 'apiVersion',
]) {
  const key = name.length * 128 + name.charCodeAt(0);
  commonNames.set(key, [...(commonNames.get(key) ?? []), name]);
}

export function commonName(src: string, start: number, end: number): string | undefined {
  const bucket = commonNames.get((end - start) * 128 + src.charCodeAt(start));
  if (bucket === undefined) return undefined;
  for (const name of bucket) if (src.startsWith(name, start)) return name;
  return undefined;
}

export function qualifiedName(namespace: ArmName | undefined, name: ArmName): string {
  return namespace === undefined ? name.text : `${namespace.text}.${name.text}`;
}

export function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

export function isNameStart(code: number): boolean {
  return (code >= Char.LowerA && code <= Char.LowerZ) || (code >= Char.UpperA && code <= Char.UpperZ)
    || code === Char.Underscore || code === Char.Dollar || code > 0x7f;
}

export function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code);
}
