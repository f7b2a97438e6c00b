// The fix layer's data: what a finding asks for (a request naming a kind), what a builder returns
// (alternatives, each a set of text edits per file). Invariants: offsets are 0-based UTF-16 indexes
// into the text the findings were computed on; within one file a fix's edits are sorted and never
// overlap; a builder that finds no safe edit returns no fix, and the finding stays.
import type { Cloud } from '../facts';
import type { ResourceDecl } from '../model';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
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

/** A fix a finding allows, named by kind (the rule's `fix: { kind, ...details }`). */
export interface FixRequest {
  kind: string;
  [detail: string]: unknown;
}

/** Where the finding points: the declaration and the property path inside it. */
export interface FixAnchor {
  decl: ResourceDecl;
  path?: string;
}

export interface FixTarget {
  request: FixRequest;
  anchor: FixAnchor;
}

/** What fixes may read of the workspace: file texts at the time of the analysis, and the cloud. */
export interface FixSource {
  cloud: Cloud;
  text(uri: string): string | undefined;
  /** Every file of the analysed set (to find module callers and parameter files). */
  uris(): readonly string[];
}
