// Character-level scanning for the lazy outline (outline.ts): the tokens of a depth-0 line, read one
// at a time into `scanned` (no Token object), and bracket groups and strings with their `${…}` holes
// crossed whole by one tight loop. The rules it shares with the lexer and the parser (identifier
// characters, declaration keywords, pragmas, first-on-line) are theirs (lexical-rules.ts, trivia.ts);
// how it crosses strings and groups is its own, and gives up wherever the lexer could differ.
// Invariants: every function returns -1 ("give up") rather than guess — on junk, an unterminated
// string or comment, unbalanced brackets, a line break in an interpolation hole, a column-0
// declaration keyword inside brackets (where the parser ends the group), nesting deeper than
// maxNesting; never reads outside the text; allocates nothing per character or token.
import { declarationKeywords, identifierPart as identifierPartTable, pragmaKeywords } from './lexical-rules';
import { scanMultiLineSegment, scanSingleLineSegment } from './lexer-strings';
import { decodeEscapes } from './strings';
import { isFirstOnLine, type TriviaProblem } from './trivia';

/** Classes of the token `skimToken` read last; LineEnd: a line break or the end, nothing read. */
export const TokenClass = {
  LineEnd: 0,
  Identifier: 1,
  PlainString: 2,
  InterpolatedString: 3,
  MultiLineString: 4,
  Assign: 5,
  Arrow: 6,
  Other: 7,
} as const;
const K = TokenClass;

/** The token `skimToken` read last. */
export const scanned = { start: 0, kind: 0 as number };

// Character tables by UTF-16 code unit: identifier characters; what a group skips without a look;
// operators of a depth-0 line (`=` aside). Every lookup is guarded
// by `pos < n`: a typed array indexed with charCodeAt's NaN past the end takes a 4× slower path.
const identifierPart = identifierPartTable;
const plainInGroup = table((c) => /[A-Za-z0-9_ \t!%*+,\-.:;<=>?@^|]/.test(c));
const operator = table((c) => /[!%&*+,\-./:;<>?@^|]/.test(c));

function table(accept: (c: string) => boolean): Uint8Array {
  const result = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) result[c] = accept(String.fromCharCode(c)) ? 1 : 0;
  return result;
}

/** Parser recursion stays under maxDepth (128) levels; deeper nesting is the full parse's business. */
const maxNesting = 100;
const frames = new Int32Array(maxNesting);
// Frames: brackets, then string holes (a multi-line string's is MultiLineHole + its dollar count).
const Paren = 1,
  Square = 2,
  Brace = 3,
  SingleLineHole = 4,
  MultiLineHole = 8;

/** Where the parser's atDeclarationBoundary ends an element list. */
const boundaryKeywords = declarationKeywords;

// The first `\n`, `\r`, `$` and `\` of `cachedText` at or after `cachedAt`, the last position asked
// about (the skim asks in text order): found once each, so most strings and comments are crossed by
// an indexOf and a few comparisons, and a `\r` most files lack is not searched per comment (quadratic).
let cachedText = '',
  cachedAt = 0;
let nextNewline = -1,
  nextReturn = -1,
  nextDollar = -1,
  nextBackslash = -1;

function advanceCache(text: string, pos: number): void {
  if (cachedText !== text || pos < cachedAt) {
    cachedText = text;
    nextNewline = nextReturn = nextDollar = nextBackslash = -1;
  }
  cachedAt = pos;
  if (nextNewline < pos) nextNewline = indexOrEnd(text, '\n', pos);
  if (nextReturn < pos) nextReturn = indexOrEnd(text, '\r', pos);
  if (nextDollar < pos) nextDollar = indexOrEnd(text, '$', pos);
  if (nextBackslash < pos) nextBackslash = indexOrEnd(text, '\\', pos);
}

function indexOrEnd(text: string, search: string, pos: number): number {
  const found = text.indexOf(search, pos);
  return found < 0 ? text.length : found;
}

/** Reads the token at `pos` on a depth-0 line (past blanks and comments) into `scanned`; returns its
 * end, its start at a line break or the end of the text (kind LineEnd), or -1 to give up. */
