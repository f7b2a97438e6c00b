// Fix plumbing between the rules and the fix builders: a finding carries the fix its report
// requested (`Finding.fix`, model/fix-contract.ts), and a FixSession builds the edits on demand
// against the texts the analysis read, handing the builders the rules' predicates they plan with.
// Fix-all takes each finding's preferred fix, in finding order, leaving out any that would touch
// another's edits (the next pass gets it).
// Invariant: edits are offsets into the session's texts; a face must check the current text is
// still that text before applying them.
import {
  applyTextEdits,
  buildFixes,
  createFixDocuments,
  mergeFixes,
  type Fix,
  type FixDocuments,
  type FixSource,
  type TextEdit,
} from '../fixes';
import type { Cloud } from '../facts';
import { fixQueries } from '../rules/support/fix-queries';
import type { Finding } from './types';
import type { Workspace } from './workspace';

export type { Fix, FileEdits, TextEdit } from '../fixes';
export { applyTextEdits };

/** Whether the finding's rule requested a fix (the builder may still find none safe). */
export function requestsFix(finding: Finding): boolean {
  return finding.fix !== undefined;
}

/** The fix kind a finding requested, if any. */
export function fixKindOf(finding: Finding): string | undefined {
  return finding.fix?.request.kind;
}

/** The finding as plain data, without its fix request (which holds model entities): what crosses a thread. */
export function withoutFixRequest(finding: Finding): Finding {
  const { fix: _request, ...plain } = finding;
  return plain;
}

/** A source over fixed texts (the analysed ones): a map, falling back to a reader for other files. */
export function textSource(
  cloud: Cloud,
  texts: ReadonlyMap<string, string>,
  other?: (uri: string) => string | undefined,
): FixSource {
  const uris = [...texts.keys()];
  return { cloud, text: (uri) => texts.get(uri) ?? other?.(uri), uris: () => uris };
}

/** The texts of every indexed file of a workspace, as they are now (cheap: strings are shared). */
export function workspaceTexts(workspace: Workspace): Map<string, string> {
  const texts = new Map<string, string>();
  for (const uri of workspace.uris()) {
    const file = workspace.file(uri);
    if (file) texts.set(uri, file.text);
  }
  return texts;
}

export class FixSession {
  private readonly docs: FixDocuments;
  private readonly built = new WeakMap<Finding, Fix[]>();

  constructor(readonly source: FixSource) {
    this.docs = createFixDocuments(source, fixQueries);
  }

  fixesOf(finding: Finding): Fix[] {
    let fixes = this.built.get(finding);
    if (!fixes) {
      fixes = finding.fix ? buildFixes(this.docs, finding.fix) : [];
      this.built.set(finding, fixes);
    }
    return fixes;
  }

  preferredOf(finding: Finding): Fix | undefined {
    return this.fixesOf(finding).find((fix) => fix.isPreferred);
  }

  /** The preferred fixes of these findings merged into one set of edits per file. */
  fixAll(findings: readonly Finding[]): { edits: Map<string, TextEdit[]>; fixed: Finding[] } {
    const candidates = findings
      .map((finding) => ({ finding, fix: this.preferredOf(finding) }))
      .filter((entry): entry is { finding: Finding; fix: Fix } => entry.fix !== undefined);
    const { edits, taken } = mergeFixes(candidates.map((entry) => entry.fix));
    return { edits, fixed: candidates.filter((entry) => taken.includes(entry.fix)).map((entry) => entry.finding) };
  }
}
