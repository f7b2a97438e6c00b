// Bracketed lists, which objects, arrays, object and tuple types and import lists all are: the
// opening bracket, items separated by commas or line breaks, the closer (a missing one reported).
// Invariant: every token and item read is pushed to `children` in text order.
import type { Child, Missing } from './nodes';
import { lastEnd } from './parse-common';
import type { Parser } from './parser-state';
import { type Token, TokenKind } from './token';

const K = TokenKind;

/** A bracketed list node's parts: the brackets, the items, and every child token and item in order. */
export interface Bracketed<T> {
  start: number;
  end: number;
  children: Child[];
  open: Token;
  items: T[];
  close: Token | Missing;
}

/**
 * `{…}`, `[…]`, object and tuple types and import lists: the opening bracket at the parser, the items,
 * and the closer (`}` or `]`; a missing one is reported). Callers build their node with a literal, not
 * a spread of this (spread-built nodes slow the parse down several times in V8).
 */
export function parseBracketed<T extends Child, A>(
  p: Parser,
  closer: typeof K.RightBrace | typeof K.RightSquare,
  parseItem: (p: Parser, argument: A) => T,
  argument: A,
): Bracketed<T> {
  const open = p.read();
  const children: Child[] = [open];
  const items: T[] = [];
  parseElements(p, closer, parseItem, argument, children, items);
  const close = p.at(closer)
    ? p.read()
    : p.missing(`Expected the "${closer === K.RightBrace ? '}' : ']'}" character at this location.`);
  children.push(close);
  return { start: open.start, end: lastEnd(children), children, open, items, close };
}

/**
 * The items of a bracketed list up to (not including) the closer. Separators and line breaks go to
 * `children`; items to both `children` and `items`.
 */
function parseElements<T extends Child, A>(
  p: Parser,
  close: TokenKind,
  parseItem: (p: Parser, argument: A) => T,
  argument: A,
  children: Child[],
  items: T[],
): void {
  if (p.at(close) || p.atDeclarationBoundary()) return;
  p.pushNewLines(children);
  let expectItem = true;
  while (!p.atEnd() && !p.at(close) && !p.atDeclarationBoundary()) {
    if (expectItem) {
      const item = parseItem(p, argument);
      children.push(item);
      items.push(item);
      expectItem = false;
      continue;
    }
    expectItem = true;
    if (p.at(K.NewLine)) {
      p.pushNewLines(children);
    } else if (p.at(K.Comma)) {
      children.push(p.read());
      if (p.at(K.NewLine) && !p.atDeclarationBoundary()) {
        children.push(p.missing('Unexpected new line character after a comma.'));
        p.pushNewLines(children);
      }
    } else {
      children.push(p.missing('Expected a new line or comma character at this location.'));
    }
  }
}
