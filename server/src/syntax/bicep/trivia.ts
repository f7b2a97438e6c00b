// Trivia scanning: whitespace, comments and `#disable-…` pragmas, shared by the lexer (which only
// skips trivia and records its errors) and by Token.leading/trailing (which build Trivia objects).
// Invariants: trivia never starts with a line break; a pragma is recognised only when the `#` is the
// first non-blank character of its line (Bicep reports `/* c */#disable-next-line` as an error).
import { pragmaKeywords } from './lexical-rules';
import type { Trivia, TriviaKind } from './token';

export interface TriviaProblem {
  start: number;
  end: number;
  message: string;
}

/** Kind of the trivia found by the last successful `scanTrivia` call. */
let scannedKind: TriviaKind = 'Whitespace';
/** Set by `scanTrivia` when the trivia just scanned is malformed (and the lexer should report it). */
let scannedProblem: TriviaProblem | undefined;

/** Everything up to the next line break (or the end). */
const restOfLine = /[^\n\r]*/y;

// Reads are guarded by the length, as in the lexer (whose first read past the end deoptimises it).
/** Scans one trivia item starting at `pos`, returning its end, or `pos` when there is none. */
function scanTrivia(text: string, pos: number): number {
  scannedProblem = undefined;
  const length = text.length;
  if (pos >= length) return pos;
  const c = text.charCodeAt(pos);
  if (c === 32 || c === 9) {
    let end = pos;
    for (let d = c; d === 32 || d === 9; d = end < length ? text.charCodeAt(end) : -1) end++;
    scannedKind = 'Whitespace';
    return end;
  }
  if (c === 0xfeff && pos === 0) {
    scannedKind = 'ByteOrderMark';
    return 1;
  }
  if (c === 47 /* / */) {
    const next = pos + 1 < length ? text.charCodeAt(pos + 1) : -1;
    if (next === 47) {
      // The regular expression engine crosses a comment's text faster than a loop in script.
      restOfLine.lastIndex = pos + 2;
      restOfLine.test(text);
      scannedKind = 'SingleLineComment';
      return restOfLine.lastIndex;
    }
    if (next === 42 /* * */) {
      const close = text.indexOf('*/', pos + 2);
      scannedKind = 'MultiLineComment';
      if (close >= 0) return close + 2;
      scannedProblem = { start: pos, end: text.length, message: 'The multi-line comment is not terminated.' };
      return text.length;
    }
    return pos;
  }
  if (c === 35 /* # */ && isFirstOnLine(text, pos)) return scanPragma(text, pos);
  return pos;
}

function scanPragma(text: string, pos: number): number {
  for (const [keyword, kind] of pragmaKeywords) {
    if (!text.startsWith(keyword, pos)) continue;
    let end = pos + keyword.length;
    let hasCode = false;
    for (;;) {
      const d = end < text.length ? text.charCodeAt(end) : -1;
      const isCodeChar = (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d === 45;
      if (isCodeChar) hasCode = true;
      else if (d !== 32 && d !== 9) break;
      end++;
    }
    scannedKind = kind;
    if (!hasCode) {
      scannedProblem = {
        start: end,
        end,
        message: `Expected at least one diagnostic code after "${keyword}", as in "${keyword} code1 code2".`,
      };
    }
    return end;
  }
  return pos;
}

/** True when only blanks (or the byte-order mark) precede `pos` on its line. */
export function isFirstOnLine(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && !(c === 0xfeff && i === 0)) return false;
    i--;
  }
  return true;
}

/** Skips the trivia before a token; returns where the token starts. Problems go to `problems`. */
export function skipLeadingTrivia(text: string, pos: number, problems: TriviaProblem[]): number {
  for (;;) {
    const end = scanTrivia(text, pos);
    if (end === pos) return pos;
    if (scannedProblem) problems.push(scannedProblem);
    pos = end;
  }
}

/** Skips the trivia after a token on its line: blanks, then at most one comment (as Bicep does). */
export function skipTrailingTrivia(text: string, pos: number, problems: TriviaProblem[]): number {
  let end = scanTrivia(text, pos);
  if (end === pos) return pos;
  if (scannedProblem) problems.push(scannedProblem);
  if (scannedKind !== 'Whitespace') return end;
  pos = end;
  end = scanTrivia(text, pos);
  if (end !== pos && scannedKind !== 'Whitespace' && scannedProblem) problems.push(scannedProblem);
  return end;
}

/** Builds the trivia objects covering text[from, to), which the lexer has already scanned. */
export function scanTriviaList(text: string, from: number, to: number): Trivia[] {
  const list: Trivia[] = [];
  let pos = from;
  while (pos < to) {
    const end = scanTrivia(text, pos);
    if (end === pos) break; // unreachable for lexer-produced ranges; guards against misuse
    list.push({ kind: scannedKind, start: pos, end, text: text.slice(pos, end) });
    pos = end;
  }
  return list;
}
