// The lazy outline's reading of depth-0 lines (outline.ts) over the real lexer: each token classed for
// the outline, bracket groups and interpolated strings crossed whole by the lexer's crossGroup, line
// breaks between statements counted, and the parser's declaration boundary inside a group. What a
// token is, is the lexer's business alone (lexer.ts scanToken); this file holds no character rules.
// Invariants: answers -1 / false ("give up", so the full parse decides) wherever the lexer reports a
// problem, a closer or junk stands at depth 0, or crossGroup gives up; allocates nothing per token.
import { LexState, scanToken } from './lexer';
import { crossGroup, skimToken, stepOverTokens } from './lexer-groups';
import { declarationKeywords, identifierPart } from './lexical-rules';
import { decodeEscapes } from './strings';
import { TokenKind } from './token';

/** Classes of tokens for the outline; LineEnd: a line break or the end of the text. */
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

/** Where the token `classify` classed last starts and ends (a group or interpolated string whole). */
export const scanned = { start: 0, end: 0 };

/**
 * Classes the state's token, crossing a bracket group or interpolated string that it opens (the state
 * then holds its last token); -1 to give up. `true`, `false` and `null` are Other: never a name.
 */
export function classify(state: LexState): number {
  const start = state.start;
  scanned.start = start;
  let result: number = K.Other;
  switch (state.kind) {
    case TokenKind.NewLine:
    case TokenKind.EndOfFile:
      result = K.LineEnd;
      break;
    case TokenKind.Identifier:
      result = K.Identifier;
      break;
    case TokenKind.Assignment:
      result = K.Assign;
      break;
    case TokenKind.Arrow:
      result = K.Arrow;
      break;
    case TokenKind.StringComplete:
      result =
        state.text.charCodeAt(start) === 36 /* $ */ || opensMultiLine(state.text, start, state.end)
          ? K.MultiLineString
          : K.PlainString;
      break;
    case TokenKind.StringLeftPiece:
      result = state.text.charCodeAt(start) === 36 /* $ */ ? K.MultiLineString : K.InterpolatedString;
      if (!crossGroup(state, atDeclarationBoundary)) return -1;
      break;
    case TokenKind.LeftParen:
    case TokenKind.LeftSquare:
    case TokenKind.LeftBrace:
      if (!crossGroup(state, atDeclarationBoundary)) return -1;
      break;
    case TokenKind.RightParen:
    case TokenKind.RightSquare:
    case TokenKind.RightBrace:
    case TokenKind.StringMiddlePiece:
    case TokenKind.StringRightPiece:
    case TokenKind.Unrecognized:
      return -1;
  }
  scanned.end = state.end;
  return result;
}

// Whether the string token text[start, end) that starts with `'` starts with `'''` (a single-line one
// that starts with `''` is the empty string): compared by character, as startsWith was ~4% of classify.
function opensMultiLine(text: string, start: number, end: number): boolean {
  return end - start >= 3 && text.charCodeAt(start + 1) === 39 && text.charCodeAt(start + 2) === 39;
}

/**
 * Crosses the rest of the state's line after its token (classed) whole, for a declaration whose header
 * is read: the class of the line's last token (Assign, Arrow or Other, which is all the statement level
 * asks of it; `scanned.end` is its end), LineEnd when it had none after the state's token, or -1 to give
 * up. The state then holds the line's NewLine or EndOfFile; a problem the lexer reports on the line is
 * left in `state.problems` (skipLineBreaks gives up on it). Runs of tokens steppedOver lists (never `=`
 * nor `=>`) are stepped over without a token read.
 */
export function crossRestOfLine(state: LexState): number {
  let last: number = K.LineEnd;
  let lastEnd = -1;
  for (;;) {
    const stepped = stepOverTokens(state);
    if (stepped >= 0) {
      last = K.Other;
      lastEnd = stepped;
    }
    skimToken(state); // a line break from the bytes
    const kind = classify(state);
    if (kind < 0) return -1;
    if (kind === K.LineEnd) {
      scanned.end = lastEnd;
      return last;
    }
    last = kind === K.Assign || kind === K.Arrow ? kind : K.Other;
    lastEnd = scanned.end;
  }
}

/** What `skipLineBreaks` crossed: first line break, end of the last run of them, runs (NewLine tokens),
 * and whether only blanks follow the last run. */
export const crossed = { firstBreak: -1, lastBreakEnd: -1, runs: 0, blanksAfterRun: true };

/** From the state's token on, reads past NewLine tokens (noting them in `crossed`) to the next line's
 * first token, or EndOfFile; false to give up (the lexer reported a problem). */
export function skipLineBreaks(state: LexState): boolean {
  crossed.firstBreak = crossed.lastBreakEnd = -1;
  crossed.runs = 0;
  while (state.kind === TokenKind.NewLine) {
    if (crossed.firstBreak < 0) crossed.firstBreak = state.start;
    crossed.runs++;
    crossed.lastBreakEnd = state.end;
    skimToken(state);
  }
  crossed.blanksAfterRun = onlyBlanks(state.text, state.fullStart, state.start);
  return state.problems.length === 0;
}

function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

