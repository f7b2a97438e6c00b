// Token and trivia shapes of the Bicep lexer.
// Invariants: tokens tile the text — the first token's fullStart is 0, each token's fullStart is the
// previous token's fullEnd, and the EndOfFile token's fullEnd is text.length. Trivia never contains a
// line break except inside a multi-line comment; line breaks are NewLine tokens because Bicep is
// newline-sensitive. Trivia objects are built on demand from the text (see trivia.ts), so lexing
// allocates one object per token and nothing per whitespace run.
import { scanTriviaList } from './trivia';

export enum TokenKind {
  Unrecognized,
  At,
  LeftBrace,
  RightBrace,
  LeftParen,
  RightParen,
  LeftSquare,
  RightSquare,
  Comma,
  Dot,
  Question,
  DoubleQuestion,
  Colon,
  DoubleColon,
  Semicolon,
  Assignment,
  Plus,
  Minus,
  Asterisk,
  Slash,
  Modulo,
  Exclamation,
  LessThan,
  LessThanOrEqual,
  GreaterThan,
  GreaterThanOrEqual,
  Equals,
  NotEquals,
  EqualsInsensitive,
  NotEqualsInsensitive,
  LogicalAnd,
  LogicalOr,
  Arrow,
  Pipe,
  Ellipsis,
  Hat,
  Identifier,
  Integer,
  TrueKeyword,
  FalseKeyword,
  NullKeyword,
  /** `'abc'`, `'''abc'''` or `$'''abc'''`: a string with no interpolation hole. */
  StringComplete,
  /** `'abc${` or `$'''abc${`: the text before the first hole. */
  StringLeftPiece,
  /** `}abc${`: the text between two holes. */
  StringMiddlePiece,
  /** `}abc'` or `}abc'''`: the text after the last hole. */
  StringRightPiece,
  /** One or more consecutive line-break characters (`\n`, `\r`). */
  NewLine,
  EndOfFile,
}

export const tokenKindCount = TokenKind.EndOfFile + 1;

export type TriviaKind =
  | 'Whitespace'
  | 'ByteOrderMark'
  | 'SingleLineComment'
  | 'MultiLineComment'
  /** `#disable-next-line code1 code2` at the start of a line. */
  | 'DisableNextLine'
  /** `#disable-diagnostics code1 code2` at the start of a line: off until `#restore-diagnostics`. */
  | 'DisableDiagnostics'
  /** `#restore-diagnostics code1 code2` at the start of a line. */
  | 'RestoreDiagnostics';

export interface Trivia {
  readonly kind: TriviaKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const noTrivia: readonly Trivia[] = Object.freeze([]);

/**
 * The text the tokens of one lex read theirs from. A box, so that a declaration moved to the next
 * version of its file (move-tree.ts) points all its tokens at the new text with one write: a write per
 * token made each token an old object pointing at a young one, and every young-generation collection
 * after a keystroke walked them all (scavenges 1.5x longer in scripts/alloc-keystrokes.ts).
 */
export class TokenSource {
  constructor(public text: string) {}
}

/**
 * A token with its trivia. `start`/`end` cover the token text; `fullStart`/`fullEnd` include trivia.
 * `text`, `leading` and `trailing` are computed from the source on each access (nothing is stored
 * per whitespace run); keep the result if you need it more than once.
 */
export class Token {
  constructor(
    readonly kind: TokenKind,
    readonly fullStart: number,
    readonly start: number,
    readonly end: number,
    readonly fullEnd: number,
    /** The whole source text, shared by the tokens of one lex; kept so `text` and trivia stay
     * reachable without copying. */
    private readonly source: TokenSource,
  ) {}

  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }

  /** Token text with its leading and trailing trivia, exactly as in the source. */
  get fullText(): string {
    return this.source.text.slice(this.fullStart, this.fullEnd);
  }

  get leading(): readonly Trivia[] {
    return this.fullStart === this.start ? noTrivia : scanTriviaList(this.source.text, this.fullStart, this.start);
  }

  get trailing(): readonly Trivia[] {
    return this.end === this.fullEnd ? noTrivia : scanTriviaList(this.source.text, this.end, this.fullEnd);
  }

  toJSON(): object {
    return { kind: TokenKind[this.kind], start: this.start, end: this.end, text: this.text };
  }
}

/**
 * Moves `token` by `delta` characters: the lazy outline hands a declaration's tree on to the next
 * version of an edited file (move-tree.ts). The only write to a token after lexing, hence the cast.
 */
export function moveToken(token: Token, delta: number): void {
  const moved = token as unknown as { fullStart: number; start: number; end: number; fullEnd: number };
  moved.fullStart += delta;
  moved.start += delta;
  moved.end += delta;
  moved.fullEnd += delta;
}

/** Where `token` reads its text from (shared by every token of its lex; see TokenSource). */
export function sourceOf(token: Token): TokenSource {
  return (token as unknown as { source: TokenSource }).source;
}

/** A set of token kinds as a lookup table, for the parser's recovery terminators. */
export type KindSet = Uint8Array;

export function kindSet(...kinds: TokenKind[]): KindSet {
  const set = new Uint8Array(tokenKindCount);
  for (const kind of kinds) set[kind] = 1;
  return set;
}
