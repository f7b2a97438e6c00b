// Parses the ARM expression language: the text of a `"[...]"` JSON string value, already JSON-decoded.
// Grammar (whitespace allowed between tokens):
//   expression := primary ( '.' name | '[' expression ']' )*
//   primary    := name ( '.' name )? '(' ( expression ( ',' expression )* )? ')'   -- call, user functions namespaced
//               | "'" ( any but "'" | "''" )* "'" | '-'? digit+ | 'true' | 'false' | 'null'
// Invariants: never throws; stops at the first error and returns it (range + message) with no expression;
// recursion is bounded by `maxExpressionDepth`; every node range is a FILE range, through the offset map.
import { isDigit, isNamePart, isNameStart, qualifiedName } from './expression-names';
import type { ArmCall, ArmExpr, ArmName, ArmStringValue } from './expression-types';
import type { OffsetMap } from './string-offsets';
import type { ArmSyntaxError } from './syntax-error';
import { Char } from './char-codes';

/** Deepest nesting of calls and indexes read; deeper is reported, not parsed (the stack is finite). */
export const maxExpressionDepth = 200;

export type ArmExpressionParse = Extract<ArmStringValue, { kind: 'expression' }>;

/**
 * Parses `value`, a whole decoded string value that starts with `[` and ends with `]`. `offsets` maps its
 * indexes to file offsets (see string-offsets.ts).
 */
export function parseExpressionText(value: string, offsets: OffsetMap): ArmExpressionParse {
  return typeof offsets === 'number'
    ? parseSpan(new ExpressionParser(value, 0, value.length - 1, offsets, undefined))
    : parseSpan(new ExpressionParser(value, 0, value.length - 1, 0, offsets));
}

/**
 * Parses the expression whose `[` is at `open` and `]` at `close` in `text`, the file text itself: for a
 * string token without escapes no decoding or mapping is needed (and scanning the flat file text is fast).
 */
export function parseExpressionInFile(text: string, open: number, close: number): ArmExpressionParse {
  return parseSpan(new ExpressionParser(text, open, close, 0, undefined));
}

const noArgs: readonly ArmExpr[] = Object.freeze([]);

function parseSpan(parser: ExpressionParser): ArmExpressionParse {
  try {
    return { kind: 'expression', expression: parser.parseWhole(), errors: noErrors };
  } catch (error) {
    if (error instanceof ExpressionError)
      return { kind: 'expression', expression: undefined, errors: [parser.toSyntaxError(error)] };
    // Not ours (a bug): still never throw to the caller.
    const message = `Expression could not be read (${error instanceof Error ? error.message : String(error)}).`;
    return { kind: 'expression', expression: undefined, errors: [{ ...parser.wholeRange(), message }] };
  }
}

const noErrors: readonly ArmSyntaxError[] = Object.freeze([]);

/** A parse error at decoded indexes [start, end); thrown inside the parser only, to unwind to `parseWhole`. */
class ExpressionError {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: string,
  ) {}
}

class ExpressionParser {
  /** Where reading is: an index into `src`. */
  private pos: number;

  /**
   * Reads `src` between the `[` at `open` and the `]` at `close` (nothing at or after `close` is read).
   * File offset of index i: `table[i]` with a table, else `shift + i`.
   */
  constructor(
    private readonly src: string,
    private readonly open: number,
    private readonly end: number,
    private readonly shift: number,
    private readonly table: Int32Array | undefined,
  ) {
    this.pos = open + 1;
  }

