// Maps each character of a decoded JSON string value back to its offset in the file text, and says whether
// ARM reads a string value as an expression.
// Invariants: `fileOffsetAt(map, i)` is where decoded UTF-16 unit i starts in the file (an escape such as
// `\"` or `\u0041` starts at its backslash); `fileOffsetAt(map, value.length)` is where the value ends (the
// closing quote). Strings without escapes (nearly all) cost no allocation.
import type { Node } from 'jsonc-parser';

/** A number `n` means decoded index i is at file offset n + i; a table holds one offset per index, plus the end. */
export type OffsetMap = number | Int32Array;

export function fileOffsetAt(map: OffsetMap, index: number): number {
  return typeof map === 'number' ? map + index : map[Math.min(Math.max(index, 0), map.length - 1)];
}

/** The offset map of a jsonc `string` node (a value or a property key) in `text`, the file it was read from. */
export function stringOffsetMap(text: string, node: Node): OffsetMap {
  const value = typeof node.value === 'string' ? node.value : '';
  const contentStart = node.offset + 1;
  const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
  const rawEnd = node.offset + node.length - (closed ? 1 : 0);
  // An escape always takes more raw characters than the one it stands for, so equal lengths mean none.
  if (rawEnd - contentStart === value.length) return contentStart;
  return escapedOffsetTable(text, contentStart, rawEnd, value.length);
}

function escapedOffsetTable(text: string, start: number, end: number, decodedLength: number): Int32Array {
  const table = new Int32Array(decodedLength + 1);
  let raw = start;
  for (let index = 0; index < decodedLength; index++) {
    table[index] = Math.min(raw, end);
    if (text.charCodeAt(raw) !== 92 /* \ */) raw++;
    else if (text.charCodeAt(raw + 1) === 117 /* u */) raw += 6;
    else raw += 2;
  }
  table[decodedLength] = Math.min(raw, end);
  return table;
}

/**
 * How ARM reads a string value: `"[...]"` is an expression; `"[[...]"` is the literal `"[...]"`; anything
 * else, including `"[x"` (no closing bracket), is a literal as written.
 */
export type ArmStringForm = 'expression' | 'escaped' | 'literal';

export function armStringForm(value: string): ArmStringForm {
  if (value.length < 2 || value.charCodeAt(0) !== 91 || value.charCodeAt(value.length - 1) !== 93) return 'literal';
  return value.charCodeAt(1) === 91 ? 'escaped' : 'expression';
}
