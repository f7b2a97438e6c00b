// Publishes an analysis as diagnostics: notices and findings per file (baselined findings as hints),
// related locations in other files. Invariant: every open document gets an answer after each
// analysis (the client waits for one), before any other file is even converted; any other file only
// when its diagnostics changed, and a file that no longer has any is cleared once. A closed file
// whose findings the analysis did not change (finding-handoff.ts) is not even converted again,
// unless what its diagnostics were made of changed here (baselines) or it was cleared meanwhile.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Notice } from '../engine';
import { asBaselined, type Baselines } from './baselines';
import { noticeDiagnostic, toDiagnostic } from './convert';
import { LineDocuments } from './line-documents';
import { ByFile, type FileEntry } from './by-file';

export class Publisher {
  /** What each file was last sent (files with no diagnostics are absent). */
  private readonly published = new Map<string, string>();
  /** Closed files' texts with their line offsets, kept while their texts stay the same. */
  private readonly lineDocuments = new LineDocuments();
  /** The baselines' generation at the last publication: a change may turn findings into hints or back. */
  private baselineGeneration: number | undefined;

  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics'>,
    private readonly documents: Pick<TextDocuments<TextDocument>, 'all' | 'get'>,
    /** A file's text: the open document's, else the index's or the analysis's. */
    private readonly textOf: (uri: string) => string | undefined,
    private readonly baselines: Baselines,
    /** Files whose diagnostics another part publishes (a vnetlens.json's own problems): never answered here. */
    private readonly publishedElsewhere: (uri: string) => boolean = () => false,
  ) {}

  /**
   * Every file of an analysis, every open document and every file that had diagnostics; resolves
   * once all are sent. The other files are converted only once the open documents' answers are
   * written: the connection writes a message in a later turn of the event loop (vscode-jsonrpc queues
   * writes behind setImmediate), so converting them at once kept the open documents' answer unwritten
   * until every file's diagnostics were converted (issue 16: in a corpus-sized workspace, 25 ms of
   * main-thread work per keystroke in the first edits, 10 ms later).
   */
  async publishAll(
    findings: readonly Finding[],
    notices: readonly Notice[],
    /** The files whose findings or notices may differ from the last analysis's; absent: any. */
    changed?: ReadonlySet<string>,
  ): Promise<void> {
    const baselinesSame = this.baselineGeneration === this.baselines.generation;
    this.baselineGeneration = this.baselines.generation;
    const byUri = new ByFile();
    // Open documents go first: the editor shows them, and the client waits for their answer (issue 16:
    // in a corpus-sized workspace, every other file's diagnostics were converted before theirs).
    for (const document of this.documents.all()) byUri.of(document.uri);
    byUri.add(findings, notices);
    for (const uri of this.published.keys()) byUri.of(uri);
    const others = new Map<string, FileEntry>();
    const written: Promise<void>[] = [];
    for (const [uri, entry] of byUri.files) {
      if (this.publishedElsewhere(uri)) continue;
      if (this.documents.get(uri)) written.push(this.publish(uri, entry.findings, entry.notices));
      else if (!(baselinesSame && changed && this.asPublished(uri, entry, changed))) others.set(uri, entry);
    }
    if (others.size > 0 && written.length > 0) await Promise.allSettled(written);
    for (const [uri, entry] of others) void this.publish(uri, entry.findings, entry.notices);
    this.lineDocuments.endRound();
  }

  /**
   * Whether a closed file's last publication stands: its findings and notices did not change, and
   * it holds diagnostics exactly when it has some (a file that was open and closed since was cleared).
   */
  private asPublished(uri: string, entry: FileEntry, changed: ReadonlySet<string>) {
    if (changed.has(uri)) return false;
    return this.published.has(uri) === (entry.findings.length > 0 || entry.notices.length > 0);
  }

  /** A document closed: its diagnostics go. */
  cleared(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(uri);
  }

  /** Sends a file's diagnostics if it needs them: resolves once written (at once when nothing is sent). */
  private publish(uri: string, findings: Finding[], notices: Notice[]): Promise<void> {
    const open = this.documents.get(uri);
    const text = this.textOf(uri);
    if (text === undefined) {
      // A file no longer read (e.g. outside the workspace after the setting was turned off) loses its diagnostics.
      if (findings.length === 0 && notices.length === 0 && this.published.delete(uri))
        return this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return Promise.resolve();
    }
    const document = open ?? this.lineDocuments.of(uri, text);
    const diagnostics = [
      ...notices.map((notice) => noticeDiagnostic(document, notice)),
      ...findings.map((finding) => {
        const diagnostic = toDiagnostic(document, finding, (other) => {
          const otherText = this.textOf(other);
          return otherText === undefined
            ? undefined
            : (this.documents.get(other) ?? this.lineDocuments.of(other, otherText));
        });
        return this.baselines.has(finding) ? asBaselined(diagnostic) : diagnostic;
      }),
    ];
    const signature = JSON.stringify(diagnostics);
    // Open documents always get an answer (the client waits for one); others only on change.
    if (!open && this.published.get(uri) === signature) return Promise.resolve();
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, signature);
    return this.connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics });
  }
}
