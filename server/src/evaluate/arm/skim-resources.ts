// A demand-driven reading of a module's ARM text (a cached registry module, read through the host):
// the top-level resources that certainly declare nothing the analysis needs (demand.ts) are blanked
// out before the text is read, so their trees and expressions are never built. Blanking keeps every
// offset (each character of a dropped resource becomes a space, `{}` stays), so locations in the
// module still point at its text. Invariant: any doubt (a comment, a shape not understood) leaves
// the text as it is.
import { textMayDeclareNeeded } from './demand';

type NeedsType = (type: string, existing: boolean) => boolean;

/** `text` with its unneeded top-level resources replaced by braces around spaces; `text` itself when unsure. */
export function blankUnneededResources(text: string, needsType: NeedsType): string {
  try {
    const spans = unneededResourceSpans(text, needsType);
    if (spans.length === 0) return text;
    let result = '';
    let at = 0;
    for (const [start, end] of spans) {
      result += `${text.slice(at, start)}{${text.slice(start + 1, end - 1).replace(/[^\r\n]/g, ' ')}}`;
      at = end;
    }
    return result + text.slice(at);
  } catch {
    return text;
  }
}

/** The [start, end) of each top-level resource object that declares nothing needed. */
function unneededResourceSpans(text: string, needsType: NeedsType): [number, number][] {
  const scan = new Scanner(text);
  const spans: [number, number][] = [];
  scan.expect('{');
  scan.members('}', (key) => {
    if (key.toLowerCase() !== 'resources') return scan.skipValue();
    const visit = () => {
      const isObject = scan.peek() === '{';
      const start = scan.at;
      scan.skipValue();
      if (isObject && !textMayDeclareNeeded(text.slice(start, scan.at), needsType)) spans.push([start, scan.at]);
    };
    if (scan.peek() === '[') {
      scan.expect('[');
      scan.items(']', visit);
    } else if (scan.peek() === '{') {
      scan.expect('{');
      scan.members('}', visit);
    } else {
      scan.skipValue();
    }
  });
  return spans;
}

/** A minimal strict JSON walker: throws on anything it does not expect (comments included). */
class Scanner {
  at = 0;

  constructor(private readonly text: string) {}

  peek(): string {
    this.skipSpace();
    return this.text[this.at] ?? '';
  }

  expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected ${char} at ${this.at}`);
    this.at += 1;
  }

  /** Object members up to `close`; `visit` must consume the value. */
  members(close: string, visit: (key: string) => void): void {
    if (this.peek() === close) {
      this.at += 1;
      return;
    }
    for (;;) {
      const key = this.string();
      this.expect(':');
      visit(key);
      if (this.peek() === ',') this.at += 1;
      else return this.expect(close);
    }
  }

  items(close: string, visit: () => void): void {
    if (this.peek() === close) {
      this.at += 1;
      return;
    }
    for (;;) {
      visit();
      if (this.peek() === ',') this.at += 1;
      else return this.expect(close);
    }
  }

  skipValue(): void {
    const char = this.peek();
    if (char === '{') {
      this.at += 1;
      this.members('}', () => this.skipValue());
    } else if (char === '[') {
      this.at += 1;
      this.items(']', () => this.skipValue());
    } else if (char === '"') {
      this.string();
    } else {
      const literal = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(this.text.slice(this.at, this.at + 64));
      if (!literal) throw new Error(`unexpected ${char} at ${this.at}`);
      this.at += literal[0].length;
    }
  }

  private string(): string {
    if (this.peek() !== '"') throw new Error(`expected a string at ${this.at}`);
    let end = this.at + 1;
    for (;;) {
      const quote = this.text.indexOf('"', end);
      if (quote < 0) throw new Error('unterminated string');
      let backslashes = 0;
      while (this.text[quote - 1 - backslashes] === '\\') backslashes += 1;
      end = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    const value = this.text.slice(this.at + 1, end - 1);
    this.at = end;
    return value;
  }

  private skipSpace(): void {
    while (this.at < this.text.length) {
      const code = this.text.charCodeAt(this.at);
      if (code === 32 || code === 10 || code === 13 || code === 9) this.at += 1;
      else break;
    }
  }
}
