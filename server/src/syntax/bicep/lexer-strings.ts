// String scanning for the lexer: single-line strings with escapes and `${…}` holes, verbatim
// multi-line strings `'''…'''`, and interpolated multi-line strings `$'''…${x}…'''` (with N dollars,
// only a run of at least N `$` followed by `{` opens a hole, and the last N of them belong to it).
// Invariants: a segment scan always advances past its opening character(s); an unterminated string
// still yields a token (with an error), so lexing never stalls; a scanner's positions only grow (the
// plain-string cache relies on it), and every search is amortised over the text: linear time.
import { TokenKind } from './token';
import type { TriviaProblem } from './trivia';

/** What the string scanners need from the lexer. */
export interface StringScanner {
  readonly text: string;
  pos: number;
  readonly problems: TriviaProblem[];
  /** See `newPlainStringCache`; shared by every string one scanner reads, in text order. */
  readonly plainStringCache: number[];
}

/**
 * For each of `'`, `\n`, `\r`, `$` and backslash (in this order): its first position at or after the
 * last position asked about (text.length when there is none; -1 before the first question). Each is
 * searched with `indexOf` once per occurrence, so most strings are crossed by a few comparisons, and a
 * character a file lacks (often `\r`) is searched once per file rather than once per string.
 */
export function newPlainStringCache(): number[] {
  return [-1, -1, -1, -1, -1];
}

/** The end of a single-line string segment from `pos` (after its `'` or `}`) when nothing but its
 * closing quote is special in it; else -1. */
function plainStringEnd(s: StringScanner, pos: number): number {
  const cache = s.plainStringCache;
  const quote = cache[0] >= pos ? cache[0] : (cache[0] = indexOrEnd(s.text, "'", pos));
  if (quote >= s.text.length) return -1;
  const newline = cache[1] >= pos ? cache[1] : (cache[1] = indexOrEnd(s.text, '\n', pos));
  const carriageReturn = cache[2] >= pos ? cache[2] : (cache[2] = indexOrEnd(s.text, '\r', pos));
  const dollar = cache[3] >= pos ? cache[3] : (cache[3] = indexOrEnd(s.text, '$', pos));
  const backslash = cache[4] >= pos ? cache[4] : (cache[4] = indexOrEnd(s.text, '\\', pos));
  return quote < newline && quote < carriageReturn && quote < dollar && quote < backslash ? quote + 1 : -1;
}

/** The end of the single-line string whose opening quote is at `quote` when it is plain (no hole,
 * escape or line break, so its token is StringComplete with no problem); else -1. */
export function plainSingleLineStringEnd(s: StringScanner, quote: number): number {
  // `'''` opens a multi-line string (compared by character: startsWith cost ~4% of crossGroup).
  const text = s.text;
  if (quote + 2 < text.length && text.charCodeAt(quote + 1) === 39 && text.charCodeAt(quote + 2) === 39) return -1;
  return plainStringEnd(s, quote + 1);
}

function indexOrEnd(text: string, search: string, pos: number): number {
  const found = text.indexOf(search, pos);
  return found < 0 ? text.length : found;
}

const validEscapes = "\\n \\r \\t \\\\ \\' \\$ \\u{…}";

// 1 for the characters that end a run of plain string content: \n \r ' $ and backslash.
const stringSpecial = new Uint8Array(65536);
for (const c of [10, 13, 39, 36, 92]) stringSpecial[c] = 1;

/**
 * Scans the rest of a single-line string segment; `pos` is just after the opening `'` or the `}`
 * that closes a hole. Returns Complete/Left for a first segment and Right/Middle for a continuation.
 */