export function skimToken(text: string, pos: number): number {
  const n = text.length;
  let c = text.charCodeAt(pos);
  for (;;) {
    if (c === 32 || c === 9) c = text.charCodeAt(++pos);
    else if (c === 47 && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42)) {
      if ((pos = skipComment(text, pos)) < 0) return -1;
      c = text.charCodeAt(pos);
    } else break;
  }
  scanned.start = pos;
  scanned.kind = pos >= n || c === 10 || c === 13 ? K.LineEnd : K.Other;
  if (scanned.kind === K.LineEnd) return pos;
  if (c <= 57 && c >= 48) while (++pos < n && (c = text.charCodeAt(pos)) >= 48 && c <= 57);
  else if (identifierPart[c] === 1) {
    while (++pos < n && identifierPart[text.charCodeAt(pos)] === 1);
    scanned.kind = K.Identifier;
  }
  if (pos !== scanned.start) return pos;
  const next = text.charCodeAt(pos + 1);
  if (c === 61 /* = */) {
    scanned.kind = next === 62 ? K.Arrow : next === 61 || next === 126 ? K.Other : K.Assign;
    return pos + (scanned.kind === K.Assign ? 1 : 2);
  }
  if (operator[c] === 1) {
    if (c === 38 && next !== 38) return -1; // a lone & is junk
    if (c === 46) return pos + (next === 46 && text.charCodeAt(pos + 2) === 46 ? 3 : 1);
    const pair =
      next === 61
        ? c === 33 || c === 60 || c === 62 // != <= >=
        : next === c
          ? c === 38 || c === 124 || c === 63 || c === 58 // && || ?? ::
          : c === 33 && next === 126; // !~
    return pos + (pair ? 2 : 1);
  }
  if (c !== 39 && c !== 36 && c !== 40 && c !== 91 && c !== 123) return -1; // a closer, `#` or junk
  if (c === 36 || (c === 39 && next === 39 && text.charCodeAt(pos + 2) === 39)) scanned.kind = K.MultiLineString;
  else if (c === 39) {
    const end = scanSingleLine(text, pos + 1); // its first segment: the whole string unless `${` ends it
    scanned.kind = end < 0 || text.charCodeAt(end - 1) === 39 ? K.PlainString : K.InterpolatedString;
    if (scanned.kind === K.PlainString) return end;
  }
  return skipItem(text, pos);
}

/** Skips the string or bracket group at `pos` (holes and nested groups included); returns its end. */
function skipItem(text: string, pos: number): number {
  const n = text.length;
  let depth = 0; // frames open
  let holes = 0; // interpolation holes among them
  for (;;) {
    let c = 0;
    while (pos < n && plainInGroup[(c = text.charCodeAt(pos))] === 1) pos++;
    if (pos >= n) return -1;
    let open = 0;
    switch (c) {
      case 10:
      case 13:
        if (holes > 0) return -1; // the lexer ends every open string at a line break in a hole
        do c = text.charCodeAt(++pos);
        while (c === 10 || c === 13);
        if (pos < n && identifierPart[c] === 1 && atDeclarationBoundary(text, pos)) return -1;
        continue;
      case 39:
        pos = text.startsWith("''", pos + 1) ? skipVerbatim(text, pos + 3) : scanSingleLine(text, pos + 1);
        if (pos > 0 && text.charCodeAt(pos - 1) === 123) open = SingleLineHole;
        break;
      case 36: {
        let quote = pos + 1;
        while (text.charCodeAt(quote) === 36) quote++;
        const dollars = quote - pos;
        pos = text.startsWith("'''", quote) ? scanMultiLine(text, quote + 3, dollars) : -1;
        if (pos > 0 && text.charCodeAt(pos - 1) === 123) open = MultiLineHole + dollars;
        break;
      }
      case 40:
        open = Paren;
        pos++;
        break;
      case 91:
        open = Square;
        pos++;
        break;
      case 123:
        open = Brace;
        pos++;
        break;
      case 41:
      case 93:
        pos = depth > 0 && frames[depth - 1] === (c === 41 ? Paren : Square) ? pos + 1 : -1;
        depth--;
        break;
      case 125: {
        const top = depth === 0 ? 0 : frames[depth - 1];
        if (top === Brace) pos++;
        else if (top < SingleLineHole) return -1;
        else {
          pos =
            top === SingleLineHole ? scanSingleLine(text, pos + 1) : scanMultiLine(text, pos + 1, top - MultiLineHole);
          if (pos > 0 && text.charCodeAt(pos - 1) === 123) continue; // `}…${`: the same hole goes on
          holes--;
        }
        depth--;
        break;
      }
      case 47:
        pos = text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42 ? skipComment(text, pos) : pos + 1;
        break;
      case 35:
        pos = isFirstOnLine(text, pos) ? skipPragma(text, pos) : -1;
        break; // else `#` is junk
      case 38:
        pos = text.charCodeAt(pos + 1) === 38 ? pos + 2 : -1;
        break;
      case 126:
        pos = isTildeOperator(text, pos) ? pos + 1 : -1;
        break;
      default:
        return -1; // junk
    }
    if (pos < 0) return -1;
    if (open !== 0) {
      if (depth === maxNesting) return -1;
      frames[depth++] = open;
      if (open >= SingleLineHole) holes++;
    }
    if (depth === 0) return pos;
  }
}

