// Reads Bicep's diagnostic pragmas: `#disable-next-line a b` silences codes a and b on the next line;
// `#disable-diagnostics a b` silences them until `#restore-diagnostics a b` (or the end of the file).
// Lines are 0-based; a line break is \n, \r\n or a lone \r, as in the Bicep lexer.
// Invariant: only pragma trivia counts, so `#disable-next-line` inside a string or comment, or after
// other text on its line, is ignored (as the compiler ignores it).
import type { SourceFile } from './nodes-declarations';
import { tokenAt } from './printer';
import type { TriviaKind } from './token';

export interface PragmaDirective {
  readonly kind: 'DisableNextLine' | 'DisableDiagnostics' | 'RestoreDiagnostics';
  readonly start: number;
  readonly end: number;
  /** 0-based line of the directive. */
  readonly line: number;
  readonly codes: readonly string[];
}

export interface PragmaIndex {
  readonly directives: readonly PragmaDirective[];
  /** Codes disabled on `line` by a `#disable-next-line` on the line before it. */
  disabledOnLine(line: number): ReadonlySet<string>;
  /** Codes disabled at `offset` by `#disable-diagnostics` regions. */
  disabledInRegion(offset: number): ReadonlySet<string>;
  /** Whether `code` is silenced at `offset` by either form. */
  isDisabled(code: string, offset: number): boolean;
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
}

const empty: ReadonlySet<string> = new Set();
const keywords = ['#disable-next-line', '#disable-diagnostics', '#restore-diagnostics'];

export function readPragmas(tree: SourceFile, text: string = tree.text): PragmaIndex {
  const lineStarts = computeLineStarts(text);
  const lineOf = (offset: number) => lineIndex(lineStarts, offset);
  const directives = findDirectives(tree, text, lineOf);
  const nextLine = new Map<number, Set<string>>();
  const regions: { code: string; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  for (const directive of directives) {
    if (directive.kind === 'DisableNextLine') {
      const codes = nextLine.get(directive.line + 1) ?? new Set<string>();
      for (const code of directive.codes) codes.add(code);
      nextLine.set(directive.line + 1, codes);
    } else if (directive.kind === 'DisableDiagnostics') {
      for (const code of directive.codes) if (!open.has(code)) open.set(code, directive.start);
    } else {
      for (const code of directive.codes) {
        const start = open.get(code);
        if (start === undefined) continue;
        regions.push({ code, start, end: directive.end });
        open.delete(code);
      }
    }
  }
  for (const [code, start] of open) regions.push({ code, start, end: Number.POSITIVE_INFINITY });
  const disabledInRegion = (offset: number): ReadonlySet<string> => {
    let codes: Set<string> | undefined;
    for (const region of regions) {
      if (offset >= region.start && offset < region.end) (codes ??= new Set()).add(region.code);
    }
    return codes ?? empty;
  };
  return {
    directives,
    lineOf,
    disabledOnLine: (line) => nextLine.get(line) ?? empty,
    disabledInRegion,
    isDisabled: (code, offset) =>
      (nextLine.get(lineOf(offset))?.has(code) ?? false) || disabledInRegion(offset).has(code),
  };
}

function findDirectives(tree: SourceFile, text: string, lineOf: (offset: number) => number): PragmaDirective[] {
  const found: PragmaDirective[] = [];
  for (const keyword of keywords) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
      const token = tokenAt(tree, at);
      if (at >= token.start) continue; // inside a token (a string), not in its leading trivia
      const trivia = token.leading.find((item) => item.start === at);
      if (!trivia || !isPragma(trivia.kind)) continue;
      const codes = trivia.text
        .slice(keyword.length)
        .split(/[ \t]+/)
        .filter((code) => code.length > 0);
      found.push({ kind: trivia.kind, start: trivia.start, end: trivia.end, line: lineOf(at), codes });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isPragma(kind: TriviaKind): kind is PragmaDirective['kind'] {
  return kind === 'DisableNextLine' || kind === 'DisableDiagnostics' || kind === 'RestoreDiagnostics';
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function lineIndex(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
