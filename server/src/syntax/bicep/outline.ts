// The lazy outline of a Bicep file: its top-level declarations, found by a skim of the lexer's tokens
// (read in place, no Token objects; groups crossed whole), each parsed only when asked, from its own
// slice of the text — the networking analysis never needs most declarations of a file (parameter
// decorators, types, outputs…).
// Invariants (test/unit/bicep-outline.test.ts, test/corpus/bicep-outline-corpus.test.ts):
// - Never throws; linear time. Where the skim is not certain, the outline comes from a full parse; so
//   `entries` (their OutlineEntry fields: a skimmed entry also holds its slice) matches
//   `declarations(tree)` for every error-free file (a syntax error the skim cannot see, as in
//   `var x = 1 2`, may leave an entry's end different from the full parse's).
// - `declaration(entry)` is dumpTree-equal to the full parse's node at `entry.start`. A slice runs from
//   the line start to the line break after the statement (so token trivia match too); a slice with an
//   error or another span, and every entry first asked for after `tree()`, comes from the full parse.
import type { BicepLanguage, Declaration, SourceFile } from './nodes-declarations';
import { type OutlineEntry, type Skim, skimBicep } from './outline-statements';
import { cleanDeclaration, parseSourceFile, parseStatementSlice } from './parse-program';
import { declarations, literalString, nameOf } from './views';

export type { OutlineEntry } from './outline-statements';

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
  /** Parsed declarations by entry index; null until asked for a second time (see `declaration`). Made
   * on the first ask, as is `askedOnce`: most outlines of a workspace are never asked for one. */
  private parsed: (Declaration | undefined | null)[] | undefined;
  /** Entries asked for once, whose declaration was parsed and not kept. */
  private askedOnce: Uint8Array | undefined;
  private full: SourceFile | undefined;
  private byStart: Map<number, Declaration> | undefined;

  constructor(
    readonly text: string,
    readonly language: BicepLanguage,
    private readonly skim: Skim,
  ) {
    this.entries = skim.entries;
  }

  /**
   * A declaration parsed from its slice is kept from its second ask on: the file being typed in is
   * outlined anew on each keystroke and its evaluation asks for each declaration once, so kept, its
   * trees outlived young-generation collections only to be dropped at the next keystroke (issue 16:
   * a quarter of the CPU of a keystroke in a 5,000-line file); a module evaluated for several
   * callers, or a file evaluated again in the next analysis, asks again and keeps them.
   */
  declaration(entry: OutlineEntry): Declaration | undefined {
    const i = this.indexAt(entry.start);
    if (i < 0) return this.fromTree(entry.start);
    const parsed = (this.parsed ??= new Array<null>(this.entries.length).fill(null));
    const askedOnce = (this.askedOnce ??= new Uint8Array(this.entries.length));
    let found = parsed[i];
    if (found === null) {
      if (!this.full && askedOnce[i] === 0) {
        askedOnce[i] = 1;
        return this.parseSlice(i);
      }
      found = this.full ? this.fromTree(entry.start) : this.parseSlice(i);
      parsed[i] = found;
    }
    return found;
  }

  tree(): SourceFile {
    this.full ??= parseSourceFile(this.text, this.language).tree;
    return this.full;
  }

  /**
   * The index of the entry that starts at `start`, or -1: a binary search, as the skim's entries are in
   * text order (a Map of every entry by its start was made per outline asked once, issue 16).
   */
  private indexAt(start: number): number {
    const entries = this.entries;
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = entries[middle].start;
      if (at === start) return middle;
      if (at < start) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private parseSlice(i: number): Declaration | undefined {
    const entry = this.skim.entries[i];
    const result = parseStatementSlice(this.text, this.language, entry.sliceStart, entry.sliceEnd);
    return cleanDeclaration(result, entry.start, entry.end) ?? this.fromTree(entry.start);
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
    keywordStart: declaration.keyword.start,
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
