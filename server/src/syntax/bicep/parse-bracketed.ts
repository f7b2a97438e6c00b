// The items of bracketed lists, which objects, arrays, object and tuple types and import lists all
// are: items separated by commas or line breaks, then the closer (Missing when absent).
// Invariant: every token and item read is pushed to `children` in text order.
import type { Child, Missing } from './nodes';
import type { Parser } from './parser-state';
import { type Token, TokenKind } from './token';

const K = TokenKind;

/**
 * The items of a bracketed list and its closer (`}` or `]`), which it returns. Separators, line breaks
 * and the closer go to `children`; items to both `children` and `items`.
 */
export function parseElements<T extends Child, A>(
  p: Parser,
  close: TokenKind.RightBrace | TokenKind.RightSquare,
  parseItem: (p: Parser, argument: A) => T,
  argument: A,
  children: Child[],
  items: T[],
): Token | Missing {
  parseItems(p, close, parseItem, argument, children, items);
  const closer = p.at(close) ? p.read() : p.missing(close === K.RightBrace ? expectedBrace : expectedSquare);
  children.push(closer);
  return closer;
}

const expectedBrace = 'Expected the "}" character at this location.';
const expectedSquare = 'Expected the "]" character at this location.';

function parseItems<T extends Child, A>(
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
