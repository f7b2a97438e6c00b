// The skim's reading of a plain decorator line from an ASCII text's bytes (LexState.bytes): most
// decorators are `@description('…')` on a parameter, and reading one token by token (the `@`, the name,
// the group crossed, the line break) was the skim's dearest line shape in the small AVM modules near the
// analysis bench's median (issue 16). Any other decorator line is left to that reading.
// Invariant: where it answers, the token-by-token reading would read the same line as a decorator
// (see outline-statements.ts decoratorStep) and leave the state where this leaves it, after the `)`.
import { keywordKind, type LexState } from './lexer';
import { plainSingleLineStringEnd } from './lexer-strings';
import { identifierPart } from './lexical-rules';
import { TokenKind } from './token';

/**
 * With the state's token the `@` at `at` that starts a line: the end of its `)` when the line is
 * `@name(…)` or `@namespace.name(…)`, with no blank before the `)`, nothing or one plain single-line
 * string (lexer-strings.ts) between the parentheses, and only blanks after the `)` up to a line break
 * or the end of the text; else -1. Reads bytes only (and the plain-string cache, in text order).
 */
export function plainDecoratorEnd(state: LexState, bytes: Uint8Array, at: number): number {
  const length = state.length;
  let pos = nameEnd(state, bytes, at + 1);
  if (pos >= 0 && pos < length && bytes[pos] === 46 /* . */) pos = nameEnd(state, bytes, pos + 1);
  if (pos < 0 || pos >= length || bytes[pos] !== 40 /* ( */) return -1;
  pos++;
  if (pos < length && bytes[pos] === 39 /* ' */) pos = plainSingleLineStringEnd(state, pos);
  if (pos < 0 || pos >= length || bytes[pos] !== 41 /* ) */) return -1;
  const end = pos + 1;
  pos = end;
  while (bytes[pos] === 32 || bytes[pos] === 9) pos++; // to the 0 after the text at the latest
  return pos === length || bytes[pos] === 10 || bytes[pos] === 13 ? end : -1;
}

// The end of the identifier at `start` when it is one and no keyword (`true`, `false` and `null` are
// never a decorator's name); else -1.
function nameEnd(state: LexState, bytes: Uint8Array, start: number): number {
  const length = state.length;
  if (start >= length || bytes[start] <= 57 || identifierPart[bytes[start]] !== 1) return -1;
  let pos = start;
  while (identifierPart[bytes[++pos]] === 1); // to the 0 after the text at the latest (asciiBytes)
  return keywordKind(state.text, start, pos - start) === TokenKind.Identifier ? pos : -1;
}
