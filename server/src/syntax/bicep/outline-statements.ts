// The statement level of the lazy outline's skim (outline.ts): which lines make one top-level
// declaration, and the entry each gives.
// A statement is `@…` decorator lines (with the blank and comment lines between them that
// parseDecorators takes) and a declaration line, which goes on past a line break at bracket depth 0
// only where the parser does: after `=>` (a lambda body), after `=` before a line starting with `if`
// (a resource or module condition), before a line starting with `?` or `:` (a multi-line ternary,
// for declarations ending in an expression) and before a line right below starting with `|` (a
// multi-line union type). Any other line must start a declaration with `@` or a known keyword.
import { LexState } from './lexer';
import { asciiBytes, skimToken } from './lexer-groups';
import { plainDecoratorEnd } from './outline-decorators';
import { bicepDeclarationKeywords, lambdaBodyStoppers, paramsDeclarationKeywords } from './lexical-rules';
import type { BicepLanguage } from './nodes-declarations';
import {
  classify,
  crossed,
  crossRestOfLine,
  identifierAt,
  keywordIndexAt,
  keywordIndexInBytes,
  keywordList,
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

/** An entry of the skim, with the slice of the text its declaration is lexed from. */
export interface SkimmedEntry extends OutlineEntry {
  readonly sliceStart: number;
  readonly sliceEnd: number;
}

export interface Skim {
  readonly entries: SkimmedEntry[];
}

// What the statement level asks of a declaration's keyword, as bits: looked up by the keyword's index
// in its language's list (set-free: two Set lookups per declaration were ~2% of the skim's time).
/** Its first token after the keyword is the declared name. */
const Named = 1;
/** Its first string is its `literal`. */
const WithLiteral = 2;
/** It may end in an expression, so a line starting with `?` or `:` goes on with it. */
const ExpressionTail = 4;
/** It may end in a type, so a line starting with `|` goes on with it. */
const TypeTail = 8;
const keywordFacts: Record<string, number> = {
  param: Named | ExpressionTail | TypeTail,
  var: Named | ExpressionTail | TypeTail,
  resource: Named | WithLiteral,
  module: Named | WithLiteral,
  output: Named | ExpressionTail | TypeTail,
  type: Named | TypeTail,
  func: Named | TypeTail,
  metadata: Named | ExpressionTail,
  assert: Named | ExpressionTail,
  test: Named | WithLiteral,
  extensionConfig: Named,
  import: WithLiteral,
  using: WithLiteral,
  extends: WithLiteral,
  extension: WithLiteral,
  provider: WithLiteral,
  targetScope: WithLiteral | ExpressionTail,
};
const bicepFacts = Uint8Array.from(bicepDeclarationKeywords, (keyword) => keywordFacts[keyword] ?? 0);
const paramsFacts = Uint8Array.from(paramsDeclarationKeywords, (keyword) => keywordFacts[keyword] ?? 0);
const bicepKeywords = keywordList(bicepDeclarationKeywords);
const paramsKeywords = keywordList(paramsDeclarationKeywords);

const K = TokenClass;
const none = 0;
const decorating = 1;
const declaring = 2;
/** crossFrom of targetScope, whose entry needs the count of its tokens. */
const noCrossing = 1 << 30;

/** The entries of `text` and their slices; undefined where the skim is not certain (parse in full). */
export function skimBicep(text: string, language: BicepLanguage): Skim | undefined {
  const keywords = language === 'bicepparam' ? paramsKeywords : bicepKeywords;
  const factsOf = language === 'bicepparam' ? paramsFacts : bicepFacts;
  const n = text.length;
  const entries: SkimmedEntry[] = [];
  let phase = none;
  let sliceStart = 0;
  let nodeStart = 0;
  let keywordStart = 0;
  let keyword = '';
  let facts = 0; // of the keyword (Named, WithLiteral…)
  let name: string | undefined;
  let literal: string | undefined;
  let existing = false; // `resource name 'type' existing`
  let index = 0; // of the current depth-0 token of the declaration (the keyword is 0)
  let stringIndex = -1; // of its first depth-0 string
  // The first backslash at or after the last literal (one search per backslash, as literals come in
  // text order), so a literal is decoded without a look at each of its characters.
  let backslash = -1;
  let crossFrom = 0; // the index from which, the header read, the rest of each line is crossed whole
  let lastEnd = 0;
  let last: number = K.Other;
  const state = new LexState(text);
  state.bytes = asciiBytes(text);
  skimToken(state);
  for (;;) {
    if (!skipLineBreaks(state)) return undefined;
    const q = state.start; // the line's first token (text.length at the end)
    if (phase === declaring && !continues(text, q, keyword, facts, last)) {
      if (keyword === 'targetScope' && !(stringIndex === 2 && index === 2)) literal = undefined;
      // The slice with the entry: an array of slices beside the entries grew twice as often (outline-ab
      // --small: ~3% of the skim near the analysis bench's median, issue 16).
      const sliceEnd = crossed.firstBreak >= 0 ? crossed.firstBreak : n;
      entries.push({
        keyword,
        name,
        literal,
        existing,
        start: nodeStart,
        keywordStart,
        end: lastEnd,
        sliceStart,
        sliceEnd,
      });
      phase = none;
    }
    if (phase === none) {
      if (state.kind === TokenKind.EndOfFile) return { entries };
      sliceStart = crossed.runs > 0 ? crossed.lastBreakEnd : 0;
      nodeStart = q;
      name = literal = undefined;
      existing = false;
      stringIndex = -1;
      phase = decorating; // until a line starts with something else than `@`
    }
    if (phase === decorating && state.kind !== TokenKind.At) {
      const found =
        state.kind !== TokenKind.Identifier
          ? -1
          : state.bytes !== undefined
            ? keywordIndexInBytes(state.bytes, q, state.end, keywords)
            : keywordIndexAt(text, q, state.end, keywords);
      if (found < 0) return undefined; // decorators without a declaration, or a line the parser skips
      keyword = keywords.keywords[found];
      facts = factsOf[found];
      keywordStart = q;
      phase = declaring;
      index = -1;
      crossFrom = keyword === 'targetScope' ? noCrossing : keyword === 'resource' ? 3 : 1;
    }
    if (phase === decorating && state.bytes !== undefined) {
      // The line's `@` read: a plain decorator line is read from the bytes, to the same state.
      const end = plainDecoratorEnd(state, state.bytes, q);
      if (end >= 0) {
        lastEnd = end;
        last = K.Other;
        state.pos = end;
        skimToken(state); // the line break or the end of the text
        continue;
      }
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
        skimToken(state);
        continue;
      }
      index++;
      if (index === 1 && kind === K.Identifier && (facts & Named) !== 0) name = text.slice(start, end);
      if (index === 3 && stringIndex === 2 && kind === K.Identifier && keyword === 'resource' && end - start === 8) {
        existing = text.startsWith('existing', start);
      }
      if (kind >= K.PlainString && kind <= K.MultiLineString && index >= 1 && stringIndex < 0) {
        stringIndex = index;
        if ((facts & WithLiteral) !== 0) {
          if (kind === K.MultiLineString) return undefined; // too rare to decode here
          if (kind === K.PlainString && backslash < start) backslash = backslashFrom(text, start);
          literal = kind === K.PlainString ? plainStringValue(text, start, end, backslash) : undefined;
        }
      }
      if (index >= crossFrom && (stringIndex >= 0 || (facts & WithLiteral) === 0)) {
        const rest = crossRestOfLine(state);
        if (rest < 0) return undefined;
        if (rest !== K.LineEnd) {
          last = rest;
          lastEnd = scanned.end;
        }
        break;
      }
      skimToken(state);
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
function continues(text: string, q: number, keyword: string, facts: number, last: number): boolean {
  if (q >= text.length) return false;
  const c = text.charCodeAt(q);
  const next = text.charCodeAt(q + 1);
  if (last === K.Arrow) return !lambdaBodyStoppers.has(identifierAt(text, q));
  if (last === K.Assign && (keyword === 'resource' || keyword === 'module') && identifierAt(text, q) === 'if')
    return true;
  if ((c === 63 || c === 58) && next !== c) return (facts & ExpressionTail) !== 0;
  // parse-types.ts atUnionSeparator: one NewLine token, then `|`.
  if (c === 124 && next !== 124) return (facts & TypeTail) !== 0 && crossed.runs === 1 && crossed.blanksAfterRun;
  return false;
}
