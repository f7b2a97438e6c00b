// The lazy outline of a Bicep file: its top-level declarations, found by a skim of the lexer's tokens
// (read in place, no Token objects; groups crossed whole), each parsed only when asked, from its own
// slice of the text — the networking analysis never needs most declarations of a file (parameter
// decorators, types, outputs…).
// Invariants (test/unit/bicep-outline.test.ts, test/corpus/bicep-outline-corpus.test.ts):
// - Never throws; linear time. Where the skim is not certain, the outline comes from a full parse; so
//   `entries` matches `declarations(tree)` for every error-free file (a syntax error the skim cannot
//   see, as in `var x = 1 2`, may leave an entry's end different from the full parse's).
// - `declaration(entry)` is dumpTree-equal to the full parse's node at `entry.start`. A slice runs from
//   the line start to the line break after the statement (so token trivia match too); a slice with an
//   error or another span, and every entry first asked for after `tree()`, comes from the full parse.
import type { BicepLanguage, Declaration, SourceFile } from './nodes-declarations';
import { LexState, scanToken } from './lexer';
import { lambdaBodyStoppers } from './lexical-rules';
import {
  classify,
  crossed,
  identifierAt,
  keywordAt,
  plainStringValue,
  scanned,
  skipLineBreaks,
  TokenClass,
} from './outline-skim';
import { parseSourceFile, parseStatementSlice } from './parse-program';
import { TokenKind } from './token';
import { declarations, literalString, nameOf } from './views';

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
  readonly end: number;
}

export interface BicepOutline {
  readonly language: BicepLanguage;
  readonly text: string;
  readonly entries: readonly OutlineEntry[];
  /** True when the entries come from the skim, false when from a full parse (the skim gave up). */
  readonly skimmed: boolean;
  /** The entry's declaration, parsed on first use and memoised; undefined when the full parse has no
   * well-formed declaration at entry.start. */
  declaration(entry: OutlineEntry): Declaration | undefined;
  /** The full tree, parsed on first use (editor features, pragmas) and memoised. */
  tree(): SourceFile;
}

/** Outlines `text`, parsing nothing yet unless the skim gives up. */
export function outlineBicep(text: string, language: BicepLanguage): BicepOutline {
  let skim: Skim | undefined;
  try {
    skim = skimBicep(text, language);
  } catch {
    skim = undefined; // unreachable by design; a full parse is always a correct answer
  }
  return skim ? new LazyOutline(text, language, skim) : outlineOfTree(parseSourceFile(text, language).tree);
}

/** An outline over a tree that is already parsed (no second parse). */
export function outlineOfTree(tree: SourceFile): BicepOutline {
  const found = declarations(tree);
  const byStart = new Map(found.map((declaration) => [declaration.start, declaration]));
  return {
    language: tree.language,
    text: tree.text,
    entries: found.map(entryOf),
    skimmed: false,
    declaration: (entry) => byStart.get(entry.start),
    tree: () => tree,
  };
}

class LazyOutline implements BicepOutline {
  readonly skimmed = true;
  readonly entries: readonly OutlineEntry[];
  /** Parsed declarations by entry index; null until asked for. */
  private readonly parsed: (Declaration | undefined | null)[];
  private indexOf: Map<number, number> | undefined;
  private full: SourceFile | undefined;
  private byStart: Map<number, Declaration> | undefined;

  constructor(
    readonly text: string,
    readonly language: BicepLanguage,
    private readonly skim: Skim,
  ) {
    this.entries = skim.entries;
    this.parsed = new Array<null>(skim.entries.length).fill(null);
  }

  declaration(entry: OutlineEntry): Declaration | undefined {
    this.indexOf ??= new Map(this.entries.map((known, i) => [known.start, i]));
    const i = this.indexOf.get(entry.start);
    if (i === undefined) return this.fromTree(entry.start);
    let found = this.parsed[i];
    if (found === null) {
      found = this.full ? this.fromTree(entry.start) : this.parseSlice(i);
      this.parsed[i] = found;
    }
    return found;
  }

  tree(): SourceFile {
    this.full ??= parseSourceFile(this.text, this.language).tree;
    return this.full;
  }

  private parseSlice(i: number): Declaration | undefined {
    const entry = this.entries[i];
    const slices = this.skim.slices;
    const result = parseStatementSlice(this.text, this.language, slices[2 * i], slices[2 * i + 1]);
    const statement = result.statement;
    const clean =
      result.errors.length === 0 &&
      result.complete &&
      statement.kind !== 'Skipped' &&
      statement.kind !== 'Missing' &&
      statement.kind !== 'MissingDeclaration';
    if (clean && statement.start === entry.start && statement.end === entry.end) return statement as Declaration;
    return this.fromTree(entry.start);
  }

  private fromTree(start: number): Declaration | undefined {
    this.byStart ??= new Map(declarations(this.tree()).map((declaration) => [declaration.start, declaration]));
    return this.byStart.get(start);
  }
}

