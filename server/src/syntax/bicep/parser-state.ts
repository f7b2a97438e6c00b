// Parser state shared by the parse-*.ts modules: the token cursor, errors, recovery and depth guard.
// Recovery follows Bicep's own parser: a parse function that meets an unexpected token throws a
// ParseFailure (a plain object, no stack capture); the nearest `attempt` catches it, drops the errors
// reported since it started, skips to one of its terminator tokens (a line break, a closer…) and
// returns the skipped tokens as a Skipped node (or a zero-width Missing node) with one error.
// Invariants: the cursor never moves past EndOfFile; `depth` never exceeds maxDepth, so recursion
// stays far from the stack limit; every token read ends up in exactly one node of the result.
import type { Bad, Child, Expression, Missing, Skipped } from './nodes';
import type { Declaration, Decorator, MissingDeclaration } from './nodes-declarations';
import { declarationKeywords as declarationKeywordList } from './lexical-rules';
import { type KindSet, Token, TokenKind } from './token';

const K = TokenKind;
const TokenClass = Token;

export interface BicepSyntaxError {
  start: number;
  end: number;
  message: string;
}

export class ParseFailure {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

/** Expression flags, as in Bicep's parser. */
export const allowComplexLiterals = 1;
export const allowResourceDeclarations = 2;

/** `attempt` options. */
export const suppressErrors = 1;
export const consumeTerminator = 2;

/** The same constants as one plain object: modules alias it locally, since a module-export read per
 * use costs a getter call when TypeScript is run through a per-file transpiler (tsx). */
export const ParseFlags = {
  allowComplexLiterals,
  allowResourceDeclarations,
  suppressErrors,
  consumeTerminator,
} as const;

/**
 * Nesting limit for expressions, types and child resources; deeper input is skipped with an error.
 * Unoptimised code spends about 2 KB of stack per level (some ten frames), so 128 levels stay under
 * a quarter of Node's default stack; the deepest corpus file nests 17 levels.
 */
export const maxDepth = 128;

const declarationKeywords = new Set(declarationKeywordList);

export type DeclarationResult = Declaration | MissingDeclaration | Bad;

/** Context handed to each declaration parser: decorators already read, keyword at the cursor. */
export interface Start {
  children: Child[];
  decorators: Decorator[];
  keyword: Token;
}

/**
 * The grammar's mutually recursive entry points. A parse module calls one that lives in a module above
 * it (an object member's nested resource, an expression inside a string or a parenthesis) through the
 * parser rather than by importing that module, so the parse-*.ts modules import one another one way.
 */
export interface Grammar {
  expression(p: Parser, flags: number): Expression;
  expressionOrSkip(p: Parser, flags: number, terminators: KindSet, options?: number): Expression;
  declaration(p: Parser, nestedResource: boolean): DeclarationResult;
  paramsFileDeclaration(p: Parser, start: Start): Declaration | undefined;
}

export class Parser {
  pos = 0;
  depth = 0;
  readonly errors: BicepSyntaxError[] = [];
  private readonly last: number;

  constructor(
    readonly tokens: readonly Token[],
    readonly text: string,
    readonly parameterFile: boolean,
    readonly grammar: Grammar,
  ) {
    this.last = tokens.length - 1;
  }

  get current(): Token {
    return this.tokens[this.pos];
  }

  peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.last)];
  }

  read(): Token {
    const token = this.tokens[this.pos];
    if (this.pos < this.last) this.pos++;
    return token;
  }

  at(kind: TokenKind): boolean {
    return this.tokens[this.pos].kind === kind;
  }

  atEnd(): boolean {
    return this.tokens[this.pos].kind === K.EndOfFile;
  }

  /** At a line break or the end of the file: where a declaration's optional parts stop. */
  atLineEnd(): boolean {
    const kind = this.tokens[this.pos].kind;
    return kind === K.NewLine || kind === K.EndOfFile;
  }

  atKeyword(keyword: string): boolean {
    return this.isKeyword(this.tokens[this.pos], keyword);
  }

  isKeyword(token: Token, keyword: string): boolean {
    return (
      token.kind === K.Identifier &&
      token.end - token.start === keyword.length &&
      this.text.startsWith(keyword, token.start)
    );
  }

  /** The first token at or after the cursor that is not a line break. */
  peekPastNewLines(): Token {
    let i = this.pos;
    while (this.tokens[i].kind === K.NewLine) i++;
    return this.tokens[i];
  }

  pushNewLines(into: Child[]): void {
    while (this.tokens[this.pos].kind === K.NewLine) into.push(this.read());
  }

  error(start: number, end: number, message: string): void {
    this.errors.push({ start, end, message });
  }

  /** Throws the failure that the nearest `attempt` turns into a Skipped node. */
  fail(message: string, token: Token = this.tokens[this.pos]): never {
    const zeroWidth = token.kind === K.NewLine || token.kind === K.EndOfFile;
    throw new ParseFailure(token.start, zeroWidth ? token.start : token.end, message);
  }

  expect(kind: TokenKind, message: string): Token {
    if (this.tokens[this.pos].kind === kind && kind !== K.EndOfFile) return this.read();
    return this.fail(message);
  }

  expectKeyword(keyword: string, message = `Expected the "${keyword}" keyword at this location.`): Token {
    if (this.atKeyword(keyword)) return this.read();
    return this.fail(message);
  }

  /** A zero-width Missing node at the current token, with an error unless `message` is undefined. */
  missing(message?: string): Missing {
    const start = this.tokens[this.pos].start;
    if (message !== undefined) this.error(start, start, message);
    return { kind: 'Missing', start, end: start, children: [] };
  }

  /**
   * Runs `parse`; if it fails, skips to a terminator (consuming it with `consumeTerminator`) and
   * returns what was skipped, reporting the failure unless `suppressErrors` is set. Hot paths inline
   * the same try/catch around `recover` to avoid allocating a closure per call.
   */
  attempt<T>(parse: () => T, terminators: KindSet, options = 0): T | Bad {
    const from = this.pos;
    const errorCount = this.errors.length;
    try {
      return parse();
    } catch (failure) {
      return this.recover(failure, from, errorCount, terminators, options);
    }
  }

  /** The catch half of `attempt`: drops errors reported since `errorCount`, then synchronizes. */
  recover(failure: unknown, from: number, errorCount: number, terminators: KindSet, options = 0): Bad {
    if (!(failure instanceof ParseFailure)) throw failure;
    this.errors.length = errorCount;
    return this.synchronize(from, failure, terminators, options);
  }

  synchronize(from: number, failure: ParseFailure | undefined, terminators: KindSet, options: number): Bad {
    while (!this.atEnd() && terminators[this.current.kind] !== 1) this.read();
    if ((options & consumeTerminator) !== 0 && !this.atEnd()) this.read();
    if (failure && (options & suppressErrors) === 0) this.error(failure.start, failure.end, failure.message);
    return this.skippedSince(from);
  }

  /** The tokens read since position `from` as a Skipped node (a Missing node when there are none). */
  skippedSince(from: number): Bad {
    if (from === this.pos) {
      const start = this.tokens[from].start;
      return { kind: 'Missing', start, end: start, children: [] };
    }
    const children = this.tokens.slice(from, this.pos);
    return skipped(children);
  }

  /**
   * True when the cursor (or the first token after the line breaks at the cursor) starts a top-level
   * declaration at column 0. Element lists stop there, so an unclosed `{`, `[` or `(` does not swallow
   * the declarations after it.
   */
  atDeclarationBoundary(): boolean {
    let i = this.pos;
    while (this.tokens[i].kind === K.NewLine) i++;
    const token = this.tokens[i];
    if (token.kind !== K.Identifier || token.fullStart !== token.start) return false;
    if (i === 0 || this.tokens[i - 1].kind !== K.NewLine) return false;
    const keyword = token.text;
    if (!declarationKeywords.has(keyword)) return false;
    const next = this.tokens[Math.min(i + 1, this.last)].kind;
    if (next === K.Colon || next === K.Comma || next === K.NewLine) return false;
    // Child resources are sometimes written unindented; their short type ('subnets@…') has no '/'.
    return keyword !== 'resource' || !this.isChildResourceType(this.tokens[Math.min(i + 2, this.last)]);
  }

  private isChildResourceType(token: Token): boolean {
    if (token.kind !== K.StringComplete) return false;
    const slash = this.text.indexOf('/', token.start);
    return slash < 0 || slash >= token.end;
  }

  /**
   * Too deep: reports it and skips the rest of the construct at the cursor — up to the end of the
   * first bracketed group that starts here (`[…]`, `{…}`, `(…)`, an interpolated string), or else to
   * the end of the line or an enclosing closer. Iterative, so any nesting is skipped in linear time.
   */
  skipTooDeep(): Bad {
    const from = this.pos;
    const token = this.current;
    const message = `The expression is nested too deeply (more than ${maxDepth} levels).`;
    // Nothing to skip here (a closer, a line break, the end): fail as any expression that cannot start
    // here does, so the caller's recovery moves past it. An empty node instead would let a list of
    // elements take it as an item and ask again at the same token, forever (fuzz seed 20261205, input 712921).
    if (token.kind === K.EndOfFile || token.kind === K.NewLine || isCloser(token.kind)) this.fail(message);
    this.error(token.start, token.end, message);
    let balance = 0;
    for (;;) {
      const kind = this.current.kind;
      if (kind === K.EndOfFile) break;
      if (balance === 0 && (kind === K.NewLine || isCloser(kind))) break;
      this.read();
      if (isOpener(kind)) balance++;
      else if (isCloser(kind) && --balance === 0) break;
    }
    return this.skippedSince(from);
  }
}

function isOpener(kind: TokenKind): boolean {
  return kind === K.LeftParen || kind === K.LeftSquare || kind === K.LeftBrace || kind === K.StringLeftPiece;
}

function isCloser(kind: TokenKind): boolean {
  return kind === K.RightParen || kind === K.RightSquare || kind === K.RightBrace || kind === K.StringRightPiece;
}

export function skipped(children: Child[]): Skipped {
  return { kind: 'Skipped', start: children[0].start, end: children[children.length - 1].end, children };
}

export function isMissing(node: { kind: unknown }): boolean {
  return node.kind === 'Missing';
}

/** Bicep suppresses a second error right after a zero-width one (as in `param\n`). */
export function suppressAfter(node: { kind: unknown }): number {
  return node.kind === 'Missing' ? suppressErrors : 0;
}

export function isToken(child: Child): child is Token {
  return child instanceof TokenClass;
}