// parser-state.ts atDeclarationBoundary, asked at a line in a group starting in column 0 with an
// identifier character: a declaration keyword ends the group unless `:`, `,` or a line break follows
// it, or it is an unindented child resource (`resource name 'short@type'`, no '/' in the type).
function atDeclarationBoundary(text: string, pos: number): boolean {
  const look = new LexState(text, pos); // rare: column 0 inside a group
  if (scanToken(look) !== TokenKind.Identifier || keywordAt(text, pos, look.end, boundaryKeywords) === undefined)
    return false;
  const next = scanToken(look);
  if (next === TokenKind.Colon || next === TokenKind.Comma || next === TokenKind.NewLine) return false;
  if (!text.startsWith('resource', pos)) return true;
  if (scanToken(look) !== TokenKind.StringComplete) return true;
  const slash = text.indexOf('/', look.start);
  return slash >= 0 && slash < look.end;
}

/** The identifier at `start` ('' when there is none). */
export function identifierAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && identifierPart[text.charCodeAt(end)] === 1) end++;
  return end > start && text.charCodeAt(start) > 57 ? text.slice(start, end) : '';
}

/**
 * A list of keywords, each found by its length and first character (two lists' keywords share those at
 * most in pairs, such as `type` and `test`): a walk of the list compared a line's first identifier with
 * each keyword before it, ~5% of the skim.
 */
export interface KeywordList {
  readonly keywords: readonly string[];
  /** By `shapeOf`, two slots: the index + 1 of a keyword of that shape, or 0. */
  readonly byShape: Int8Array;
  /** The keywords' characters, keyword i's from index i * (maxKeywordLength + 1): compared with a
   * text's bytes (keywordIndexInBytes). */
  readonly codes: Uint8Array;
}

const maxKeywordLength = 31;
// A keyword's slots in byShape: its length and its first character (ASCII, as every identifier's).
function shapeOf(length: number, first: number): number {
  return ((length << 7) | first) << 1;
}

export function keywordList(keywords: readonly string[]): KeywordList {
  const byShape = new Int8Array(shapeOf(maxKeywordLength + 1, 0));
  keywords.forEach((keyword, index) => {
    const slot = shapeOf(keyword.length, keyword.charCodeAt(0));
    if (keyword.length > maxKeywordLength || keyword.charCodeAt(0) > 127 || byShape[slot + 1] !== 0)
      throw new Error(`keywordList: no slot for ${keyword}`); // a list this file's lists are not
    byShape[byShape[slot] === 0 ? slot : slot + 1] = index + 1;
  });
  const codes = new Uint8Array(keywords.length * (maxKeywordLength + 1));
  keywords.forEach((keyword, index) => {
    for (let i = 0; i < keyword.length; i++) codes[index * (maxKeywordLength + 1) + i] = keyword.charCodeAt(i);
  });
  return { keywords, byShape, codes };
}

const boundaryKeywords = keywordList(declarationKeywords);

/** The identifier token text[start, end) when it is one of `list`'s keywords (found without making a substring). */
export function keywordAt(text: string, start: number, end: number, list: KeywordList): string | undefined {
  const index = keywordIndexAt(text, start, end, list);
  return index < 0 ? undefined : list.keywords[index];
}

/** The index in `list` of the identifier token text[start, end), or -1 when it is none of its keywords. */
export function keywordIndexAt(text: string, start: number, end: number, list: KeywordList): number {
  const first = text.charCodeAt(start);
  if (end - start > maxKeywordLength || first > 127) return -1;
  const slot = shapeOf(end - start, first);
  for (let k = slot; k < slot + 2; k++) {
    const index = list.byShape[k] - 1;
    if (index < 0) return -1;
    if (restMatches(text, start, list.keywords[index])) return index;
  }
  return -1;
}

/**
 * keywordIndexAt over the text's bytes (lexer-groups.ts asciiBytes), for the skim, which asks at every
 * line's first identifier: bytes compared with bytes, where the text's characters compared with a
 * keyword's were ~2% of the skim near the analysis bench's median (issue 16).
 */
export function keywordIndexInBytes(bytes: Uint8Array, start: number, end: number, list: KeywordList): number {
  const length = end - start;
  if (length > maxKeywordLength) return -1;
  const slot = shapeOf(length, bytes[start]);
  for (let k = slot; k < slot + 2; k++) {
    const index = list.byShape[k] - 1;
    if (index < 0) return -1;
    const from = index * (maxKeywordLength + 1) - start;
    let i = start + 1;
    while (i < end && bytes[i] === list.codes[from + i]) i++;
    if (i === end) return index;
  }
  return -1;
}

// Whether text[start + 1, start + keyword.length) is the rest of `keyword`: compared a character at a
// time, as a call of startsWith with a keyword not known when compiled cost ~1% of the skim.
function restMatches(text: string, start: number, keyword: string): boolean {
  for (let i = 1; i < keyword.length; i++) if (text.charCodeAt(start + i) !== keyword.charCodeAt(i)) return false;
  return true;
}

/** The value of the plain single-line string text[start, end), decoded like stringValue(); `backslash`
 * is the first backslash at or after `start` (text.length when there is none). */
export function plainStringValue(text: string, start: number, end: number, backslash: number): string | undefined {
  return backslash < end ? decodeEscapes(text, start + 1, end - 1) : text.slice(start + 1, end - 1);
}

/** The first `\` at or after `from`, or text.length. */
export function backslashFrom(text: string, from: number): number {
  const found = text.indexOf('\\', from);
  return found < 0 ? text.length : found;
}
