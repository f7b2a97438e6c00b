// A strict walk over JSON text that builds nothing: the skims of a module's text before it is read
// (skim-resources.ts, registry/cached-params.ts) find member spans with it. It compares character
// codes and slices only the keys of the objects a caller walks (`members`), never a skipped value: the
// skims cross megabytes of compiled modules per analysis, and a walk that sliced every key and literal
// (and made a closure per object) cost more than a third of reading the text into a tree. Invariant: throws on anything that is not strict
// JSON (comments included), so a skim in doubt leaves the text alone.
import { Char } from '../../syntax/arm/char-codes';

export class JsonSkim {
  at = 0;

  constructor(private readonly text: string) {}

  /** The code of the next character that is not white space (-1 at the end). */
  peek(): number {
    const text = this.text;
    let at = this.at;
    for (; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code !== Char.Space && code !== Char.LineFeed && code !== Char.CarriageReturn && code !== Char.Tab) break;
    }
    this.at = at;
    return at < text.length ? text.charCodeAt(at) : Char.EndOfText;
  }

  expect(code: number): void {
    if (this.peek() !== code) throw new Error(`expected ${String.fromCharCode(code)} at ${this.at}`);
    this.at += 1;
  }

  /** The members of the object starting here; `visit` gets each key and must consume its value. */
  members(visit: (key: string) => void): void {
    this.expect(Char.OpenBrace);
    if (this.peek() === Char.CloseBrace) {
      this.at += 1;
      return;
    }
    for (;;) {
      this.peek();
      const start = this.at + 1;
      this.skipString();
      const key = this.text.slice(start, this.at - 1);
      this.expect(Char.Colon);
      visit(key);
      if (!this.separatorBefore(Char.CloseBrace)) return;
    }
  }

  /** The items of the array starting here; `visit` must consume each. */
  items(visit: () => void): void {
    this.expect(Char.OpenBracket);
    if (this.peek() === Char.CloseBracket) {
      this.at += 1;
      return;
    }
    for (;;) {
      visit();
      if (!this.separatorBefore(Char.CloseBracket)) return;
    }
  }

  skipValue(): void {
    const code = this.peek();
    if (code === Char.OpenBrace) this.skipObject();
    else if (code === Char.OpenBracket) this.skipArray();
    else if (code === Char.DoubleQuote) this.skipString();
    else this.skipLiteral();
  }

  private skipObject(): void {
    this.at += 1;
    if (this.peek() === Char.CloseBrace) {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipString();
      this.expect(Char.Colon);
      this.skipValue();
      if (!this.separatorBefore(Char.CloseBrace)) return;
    }
  }

  private skipArray(): void {
    this.at += 1;
    if (this.peek() === Char.CloseBracket) {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipValue();
      if (!this.separatorBefore(Char.CloseBracket)) return;
    }
  }

  /** After a member or item: true past a comma (more follow), false past `close` (the last one). */
  private separatorBefore(close: number): boolean {
    const code = this.peek();
    this.at += 1;
    if (code === Char.Comma) return true;
    if (code === close) return false;
    throw new Error(`expected , or ${String.fromCharCode(close)} at ${this.at - 1}`);
  }

  /** Past the string starting here (its closing quote is the first not escaped by a backslash). */
  private skipString(): void {
    if (this.peek() !== Char.DoubleQuote) throw new Error(`expected a string at ${this.at}`);
    const text = this.text;
    let end = this.at + 1;
    for (;;) {
      const quote = text.indexOf('"', end);
      if (quote < 0) throw new Error('unterminated string');
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === Char.Backslash) backslashes += 1;
      end = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.at = end;
  }

  /** A number (a digit, then digits, dots, exponents and signs) or `true`, `false`, `null`. */
  private skipLiteral(): void {
    const text = this.text;
    let at = this.at;
    const first = text.charCodeAt(at);
    if (first === Char.Minus) at += 1;
    if (isDigit(text.charCodeAt(at))) {
      while (at < text.length && isNumberPart(text.charCodeAt(at))) at += 1;
      this.at = at;
      return;
    }
    for (const word of keywords) {
      if (first === word.charCodeAt(0) && text.startsWith(word, at)) {
        this.at = at + word.length;
        return;
      }
    }
    throw new Error(`unexpected character at ${at}`);
  }
}

const keywords = ['true', 'false', 'null'];

const isDigit = (code: number) => code >= Char.Zero && code <= Char.Nine;

const isNumberPart = (code: number) =>
  isDigit(code) ||
  code === Char.Dot ||
  code === Char.UpperE ||
  code === Char.LowerE ||
  code === Char.Plus ||
  code === Char.Minus;

/** The [start, end) of the value of the last top-level member of the object `text` named exactly `key`. */
export function topLevelMemberValue(text: string, key: string): [number, number] | undefined {
  const skim = new JsonSkim(text);
  let found: [number, number] | undefined;
  skim.members((name) => {
    skim.peek();
    const start = skim.at;
    skim.skipValue();
    if (name === key) found = [start, skim.at];
  });
  if (skim.peek() !== Char.EndOfText) throw new Error(`text after the object at ${skim.at}`);
  return found;
}
