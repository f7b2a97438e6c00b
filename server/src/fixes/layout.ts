// The user's layout, read from the text: line endings, the indentation unit, a line's indentation,
// and where a member can go into a `{…}` or `[…]` so that the rest of the file keeps its bytes.
// Invariants: nothing here reformats existing text; a multi-line container gets whole new lines
// (after the line of the member it follows, so trailing comments stay with their member), a
// single-line container gets `, member` before its closing bracket.
import type { TextEdit } from './types';

export interface Style {
  eol: string;
  /** One level of indentation: a tab or some spaces. */
  unit: string;
}

/** The file's line ending (its first one) and indentation unit (tabs, or the smallest space step). */
export function styleOf(text: string): Style {
  const match = /\r\n|\n|\r/.exec(text);
  const eol = match ? match[0] : '\n';
  let tabs = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  const lines = text.split(/\r\n|\n|\r/, 2000);
  for (const line of lines) {
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.length === line.length) continue;
    if (lead.startsWith('\t')) {
      tabs++;
      continue;
    }
    const step = lead.length - previous;
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = lead.length;
  }
  const spaceLines = [...steps.values()].reduce((a, b) => a + b, 0);
  if (tabs > spaceLines) return { eol, unit: '\t' };
  let best = 2;
  let count = 0;
  for (const [step, n] of steps) if (n > count || (n === count && step < best)) [best, count] = [step, n];
  return { eol, unit: ' '.repeat(best) };
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Whether only spaces or tabs precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** The offset just after the line break that ends the line holding `offset` (or the text's end). */
export function afterLineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

/** Whether the rest of the line after `offset` holds only whitespace, a comma and comments. */
export function restOfLineIsTrivia(text: string, offset: number, comma: boolean): boolean {
  const end = afterLineEnd(text, offset);
  const rest = text.slice(offset, end).replace(/\r?\n$|\r$/, '');
  const pattern = comma ? /^[ \t]*,?[ \t]*(\/\/.*|\/\*.*\*\/[ \t]*)?$/ : /^[ \t]*(\/\/.*|\/\*.*\*\/[ \t]*)?$/;
  return pattern.test(rest);
}

/** The offset of the next character that is not whitespace or a comment, from `offset`. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (text.startsWith('//', i)) while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else break;
  }
  return i;
}

/** A bracketed list as the writers see it: where it opens and closes, and its members' spans. */
export interface Container {
  /** Offset of `{` or `[`. */
  open: number;
  /** Offset of `}` or `]`. */
  close: number;
  members: readonly { start: number; end: number }[];
  /** JSON separates members with commas on every line; Bicep only on a single line. */
  commas: boolean;
}

/**
 * Edits that add a member to a container, after member `after` (default: the last). `render` gives
 * the member's text for an indentation (multi-line form, its first line unindented); `inline` is
 * the single-line form. Undefined when the layout around the insertion point is too unusual to
 * keep intact (a member sharing its line with the next one).
 */
export function insertMember(
  text: string,
  style: Style,
  container: Container,
  render: (indent: string) => string,
  inline: string,
  options: { after?: number; expandEmpty?: boolean } = {},
): TextEdit[] | undefined {
  const { members, commas } = container;
  const baseIndent = lineIndent(text, container.open);
  if (members.length === 0) {
    const inner = text.slice(container.open + 1, container.close);
    if (inner.trim() !== '') {
      // Only comments inside: put the member on its own line before the closing bracket.
      if (!startsLine(text, container.close)) return undefined;
      const at = lineStart(text, container.close);
      const indent = baseIndent + style.unit;
      return [{ start: at, end: at, newText: `${indent}${render(indent)}${style.eol}` }];
    }
    if (!/[\r\n]/.test(inner) && !options.expandEmpty) {
      return [{ start: container.open + 1, end: container.close, newText: ` ${inline} ` }];
    }
    const indent = baseIndent + style.unit;
    return [
      {
        start: container.open + 1,
        end: container.close,
        newText: `${style.eol}${indent}${render(indent)}${style.eol}${baseIndent}`,
      },
    ];
  }
  const index = Math.min(options.after ?? members.length - 1, members.length - 1);
  const member = members[index];
  const last = index === members.length - 1;
  const multiLine = startsLine(text, container.close) && !sameLine(text, container.open, member.start);
  if (!multiLine) {
    if (!last) return undefined;
    return [{ start: member.end, end: member.end, newText: `, ${inline}` }];
  }
  if (!restOfLineIsTrivia(text, member.end, commas)) return undefined;
  const indent = startsLine(text, member.start) ? lineIndent(text, member.start) : baseIndent + style.unit;
  const at = afterLineEnd(text, member.end);
  if (at > container.close) return undefined;
  const edits: TextEdit[] = [];
  let trailing = '';
  if (commas) {
    const next = skipTrivia(text, member.end);
    const hasComma = text[next] === ',' && next < at;
    if (last && !hasComma) edits.push({ start: member.end, end: member.end, newText: ',' });
    if (!last) trailing = ',';
    if (!last && !hasComma) return undefined;
  }
  edits.push({
    start: at,
    end: at,
    newText: `${indent}${render(indent)}${trailing}${at === text.length && !/[\r\n]$/.test(text) ? '' : style.eol}`,
  });
  if (at === text.length && !/[\r\n]$/.test(text))
    edits[edits.length - 1].newText = `${style.eol}${indent}${render(indent)}${trailing}`;
  return edits;
}

/**
 * Edits that remove member `index` of a container: its whole line(s) in a multi-line layout (with a
 * comment on the same line), else the member and one neighbouring comma.
 */
export function removeMember(text: string, container: Container, index: number): TextEdit[] | undefined {
  const { members, commas } = container;
  const member = members[index];
  if (!member) return undefined;
  const last = index === members.length - 1;
  if (
    startsLine(text, member.start) &&
    restOfLineIsTrivia(text, member.end, commas) &&
    startsLine(text, container.close)
  ) {
    const edits: TextEdit[] = [];
    if (commas && last && index > 0) {
      const previous = members[index - 1];
      const comma = skipTrivia(text, previous.end);
      if (text[comma] === ',') edits.push({ start: comma, end: comma + 1, newText: '' });
    }
    edits.push({ start: lineStart(text, member.start), end: afterLineEnd(text, member.end), newText: '' });
    return edits;
  }
  if (!last) {
    const next = members[index + 1];
    return [{ start: member.start, end: next.start, newText: '' }];
  }
  if (index > 0) {
    const previous = members[index - 1];
    return [{ start: previous.end, end: member.end, newText: '' }];
  }
  return [{ start: container.open + 1, end: container.close, newText: '' }];
}

function sameLine(text: string, a: number, b: number): boolean {
  return !/[\r\n]/.test(text.slice(Math.min(a, b), Math.max(a, b)));
}

/** Indents every line after the first of a rendered block by `indent` (the block was made at indent ''). */
export function reindent(block: string, indent: string, eol: string): string {
  return block
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}
