// Findings between the analysis worker and the main thread, sent per file and only when they changed
// (issue 16: in a corpus-sized workspace every keystroke cloned all ~1,100 findings of the workspace
// across threads, and the main thread converted every file's diagnostics again, for the one file
// typed in). The worker's side (`FindingHandoff`) compares each file's findings with those of the
// last result it posted, by identity: a deployment whose model is kept keeps its findings objects
// (engine/run-rules.ts), and any change of what a finding rests on (a text it points into, its
// model) makes new ones. The main thread's side (`HeldFindings`) puts the files it was sent over
// those it holds.
// Invariant: after each result, the main thread's findings per file equal the worker's last result,
// and the files named changed are every file whose findings or notices may differ from before.
import { withoutFixRequest, type Finding, type Fix, type Notice } from '../engine';
import { ByFile } from './by-file';

/** A file's findings and notices (both empty: the file has none any more). */
export type FileFindings = [uri: string, findings: Finding[], notices: Notice[]];

interface Held {
  findings: readonly Finding[];
  notices: readonly Notice[];
}

const sameNotice = (a: Notice, b: Notice) =>
  a.uri === b.uri && a.start === b.start && a.end === b.end && a.message === b.message;

function unchanged(before: Held | undefined, now: Held | undefined): boolean {
  if (!before || !now) return before === now;
  return (
    before.findings.length === now.findings.length &&
    before.notices.length === now.notices.length &&
    before.findings.every((finding, index) => finding === now.findings[index]) &&
    before.notices.every((notice, index) => sameNotice(notice, now.notices[index]))
  );
}

/** The worker's side: what the main thread holds (as of the last result posted), and what to send it. */
export class FindingHandoff {
  private held = new Map<string, Held>();

  /**
   * The files to send: each whose findings or notices differ from the last result's (a file that has
   * none any more, with empty lists), and the `always` ones (the open documents, whose fixes are
   * built anew per result); with the fixes `built` for their findings, by index into the findings of
   * the files sent. `posted(sent)` must follow once the result carrying them is posted.
   */
  toSend(
    findings: readonly Finding[],
    notices: readonly Notice[],
    always: ReadonlySet<string>,
    built: ReadonlyMap<Finding, Fix[]>,
  ) {
    const now: Map<string, Held> = new ByFile().add(findings, notices).files;
    const files: FileFindings[] = [];
    const fixes: [number, Fix[]][] = [];
    let index = 0;
    const send = (uri: string, file: Held | undefined) => {
      for (const finding of file?.findings ?? []) {
        const fixesOfFinding = built.get(finding);
        if (fixesOfFinding) fixes.push([index, fixesOfFinding]);
        index++;
      }
      files.push([uri, (file?.findings ?? []).map(withoutFixRequest), [...(file?.notices ?? [])]]);
    };
    for (const [uri, file] of now) if (always.has(uri) || !unchanged(this.held.get(uri), file)) send(uri, file);
    for (const uri of always) if (!now.has(uri)) send(uri, undefined);
    for (const uri of this.held.keys()) if (!now.has(uri) && !always.has(uri)) send(uri, undefined);
    return { files, fixes, sent: now };
  }

  /** The main thread now holds `sent` (the result that carried them was posted). */
  posted(sent: Map<string, Held>): void {
    this.held = sent;
  }
}

/** The main thread's side: every file's findings as of the last result, put together from the files sent. */
export class HeldFindings {
  private held = new Map<string, Held>();

  /**
   * Takes a result's files; answers all findings and notices held, the fixes by finding (`fixes`
   * index the findings of `files` in order) and the files that changed.
   */
  receive(files: readonly FileFindings[], fixes: readonly [number, Fix[]][]) {
    const sent: Finding[] = [];
    for (const [uri, findings, notices] of files) {
      sent.push(...findings);
      if (findings.length === 0 && notices.length === 0) this.held.delete(uri);
      else this.held.set(uri, { findings, notices });
    }
    const findings: Finding[] = [];
    const notices: Notice[] = [];
    for (const file of this.held.values()) {
      findings.push(...file.findings);
      notices.push(...file.notices);
    }
    return {
      findings,
      notices,
      fixes: new Map(fixes.map(([index, built]) => [sent[index], built] as const)),
      changed: new Set(files.map(([uri]) => uri)),
    };
  }

  /** A new worker holds nothing as sent: its first result sends every file. */
  clear(): void {
    this.held = new Map();
  }
}
