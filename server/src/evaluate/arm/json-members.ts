// Small reads over jsonc nodes the evaluator needs beyond the syntax views: members of an object,
// case-insensitive keyword lookup (ARM keywords fold case), node ranges, and literal JSON values.
// Invariants: nothing here evaluates expressions; when a key repeats the last one wins (as JSON.parse);
// recursion follows JSON nesting, which the reader bounds (syntax/arm maxJsonDepth).
import type { Node } from 'jsonc-parser';
import type { TextSpan } from '../declaration';
import { makeObject, type Value } from '../value';

export interface Member {
  readonly key: string;
  readonly keyNode: Node;
  readonly value: Node;
}

export function membersOf(node: Node | undefined): Member[] {
  const members: Member[] = [];
  if (node?.type !== 'object') return members;
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    const value = property.children?.[1];
    if (keyNode !== undefined && value !== undefined) members.push({ key: String(keyNode.value), keyNode, value });
  }
  return members;
}

/** The value of `key` (compared lower-cased) in an object node. */
export function memberValue(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  // Asked for keywords on every resource and deployment: no list of members, and a key is lower-cased
  // (a new string) only when its length matches.
  let found: Node | undefined;
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    const value = property.children?.[1];
    if (keyNode === undefined || value === undefined) continue;
    const name = String(keyNode.value);
    if (name.length === key.length && name.toLowerCase() === key) found = value;
  }
  return found;
}

export function spanOf(node: Node): TextSpan {
  return { start: node.offset, end: node.offset + node.length };
}

/** A node's JSON as a Value, strings as written (parameter files are not evaluated). */
export function literalValue(node: Node): Value {
  switch (node.type) {
    case 'string':
      return String(node.value);
    case 'number':
      return typeof node.value === 'number' ? node.value : null;
    case 'boolean':
      return node.value === true;
    case 'array':
      return (node.children ?? []).map(literalValue);
    case 'object':
      return makeObject(membersOf(node).map((member) => [member.key, literalValue(member.value)]));
    default:
      return null;
  }
}
