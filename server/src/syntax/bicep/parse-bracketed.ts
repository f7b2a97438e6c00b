// The items of bracketed lists, which objects, arrays, object and tuple types and import lists all
// are: items separated by commas or line breaks, up to the closer, which each caller reads itself.
// Invariant: every token and item read is pushed to `children` in text order.
import type { Child } from './nodes';
import type { Parser } from './parser-state';
import { TokenKind } from './token';

const K = TokenKind;

/**
 * The items of a bracketed list up to (not including) the closer. Separators and line breaks go to
 * `children`; items to both `children` and `items`.
 */
export function parseElements<T extends Child, A>(
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
