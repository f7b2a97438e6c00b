// The engine's plain-data API: documents in, findings and the model out. Invariant: offsets are
// 0-based UTF-16 indexes into the document text; nothing here knows LSP or VS Code.
import type { Language } from '../syntax/classify';
import type { Cloud } from '../facts';
import type { WorkspaceLimits } from './limits';

export type { Language };
import type { RequestedFix } from '../model';
import type { Level } from '../rules/support/rule-meta';
import type { PrivateDnsSettings } from '../rules/support/rule';

export type { Level, PrivateDnsSettings };
export type ConfiguredLevel = Level | 'off';

export interface SourceDocument {
  uri: string;
  text: string;
}

/** What the engine may ask of its surroundings; it does no I/O itself. */
export interface Host {
  /** The text of a file referenced by another (a module, a parameter file's template). */
  readFile(uri: string): Promise<string | undefined>;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface RelatedLocation extends TextRange {
  uri: string;
  message: string;
}

export interface Finding extends TextRange {
  ruleId: string;
  /** Which of the rule's messages (tests and JSON output use it). */
  messageId: string;
  level: Level;
  message: string;
  uri: string;
  related: RelatedLocation[];
  /** What it is about, stable across line shifts (engine/finding-identity.ts); baselines key on it. */
  resource?: string;
  /**
   * `resource` with array items by index (`subnets[2]`) where `resource` names them (`subnets['snet-pe']`):
   * baselines written before items were named key on it.
   */
  resourceByIndex?: string;
  /**
   * The fix the rule requested (model/fix-contract.ts), built into edits by `FixSession.fixesOf`. It
   * holds model entities: no output format writes it, and it does not cross threads (withoutFixRequest).
   */
  fix?: RequestedFix;
}

/** Something about the analysis itself, not a finding: a limit was hit. Shown as information. */
export interface Notice extends TextRange {
  uri: string;
  message: string;
}

export interface SyntaxError extends TextRange {
  message: string;
}

export interface FileAnalysis {
  uri: string;
  language: Language;
  /** With `withSyntaxErrors`: the file's syntax errors (from the workspace's cached parse). */
  syntaxErrors?: SyntaxError[];
}

export interface AnalysisOptions {
  cloud: Cloud;
  /** Levels set by the user; a rule absent here keeps its default level. */
  ruleLevels: Record<string, ConfiguredLevel>;
  /** Who creates zone groups (configuration `privateDns`); absent: the templates. */
  privateDns?: PrivateDnsSettings;
  isCancelled?: () => boolean;
  /** Also report each file's syntax errors (the CLI's `syntax` rule); the editor leaves them to the compiler. */
  withSyntaxErrors?: boolean;
  /** For analyzeDocuments, which builds its own workspace: limits other than the editor's. */
  limits?: Partial<WorkspaceLimits>;
}

export interface AnalysisResult {
  /** The files asked about, with their language (their findings are in `findings`). */
  files: FileAnalysis[];
  /** Every finding of the workspace, each in the file that declares the offending resource. */
  findings: Finding[];
  /** Files and deployments cut off by a size or time limit, one notice each. */
  notices: Notice[];
}

export const defaultAnalysisOptions: AnalysisOptions = { cloud: 'AzureCloud', ruleLevels: {} };
