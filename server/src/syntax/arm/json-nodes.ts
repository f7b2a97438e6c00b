// Small reads over jsonc-parser nodes used by the template views.
// Invariants: ARM keywords are case-insensitive (`Resources`, `dependsOn`, `DependsOn` all count), so keyword
// lookups fold case; when a key repeats, the last one wins, as with JSON.parse. Nothing here recurses.
import type { Node } from 'jsonc-parser';

/** One member of a JSON object: its key as written, the key node and the value node. */
export interface JsonMember {
  readonly name: string;
  readonly nameNode: Node;
  readonly value: Node;
}

/** The members of an object node in file order (none for any other node; members without a value are left out). */
export function membersOf(node: Node | undefined): JsonMember[] {
  const members: JsonMember[] = [];
  if (node === undefined || node.type !== 'object' || node.children === undefined) return members;
  for (const property of node.children) {
    const nameNode = property.children?.[0];
    const value = property.children?.[1];
    if (nameNode === undefined || value === undefined) continue;
    members.push({ name: String(nameNode.value), nameNode, value });
  }
  return members;
}

/** A set of lower-cased keywords to read from objects (see `keywordValues`). */
export interface Keywords<K extends string> {
  readonly names: ReadonlySet<string>;
  /** Indexed by key length: whether some keyword has it (most keys of a resource are skipped unread). */
  readonly lengths: readonly boolean[];
  /** A record of every keyword, undefined: an object literal, so every result has one shape, made fast. */
  readonly create: () => Record<K, Node | undefined>;
}

/** Keywords from a function that makes the empty record, e.g. `() => ({ type: none, name: none })`. */
export function defineKeywords<K extends string>(create: () => Record<K, Node | undefined>): Keywords<K> {
  const names = Object.keys(create());
  const lengths: boolean[] = [];
  for (const name of names) lengths[name.length] = true;
  return { names: new Set(names), lengths, create };
}

/** A typed `undefined`, for the records of `defineKeywords`. */
export const none: Node | undefined = undefined;

/** The values of an object's members under their lower-cased keywords; others are not looked at. */
export function keywordValues<K extends string>(
  node: Node | undefined,
  keywords: Keywords<K>,
): Record<K, Node | undefined> {
  const found = keywords.create();
  if (node === undefined || node.type !== 'object' || node.children === undefined) return found;
  for (const property of node.children) {
    const nameNode = property.children?.[0];
    const value = property.children?.[1];
    if (nameNode === undefined || value === undefined) continue;
    const name = String(nameNode.value);
    if (keywords.lengths[name.length] !== true) continue;
    const key = name.toLowerCase();
    if (keywords.names.has(key)) found[key as K] = value;
  }
  return found;
}

/** The value of `key` (case-insensitive) in an object node. */
export function keywordValue(node: Node | undefined, key: string): Node | undefined {
  if (node === undefined || node.type !== 'object' || node.children === undefined) return undefined;
  let found: Node | undefined;
  for (const property of node.children) {
    const nameNode = property.children?.[0];
    if (nameNode !== undefined && String(nameNode.value).toLowerCase() === key) found = property.children?.[1] ?? found;
  }
  return found;
}

/** The string a node holds as JSON (no ARM escape handling), or `undefined`. */
export function jsonString(node: Node | undefined): string | undefined {
  return node !== undefined && node.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** The key node of the property that holds `value`, when `value` is a member value. */
export function keyNodeOf(value: Node): Node | undefined {
  const property = value.parent;
  return property !== undefined && property.type === 'property' && property.children?.[1] === value
    ? property.children[0]
    : undefined;
}

/** The `{ start, end }` of a node. */
export function rangeOf(node: Node): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}
