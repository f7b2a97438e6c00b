// The statement level of the lazy outline's skim (outline.ts): which lines make one top-level
// declaration, and the entry each gives.
// A statement is `@…` decorator lines (with the blank and comment lines between them that
// parseDecorators takes) and a declaration line, which goes on past a line break at bracket depth 0
// only where the parser does: after `=>` (a lambda body), after `=` before a line starting with `if`
// (a resource or module condition), before a line starting with `?` or `:` (a multi-line ternary,
// for declarations ending in an expression) and before a line right below starting with `|` (a
// multi-line union type). Any other line must start a declaration with `@` or a known keyword.
import { LexState, scanToken } from './lexer';
import { bicepDeclarationKeywords, lambdaBodyStoppers, paramsDeclarationKeywords } from './lexical-rules';
import type { BicepLanguage } from './nodes-declarations';
import {
  classify,
  crossed,
  crossRestOfLine,
  identifierAt,
  keywordAt,
  plainStringValue,
  backslashFrom,
  scanned,
  skipLineBreaks,
  TokenClass,
} from './outline-skim';
import { TokenKind } from './token';

export interface OutlineEntry {
  /** The declaration keyword: 'param', 'var', 'resource', 'module', 'output', 'type', 'import'… */
  readonly keyword: string;
  /** The declared identifier after the keyword, when there is one (param, var, resource, module…). */
  readonly name: string | undefined;
  /** The header's string when plain (no interpolation), decoded like stringValue(): a resource type,
   * a module or test path, the path of import/using/extends, an extension specification, the
   * targetScope value. */
  readonly literal: string | undefined;
  /** A `resource … existing`: a reference to a resource deployed elsewhere. */
  readonly existing: boolean;
  /** The declaration node's offsets: its first decorator or keyword to its last token (no trivia). */
  readonly start: number;
  /** The keyword's offset: `start` unless decorators come first. */
  readonly keywordStart: number;
  readonly end: number;
}

export interface Skim {
  readonly entries: OutlineEntry[];
  /** Entry i is lexed from text[slices[2i], slices[2i+1]). */
  readonly slices: number[];
}

const named = new Set([
  'param',
  'var',
  'resource',
  'module',
  'output',
  'type',
  'func',
  'metadata',
  'assert',
  'test',
  'extensionConfig',
]);
const withLiteral = new Set([
  'resource',
  'module',
  'test',
  'import',
  'using',
  'extends',
  'extension',
  'provider',
  'targetScope',
]);
const expressionTail = new Set(['var', 'param', 'output', 'metadata', 'assert', 'targetScope']);
const typeTail = new Set(['type', 'param', 'output', 'func', 'var']);

const K = TokenClass;
const none = 0;
const decorating = 1;
const declaring = 2;
/** crossFrom of targetScope, whose entry needs the count of its tokens. */
const noCrossing = 1 << 30;

