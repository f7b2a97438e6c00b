// The lexer's group-crossing entries, for the lazy outline's skim: crossGroup, from an opening bracket or
// a string's first piece before a `${` hole, reads on to the matching closer or the string's last piece;
// stepOverTokens steps over a run of tokens no scanToken needs to read; skimToken is scanToken with an
// identifier read from the skim's bytes. crossGroup reads with
// `scanToken` reading every token that can start a string, comment, pragma, operator of two characters
// or junk; a table steps over the rest (see steppedOver), and, where no string is open, brackets, line
// breaks and plain strings (lexer-strings.ts) are crossed without a token read. Runs of such characters
// are read from the text's bytes when the skim has them (an ASCII text, see asciiBytes).
// Invariants: answers false ("give up, let the full parse decide") wherever the lexer reports a
// problem, brackets do not match, nesting passes maxNesting, the text ends inside the group, or the
// caller's `endsGroup` says a line inside the group ends it (the parser's declaration boundary).
// Allocates nothing per character or token.
import { keywordKind, scanToken } from './lexer';
import { plainSingleLineStringEnd } from './lexer-strings';
import type { LexState } from './lexer-state';
import { identifierPart } from './lexical-rules';
import { TokenKind } from './token';

/**
 * Characters stepped over without the lexer: a token that starts at one of them is made of them only
 * (identifiers and integers of [A-Za-z0-9_]; `,` `;` `+` `-` `*` `%` `^` `@` alone; `.` `...` `?` `??`
 * `:` `::` `|` `||`; blanks are trivia), so a run of them from a token boundary ends on one. Not here:
 * what joins the next character (`=` `!` `<` `>` `&`), starts trivia or a string (`/` `#` `'` `$`),
 * brackets, line breaks and junk. test/unit/bicep-lexer-groups.test.ts checks this against `lex`.
 */
export const steppedOver = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  if (identifierPart[c] === 1 || ' \t,;+-*%^@.?:|'.includes(String.fromCharCode(c))) steppedOver[c] = 1;
}

/** Parser recursion stays under maxDepth (128) levels; deeper nesting is the full parse's business. */
const maxNesting = 100;
const frames = new Uint8Array(maxNesting);
const Paren = 1,
  Square = 2,
  Brace = 3,
  Hole = 4;

/** Opening brackets by their frame, closing ones by minus their frame. */
const brackets = new Int8Array(65536);
for (const [c, frame] of [
  ['(', Paren],
  ['[', Square],
  ['{', Brace],
] as const)
  brackets[c.charCodeAt(0)] = frame;
for (const [c, frame] of [
  [')', Paren],
  [']', Square],
  ['}', Brace],
] as const)
  brackets[c.charCodeAt(0)] = -frame;

/**
 * With `state` just past an opening bracket or a string's first piece before a hole (its token):
 * reads on to the matching closer or the string's last piece, which is then the state's token.
 * `endsGroup(text, pos)` is asked at every line inside the group that starts with an identifier
 * character in column 0. Returns false to give up (see the invariants); the state is then anywhere.
 */
