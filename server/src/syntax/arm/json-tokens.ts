// The token reader of the JSON builder's recovery (json-recovery.ts): well-formed tokens by our own scanning
// (json-scan.ts), malformed ones by jsonc-parser's scanner, so that each is read, and reported, exactly as
// jsonc-parser's parser reads it.
// Invariants: `read` always advances or reaches the end; it reports every scanner error and skips trivia,
// comments and unknown symbols as jsonc-parser's parser does (its `scanNext`), so the recovery sees only
// structural tokens, literals and the end. One leniency, as in the fast loop: a raw control character inside
// a string our scanning accepts is not reported (see json-builder.ts).
import { createScanner, type JSONScanner, type ParseErrorCode } from 'jsonc-parser';
import { endsWord, scanNumber, skipBlanks, type StringEnds, stringValue } from './json-scan';

/** jsonc-parser's `SyntaxKind` numbers (a const enum there, so not importable as values). */
export const enum Token {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  LineComment = 12,
  Unknown = 16,
  EndOfFile = 17,
}

/** jsonc-parser's `ParseErrorCode` numbers the recovery reports (a const enum there too). */
export const enum ErrorCode {
  InvalidSymbol = 1,
  InvalidNumberFormat = 2,
  PropertyNameExpected = 3,
  ValueExpected = 4,
  ColonExpected = 5,
  CommaExpected = 6,
  CloseBraceExpected = 7,
  CloseBracketExpected = 8,
  EndOfFileExpected = 9,
}

/** A syntax error as jsonc-parser reports it: its code and the offending token's range. */
export interface JsonError {
  readonly error: ParseErrorCode;
  readonly offset: number;
  readonly length: number;
}

/** jsonc-parser's `ScanError` → the parse error its parser reports for it (0: none). */
const scanErrorCodes = [0, 11, 12, 13, 14, 15, 16];

export class JsonTokens {
  /** The token read last: its kind and range. */
  kind: Token = Token.EndOfFile;
  start = 0;
  end = 0;
  /** A string's decoded value, a number's text. */
  value = '';
  /** Whether a string's value may differ from its text (an escape, or read by jsonc-parser's scanner). */
  escaped = false;
  private scanner: JSONScanner | undefined;

  constructor(
    private readonly text: string,
    private readonly strings: StringEnds,
    private readonly errors: JsonError[],
  ) {}

  /** Reads the next token at or after `from`, past blanks and comments. */
  read(from: number): void {
    const text = this.text;
    const pos = skipBlanks(text, from);
    const code = text.charCodeAt(pos);
    this.start = pos;
    this.end = pos + 1;
    let kind = Token.Unknown;
    if (pos >= text.length) {
      kind = Token.EndOfFile;
      this.end = pos;
    } else if (code === 123) kind = Token.OpenBrace;
    else if (code === 125) kind = Token.CloseBrace;
    else if (code === 91) kind = Token.OpenBracket;
    else if (code === 93) kind = Token.CloseBracket;
    else if (code === 44) kind = Token.Comma;
    else if (code === 58) kind = Token.Colon;
    else if (code === 34) {
      const end = this.strings.find(pos);
      this.escaped = this.strings.escaped;
      const value = end < 0 ? undefined : stringValue(text, pos, end, this.escaped);
      if (value !== undefined) {
        kind = Token.String;
        this.value = value;
        this.end = end;
      }
    } else if (code === 116 || code === 102 || code === 110) {
      const word = code === 116 ? 'true' : code === 102 ? 'false' : 'null';
      if (text.startsWith(word, pos) && endsWord(text, pos + word.length)) {
        kind = code === 116 ? Token.True : code === 102 ? Token.False : Token.Null;
        this.end = pos + word.length;
      }
    } else if (code === 45 || (code >= 48 && code <= 57)) {
      const end = scanNumber(text, pos);
      if (end >= 0) {
        kind = Token.Number;
        this.value = text.slice(pos, end);
        this.end = end;
      }
    }
    this.kind = kind;
    if (kind === Token.Unknown) this.readMalformed(pos);
  }

  /** Reads from `pos` as jsonc-parser's parser does, reporting as it does, up to a token it keeps. */
  private readMalformed(pos: number): void {
    const scanner = (this.scanner ??= createScanner(this.text, false));
    scanner.setPosition(pos);
    for (;;) {
      const kind = scanner.scan() as number as Token;
      const offset = scanner.getTokenOffset();
      const length = scanner.getTokenLength();
      const scanError = scanErrorCodes[scanner.getTokenError()] ?? 0;
      if (scanError !== 0) this.errors.push({ error: scanError as ParseErrorCode, offset, length });
      if (kind === Token.Unknown) {
        this.errors.push({ error: ErrorCode.InvalidSymbol as number as ParseErrorCode, offset, length });
      }
      // Comments (12, 13), line breaks (14), other trivia (15) and unknown symbols (16) are passed over.
      if (kind >= Token.LineComment && kind <= Token.Unknown) continue;
      this.kind = kind;
      this.start = offset;
      this.end = offset + length;
      this.value = scanner.getTokenValue();
      this.escaped = true; // its value is to be read, not its text
      return;
    }
  }
}
