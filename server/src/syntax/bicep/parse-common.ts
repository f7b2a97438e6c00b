// Small parse helpers every grammar module may use, kept apart so no module has to import a module
// above it for them: node spans and declaration names.
import type { Bad, Child } from './nodes';
import type { Parser } from './parser-state';
import { type KindSet, type Token, TokenKind } from './token';

const K = TokenKind;
const maxIdentifierLength = 255;

/** The end of a node with these children, ignoring zero-width Missing placeholders at the end. */
export function lastEnd(children: readonly Child[]): number {
  for (let i = children.length - 1; i > 0; i--) {
    const child = children[i];
    if (child.end !== child.start || (child as { kind: unknown }).kind !== 'Missing') return child.end;
  }
  return children[0].end;
}

/** `start`/`end` of a node from its children (ignoring Missing placeholders at the end). */
export function span(children: readonly Child[]): { start: number; end: number } {
  return { start: children[0].start, end: lastEnd(children) };
}

export function parseName(p: Parser, message: string, terminators: KindSet, options = 0): Token | Bad {
  const name = p.at(K.Identifier) ? p.read() : p.attempt(() => p.expect(K.Identifier, message), terminators, options);
  if (name.kind === K.Identifier && name.end - name.start > maxIdentifierLength) {
    p.error(name.start, name.end, `The identifier exceeds the limit of ${maxIdentifierLength} characters.`);
  }
  return name;
}