export function crossGroup(state: LexState, endsGroup: (text: string, pos: number) => boolean): boolean {
  const text = state.text;
  const length = state.length;
  const problems = state.problems.length;
  const bytes = state.bytes;
  let depth = 0;
  let kind = state.kind;
  for (;;) {
    let open = 0;
    let close = 0;
    switch (kind) {
      case TokenKind.LeftParen:
        open = Paren;
        break;
      case TokenKind.LeftSquare:
        open = Square;
        break;
      case TokenKind.LeftBrace:
        open = Brace;
        break;
      case TokenKind.StringLeftPiece:
        open = Hole;
        break;
      case TokenKind.RightParen:
        close = Paren;
        break;
      case TokenKind.RightSquare:
        close = Square;
        break;
      case TokenKind.RightBrace:
        close = Brace;
        break;
      case TokenKind.StringRightPiece:
        close = Hole;
        break;
      case TokenKind.StringMiddlePiece:
        if (depth === 0 || frames[depth - 1] !== Hole) return false;
        break;
      case TokenKind.NewLine: {
        const pos = state.pos;
        if (pos < length && identifierPart[text.charCodeAt(pos)] === 1 && endsGroup(text, pos)) return false;
        break;
      }
      case TokenKind.Unrecognized:
      case TokenKind.EndOfFile:
        return false;
    }
    if (open !== 0) {
      if (depth === maxNesting) return false;
      frames[depth++] = open;
    } else if (close !== 0) {
      if (depth === 0 || frames[depth - 1] !== close) return false;
      if (--depth === 0) return state.problems.length === problems;
    }
    let pos = state.pos;
    // In an interpolation hole, braces and line breaks are the lexer's (its hole stack), but a
    // parenthesis or square bracket is still a token of its own and a plain string the string scanner's.
    const inHole = state.holes.length > 0;
    for (;;) {
      pos = bytes === undefined ? stepOver(text, pos) : stepOverBytes(bytes, pos);
      // A bracket is a token of its own, a run of line breaks one NewLine token, whatever follows them;
      // a plain single-line string is crossed by the string scanner.
      if (pos >= length) break;
      let c = bytes === undefined ? text.charCodeAt(pos) : bytes[pos];
      const bracket = brackets[c];
      if (bracket > 0) {
        if (inHole && bracket === Brace) break;
        if (depth === maxNesting) return false;
        frames[depth++] = bracket;
        pos++;
      } else if (bracket < 0) {
        if (inHole && bracket === -Brace) break;
        if (frames[--depth] !== -bracket) return false;
        if (depth === 0) {
          readCloser(state, pos, -bracket);
          return state.problems.length === problems;
        }
        pos++;
      } else if (c === 10 || c === 13) {
        if (inHole) break;
        if (bytes === undefined) while (++pos < length && ((c = text.charCodeAt(pos)) === 10 || c === 13));
        else while ((c = bytes[++pos]) === 10 || c === 13); // to the 0 after the text at the latest
        if (pos < length && identifierPart[c] === 1 && endsGroup(text, pos)) return false;
      } else if (c === 39 /* ' */) {
        const end = plainSingleLineStringEnd(state, pos);
        if (end < 0) break;
        pos = end;
      } else {
        break; // the group's closer, or a token only scanToken reads
      }
    }
    state.pos = pos;
    kind = scanToken(state);
    if (state.problems.length !== problems) return false;
  }
}

/**
 * Steps over the run of steppedOver characters at `state.pos` (whole tokens and blanks, no token read):
 * the end of the run's last token, or -1 when the run holds none (it is empty or only blanks).
 */
