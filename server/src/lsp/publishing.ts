// Publishes an analysis as diagnostics: notices and findings per file (baselined findings as hints),
// related locations in other files. Invariant: every open document gets an answer after each
// analysis (the client waits for one), before any other file; any other file only when its
// diagnostics changed, and a file that no longer has any is cleared once.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Notice } from '../engine';
import { asBaselined, type Baselines } from './baselines';
import { noticeDiagnostic, toDiagnostic } from './convert';
import { LineDocuments } from './line-documents';

export class Publisher {
  /** What each file was last sent (files with no diagnostics are absent). */
  private readonly published = new Map<string, string>();
  /** Closed files' texts with their line offsets, kept while their texts stay the same. */
  private readonly lineDocuments = new LineDocuments();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    /** A file's text: the open document's, else the index's or the analysis's. */
    private readonly textOf: (uri: string) => string | undefined,
    private readonly baselines: Baselines,
  ) {}

  /** Every file of an analysis, every open document and every file that had diagnostics. */
  publishAll(findings: readonly Finding[], notices: readonly Notice[]): void {
    const byUri = new Map<string, { findings: Finding[]; notices: Notice[] }>();
    const of = (uri: string) => {
      let entry = byUri.get(uri);
      if (!entry) byUri.set(uri, (entry = { findings: [], notices: [] }));
      return entry;
    };
    // Open documents go first: the editor shows them, and the client waits for their answer (issue 16:
    // in a corpus-sized workspace, every other file's diagnostics were converted before theirs).
    for (const document of this.documents.all()) of(document.uri);
    for (const finding of findings) of(finding.uri).findings.push(finding);
    for (const notice of notices) of(notice.uri).notices.push(notice);
    for (const uri of this.published.keys()) of(uri);
    for (const [uri, entry] of byUri) this.publish(uri, entry.findings, entry.notices);
    this.lineDocuments.endRound();
  }

  /** A document closed: its diagnostics go. */
  cleared(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(uri);
  }

  private publish(uri: string, findings: Finding[], notices: Notice[]): void {
    const open = this.documents.get(uri);
    const text = this.textOf(uri);
    if (text === undefined) {
      // A file no longer read (e.g. outside the workspace after the setting was turned off) loses its diagnostics.
      if (findings.length === 0 && notices.length === 0 && this.published.delete(uri))
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
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
    if (!open && this.published.get(uri) === signature) return;
    if (diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, signature);
    void this.connection.sendDiagnostics({ uri, ...(open ? { version: open.version } : {}), diagnostics });
  }
}
