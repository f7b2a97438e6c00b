// Parses the ARM expression language: the text of a `"[...]"` JSON string value, already JSON-decoded.
// Grammar (whitespace allowed between tokens):
//   expression := primary ( '.' name | '[' expression ']' )*
//   primary    := name ( '.' name )? '(' ( expression ( ',' expression )* )? ')'   -- call, user functions namespaced
//               | "'" ( any but "'" | "''" )* "'" | '-'? digit+ | 'true' | 'false' | 'null'
// Invariants: never throws; stops at the first error and returns it (range + message) with no expression;
// recursion is bounded by `maxExpressionDepth`; every node range is a FILE range, through the offset map.
import { ExpressionCursor, ExpressionError } from './expression-cursor';
import { isDigit, isNameStart, qualifiedName } from './expression-names';
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

class ExpressionParser extends ExpressionCursor {
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
    if (code === Char.SingleQuote) return this.readString();
    if (code === Char.Minus || isDigit(code)) return this.readNumber();
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
}
