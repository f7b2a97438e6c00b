// The Bicep lexer: text in, tokens (with trivia ranges) and lexical errors out, in one linear pass.
// Invariants: never throws; every character belongs to exactly one token's full span; a run of
// unrecognised characters becomes one Unrecognized token with one error (so junk input cannot
// produce an error per byte); a line break inside an interpolation hole ends every open string.
// A slice `lex(text, from, to)` scans text[from, to) only (the outline parses one declaration
// that way): tokens carry absolute offsets and the last one is a zero-width EndOfFile at `to`.
// One reader of Bicep's lexical rules, built as a scanner: `scanToken` reads the token at a position
// into a reused LexState (no allocation); `lex` adds its trailing trivia (LexState.readTrailingTrivia) and a Token
// object per token for the parser; the lazy outline's skim reads tokens in place and crosses groups and
// lines with lexer-groups.ts. scanToken keeps its state in locals while it runs: this is the hottest code
// of the front end.
import { LexState } from './lexer-state';
import { scanMultiLineSegment, scanSingleLineSegment } from './lexer-strings';
import { identifierPart as identifierPartTable } from './lexical-rules';
import { Token, TokenKind, TokenSource } from './token';
import { skipLeadingTrivia, type TriviaProblem } from './trivia';

export { LexState };

// Local aliases: read once, so the loop does not pay a module-export getter per use when this file
// runs through a per-file transpiler (tsx); a bundler inlines them anyway. Token kinds are written
// `TokenKind.X`, not through an alias: esbuild inlines an enum member only when it is named so, and
// through an alias every kind was a property load in the shipped bundle.
const TokenClass = Token;
const skipLeading = skipLeadingTrivia;
const scanSingleLine = scanSingleLineSegment;
const scanMultiLine = scanMultiLineSegment;

export interface LexResult {
  readonly tokens: Token[];
  /** Lexical errors, in text order. */
  readonly errors: TriviaProblem[];
}

// Entries of the interpolation stack: a `{` opened inside a hole, a single-line string's hole, or
// (any positive number) the hole of a multi-line string with that many dollars.
const braceInHole = 0;

const identifierPart = identifierPartTable;
const singleLineHole = -1;

/**
 * Lexes `source`, or only source[from, to) when bounds are given: then the first token's fullStart
 * is `from` (meant to be a line start, where no string or hole is open) and EndOfFile sits at `to`.
 */
export function lex(source: string, from = 0, to = source.length): LexResult {
  const limit = Math.max(0, Math.min(to, source.length));
  // Scanning a prefix of the source is what keeps every scanner (strings, comments, trivia) from
  // reading past `to`; V8 makes the prefix a slice of the source, without copying.
  const state = new LexState(limit === source.length ? source : source.slice(0, limit), from);
  const tokens: Token[] = [];
  const shared = new TokenSource(source);
  for (;;) {
    const kind = scanToken(state);
    if (kind !== TokenKind.NewLine && kind !== TokenKind.EndOfFile) state.readTrailingTrivia();
    tokens.push(new TokenClass(kind, state.fullStart, state.start, state.end, state.pos, shared));
    if (kind === TokenKind.EndOfFile) return { tokens, errors: state.problems };
  }
}

// Every read of the text is guarded by the length: charCodeAt past the end gives NaN, but the first
// such read at each place deoptimises the compiled lexer (one recompile each, a cold run's cost).

/**
 * Reads the token at `state.pos` with its leading trivia into `state` (`state.pos` is then the token's
 * end; see readTrailingTrivia); at the end, EndOfFile (again and again).
 */
