// Resolving references by identity: an index of entities by canonical id (case-insensitive, as
// Azure compares ids), and the parent id of a child id. Invariant: a reference resolves only when
// the ids are certainly equal; an id that is not even partly known is 'unknown', one that is
// known but matches nothing declared is 'outside' the analysed set.
import { isObject, keyOf, PartialString, Unknown, type Value } from '../evaluate/value';
import { lowerCase } from '../evaluate/remembered';
import type { Reference } from './types';

/** The lookup key of an id value, or undefined when the value cannot be an id. */
export function idKey(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return withoutTrailingSlashes(lowerCase(value));
  if (value instanceof PartialString) return withoutTrailingSlashes(value.lower.key);
  if (value instanceof Unknown) return value.lowerKey;
  return undefined;
}

function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === text.length ? text : text.slice(0, end);
}

export class IdIndex<T extends { id: Value }> {
  /** Made on the first add: a model builds an index per kind of entity, and most kinds are empty. */
  private byKey: Map<string, T[]> | undefined;
  /**
   * Entities given whole, keyed when the index is first used: a model indexes every kind that
   * references can name, and most models resolve nothing through most of them (issue 16). The list
   * is read then, so it must not change meanwhile (a model's lists are complete before references
   * are resolved).
   */
  private unkeyed: readonly T[] | undefined;

  constructor(entities?: readonly T[]) {
    if (entities && entities.length > 0) this.unkeyed = entities;
  }

  add(entity: T): void {
    this.keyUnkeyed();
    this.keyed(entity);
  }

  private keyUnkeyed(): void {
    const entities = this.unkeyed;
    if (!entities) return;
    this.unkeyed = undefined;
    for (const entity of entities) this.keyed(entity);
  }

  private keyed(entity: T): void {
    const key = idKey(entity.id);
    if (key === undefined) return;
    this.byKey ??= new Map();
    const list = this.byKey.get(key);
    if (list) list.push(entity);
    else this.byKey.set(key, [entity]);
  }

  /** Resolves `value` (an id, or an object with an `id`) to an entity of this index; none for null. */
  resolve(value: Value | undefined, prefer?: (candidate: T) => boolean): Reference<T> | undefined {
    // A reference written null (`isGateway ? null : { id: nsg.id }`) names nothing.
    if (value === undefined || value === null) return undefined;
    this.keyUnkeyed();
    const id = isObject(value) && value.id !== undefined ? value.id : value;
    const key = idKey(id);
    const found = key === undefined ? undefined : this.byKey?.get(key);
    if (found && found.length > 0) {
      const target = (prefer && found.find(prefer)) ?? found[0];
      return { resolved: true, target, value: id };
    }
    return {
      resolved: false,
      value: id,
      reason: keyOf(id) !== undefined && !(id instanceof PartialString) ? 'unknown' : 'outside',
    };
  }
}

/**
 * `/a/b/types/name` → `/a/b`: the id of a child's parent (two segments up). Reads the id's parts in
 * place and copies only the kept ones (issue 16: every child's parent is looked up per edit).
 */
export function parentIdOf(id: Value): Value | undefined {
  if (typeof id === 'string') return parentOfParts([id]);
  return id instanceof PartialString ? parentOfParts(id.parts) : undefined;
}

function parentOfParts(parts: readonly (string | Unknown)[]): Value | undefined {
  let slashes = 0;
  for (let index = parts.length - 1; index >= 0; index--) {
    const part = parts[index];
    if (typeof part !== 'string') continue;
    for (let at = part.length - 1; at >= 0; at--) {
      if (part.charCodeAt(at) !== 47 /* / */) continue;
      if (++slashes === 2) return keptParts(parts, index, part.slice(0, at));
    }
  }
  return undefined;
}

/** The parts before `index`, then `last`, without empty text: one part alone, or a partial string. */
function keptParts(parts: readonly (string | Unknown)[], index: number, last: string): Value | undefined {
  const kept: (string | Unknown)[] = [];
  for (let before = 0; before < index; before++) if (parts[before] !== '') kept.push(parts[before]);
  if (last !== '') kept.push(last);
  if (kept.length === 0) return undefined;
  if (kept.length === 1) return kept[0];
  return new PartialString(kept);
}

/**
 * The text of an id from its first `/providers/` after every unknown part, lower case, no trailing '/';
 * undefined when the id is not text or its provider part is not known.
 */
export function providerKey(id: Value | undefined): string | undefined {
  let tail: string;
  if (typeof id === 'string') tail = id;
  else if (id instanceof PartialString) {
    let first = id.parts.length;
    while (first > 0 && typeof id.parts[first - 1] === 'string') first--;
    tail = id.parts.slice(first).join('');
  } else return undefined;
  const lower = tail.toLowerCase();
  const cut = lower.indexOf('/providers/');
  if (cut < 0) return undefined;
  let end = lower.length;
  while (end > cut && lower.charCodeAt(end - 1) === 47 /* / */) end--;
  return lower.slice(cut, end);
}
