// The reading side of the ARM expression parser: where it is in the text, the tokens it reads (names, strings,
// numbers, spaces, expected characters) and how a position becomes a file offset or an error.
// Invariant: nothing at or after the closing `]` is read; errors are thrown as ExpressionError, caught by the parser.
import { isDigit, isNamePart, isNameStart } from './expression-names';
import type { ArmExpr, ArmName } from './expression-types';
import type { ArmSyntaxError } from './syntax-error';
import { Char } from './char-codes';

/** A parse error at decoded indexes [start, end); thrown inside the parser only, to unwind to `parseWhole`. */
export class ExpressionError {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

/** Reads the text between an expression's brackets token by token; ExpressionParser adds the grammar. */
export class ExpressionCursor {
  /** Where reading is: an index into `src`. */
  protected pos: number;

  /**
   * Reads `src` between the `[` at `open` and the `]` at `close` (nothing at or after `close` is read).
   * File offset of index i: `table[i]` with a table, else `shift + i`.
   */
  constructor(
    protected readonly src: string,
    protected readonly open: number,
    protected readonly end: number,
    private readonly shift: number,
    private readonly table: Int32Array | undefined,
  ) {
    this.pos = open + 1;
  }

  toSyntaxError(error: ExpressionError): ArmSyntaxError {
    const start = Math.min(Math.max(error.start, this.open), this.end + 1);
    const end = Math.max(start, Math.min(error.end, this.end + 1));
    return { start: this.at(start), end: this.at(end), message: error.message };
  }

  /** The file range of the whole string value, brackets included. */
  wholeRange(): { start: number; end: number } {
    return { start: this.at(this.open), end: this.at(this.end + 1) };
  }

  protected at(index: number): number {
    const table = this.table;
    return table === undefined ? this.shift + index : table[index];
  }

  protected readString(): ArmExpr {
    const { src, end } = this;
    const start = this.pos;
    let value = '';
    let chunk = start + 1;
    for (let i = src.indexOf("'", chunk); i >= 0 && i < end; i = src.indexOf("'", i + 1)) {
      if (src.charCodeAt(i + 1) === Char.SingleQuote && i + 1 < end) {
        value += src.slice(chunk, i + 1);
        chunk = i + 2;
        i++;
        continue;
      }
      value += src.slice(chunk, i);
      this.pos = i + 1;
      return { kind: 'string', start: this.at(start), end: this.at(this.pos), value };
    }
    throw new ExpressionError(
      start,
      end,
      "The string is not closed with a single quote (write '' for a quote inside a string).",
    );
  }

  protected readNumber(): ArmExpr {
    const { src } = this;
    const start = this.pos;
    let i = start;
    if (src.charCodeAt(i) === Char.Minus) i++;
    const digits = i;
    while (i < this.end && isDigit(src.charCodeAt(i))) i++;
    if (i === digits) throw new ExpressionError(start, start + 1, "Expected digits after '-'.");
    if (src.charCodeAt(i) === Char.Dot && isDigit(src.charCodeAt(i + 1)) && i + 1 < this.end) {
      throw new ExpressionError(start, i + 1, "Expressions have whole numbers only; write json('1.5') for a fraction.");
    }
    this.pos = i;
    return { kind: 'number', start: this.at(start), end: this.at(i), value: Number(src.slice(start, i)) };
  }

  protected readName(what: string): ArmName {
    const { src } = this;
    const start = this.pos;
    if (start >= this.end || !isNameStart(src.charCodeAt(start))) {
      throw new ExpressionError(start, start + 1, `Expected ${what}, found ${this.describe(start)}.`);
    }
    let i = start + 1;
    while (i < this.end && isNamePart(src.charCodeAt(i))) i++;
    this.pos = i;
    return { text: src.slice(start, i), start: this.at(start), end: this.at(i) };
  }

  protected expect(code: number, what: string): void {
    if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== code) {
      throw new ExpressionError(this.pos, this.pos + 1, `Expected ${what}, found ${this.describe(this.pos)}.`);
    }
    this.pos++;
  }

  protected skipSpace(): void {
    const { src } = this;
    let code = src.charCodeAt(this.pos);
    while (code === Char.Space || code === Char.Tab || code === Char.LineFeed || code === Char.CarriageReturn) {
      code = src.charCodeAt(++this.pos);
    }
  }

  protected describe(index: number): string {
    return index >= this.end ? 'the end of the expression' : `'${this.src[index]}'`;
  }
}
