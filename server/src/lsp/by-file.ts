// Findings and notices grouped by the file they are in, files in the order first named: how the
// worker compares a result with the last one (finding-handoff.ts) and how the publisher sends it
// (publishing.ts), which name some files before their findings (open documents first).
import type { Finding, Notice } from '../engine';

export interface FileEntry {
  findings: Finding[];
  notices: Notice[];
}

export class ByFile {
  readonly files = new Map<string, FileEntry>();

  /** The file's entry, made empty when first named. */
  of(uri: string): FileEntry {
    let entry = this.files.get(uri);
    if (!entry) this.files.set(uri, (entry = { findings: [], notices: [] }));
    return entry;
  }

  add(findings: readonly Finding[], notices: readonly Notice[]): this {
    for (const finding of findings) this.of(finding.uri).findings.push(finding);
    for (const notice of notices) this.of(notice.uri).notices.push(notice);
    return this;
  }
}
