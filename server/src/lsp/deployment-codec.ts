// Deployments as text between the analysis worker and the server's main thread (lsp/analysis-worker.ts):
// evaluated values hold class instances (Unknown, PartialString, LambdaValue), objects that do not
// see Object.prototype, Maps and shared parts that structured cloning would flatten or refuse, so they
// are written as JSON with tags and ids, and revived on the main thread only when a request needs them.
// Invariants: what decodes compares as what was encoded (unknown keys, hints and the text they were
// written as survive; shared parts stay shared); a lambda decodes to one that yields an unknown; a
// property still to be computed (evaluate/lazy.ts) is not computed here: it decodes to an unknown; an
// instance of any other class (the analysis's machinery, not a value) is left out.
import type { DeploymentResult } from '../evaluate/deployment';
import {
  emptyObjectValue,
  freshUnknown,
  LambdaValue,
  objectValuePrototype,
  PartialString,
  Unknown,
  type Value,
} from '../evaluate/value';
import { noteWritten, writtenInArm, writtenOf } from '../evaluate/written';

/** Nesting beyond this is cut to an unknown: no input may overflow the stack here. */
const maxDepth = 400;

type Encoded = null | boolean | number | string | { '#': string; [key: string]: unknown };

/**
 * Writes the JSON text at once, piece by piece, instead of building a tagged tree for
 * `JSON.stringify` to walk: the worker encodes the edited deployment after every keystroke, and the
 * tree was as large as the deployment (issue 16: encoding was a fifth of a keystroke's work, and
 * its garbage a share of the collector's). The text is the one that tree stringified to.
 */
export function encodeDeployment(result: DeploymentResult): string {
  const ids = new Map<object, number>();
  let text = ''; // appended to: V8 joins the pieces once, when the text is first read
  /** A string, number or hint as JSON writes it. */
  const quote = (value: string | number | NonNullable<Unknown['hint']>) => JSON.stringify(value);

  /**
   * Whether `value` is left out. Any class instance but the value classes is no value but the
   * analysis's own machinery (a Bicep deployment-order frame holds the file's whole outline and
   * syntax tree): rules read it in the worker, requests on this side never do, and writing it out
   * could pass V8's longest string. Such an instance still takes an id when first met (as the tree
   * did), so a second sight writes a reference.
   */
  const leftOut = (value: unknown, depth: number): boolean => {
    if (value === null || typeof value !== 'object' || ids.has(value) || depth > maxDepth) return false;
    if (value instanceof Unknown || value instanceof PartialString || value instanceof LambdaValue) return false;
    if (value instanceof Map || Array.isArray(value)) return false;
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null || prototype === objectValuePrototype) return false;
    ids.set(value, ids.size);
    return true;
  };

  /** Writes `value`; a value left out writes `null` (in an array or a Map, as the tree did). */
  const write = (value: unknown, depth: number): void => {
    if (value === null || typeof value === 'boolean') {
      text += String(value);
      return;
    }
    if (typeof value === 'string') {
      text += quote(value);
      return;
    }
    if (typeof value === 'number') {
      text += Number.isFinite(value) ? quote(value) : `{"#":"n","v":${quote(String(value))}}`;
      return;
    }
    if (typeof value !== 'object') {
      text += typeof value === 'function' ? '{"#":"l","n":0}' : 'null';
      return;
    }
    const known = ids.get(value);
    if (known !== undefined) {
      text += `{"#":"r","i":${known}}`;
      return;
    }
    if (depth > maxDepth) {
      text += '{"#":"u","k":"too-deep"}';
      return;
    }
    const i = ids.size;
    ids.set(value, i);
    if (value instanceof Unknown) {
      const written = writtenOf(value);
      text += `{"#":"u","i":${i},"k":${quote(value.key)}`;
      if (value.hint) text += `,"h":${quote(value.hint)}`;
      if (written !== undefined) text += `,"w":${quote(written)}${writtenInArm(value) ? ',"a":1' : ''}`;
      text += '}';
      return;
    }
    if (value instanceof PartialString) return list('s', i, 'p', value.parts, depth);
    if (value instanceof LambdaValue) {
      text += `{"#":"l","i":${i},"n":${quote(value.arity)}}`;
      return;
    }
    if (value instanceof Map) {
      text += `{"#":"m","i":${i},"v":[`;
      let first = true;
      for (const [key, item] of value) {
        text += `${first ? '[' : ',['}${quote(key)},`;
        first = false;
        write(leftOut(item, depth + 1) ? null : item, depth + 1);
        text += ']';
      }
      text += ']}';
      return;
    }
    if (Array.isArray(value)) return list('a', i, 'v', value, depth);
    text += `{"#":"o","i":${i},"v":{`;
    let first = true;
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      // A lazy property nobody read: reading it here would evaluate it after the analysis.
      if (!descriptor.get && (descriptor.value === undefined || leftOut(descriptor.value, depth + 1))) continue;
      text += `${first ? '' : ','}${quote(key)}:`;
      first = false;
      if (descriptor.get) text += '{"#":"x"}';
      else write(descriptor.value, depth + 1);
    }
    // An object value (objectValuePrototype, value.ts) or a null-prototype object decodes as an
    // object value; a plain object is marked so, and decodes as one.
    text += Object.getPrototypeOf(value) === Object.prototype ? '},"p":1}' : '}}';
  };

  const list = (tag: string, i: number, field: string, items: readonly unknown[], depth: number): void => {
    text += `{"#":"${tag}","i":${i},"${field}":[`;
    for (let index = 0; index < items.length; index++) {
      if (index > 0) text += ',';
      const item = items[index];
      write(leftOut(item, depth + 1) ? null : item, depth + 1);
    }
    text += ']}';
  };

  write(leftOut(result, 0) ? null : result, 0);
  return text;
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
        if (typeof encoded.w === 'string') noteWritten(unknown, encoded.w, 0, encoded.w.length, encoded.a === 1);
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
        const object = keep((encoded.p ? {} : emptyObjectValue()) as Record<string, unknown>);
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