// parser-state.ts atDeclarationBoundary, conservatively: a column-0 keyword inside brackets gives up
// unless the token after it (past blanks) is `:`, `,` or a line break, which the parser ignores.
function atDeclarationBoundary(text: string, pos: number): boolean {
  const keyword = keywordAt(text, pos, boundaryKeywords);
  if (keyword === undefined) return false;
  let end = skipBlanks(text, pos + keyword.length);
  const c = text.charCodeAt(end);
  if ((c === 58 && text.charCodeAt(end + 1) !== 58) || c === 44 || c === 10 || c === 13) return false;
  if (keyword !== 'resource') return true;
  // An unindented child resource: `resource name 'short@type'`, with no '/' in the type.
  end = skipBlanks(text, end + identifierAt(text, end).length);
  const close =
    text.charCodeAt(end) === 39 && text.charCodeAt(end + 1) !== 39 ? scanSingleLineSlowly(text, end + 1) : -1;
  return close < 0 || text.charCodeAt(close - 1) !== 39 || text.slice(end, close).includes('/');
}

function skipBlanks(text: string, pos: number): number {
  for (let c = text.charCodeAt(pos); c === 32 || c === 9; c = text.charCodeAt(++pos));
  return pos;
}

/** After a single-line string's `'` or a hole's `}`: the position after its closing `'` or `${`. */
function scanSingleLine(text: string, pos: number): number {
  const quote = text.indexOf("'", pos);
  advanceCache(text, pos);
  const plain = quote >= 0 && quote < nextNewline && quote < nextReturn && quote < nextDollar && quote < nextBackslash;
  return plain ? quote + 1 : scanSingleLineSlowly(text, pos);
}

// The lexer's own string scanners (lexer-strings.ts) read every string the fast path above cannot:
// one set of rules for escapes, holes and closing quotes. Whatever they would report as a problem
// (an unterminated string, a bad escape) makes the skim give up, so the full parse decides.
const strings = { text: '', pos: 0, problems: [] as TriviaProblem[] };

function lexedStringEnd(text: string, pos: number, dollars: number): number {
  strings.text = text;
  strings.pos = pos;
  strings.problems.length = 0;
  if (dollars < 0) scanSingleLineSegment(strings, pos - 1, true);
  else scanMultiLineSegment(strings, pos - 3, dollars, true);
  return strings.problems.length > 0 ? -1 : strings.pos;
}

/** After a single-line string's `'` or a hole's `}`, a character at a time (and without the cache, for a lookahead). */
function scanSingleLineSlowly(text: string, pos: number): number {
  return lexedStringEnd(text, pos, -1);
}

/** After `'''`: the position after the closing quotes (extra quotes belong to the string). */
function skipVerbatim(text: string, pos: number): number {
  return lexedStringEnd(text, pos, 0);
}

/** After `$'''` (`dollars` of them) or a hole's `}`: the position after the closing quotes or a hole's `{`. */
function scanMultiLine(text: string, pos: number, dollars: number): number {
  return lexedStringEnd(text, pos, dollars);
}

/** The end of the `//` or `/*` comment at `pos`, or -1 when a `/*` is not closed. */
export function skipComment(text: string, pos: number): number {
  if (text.charCodeAt(pos + 1) === 42) {
    const close = text.indexOf('*/', pos + 2);
    return close < 0 ? -1 : close + 2;
  }
  advanceCache(text, pos);
  return Math.min(nextNewline, nextReturn);
}

const pragmas = pragmaKeywords.map(([keyword]) => keyword);

// trivia.ts scanPragma (keyword, codes, blanks); the skim is sure of one that a line break or comment ends.
export function skipPragma(text: string, pos: number): number {
  let end = -1;
  for (const keyword of pragmas) if (text.startsWith(keyword, pos)) end = pos + keyword.length;
  if (end < 0) return -1;
  let c = text.charCodeAt(end);
  while (end < text.length && (identifierPart[c] === 1 || c === 45 || c === 32 || c === 9)) c = text.charCodeAt(++end);
  if (end >= text.length || c === 10 || c === 13) return end;
  const next = text.charCodeAt(end + 1);
  return c === 47 && (next === 47 || next === 42) ? end : -1;
}

// `=~` or `!~` in a group, where the `=` or `!` is not the end of a two-character operator.
function isTildeOperator(text: string, pos: number): boolean {
  const before = text.charCodeAt(pos - 1);
  const first = text.charCodeAt(pos - 2);
  return (before === 61 || before === 33) && first !== 61 && first !== 33 && first !== 60 && first !== 62;
}

/** The identifier at `start` ('' when there is none). */
export function identifierAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && identifierPart[text.charCodeAt(end)] === 1) end++;
  return end > start && text.charCodeAt(start) > 57 ? text.slice(start, end) : '';
}

/** The identifier at `start` when it is one of `keywords` (found without making a substring). */
export function keywordAt(text: string, start: number, keywords: readonly string[]): string | undefined {
  let end = start;
  while (end < text.length && identifierPart[text.charCodeAt(end)] === 1) end++;
  for (const keyword of keywords) if (keyword.length === end - start && text.startsWith(keyword, start)) return keyword;
  return undefined;
}

/** The value of the plain single-line string text[start, end), decoded like stringValue(). */
export function plainStringValue(text: string, start: number, end: number): string | undefined {
  advanceCache(text, start + 1);
  return nextBackslash >= end ? text.slice(start + 1, end - 1) : decodeEscapes(text, start + 1, end - 1);
}
