// The editor's side of baselines (engine/baseline.ts): the baseline each vnetlens.json names, read
// through the workspace's file access (so never from outside the folders), and the findings in it
// shown as hints rather than hidden: the team accepted them for now, the author still sees them.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { BaselineMatcher, readBaseline } from '../engine/baseline';
import type { Finding } from '../engine';

export class Baselines {
  /** Baseline URI by the vnetlens.json that names it. */
  private readonly named = new Map<string, string>();
  private readonly matchers = new Map<string, BaselineMatcher | undefined>();
  /** Counts the changes of what `has` may answer: a finding's diagnostic made before one may differ now. */
  generation = 0;

  constructor(
    private readonly read: (uri: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** vnetlens.json at `configUri` names `baseline` (relative to its folder), or no longer exists. */
  setConfig(configUri: string, baseline: string | undefined): void {
    const previous = this.named.get(configUri);
    this.generation++;
    if (baseline === undefined) this.named.delete(configUri);
    else this.named.set(configUri, new URL(baseline.split(/[\\/]/).map(encodeURIComponent).join('/'), configUri).href);
    if (previous !== undefined) this.matchers.delete(previous);
  }

  /** Whether `uri` is a baseline some vnetlens.json names (its change needs a new analysis). */
  isBaselineFile(uri: string): boolean {
    return [...this.named.values()].includes(uri);
  }

  /** The file changed on disk: read it again when next asked. */
  forget(uri: string): void {
    this.generation++;
    this.matchers.delete(uri);
  }

  has(finding: Finding): boolean {
    for (const uri of this.named.values()) {
      if (this.matcher(uri)?.has(finding)) return true;
    }
    return false;
  }

  private matcher(uri: string): BaselineMatcher | undefined {
    if (!this.matchers.has(uri)) {
      const text = this.read(uri);
      const read = text === undefined ? undefined : readBaseline(text);
      if (read && 'error' in read)
        this.log(`VNet Lens: baseline ${uri} is ${read.error}; its findings show at their own level.`);
      this.matchers.set(uri, read && 'baseline' in read ? new BaselineMatcher(read.baseline, uri) : undefined);
    }
    return this.matchers.get(uri);
  }
}

/** A baselined finding's diagnostic: a hint, saying why it is not at its own level. */
export function asBaselined(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, severity: DiagnosticSeverity.Hint, message: `${diagnostic.message} (in the baseline)` };
}