export function scanSingleLineSegment(s: StringScanner, tokenStart: number, first: boolean): TokenKind {
  const text = s.text;
  const end = first ? TokenKind.StringComplete : TokenKind.StringRightPiece;
  let pos = s.pos;
  const plainEnd = plainStringEnd(s, pos);
  if (plainEnd >= 0) {
    s.pos = plainEnd;
    return end;
  }
  const length = text.length;
  for (;;) {
    // Fast path: plain characters (not ' $ \ or a line break).
    while (pos < length && stringSpecial[text.charCodeAt(pos)] === 0) pos++;
    if (pos >= length) {
      s.pos = pos;
      s.problems.push({ start: tokenStart, end: pos, message: 'The string is not terminated.' });
      return end;
    }
    const c = text.charCodeAt(pos);
    if (c === 10 || c === 13) {
      s.pos = pos;
      s.problems.push({
        start: tokenStart,
        end: pos,
        message: 'The string is not terminated before the end of the line.',
      });
      return end;
    }
    pos++;
    if (c === 39 /* ' */) {
      s.pos = pos;
      return end;
    }
    if (c === 36 /* $ */ && pos < length && text.charCodeAt(pos) === 123 /* { */) {
      s.pos = pos + 1;
      return first ? TokenKind.StringLeftPiece : TokenKind.StringMiddlePiece;
    }
    if (c === 92 /* \ */) pos = scanEscape(s, pos - 1);
  }
}

// `at` is the backslash; returns the position after the escape (or after what was consumed of it).
function scanEscape(s: StringScanner, at: number): number {
  const text = s.text;
  if (at + 1 >= text.length) return at + 1; // reported as unterminated
  const c = text.charCodeAt(at + 1);
  if (c === 10 || c === 13) return at + 1; // reported as unterminated
  if (c === 117 /* u */) {
    let pos = at + 2;
    let valid = text.charCodeAt(pos) === 123; /* { */
    if (valid) {
      pos++;
      const digitsStart = pos;
      while (isHex(text.charCodeAt(pos))) pos++;
      const digits = text.slice(digitsStart, pos);
      valid = digits.length > 0 && text.charCodeAt(pos) === 125 /* } */ && parseInt(digits, 16) <= 0x10ffff;
      if (text.charCodeAt(pos) === 125) pos++;
    }
    if (!valid)
      s.problems.push({
        start: at,
        end: pos,
        message: 'The Unicode escape is not valid; use \\u{…} with 1 to 6 hex digits up to 10FFFF.',
      });
    return pos;
  }
  const known = c === 110 || c === 114 || c === 116 || c === 92 || c === 39 || c === 36; // n r t \ ' $
  if (!known) {
    s.problems.push({
      start: at,
      end: at + 2,
      message: `The escape sequence is not recognised. Valid escapes: ${validEscapes}.`,
    });
  }
  return at + 2;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Scans a multi-line string segment; `pos` is after the opening `'''` (or the `}` closing a hole).
 * `dollars` is 0 for a verbatim string (no holes) or the number of `$` before its opening quotes.
 */
export function scanMultiLineSegment(s: StringScanner, tokenStart: number, dollars: number, first: boolean): TokenKind {
  const text = s.text;
  const end = first ? TokenKind.StringComplete : TokenKind.StringRightPiece;
  let pos = s.pos;
  if (dollars === 0) {
    const close = text.indexOf("'''", pos);
    if (close >= 0) {
      s.pos = skipQuotes(text, close + 3);
      return end;
    }
    pos = text.length;
  } else {
    let quotes = 0;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 39) {
        pos++;
        if (++quotes === 3) {
          s.pos = skipQuotes(text, pos);
          return end;
        }
        continue;
      }
      quotes = 0;
      if (c === 36) {
        let run = pos;
        while (run < text.length && text.charCodeAt(run) === 36) run++;
        if (run - pos >= dollars && run < text.length && text.charCodeAt(run) === 123) {
          s.pos = run + 1;
          return first ? TokenKind.StringLeftPiece : TokenKind.StringMiddlePiece;
        }
        pos = run;
        continue;
      }
      pos++;
    }
  }
  s.pos = pos;
  s.problems.push({ start: tokenStart, end: pos, message: "The multi-line string is not terminated with '''." });
  return end;
}

// A verbatim string may end in quotes: `'''it''''` holds `it'`; the extra quotes belong to the token.
function skipQuotes(text: string, pos: number): number {
  while (pos < text.length && text.charCodeAt(pos) === 39) pos++;
  return pos;
}