// The entry the skim would give for a declaration of a full parse.
function entryOf(declaration: Declaration): OutlineEntry {
  const name =
    declaration.kind === 'ExtensionConfigAssignment'
      ? nameOf({ name: declaration.alias })
      : 'name' in declaration
        ? nameOf(declaration)
        : undefined;
  const existing = declaration.kind === 'ResourceDeclaration' && declaration.existing !== undefined;
  const { start, end } = declaration;
  return {
    keyword: declaration.keyword.text,
    name: name?.text,
    literal: headerLiteral(declaration),
    existing,
    start,
    end,
  };
}

function headerLiteral(declaration: Declaration): string | undefined {
  switch (declaration.kind) {
    case 'ResourceDeclaration':
      return literalString(declaration.type);
    case 'ModuleDeclaration':
    case 'TestDeclaration':
    case 'UsingDeclaration':
    case 'ExtendsDeclaration':
      return literalString(declaration.path);
    case 'ImportDeclaration':
      return declaration.from.kind === 'ImportFromClause' ? literalString(declaration.from.path) : undefined;
    case 'ExtensionDeclaration':
      return literalString(declaration.specification);
    case 'TargetScopeDeclaration':
      return literalString(declaration.value);
    default:
      return undefined;
  }
}

// ---- The statement level of the skim ----------------------------------------------------------
//
// A statement is `@…` decorator lines (with the blank and comment lines between them that
// parseDecorators takes) and a declaration line, which goes on past a line break at bracket depth 0
// only where the parser does: after `=>` (a lambda body), after `=` before a line starting with `if`
// (a resource or module condition), before a line starting with `?` or `:` (a multi-line ternary,
// for declarations ending in an expression) and before a line right below starting with `|` (a
// multi-line union type). Any other line must start a declaration with `@` or a known keyword.

interface Skim {
  readonly entries: OutlineEntry[];
  /** Entry i is lexed from text[slices[2i], slices[2i+1]). */
  readonly slices: number[];
}

const bicepKeywords = [
  'param',
  'var',
  'resource',
  'output',
  'module',
  'type',
  'func',
  'import',
  'metadata',
  'targetScope',
  'test',
  'extension',
  'provider',
  'assert',
];
const paramsKeywords = ['param', 'var', 'using', 'extends', 'import', 'extensionConfig', 'extension', 'type'];
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

function skimBicep(text: string, language: BicepLanguage): Skim | undefined {
  const keywords = language === 'bicepparam' ? paramsKeywords : bicepKeywords;
  const n = text.length;
  const entries: OutlineEntry[] = [];
  const slices: number[] = [];
  let phase = none;
  let sliceStart = 0;
  let nodeStart = 0;
  let keyword = '';
  let name: string | undefined;
  let literal: string | undefined;
  let existing = false; // `resource name 'type' existing`
  let index = 0; // of the current depth-0 token of the declaration (the keyword is 0)
  let stringIndex = -1; // of its first depth-0 string
  let lastEnd = 0;
  let last: number = K.Other;
  const state = new LexState(text);
  scanToken(state);
  for (;;) {
    if (!skipLineBreaks(state)) return undefined;
    const q = state.start; // the line's first token (text.length at the end)
    if (phase === declaring && !continues(text, q, keyword, last)) {
      if (keyword === 'targetScope' && !(stringIndex === 2 && index === 2)) literal = undefined;
      entries.push({ keyword, name, literal, existing, start: nodeStart, end: lastEnd });
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
      const found = state.kind === TokenKind.Identifier ? keywordAt(text, q, keywords) : undefined;
      if (found === undefined) return undefined; // decorators without a declaration, or a line the parser skips
      keyword = found;
      phase = declaring;
      index = -1;
    }
    let shape = 0; // of a decorator line, see decoratorStep
    for (;;) {
      const kind = classify(state);
      if (kind < 0) return undefined;
      if (kind === K.LineEnd) break;
      const start = scanned.start;
      const end = scanned.end;
      scanToken(state);
      lastEnd = end;
      last = kind;
      if (phase !== declaring) {
        shape = decoratorStep(text, shape, kind, start, end);
        if (shape < 0) return undefined;
        continue;
      }
      index++;
      if (index === 1 && kind === K.Identifier && named.has(keyword)) name = text.slice(start, end);
      if (index === 3 && stringIndex === 2 && kind === K.Identifier && keyword === 'resource' && end - start === 8) {
        existing = text.startsWith('existing', start);
      }
      if (kind >= K.PlainString && kind <= K.MultiLineString && index >= 1 && stringIndex < 0) {
        stringIndex = index;
        if (withLiteral.has(keyword)) {
          if (kind === K.MultiLineString) return undefined; // too rare to decode here
          literal = kind === K.PlainString ? plainStringValue(text, start, end) : undefined;
        }
      }
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
