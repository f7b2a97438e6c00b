// The lexer's group-crossing entry, for the lazy outline's skim: from an opening bracket or a string's
// first piece before a `${` hole, reads on to the matching closer or the string's last piece, with
// `scanToken` reading every token that can start a string, comment, pragma, bracket, operator of two
// characters or junk, and a table stepping over the rest (see steppedOver) and over line breaks.
// Invariants: answers false ("give up, let the full parse decide") wherever the lexer reports a
// problem, brackets do not match, nesting passes maxNesting, the text ends inside the group, or the
// caller's `endsGroup` says a line inside the group ends it (the parser's declaration boundary);
// allocates nothing per character or token.
import { scanToken } from './lexer';
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
    let c = 0;
    for (;;) {
      while (pos < length && steppedOver[(c = text.charCodeAt(pos))] === 1) pos++;
      // Where no string is open, a run of line breaks is one NewLine token whatever follows it.
      if (pos >= length || (c !== 10 && c !== 13) || state.holes.length > 0) break;
      while (++pos < length && ((c = text.charCodeAt(pos)) === 10 || c === 13));
      if (pos < length && identifierPart[c] === 1 && endsGroup(text, pos)) return false;
    }
    state.pos = pos;
    kind = scanToken(state);
    if (state.problems.length !== problems) return false;
  }
}
