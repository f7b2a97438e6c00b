// The fix layer's data: what a builder returns (alternatives, each a set of text edits per file) for
// a request (model/fix-contract.ts), and what it may read. Invariants: offsets are 0-based UTF-16 indexes
// into the text the findings were computed on; within one file a fix's edits are sorted and never
// overlap; a builder that finds no safe edit returns no fix, and the finding stays.
import type { Cloud } from '../facts';
import type { FixAnchor, FixKind, FixRequestOf } from '../model';
import type { FixDocuments } from './documents';

export type { FixAnchor, FixKind, FixRequest, FixRequestOf, ModelQueries, RequestedFix } from '../model';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * The names this edit declares in its file (new resources' symbols, new parameters): two fixes of one
   * fix-all that declare the same name (each adds the zone both endpoints lack) would declare it twice,
   * so the second waits for the next pass, where it finds the first's.
   */
  declares?: readonly string[];
}

/** The edits of one fix in one file. */
export interface FileEdits {
  uri: string;
  edits: TextEdit[];
}

export interface Fix {
  /** Capitalised, no final period (STYLE §13): "Add DNS zone group". */
  title: string;
  /** The safest alternative of its finding (DESIGN §4); fix-all applies only these. */
  isPreferred: boolean;
  /** Sorted by uri; each file's edits sorted and non-overlapping. */
  changes: FileEdits[];
}

/** Turns a request of one kind, for a finding at `anchor`, into fix alternatives. */
export type Builder<K extends FixKind> = (docs: FixDocuments, request: FixRequestOf<K>, anchor: FixAnchor) => Fix[];

/** A builder per kind, each typed for its own request: no builder casts what it reads. */
export type Builders = { readonly [K in FixKind]: Builder<K> };

/** What fixes may read of the workspace: file texts at the time of the analysis, and the cloud. */
export interface FixSource {
  cloud: Cloud;
  text(uri: string): string | undefined;
  /** Every file of the analysed set (to find module callers and parameter files). */
  uris(): readonly string[];
}
