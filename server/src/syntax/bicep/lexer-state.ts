// The lexer's state between two tokens (lexer.ts scanToken reads one token into it), with what its
// string scanners need (lexer-strings.ts): a plain object of numbers, reused for every token.
import { newPlainStringCache, type StringScanner } from './lexer-strings';
import { TokenKind } from './token';
import { skipTrailingTrivia, type TriviaProblem } from './trivia';

/**
 * The lexer between two tokens, and the token it read last: `scanToken` reads one token at `pos` into
 * it, so a reader that needs no Token objects (the lazy outline's skim) lexes without allocating.
 */
export class LexState implements StringScanner {
  /**
   * Where the next token's leading trivia starts; after `scanToken`, the token's end (its fullEnd once
   * `readTrailingTrivia` read its trailing trivia).
   */
  pos: number;
  /** The token read last: its kind and offsets (its fullEnd is `pos`). */
  kind: TokenKind = TokenKind.EndOfFile;
  fullStart = 0;
  start = 0;
  end = 0;
  readonly length: number;
  /** Lexical errors so far, in text order. */
  readonly problems: TriviaProblem[] = [];
  /** The interpolation stack (see braceInHole); every line break empties it. */
  readonly holes: number[] = [];
  readonly plainStringCache = newPlainStringCache();
  /**
   * The text as bytes when it is all ASCII, for the skim's character runs (lexer-groups.ts asciiBytes):
   * V8 reads a typed array faster than a string's characters. Undefined for every other reader.
   */
  bytes: Uint8Array | undefined = undefined;

  /** Scans text[from, text.length): pass a prefix of the source to stop earlier (see `lex`). */
  constructor(
    readonly text: string,
    from = 0,
  ) {
    this.length = text.length;
    this.pos = Math.max(0, Math.min(from, this.length));
  }

  /**
   * Reads the trailing trivia of the token read last (neither a NewLine nor EndOfFile) into its fullEnd,
   * `pos`: blanks, then at most one comment (as Bicep does). Apart from scanToken because only Token
   * objects carry trivia: a reader of kinds and offsets (the outline's skim) leaves a token's trailing
   * blanks and comment to the next token's leading trivia, which reads the same problems.
   */
  readTrailingTrivia(): void {
    const text = this.text;
    const length = this.length;
    let pos = this.pos;
    if (pos >= length) return;
    let c = text.charCodeAt(pos);
    while (c === 32 || c === 9) c = ++pos < length ? text.charCodeAt(pos) : -1;
    if (c === 47) pos = skipTrailingTrivia(text, pos, this.problems);
    this.pos = pos;
  }
}
