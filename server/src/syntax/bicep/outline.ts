// The lazy outline of a Bicep file: its top-level declarations, found by a skim of the lexer's tokens
// (read in place, no Token objects; groups crossed whole), each parsed only when asked, from its own
// slice of the text — the networking analysis never needs most declarations of a file (parameter
// decorators, types, outputs…).
// Invariants (test/unit/bicep-outline.test.ts, bicep-outline-reuse.test.ts, test/corpus/bicep-outline-corpus.test.ts):
// - Never throws; linear time. Where the skim is not certain, the outline comes from a full parse; so
//   `entries` (their OutlineEntry fields: a skimmed entry also holds its slice) matches
//   `declarations(tree)` for every error-free file (a syntax error the skim cannot see, as in
//   `var x = 1 2`, may leave an entry's end different from the full parse's).
// - `declaration(entry)` is dumpTree-equal to the full parse's node at `entry.start`. A slice runs from
//   the line start to the line break after the statement (so token trivia match too); a slice with an
//   error or another span, and every entry first asked for after `tree()`, comes from the full parse.
//   A declaration taken over from the outline of the text an edit replaced (`adopt`) is one whose
//   slice has the same text, moved to its new offsets: what a slice parse would give.
import type { BicepLanguage, Declaration, SourceFile } from './nodes-declarations';
import { type OutlineEntry, type Skim, skimBicep } from './outline-statements';
import { moveTree } from './move-tree';
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

/**
 * Outlines `text`, parsing nothing yet unless the skim gives up. `previous` is the outline of the text
 * this one replaced (an edit): its parsed declarations whose slice is unchanged are handed on, moved
 * to their new place, instead of being parsed again; it gives them up (see LazyOutline.adopt).
 */
export function outlineBicep(text: string, language: BicepLanguage, previous?: BicepOutline): BicepOutline {
  let skim: Skim | undefined;
  try {
    skim = skimBicep(text, language);
  } catch {
    skim = undefined; // unreachable by design; a full parse is always a correct answer
  }
  if (!skim) return outlineOfTree(parseSourceFile(text, language).tree);
  const outline = new LazyOutline(text, language, skim);
  if (previous instanceof LazyOutline && previous.language === language) outline.adopt(previous);
  return outline;
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
  /** Entries whose kept declaration was parsed from their slice (not taken from the full tree): only
   * those may be handed on to the next version of the file, since nothing else holds them. */
  private fromSlice: Uint8Array | undefined;
  /** The outline of a file being edited keeps every declaration it parses, for the next version. */
  private keepsAll = false;
  /** Declarations handed on by the previous version (`adopt`), moved into place on first ask. */
  private adopted: (Declaration | undefined)[] | undefined;
  /** How far each adopted declaration moves: the length the edit added before it. */
  private adoptedShift: Int32Array | undefined;
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
   * callers, or a file evaluated again in the next analysis, asks again and keeps them. An outline
   * that follows an edit keeps every one from the first ask: the next keystroke takes them over.
   */
  declaration(entry: OutlineEntry): Declaration | undefined {
    const i = this.indexAt(entry.start);
    if (i < 0) return this.fromTree(entry.start);
    const parsed = (this.parsed ??= new Array<null>(this.entries.length).fill(null));
    let found = parsed[i];
    if (found !== null) return found;
    if (this.full) {
      found = this.fromTree(entry.start);
    } else {
      const fromSlice = (this.fromSlice ??= new Uint8Array(this.entries.length));
      const adopted = this.adopted?.[i];
      if (adopted) {
        this.adopted![i] = undefined;
        moveTree(adopted, this.adoptedShift![i], this.text);
        found = adopted;
        fromSlice[i] = 1;
      } else {
        const askedOnce = (this.askedOnce ??= new Uint8Array(this.entries.length));
        found = this.parseSlice(i);
        if (!this.keepsAll && askedOnce[i] === 0) {
          askedOnce[i] = 1;
          return found ?? this.fromTree(entry.start);
        }
        if (found) fromSlice[i] = 1;
        else found = this.fromTree(entry.start);
      }
    }
    parsed[i] = found;
    return found;
  }

  tree(): SourceFile {
    this.full ??= parseSourceFile(this.text, this.language).tree;
    return this.full;
  }

  /**
   * Takes over the slice-parsed declarations of `previous`, the outline of the text this one replaced,
   * whose slice lies wholly before the edit or wholly after it (in the texts' common prefix or suffix)
   * and whose entry spans the same part of it: their text is the same, so a parse would give the same
   * tree at the shifted offsets. `previous` gives them up (asked again, it parses its own), so a tree
   * is never moved under a reader of the old text. Trees it only adopted and never asked for are not
   * handed on: nothing needed them, and each holds the older text until moved.
   */
  adopt(previous: LazyOutline): void {
    this.keepsAll = true;
    const oldParsed = previous.parsed;
    const oldFromSlice = previous.fromSlice;
    if (!oldParsed || !oldFromSlice) return;
    const before = previous.text;
    const text = this.text;
    const prefix = commonPrefixLength(before, text);
    const suffixStart = text.length - commonSuffixLength(before, text, prefix);
    const growth = text.length - before.length;
    const entries = this.skim.entries;
    const oldEntries = previous.skim.entries;
    const oldCount = oldEntries.length;
    let j = 0; // previous entries are in text order, as are these
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const from = entry.sliceStart;
      const to = entry.sliceEnd;
      const shift = to <= prefix ? 0 : from >= suffixStart ? growth : undefined;
      if (shift === undefined) continue;
      while (j < oldCount && oldEntries[j].sliceStart < from - shift) j++;
      if (j === oldCount) break;
      const oldEntry = oldEntries[j];
      if (oldEntry.sliceStart !== from - shift || oldEntry.sliceEnd !== to - shift) continue;
      const tree = oldParsed[j];
      if (
        !tree ||
        oldFromSlice[j] === 0 ||
        oldEntry.start !== entry.start - shift ||
        oldEntry.end !== entry.end - shift
      )
        continue;
      oldParsed[j] = null;
      oldFromSlice[j] = 0;
      (this.adopted ??= new Array<undefined>(this.entries.length).fill(undefined))[i] = tree;
      (this.adoptedShift ??= new Int32Array(this.entries.length))[i] = shift;
    }
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

  /** The entry's declaration from its own slice; undefined when the slice does not parse cleanly. */
  private parseSlice(i: number): Declaration | undefined {
    const entry = this.skim.entries[i];
    const result = parseStatementSlice(this.text, this.language, entry.sliceStart, entry.sliceEnd);
    return cleanDeclaration(result, entry.start, entry.end);
  }

  private fromTree(start: number): Declaration | undefined {
    this.byStart ??= new Map(declarations(this.tree()).map((declaration) => [declaration.start, declaration]));
    return this.byStart.get(start);
  }
}

// The texts are compared a run at a time, long runs first (V8 compares two slices natively, without
// copying them): a character at a time, the common suffix of a 100 kB file took 0.3 ms per keystroke.
const runLengths = [4096, 512, 64, 8, 1];

/** How many characters `a` and `b` share at their start. */
function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const run of runLengths) while (i + run <= n && a.slice(i, i + run) === b.slice(i, i + run)) i += run;
  return i;
}

/** How many characters `a` and `b` share at their end, not counting into the first `prefix`. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let k = 0;
  for (const run of runLengths) {
    while (k + run <= n && a.slice(a.length - k - run, a.length - k) === b.slice(b.length - k - run, b.length - k))
      k += run;
  }
  return k;
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