export function stepOverTokens(state: LexState): number {
  const text = state.text;
  const from = state.pos;
  const bytes = state.bytes;
  const pos = bytes === undefined ? stepOver(text, from) : stepOverBytes(bytes, from);
  if (pos === from) return -1;
  state.pos = pos;
  // The run holds whole tokens and blanks: its last character that is no blank ends a token.
  let end = pos;
  if (bytes === undefined)
    while (end > from && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  else while (end > from && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
  return end > from ? end : -1;
}

/**
 * scanToken for the skim, which reads a line's keyword and a declaration's name with it and steps from
 * line to line: an identifier, a run of line breaks, `@`, `=` or a plain string (after
 * blanks) is read from the text's bytes when the skim has them (LexState.bytes), any other token
 * by scanToken. Here and not in scanToken, so the full parse's lexer never asks for the bytes.
 */
export function skimToken(state: LexState): TokenKind {
  const bytes = state.bytes;
  if (bytes === undefined) return scanToken(state);
  const fullStart = state.pos;
  let pos = fullStart;
  // Each loop stops at the 0 after the text at the latest (asciiBytes), as does the test for a letter.
  while (bytes[pos] === 32 || bytes[pos] === 9) pos++;
  const start = pos;
  let c = bytes[pos];
  let kind: TokenKind;
  let stringEnd = -1;
  if ((c === 10 || c === 13) && state.holes.length === 0) {
    // A run of line breaks, one NewLine token (where no interpolation hole is open, which it would close).
    while ((c = bytes[++pos]) === 10 || c === 13);
    kind = TokenKind.NewLine;
  } else if (c === 64 /* @ */) {
    // A decorator line's first token, and `=` after a declaration's header: half of the tokens the skim
    // of a small AVM module read with scanToken (issue 16).
    pos++;
    kind = TokenKind.At;
  } else if (c === 61 /* = */ && !joinsEquals[bytes[pos + 1]]) {
    pos++;
    kind = TokenKind.Assignment;
  } else if (c === 39 /* ' */ && (stringEnd = plainSingleLineStringEnd(state, pos)) >= 0) {
    // A plain string (a resource type, a default value), as the lexer reads it; any other is its own.
    pos = stringEnd;
    kind = TokenKind.StringComplete;
  } else {
    // An identifier starts with a letter or `_`: an identifier character after the digits.
    if (c <= 57 || identifierPart[c] !== 1) return scanToken(state);
    while (identifierPart[bytes[++pos]] === 1);
    kind = keywordKind(state.text, start, pos - start);
  }
  state.kind = kind;
  state.fullStart = fullStart;
  state.start = start;
  state.end = state.pos = pos;
  return kind;
}

/** 1 for the characters that make one token with an `=` before them: `==`, `=~`, `=>`. */
const joinsEquals = new Uint8Array(256);
joinsEquals[61] = joinsEquals[126] = joinsEquals[62] = 1;

// Reads the group's last closer at `start` into the state as scanToken would (where no string is open
// a bracket is a token of its own), without scanToken's dispatch: such closers were a tenth of the
// skim's scanToken calls. Its leading blanks went with the run before it.
function readCloser(state: LexState, start: number, frame: number): void {
  state.kind = frame === Paren ? TokenKind.RightParen : frame === Square ? TokenKind.RightSquare : TokenKind.RightBrace;
  state.fullStart = state.start = start;
  state.end = state.pos = start + 1;
}

// The end of the run of steppedOver characters from `pos`. A loop of its own: written inline in
// crossGroup (where `c` and the group's state stay live across it) the skim was ~8% slower in V8.
function stepOver(text: string, pos: number): number {
  const length = text.length;
  while (pos < length && steppedOver[text.charCodeAt(pos)] === 1) pos++;
  return pos;
}

// stepOver over the text's ASCII bytes (see asciiBytes), to the 0 after the text at the latest.
function stepOverBytes(bytes: Uint8Array, pos: number): number {
  while (steppedOver[bytes[pos]] === 1) pos++;
  return pos;
}

/** Texts longer than this are read as strings: the buffer asciiBytes keeps does not grow past it. */
const maxBytes = 1 << 22;
let scratch = new Uint8Array(1 << 14);

/**
 * `text` as bytes, one per character, when every character is ASCII; else undefined. A skim reads its
 * character runs from them (stepOver in V8 reads a string's characters ~1.6x slower than a typed
 * array's), and encoding an ASCII text costs about a tenth of a character's read. The bytes are a
 * buffer shared from text to text: good until the next call, which the skim of one text never makes.
 * A 0 follows the text's last byte (`bytes[text.length]`): no character table counts 0 in a run, so a
 * loop over a run stops there without comparing its position with the length at every character.
 */
export function asciiBytes(text: string): Uint8Array | undefined {
  const length = text.length;
  if (length > maxBytes) return undefined;
  if (scratch.length <= length) scratch = new Uint8Array(Math.max(length + 1, scratch.length * 2));
  const encoded = encoder.encodeInto(text, scratch);
  // A character outside ASCII takes two bytes or more: then fewer than all characters are read, or
  // more bytes are written than there are characters.
  if (encoded.read !== length || encoded.written !== length) return undefined;
  scratch[length] = 0;
  return scratch;
}
const encoder = new TextEncoder();