/** The entries of `text` and their slices; undefined where the skim is not certain (parse in full). */
export function skimBicep(text: string, language: BicepLanguage): Skim | undefined {
  const keywords = language === 'bicepparam' ? paramsDeclarationKeywords : bicepDeclarationKeywords;
  const n = text.length;
  const entries: OutlineEntry[] = [];
  const slices: number[] = [];
  let phase = none;
  let sliceStart = 0;
  let nodeStart = 0;
  let keywordStart = 0;
  let keyword = '';
  let name: string | undefined;
  let literal: string | undefined;
  let existing = false; // `resource name 'type' existing`
  let index = 0; // of the current depth-0 token of the declaration (the keyword is 0)
  let stringIndex = -1; // of its first depth-0 string
  let wantsLiteral = false; // withLiteral.has(keyword)
  // The first backslash at or after the last literal (one search per backslash, as literals come in
  // text order), so a literal is decoded without a look at each of its characters.
  let backslash = -1;
  let crossFrom = 0; // the index from which, the header read, the rest of each line is crossed whole
  let lastEnd = 0;
  let last: number = K.Other;
  const state = new LexState(text);
  scanToken(state);
  for (;;) {
    if (!skipLineBreaks(state)) return undefined;
    const q = state.start; // the line's first token (text.length at the end)
    if (phase === declaring && !continues(text, q, keyword, last)) {
      if (keyword === 'targetScope' && !(stringIndex === 2 && index === 2)) literal = undefined;
      entries.push({ keyword, name, literal, existing, start: nodeStart, keywordStart, end: lastEnd });
      slices.push(sliceStart, crossed.firstBreak >= 0 ? crossed.firstBreak : n);
      phase = none;
    }
    if (phase === none) {
      if (state.kind === TokenKind.EndOfFile) return { entries, slices };
      sliceStart = crossed.runs > 0 ? crossed.lastBreakEnd : 0;
      nodeStart = q;
      name = literal = undefined;
      existing = false;
      stringIndex = -1;
      phase = decorating; // until a line starts with something else than `@`
    }
    if (phase === decorating && state.kind !== TokenKind.At) {
      const found = state.kind === TokenKind.Identifier ? keywordAt(text, q, state.end, keywords) : undefined;
      if (found === undefined) return undefined; // decorators without a declaration, or a line the parser skips
      keyword = found;
      keywordStart = q;
      phase = declaring;
      index = -1;
      wantsLiteral = withLiteral.has(keyword);
      crossFrom = keyword === 'targetScope' ? noCrossing : keyword === 'resource' ? 3 : 1;
    }
    let shape = 0; // of a decorator line, see decoratorStep
    for (;;) {
      const kind = classify(state);
      if (kind < 0) return undefined;
      if (kind === K.LineEnd) break;
      const start = scanned.start;
      const end = scanned.end;
      lastEnd = end;
      last = kind;
      if (phase !== declaring) {
        shape = decoratorStep(text, shape, kind, start, end);
        if (shape < 0) return undefined;
        scanToken(state);
        continue;
      }
      index++;
      if (index === 1 && kind === K.Identifier && named.has(keyword)) name = text.slice(start, end);
      if (index === 3 && stringIndex === 2 && kind === K.Identifier && keyword === 'resource' && end - start === 8) {
        existing = text.startsWith('existing', start);
      }
      if (kind >= K.PlainString && kind <= K.MultiLineString && index >= 1 && stringIndex < 0) {
        stringIndex = index;
        if (wantsLiteral) {
          if (kind === K.MultiLineString) return undefined; // too rare to decode here
          if (kind === K.PlainString && backslash < start) backslash = backslashFrom(text, start);
          literal = kind === K.PlainString ? plainStringValue(text, start, end, backslash) : undefined;
        }
      }
      if (index >= crossFrom && (stringIndex >= 0 || !wantsLiteral)) {
        const rest = crossRestOfLine(state);
        if (rest < 0) return undefined;
        if (rest !== K.LineEnd) {
          last = rest;
          lastEnd = scanned.end;
        }
        break;
      }
      scanToken(state);
    }
    if (phase === decorating && shape !== 2 && shape !== 4) return undefined;
  }
}

// A decorator line the skim is sure of (parseDecorator): `@` name, then `.name` or `(…)` after a
// name; `shape` 0 expects `@`, 1 and 3 a name, 2 follows a name and 4 a call; -1 gives up.
function decoratorStep(text: string, shape: number, kind: number, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (shape === 0) return c === 64 ? 1 : -1;
  if (shape === 1 || shape === 3) return kind === K.Identifier ? 2 : -1;
  return c === 46 && end === start + 1 ? 3 : shape === 2 && c === 40 ? 4 : -1;
}

// Whether the declaration goes on at `q`, the first code character after a line break at depth 0.
function continues(text: string, q: number, keyword: string, last: number): boolean {
  if (q >= text.length) return false;
  const c = text.charCodeAt(q);
  const next = text.charCodeAt(q + 1);
  if (last === K.Arrow) return !lambdaBodyStoppers.has(identifierAt(text, q));
  if (last === K.Assign && (keyword === 'resource' || keyword === 'module') && identifierAt(text, q) === 'if')
    return true;
  if ((c === 63 || c === 58) && next !== c) return expressionTail.has(keyword);
  // parse-types.ts atUnionSeparator: one NewLine token, then `|`.
  if (c === 124 && next !== 124) return typeTail.has(keyword) && crossed.runs === 1 && crossed.blanksAfterRun;
  return false;
}