  parseWhole(): ArmExpr {
    this.skipSpace();
    if (this.pos >= this.end) throw new ExpressionError(this.open, this.end + 1, 'The expression is empty.');
    const expression = this.parseExpression(0);
    this.skipSpace();
    if (this.pos < this.end) {
      throw new ExpressionError(
        this.pos,
        this.pos + 1,
        `Unexpected ${this.describe(this.pos)} after the end of the expression.`,
      );
    }
    return expression;
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

  private at(index: number): number {
    const table = this.table;
    return table === undefined ? this.shift + index : table[index];
  }

  private parseExpression(depth: number): ArmExpr {
    if (depth > maxExpressionDepth) {
      throw new ExpressionError(
        this.pos,
        this.pos + 1,
        `The expression nests more than ${maxExpressionDepth} levels deep.`,
      );
    }
    let expression = this.parsePrimary(depth);
    for (;;) {
      this.skipSpace();
      const code = this.src.charCodeAt(this.pos);
      if (code === Char.Dot && this.pos < this.end) {
        this.pos++;
        this.skipSpace();
        const name = this.readName("a property name after '.'");
        expression = { kind: 'property', start: expression.start, end: name.end, target: expression, name };
      } else if (code === Char.OpenBracket && this.pos < this.end) {
        this.pos++;
        this.skipSpace();
        const index = this.parseExpression(depth + 1);
        this.skipSpace();
        this.expect(Char.CloseBracket, "']' to close the index");
        expression = { kind: 'index', start: expression.start, end: this.at(this.pos), target: expression, index };
      } else {
        return expression;
      }
    }
  }

  private parsePrimary(depth: number): ArmExpr {
    const { src } = this;
    const start = this.pos;
    const code = src.charCodeAt(start);
    if (start >= this.end)
      throw new ExpressionError(start, start + 1, 'Expected a value (a function call, string or number).');
    if (code === Char.SingleQuote) return this.parseString();
    if (code === Char.Minus || isDigit(code)) return this.parseNumber();
    if (!isNameStart(code)) {
      throw new ExpressionError(
        start,
        start + 1,
        `Unexpected ${this.describe(start)}: expected a function call, string or number.`,
      );
    }
    const first = this.readName('a function name');
    if (src.charCodeAt(this.pos) === Char.Dot && isNameStart(src.charCodeAt(this.pos + 1)) && this.pos + 1 < this.end) {
      this.pos++;
      const member = this.readName('a function name');
      return this.parseCall(first, member, depth);
    }
    this.skipSpace();
    if (src.charCodeAt(this.pos) === Char.OpenParen && this.pos < this.end)
      return this.parseCall(undefined, first, depth);
    switch (first.text) {
      case 'true':
        return { kind: 'boolean', start: first.start, end: first.end, value: true };
      case 'false':
        return { kind: 'boolean', start: first.start, end: first.end, value: false };
      case 'null':
        return { kind: 'null', start: first.start, end: first.end };
      default:
        throw new ExpressionError(start, this.pos, `Expected '(' after the function name '${first.text}'.`);
    }
  }

  private parseCall(namespace: ArmName | undefined, name: ArmName, depth: number): ArmCall {
    this.skipSpace();
    if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== Char.OpenParen) {
      throw new ExpressionError(
        this.pos,
        this.pos + 1,
        `Expected '(' after the function name '${qualifiedName(namespace, name)}', found ${this.describe(this.pos)}.`,
      );
    }
    this.pos++;
    this.skipSpace();
    let args: readonly ArmExpr[] = noArgs;
    if (this.src.charCodeAt(this.pos) === Char.CloseParen && this.pos < this.end) {
      this.pos++;
    } else {
      // Most calls take one to three arguments: array literals of the exact size are cheapest to make.
      const first = this.parseArgument(namespace, name, depth);
      if (this.closed) {
        args = [first];
      } else {
        const second = this.parseArgument(namespace, name, depth);
        if (this.closed) {
          args = [first, second];
        } else {
          const more = [first, second];
          do more.push(this.parseArgument(namespace, name, depth));
          while (!this.closed);
          args = more;
        }
      }
    }
    const start = namespace === undefined ? name.start : namespace.start;
    return { kind: 'call', start, end: this.at(this.pos), namespace, name, args };
  }

  /** Whether the argument list read last ended (with `)`) rather than going on (after `,`). */
  private closed = false;

  /** One argument and the `,` or `)` after it (which sets `closed`). */
  private parseArgument(namespace: ArmName | undefined, name: ArmName, depth: number): ArmExpr {
    this.skipSpace();
    const argument = this.parseExpression(depth + 1);
    this.skipSpace();
    const code = this.src.charCodeAt(this.pos);
    if (this.pos < this.end && (code === Char.Comma || code === Char.CloseParen)) {
      this.pos++;
      this.closed = code === Char.CloseParen;
      return argument;
    }
    const at = this.describe(this.pos);
    throw new ExpressionError(
      this.pos,
      this.pos + 1,
      `Expected ',' or ')' in the arguments of '${qualifiedName(namespace, name)}', found ${at}.`,
    );
  }

  private parseString(): ArmExpr {
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

  private parseNumber(): ArmExpr {
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

  private readName(what: string): ArmName {
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

  private expect(code: number, what: string): void {
    if (this.pos >= this.end || this.src.charCodeAt(this.pos) !== code) {
      throw new ExpressionError(this.pos, this.pos + 1, `Expected ${what}, found ${this.describe(this.pos)}.`);
    }
    this.pos++;
  }

  private skipSpace(): void {
    const { src } = this;
    let code = src.charCodeAt(this.pos);
    while (code === Char.Space || code === Char.Tab || code === Char.LineFeed || code === Char.CarriageReturn) {
      code = src.charCodeAt(++this.pos);
    }
  }

  private describe(index: number): string {
    return index >= this.end ? 'the end of the expression' : `'${this.src[index]}'`;
  }
}
