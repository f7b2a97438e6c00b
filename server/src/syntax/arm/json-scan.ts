// Token scanning for the JSON tree builder (json-builder.ts, json-tokens.ts): strings, numbers, comments.
// Invariants: each scan accepts exactly what jsonc-parser's scanner accepts without an error (save raw
// control characters in strings, see json-builder.ts) and answers -1 or `undefined` for anything else;
// none allocates except for the string values it returns.
import { Char } from './char-codes';

/**
 * Finds where strings end with the native `indexOf`, which is much faster than a loop in script for the
 * long strings of templates (expressions, scripts). A string must not hold a line break (jsonc-parser ends
 * the string there) nor an escape (the slow path reads those): the next of each in the text is looked up
 * only once the reader has passed the previous one, so each lookup scans new text only.
 */
export class StringEnds {
  private backslash = -1;
  private lineFeed = -1;
  private carriageReturn = -1;
  /** Whether the string found last holds an escape. */
  escaped = false;

  constructor(private readonly text: string) {}

  /** The offset after the closing quote of the string opening at `start` (a quote), or -1 if it is bad. */
  find(start: number): number {
    const { text } = this;
    const close = text.indexOf('"', start + 1);
    if (close < 0) return -1;
    if (this.backslash <= start) this.backslash = nextIndex(text, '\\', start + 1);
    if (this.backslash < close) return this.findEscaped(start);
    this.escaped = false;
    if (this.lineFeed <= start) this.lineFeed = nextIndex(text, '\n', start + 1);
    if (this.carriageReturn <= start) this.carriageReturn = nextIndex(text, '\r', start + 1);
    return this.lineFeed < close || this.carriageReturn < close ? -1 : close + 1;
  }

  private findEscaped(start: number): number {
    const { text } = this;
    this.escaped = true;
    for (let i = start + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === Char.DoubleQuote) return i + 1;
      if (code === Char.Backslash) i++;
      else if (code === Char.LineFeed || code === Char.CarriageReturn) return -1;
    }
    return -1;
  }
}

function nextIndex(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/** The decoded value of the string token [start, end), or `undefined` for a bad escape. */
export function stringValue(text: string, start: number, end: number, escaped: boolean): string | undefined {
  const close = end - 1;
  if (!escaped) return text.slice(start + 1, close);
  let backslash = text.indexOf('\\', start + 1);
  let value = '';
  let chunk = start + 1;
  while (backslash >= 0 && backslash < close) {
    const decoded = decodeEscape(text, backslash + 1);
    if (decoded === undefined) return undefined;
    value += text.slice(chunk, backslash) + decoded;
    chunk = backslash + (text.charCodeAt(backslash + 1) === 117 /* u */ ? 6 : 2);
    backslash = text.indexOf('\\', chunk);
  }
  return value + text.slice(chunk, close);
}

/** The end of the number starting at `start`, or -1 when it is malformed. */
export function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === Char.Minus) i++;
  if (text.charCodeAt(i) === Char.Zero) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === Char.Dot) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === Char.UpperE || e === Char.LowerE) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === Char.Plus || sign === Char.Minus) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return endsWord(text, i) ? i : -1;
}

const whitespaceRun = /[ \t\r\n]*/y;

/**
 * The offset after the blanks and comments at `pos`; a `/` that starts no closed comment is left there.
 * The tree builder's loop and the recovery's token reader both skip blanks through it.
 */
export function skipBlanks(text: string, pos: number): number {
  const length = text.length;
  // Reads stay within the text: one past its end would cost a deoptimisation ("out of bounds").
  let code = pos < length ? text.charCodeAt(pos) : Char.EndOfText;
  while (
    code === Char.Space ||
    code === Char.LineFeed ||
    code === Char.CarriageReturn ||
    code === Char.Tab ||
    code === Char.Slash
  ) {
    if (code === Char.Slash) {
      const after = skipComment(text, pos);
      if (after < 0) return pos;
      pos = after;
    } else if (code === Char.LineFeed) {
      // A line break starts an indentation, often long: the regular expression engine skips it faster.
      whitespaceRun.lastIndex = pos + 1;
      whitespaceRun.test(text);
      pos = whitespaceRun.lastIndex;
    } else {
      pos++;
    }
    code = pos < length ? text.charCodeAt(pos) : Char.EndOfText;
  }
  return pos;
}

/** The offset after the comment starting at `pos` (a `/`); -1 when no comment starts there or it is not closed. */
export function skipComment(text: string, pos: number): number {
  const next = text.charCodeAt(pos + 1);
  if (next === Char.Slash) {
    let i = pos + 2;
    for (let c = text.charCodeAt(i); i < text.length && c !== Char.LineFeed && c !== Char.CarriageReturn;)
      c = text.charCodeAt(++i);
    return i;
  }
  if (next === Char.Star) {
    const close = text.indexOf('*/', pos + 2);
    return close < 0 ? -1 : close + 2;
  }
  return -1;
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

/** Whether a word (number or keyword) may end before `pos`: jsonc-parser reads on through any other character. */
export function endsWord(text: string, pos: number): boolean {
  if (pos >= text.length) return true;
  switch (text.charCodeAt(pos)) {
    case Char.Space:
    case Char.Tab:
    case Char.LineFeed:
    case Char.CarriageReturn:
    case Char.Comma:
    case Char.Colon:
    case Char.CloseBrace:
    case Char.CloseBracket:
    case Char.OpenBrace:
    case Char.OpenBracket:
    case Char.DoubleQuote:
    case Char.Slash:
      return true;
    default:
      return false;
  }
}

/** The character a JSON escape stands for; `at` is just after the backslash. */
function decodeEscape(text: string, at: number): string | undefined {
  switch (text.charCodeAt(at)) {
    case Char.DoubleQuote:
      return '"';
    case Char.Backslash:
      return '\\';
    case Char.Slash:
      return '/';
    case 98:
      return '\b';
    case Char.LowerF:
      return '\f';
    case Char.LowerN:
      return '\n';
    case 114:
      return '\r';
    case Char.LowerT:
      return '\t';
    case 117: {
      const hex = text.slice(at + 1, at + 5);
      return /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : undefined;
    }
    default:
      return undefined;
  }
}
