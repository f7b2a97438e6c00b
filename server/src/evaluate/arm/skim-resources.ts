// A demand-driven reading of a module's ARM text (a cached registry module, read through the host):
// the top-level resources that certainly declare nothing the analysis needs (demand.ts), and the parts
// no evaluation reads, are blanked out before the text is read, so their trees and expressions are
// never built. Blanking keeps every offset (each character of a dropped object becomes a space, `{}`
// stays), so locations in the module still point at its text. Invariant: any doubt (a comment, a
// shape not understood) leaves the text as it is.
import { Char } from '../../syntax/arm/char-codes';
import { textMayDeclareNeeded } from './demand';
import { JsonSkim } from './json-skim';

type NeedsType = (type: string, existing: boolean) => boolean;

/** `text` with its unneeded parts (`unneededSpans`) replaced by braces around spaces; `text` itself when unsure. */
export function blankUnneededParts(text: string, needsType: NeedsType): string {
  try {
    const spans = unneededSpans(text, needsType);
    if (spans.length === 0) return text;
    const parts: string[] = [];
    const breaks = new LineBreaks(text);
    let at = 0;
    for (const [start, end] of spans) {
      parts.push(text.slice(at, start + 1));
      blankInto(parts, breaks, start + 1, end - 1);
      at = end - 1;
    }
    parts.push(text.slice(at));
    return parts.join('');
  } catch {
    return text;
  }
}

/**
 * The next line break at or after an offset that only grows (the spans come in text order): each
 * search reads new text only. Searched afresh per span, a kind of break the text lacks (`\r` in most
 * modules) had the whole rest of the text read once per span, hundreds of times per AVM module.
 */
class LineBreaks {
  private lineFeed = -1;
  private carriageReturn = -1;

  constructor(readonly text: string) {}

  /** The first `\n` or `\r` at or after `from`; past the text's end when there is none. */
  next(from: number): number {
    if (this.lineFeed < from) this.lineFeed = nextIndex(this.text, '\n', from);
    if (this.carriageReturn < from) this.carriageReturn = nextIndex(this.text, '\r', from);
    return Math.min(this.lineFeed, this.carriageReturn);
  }
}

function nextIndex(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * Pushes `text[from, to)` with every character but line breaks as a space, a run per line: a regex
 * replacing a character per match, then one per line with string concatenation, cost more than
 * reading the rest of the module. A line that ends in a line feed is one part with it.
 */
function blankInto(parts: string[], breaks: LineBreaks, from: number, to: number): void {
  let at = from;
  for (;;) {
    const lineEnd = Math.min(breaks.next(at), to);
    if (lineEnd === to) {
      if (lineEnd > at) parts.push(spaces(lineEnd - at));
      return;
    }
    const lineBreak = breaks.text[lineEnd];
    if (lineBreak === '\n') parts.push(spacesThenLineFeed(lineEnd - at));
    else {
      if (lineEnd > at) parts.push(spaces(lineEnd - at));
      parts.push(lineBreak);
    }
    at = lineEnd + 1;
  }
}

/**
 * Runs of spaces, with or without a line feed after them, each a slice of one flat string and kept
 * per length (lines of a compiled module have few distinct lengths). Not `repeat`: it builds a tree of
 * joined strings, which the final join walked for every run, a third of the cost of blanking (issue
 * 15's cache cost). Lines over 512 characters are rare, and get a run of their own.
 */
const longestRun = 512;
const runText = String.fromCharCode(...new Array<number>(longestRun).fill(Char.Space), Char.LineFeed);
const spaceRuns = new Array<string | undefined>(longestRun + 1);
const lineRuns = new Array<string | undefined>(longestRun + 1);

function spaces(length: number): string {
  if (length > longestRun) return ' '.repeat(length);
  return (spaceRuns[length] ??= runText.slice(0, length));
}

function spacesThenLineFeed(length: number): string {
  if (length > longestRun) return `${' '.repeat(length)}\n`;
  return (lineRuns[length] ??= runText.slice(longestRun - length));
}

/**
 * The [start, end) of each part of the template nothing evaluates, in text order: the resources that
 * declare nothing needed, the user-defined types (`definitions`: evaluation reads no type) and the
 * parameters' `metadata` (their descriptions), in the file's template and in the inline templates of
 * the nested deployments it keeps (an AVM module's child modules). Types and descriptions were a
 * fifth of an AVM module's text, read into trees for nothing.
 */
function unneededSpans(text: string, needsType: NeedsType): [number, number][] {
  const skim = new JsonSkim(text);
  const spans: [number, number][] = [];
  /** The members of the object here, each key handed to `member` (which consumes its value); any other value skipped. */
  const within = (member: (key: string) => void) => {
    if (skim.peek() === Char.OpenBrace) skim.members(member);
    else skim.skipValue();
  };
  const blankObject = () => {
    const start = skim.peek() === Char.OpenBrace ? skim.at : -1;
    skim.skipValue();
    if (start >= 0) spans.push([start, skim.at]);
  };
  const parameter = () => within((key) => (key.toLowerCase() === 'metadata' ? blankObject() : skim.skipValue()));
  const resource = () => {
    if (skim.peek() !== Char.OpenBrace) return skim.skipValue();
    const start = skim.at;
    let type = '';
    let properties = -1;
    skim.members((key) => {
      const name = key.toLowerCase();
      const opening = skim.peek();
      const from = skim.at;
      if (name === 'properties') properties = opening === Char.OpenBrace ? from : -1;
      skim.skipValue();
      if (name === 'type') type = text.slice(from, skim.at);
    });
    const end = skim.at;
    if (!textMayDeclareNeeded(text.slice(start, end), needsType)) spans.push([start, end]);
    else if (properties >= 0 && type.toLowerCase() === '"microsoft.resources/deployments"') {
      skim.at = properties;
      within((key) => (key.toLowerCase() === 'template' ? template() : skim.skipValue()));
      skim.at = end;
    }
  };
  const template = () =>
    within((key) => {
      const section = key.toLowerCase();
      if (section === 'definitions') blankObject();
      else if (section === 'parameters') within(parameter);
      else if (section !== 'resources') skim.skipValue();
      else if (skim.peek() === Char.OpenBracket) skim.items(resource);
      else within(resource);
    });
  template();
  return spans;
}
