// Deployments as text between the analysis worker and the server's main thread (lsp/analysis-worker.ts):
// evaluated values hold class instances (Unknown, PartialString, LambdaValue), null-prototype objects,
// Maps and shared parts that structured cloning would flatten or refuse, so they are written as JSON
// with tags and ids, and revived on the main thread only when a request needs them.
// Invariants: what decodes compares as what was encoded (unknown keys, hints and the text they were
// written as survive; shared parts stay shared); a lambda decodes to one that yields an unknown; a
// property still to be computed (evaluate/lazy.ts) is not computed here: it decodes to an unknown; an
// instance of any other class (the analysis's machinery, not a value) is left out.
import type { DeploymentResult } from '../evaluate/deployment';
import { freshUnknown, LambdaValue, PartialString, Unknown, type Value } from '../evaluate/value';
import { noteWritten, writtenOf } from '../evaluate/written';

/** Nesting beyond this is cut to an unknown: no input may overflow the stack here. */
const maxDepth = 400;

type Encoded = null | boolean | number | string | { '#': string; [key: string]: unknown };
/** What a value encodes as; undefined: left out (see below). */
type Encoding = Encoded | undefined;

export function encodeDeployment(result: DeploymentResult): string {
  const ids = new Map<object, number>();
  const encode = (value: unknown, depth: number): Encoding => {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : { '#': 'n', v: String(value) };
    if (typeof value !== 'object') return typeof value === 'function' ? { '#': 'l', n: 0 } : null;
    const known = ids.get(value);
    if (known !== undefined) return { '#': 'r', i: known };
    if (depth > maxDepth) return { '#': 'u', k: 'too-deep' };
    const i = ids.size;
    ids.set(value, i);
    const inner = (item: unknown) => encode(item, depth + 1);
    if (value instanceof Unknown) {
      const written = writtenOf(value);
      return {
        '#': 'u',
        i,
        k: value.key,
        ...(value.hint ? { h: value.hint } : {}),
        ...(written !== undefined ? { w: written } : {}),
      };
    }
    if (value instanceof PartialString) return { '#': 's', i, p: value.parts.map(inner) };
    if (value instanceof LambdaValue) return { '#': 'l', i, n: value.arity };
    if (value instanceof Map) return { '#': 'm', i, v: [...value].map(([key, item]) => [key, inner(item) ?? null]) };
    // Any other class instance is no value but the analysis's own machinery (a Bicep deployment-order
    // frame holds the file's whole outline and syntax tree): rules read it in the worker, requests on
    // this side never do, and writing it out could pass V8's longest string. It is left out.
    if (Array.isArray(value)) return { '#': 'a', i, v: value.map((item) => inner(item) ?? null) };
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    const entries: Record<string, Encoded> = Object.create(null); // a key such as __proto__ stays data
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      // A lazy property nobody read: reading it here would evaluate it after the analysis.
      if (descriptor.get) entries[key] = { '#': 'x' };
      else if (descriptor.value !== undefined) {
        const encoded = inner(descriptor.value);
        if (encoded !== undefined) entries[key] = encoded;
      }
    }
    return { '#': 'o', i, v: entries, ...(Object.getPrototypeOf(value) === null ? {} : { p: 1 }) };
  };
  return JSON.stringify(encode(result, 0) ?? null);
}

export function decodeDeployment(text: string): DeploymentResult {
  const byId = new Map<number, unknown>();
  const decode = (encoded: Encoded): unknown => {
    if (encoded === null || typeof encoded !== 'object') return encoded;
    const keep = <T>(value: T): T => {
      if (typeof encoded.i === 'number') byId.set(encoded.i, value);
      return value;
    };
    switch (encoded['#']) {
      case 'n':
        return Number(encoded.v);
      case 'r':
        return byId.get(encoded.i as number) ?? freshUnknown('shared');
      case 'x':
        return freshUnknown('unread');
      case 'u': {
        const unknown = keep(new Unknown(String(encoded.k), encoded.h as Unknown['hint']));
        if (typeof encoded.w === 'string') noteWritten(unknown, encoded.w, 0, encoded.w.length);
        return unknown;
      }
      case 's': {
        const parts: (string | Unknown)[] = [];
        const partial = keep(new PartialString(parts));
        for (const part of encoded.p as Encoded[]) parts.push(decode(part) as string | Unknown);
        return partial;
      }
      case 'l':
        return keep(new LambdaValue(Number(encoded.n), () => freshUnknown('lambda')));
      case 'm': {
        const map = keep(new Map<string, unknown>());
        for (const [key, item] of encoded.v as [string, Encoded][]) map.set(key, decode(item));
        return map;
      }
      case 'a': {
        const array = keep([] as unknown[]);
        for (const item of encoded.v as Encoded[]) array.push(decode(item));
        return array;
      }
      case 'o': {
        const object = keep((encoded.p ? {} : Object.create(null)) as Record<string, unknown>);
        for (const [key, item] of Object.entries(encoded.v as Record<string, Encoded>)) {
          // As data, never as the prototype, whatever the object's own prototype is.
          Object.defineProperty(object, key, {
            value: decode(item),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return object;
      }
      default:
        return null;
    }
  };
  return decode(JSON.parse(text) as Encoded) as DeploymentResult;
}

/** A value as the codec returns it, for tests that compare values across the boundary. */
export function roundTrip(value: Value): Value {
  const result = decodeDeployment(
    encodeDeployment({ entry: '', template: '', files: [], resources: [], value } as unknown as DeploymentResult),
  );
  return (result as unknown as { value: Value }).value;
}