export function scanToken(state: LexState): TokenKind {
  const text = state.text;
  const length = state.length;
  const problems = state.problems;
  const holes = state.holes;
  let pos = state.pos;
  const fullStart = pos;
  let c = pos < length ? text.charCodeAt(pos) : -1;
  while (c === 32 || c === 9) c = ++pos < length ? text.charCodeAt(pos) : -1;
  if (c === 47 || c === 35 || c === 0xfeff) {
    pos = skipLeading(text, pos, problems);
    c = pos < length ? text.charCodeAt(pos) : -1;
  }
  const start = pos;
  let kind: TokenKind;
  if (pos >= length) {
    kind = TokenKind.EndOfFile;
  } else {
    pos++;
    const next = pos < length ? text.charCodeAt(pos) : -1;
    switch (c) {
      case 40:
        kind = TokenKind.LeftParen;
        break;
      case 41:
        kind = TokenKind.RightParen;
        break;
      case 91:
        kind = TokenKind.LeftSquare;
        break;
      case 93:
        kind = TokenKind.RightSquare;
        break;
      case 64:
        kind = TokenKind.At;
        break;
      case 44:
        kind = TokenKind.Comma;
        break;
      case 59:
        kind = TokenKind.Semicolon;
        break;
      case 43:
        kind = TokenKind.Plus;
        break;
      case 45:
        kind = TokenKind.Minus;
        break;
      case 37:
        kind = TokenKind.Modulo;
        break;
      case 42:
        kind = TokenKind.Asterisk;
        break;
      case 47:
        kind = TokenKind.Slash;
        break;
      case 94:
        kind = TokenKind.Hat;
        break;
      case 123 /* { */:
        if (holes.length > 0) holes.push(braceInHole);
        kind = TokenKind.LeftBrace;
        break;
      case 125 /* } */: {
        const top = holes.length > 0 ? holes[holes.length - 1] : braceInHole;
        if (top === braceInHole) {
          if (holes.length > 0) holes.pop();
          kind = TokenKind.RightBrace;
          break;
        }
        state.pos = pos;
        kind = top === singleLineHole ? scanSingleLine(state, start, false) : scanMultiLine(state, start, top, false);
        pos = state.pos;
        if (kind === TokenKind.StringRightPiece) holes.pop();
        break;
      }
      case 46 /* . */:
        if (next === 46 && pos + 1 < length && text.charCodeAt(pos + 1) === 46) {
          pos += 2;
          kind = TokenKind.Ellipsis;
        } else {
          kind = TokenKind.Dot;
        }
        break;
      case 63 /* ? */:
        if (next === 63) {
          pos++;
          kind = TokenKind.DoubleQuestion;
        } else {
          kind = TokenKind.Question;
        }
        break;
      case 58 /* : */:
        if (next === 58) {
          pos++;
          kind = TokenKind.DoubleColon;
        } else {
          kind = TokenKind.Colon;
        }
        break;
      case 61 /* = */:
        kind =
          next === 61
            ? TokenKind.Equals
            : next === 126
              ? TokenKind.EqualsInsensitive
              : next === 62
                ? TokenKind.Arrow
                : TokenKind.Assignment;
        if (kind !== TokenKind.Assignment) pos++;
        break;
      case 33 /* ! */:
        kind =
          next === 61 ? TokenKind.NotEquals : next === 126 ? TokenKind.NotEqualsInsensitive : TokenKind.Exclamation;
        if (kind !== TokenKind.Exclamation) pos++;
        break;
      case 60 /* < */:
        kind = next === 61 ? TokenKind.LessThanOrEqual : TokenKind.LessThan;
        if (next === 61) pos++;
        break;
      case 62 /* > */:
        kind = next === 61 ? TokenKind.GreaterThanOrEqual : TokenKind.GreaterThan;
        if (next === 61) pos++;
        break;
      case 124 /* | */:
        kind = next === 124 ? TokenKind.LogicalOr : TokenKind.Pipe;
        if (next === 124) pos++;
        break;
      case 38 /* & */:
        if (next === 38) {
          pos++;
          kind = TokenKind.LogicalAnd;
        } else {
          kind = TokenKind.Unrecognized;
          problems.push(unrecognized(text, start, pos));
        }
        break;
      case 39 /* ' */:
        state.pos = pos;
        if (next === 39 && pos + 1 < length && text.charCodeAt(pos + 1) === 39) {
          state.pos = pos + 2;
          kind = scanMultiLine(state, start, 0, true);
        } else {
          kind = scanSingleLine(state, start, true);
          if (kind === TokenKind.StringLeftPiece) holes.push(singleLineHole);
        }
        pos = state.pos;
        break;
      case 36 /* $ */: {
        let quote = pos;
        while (quote < length && text.charCodeAt(quote) === 36) quote++;
        if (!text.startsWith("'''", quote)) {
          kind = TokenKind.Unrecognized;
          problems.push(unrecognized(text, start, pos));
          break;
        }
        state.pos = quote + 3;
        kind = scanMultiLine(state, start, quote - start, true);
        pos = state.pos;
        if (kind === TokenKind.StringLeftPiece) holes.push(quote - start);
        break;
      }
      case 10:
      case 13:
        if (holes.length > 0) {
          if (holes.some(isStringHole)) {
            problems.push({ start, end: start, message: 'The string is not terminated before the end of the line.' });
          }
          holes.length = 0;
        }
        while (pos < length && ((c = text.charCodeAt(pos)) === 10 || c === 13)) pos++;
        kind = TokenKind.NewLine;
        break;
      default:
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
          while (pos < length && identifierPart[text.charCodeAt(pos)] === 1) pos++;
          kind = keywordKind(text, start, pos - start);
        } else if (c >= 48 && c <= 57) {
          while (pos < length && (c = text.charCodeAt(pos)) >= 48 && c <= 57) pos++;
          kind = TokenKind.Integer;
        } else {
          if (isJunk(c)) while (pos < length && isJunk(text.charCodeAt(pos))) pos++;
          kind = TokenKind.Unrecognized;
          problems.push(unrecognized(text, start, pos));
        }
    }
  }
  state.kind = kind;
  state.fullStart = fullStart;
  state.start = start;
  state.end = pos;
  state.pos = pos;
  return kind;
}

/** The kind of the identifier token text[start, start + length): `true`, `false` and `null` are keywords. */
export function keywordKind(text: string, start: number, length: number): TokenKind {
  // The first character first: a call of startsWith for every identifier of 4 or 5 characters (`param`,
  // `name`, `type`) was ~1% of the skim.
  if (length === 4) {
    const first = text.charCodeAt(start);
    if (first === 116 /* t */ && text.startsWith('true', start)) return TokenKind.TrueKeyword;
    if (first === 110 /* n */ && text.startsWith('null', start)) return TokenKind.NullKeyword;
  } else if (length === 5 && text.charCodeAt(start) === 102 /* f */ && text.startsWith('false', start)) {
    return TokenKind.FalseKeyword;
  }
  return TokenKind.Identifier;
}

function unrecognized(text: string, start: number, end: number): TriviaProblem {
  const junk = text.slice(start, end);
  const message =
    junk === '"'
      ? 'Strings use single quotes in Bicep; the character " is not recognised.'
      : `The following token is not recognised: "${junk.length > 40 ? junk.slice(0, 40) + '…' : junk}".`;
  return { start, end, message };
}

function isStringHole(hole: number): boolean {
  return hole !== braceInHole;
}

// Characters that can never start a token or trivia, so consecutive ones form one unrecognised run.
function isJunk(c: number): boolean {
  if (c >= 128) return true;
  if (c < 32) return c !== 9 && c !== 10 && c !== 13;
  return c === 35 || c === 34 || c === 96 || c === 126 || c === 92 || c === 127; // # " ` ~ \ DEL
}
