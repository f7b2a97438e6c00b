// Small parse helpers every grammar module may use, kept apart so no module has to import a module
// above it for them: node spans, call shapes and the parts many declarations share (keyword, name, `=`).
import type { Bad, Child, Missing } from './nodes';
import { type Parser, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type KindSet, type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const maxIdentifierLength = 255;

/** The end of a node with these children, ignoring zero-width Missing placeholders at the end. */
export function lastEnd(children: readonly Child[]): number {
  for (let i = children.length - 1; i > 0; i--) {
    const child = children[i];
    if (child.end !== child.start || (child as { kind: unknown }).kind !== 'Missing') return child.end;
  }
  return children[0].end;
}

/**
 * The parts every declaration node has: its span, children, decorators and keyword. For declarations
 * parsed rarely (a .bicepparam file's `using`, `extends`, `extensionConfig`), spread into the node; the
 * declarations of every template write them out, since a spread there cost parse speed (issue 19).
 */
export function declarationParts(children: Child[], start: Start) {
  return {
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
  };
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

/** Reads the keyword; returns the children list with it appended. */
export function readKeyword(p: Parser, start: Start): Child[] {
  start.children.push(p.read());
  return start.children;
}

export function parseAssignment(p: Parser, after: { kind: unknown }, terminators: KindSet = T.lineEnd): Token | Bad {
  if (p.at(K.Assignment)) return p.read();
  return p.attempt(
    () => p.expect(K.Assignment, 'Expected the "=" character at this location.'),
    terminators,
    suppressAfter(after),
  );
}

/** The bracketed arguments after a name: the `(…)` of a call, the `<…>` of a parameterised type. */
export interface ArgumentList<Argument> {
  open: Token;
  args: Argument[];
  close: Token | Missing;
  end: number;
}

/** `base.name(…)` and `base.name<…>` are one shape: the base, the dot, the name, then its arguments. */
export function instanceCallNode<Kind extends string, Base extends { start: number }, Argument>(
  kind: Kind,
  base: Base,
  dot: Token,
  name: Token,
  children: Child[],
  list: ArgumentList<Argument>,
) {
  const { open, args, close, end } = list;
  return { kind, start: base.start, end, children, base, dot, name, open, arguments: args, close };
}
