// Decoding string literals into values. Single-line strings decode the escapes \n \r \t \\ \' \$
// and \u{hex}; multi-line strings ('''…''' and $'''…''') are verbatim, and one line break right
// after the opening quotes is dropped. Interpolated strings decode into the literal segments
// around their `${…}` holes.
// Invariant: malformed text (unterminated, bad escape) decodes to undefined, never to a guess.
import type { Expression, StringLiteral } from './nodes';
import { type Token, TokenKind } from './token';

export interface StringSegments {
  /** Literal text; `segments.length === expressions.length + 1`. */
  readonly segments: readonly string[];
  /** The interpolated expressions; `expressions[i]` follows `segments[i]`. */
  readonly expressions: readonly Expression[];
}

/** The value of a string without interpolation, or undefined (interpolated or malformed). */
export function stringValue(node: StringLiteral): string | undefined {
  if (node.tokens.length !== 1) return undefined;
  return stringSegments(node)?.segments[0];
}

/** The literal segments of a (possibly interpolated) string, or undefined when malformed. */
export function stringSegments(node: StringLiteral): StringSegments | undefined {
  const tokens = node.tokens;
  if (tokens.length === 0 || tokens.length !== node.expressions.length + 1) return undefined;
  const first = tokens[0].text;
  const dollars = countDollars(first);
  const multiLine = first.startsWith("'''", dollars);
  const segments: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const segment = multiLine ? multiLineSegment(tokens[i], dollars, i === 0) : singleLineSegment(tokens[i]);
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return { segments, expressions: node.expressions };
}

/** True for `'''…'''` and `$'''…'''` strings. */
export function isMultiLineString(node: StringLiteral): boolean {
  const first = node.tokens[0]?.text ?? '';
  return first.startsWith("'''", countDollars(first));
}

function countDollars(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 36) i++;
  return i;
}

function singleLineSegment(token: Token): string | undefined {
  const text = token.text;
  const opensWithQuote = token.kind === TokenKind.StringComplete || token.kind === TokenKind.StringLeftPiece;
  const closesWithQuote = token.kind === TokenKind.StringComplete || token.kind === TokenKind.StringRightPiece;
  if (text.charCodeAt(0) !== (opensWithQuote ? 39 : 125)) return undefined;
  const contentEnd = text.length - (closesWithQuote ? 1 : 2);
  if (contentEnd < 1) return undefined;
  if (closesWithQuote ? text.charCodeAt(contentEnd) !== 39 : !text.endsWith('${')) return undefined;
  return decodeEscapes(text, 1, contentEnd);
}

/** Decodes text[from, to) of a single-line string; undefined on a bad escape or stray quote. */
export function decodeEscapes(text: string, from: number, to: number): string | undefined {
  let result = '';
  let runStart = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) return undefined;
    if (c !== 92) continue;
    result += text.slice(runStart, i);
    if (i + 1 >= to) return undefined;
    const escaped = text.charCodeAt(i + 1);
    switch (escaped) {
      case 110:
        result += '\n';
        break;
      case 114:
        result += '\r';
        break;
      case 116:
        result += '\t';
        break;
      case 92:
        result += '\\';
        break;
      case 39:
        result += "'";
        break;
      case 36:
        result += '$';
        break;
      case 117: {
        const close = text.indexOf('}', i + 3);
        if (text.charCodeAt(i + 2) !== 123 || close < 0 || close >= to) return undefined;
        const hex = text.slice(i + 3, close);
        if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) return undefined;
        const codePoint = parseInt(hex, 16);
        if (codePoint > 0x10ffff) return undefined;
        result += String.fromCodePoint(codePoint);
        i = close;
        runStart = close + 1;
        continue;
      }
      default:
        return undefined;
    }
    i++;
    runStart = i + 1;
  }
  return result + text.slice(runStart, to);
}

function multiLineSegment(token: Token, dollars: number, first: boolean): string | undefined {
  const text = token.text;
  let start: number;
  if (first) {
    if (!text.startsWith("'''", dollars)) return undefined;
    start = dollars + 3;
    if (text.charCodeAt(start) === 13) start++;
    if (text.charCodeAt(start) === 10) start++;
  } else {
    if (text.charCodeAt(0) !== 125) return undefined;
    start = 1;
  }
  const closesString = token.kind === TokenKind.StringComplete || token.kind === TokenKind.StringRightPiece;
  const closer = closesString ? "'''" : '$'.repeat(dollars) + '{';
  const end = text.length - closer.length;
  if (end < (first ? dollars + 3 : 1) || !text.endsWith(closer)) return undefined;
  return text.slice(Math.min(start, end), end);
}
