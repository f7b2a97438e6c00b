// Code actions from the engine's fixes: a `quickfix` per fix attached to its diagnostic (the
// preferred one `isPreferred`), and a `source.fixAll.vnetLens` action with every preferred fix of a
// file. Invariants: an analysis is recorded with the texts it read (the worker builds the fixes of the
// open documents' findings against them); an action is offered only while every file it edits still
// has that text (after an edit, nothing until the next analysis), so no edit ever lands on offsets of
// another text. Offsets become LSP ranges here and in convert.ts only.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../engine';
import { mergeFixes } from '../fixes';
import { toRange } from './convert';

export class FixActions {
  private byUri = new Map<string, Finding[]>();
  private fixes = new Map<Finding, Fix[]>();
  private texts = new Map<string, string>();
  /** The documents open when the analysis ran: only their findings have fixes built. */
  private covered = new Set<string>();
  private readonly documents = new Map<string, TextDocument>();

  constructor(private readonly fixAllKind: string) {}

  /** Keeps an analysis's findings, the fixes built for them (for the `open` documents) and the texts those point into. */
  record(
    findings: readonly Finding[],
    fixes: ReadonlyMap<Finding, Fix[]>,
    texts: ReadonlyMap<string, string>,
    open: readonly string[],
  ): void {
    this.covered = new Set(open);
    this.byUri = new Map();
    this.fixes = new Map(fixes);
    this.texts = new Map(texts);
    this.documents.clear();
    for (const finding of findings) {
      const list = this.byUri.get(finding.uri);
      if (list) list.push(finding);
      else this.byUri.set(finding.uri, [finding]);
    }
  }

  covers(uri: string): boolean {
    return this.covered.has(uri);
  }

  private fixesOf(finding: Finding): Fix[] {
    return this.fixes.get(finding) ?? [];
  }

  private preferredOf(finding: Finding): Fix | undefined {
    return this.fixesOf(finding).find((fix) => fix.isPreferred);
  }

  private document(uri: string): TextDocument | undefined {
    let document = this.documents.get(uri);
    const text = this.texts.get(uri);
    if (!document && text !== undefined)
      this.documents.set(uri, (document = TextDocument.create(uri, 'plaintext', 0, text)));
    return document;
  }

  /** Whether every file the fix edits still has the analysed text. */
  private current(fix: Fix, textOf: (uri: string) => string | undefined): boolean {
    return fix.changes.every((change) => {
      const analysed = this.texts.get(change.uri);
      return analysed !== undefined && textOf(change.uri) === analysed;
    });
  }

  private edit(changes: Map<string, { start: number; end: number; newText: string }[]>): WorkspaceEdit | undefined {
    const result: { [uri: string]: LspTextEdit[] } = {};
    for (const [uri, edits] of changes) {
      const document = this.document(uri);
      if (!document) return undefined;
      result[uri] = edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText }));
    }
    return { changes: result };
  }

  codeActions(params: CodeActionParams, textOf: (uri: string) => string | undefined): CodeAction[] {
    const uri = params.textDocument.uri;
    const findings = this.byUri.get(uri) ?? [];
    const document = this.document(uri);
    if (!document || textOf(uri) !== this.texts.get(uri)) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        const finding = findings.find((f) => matches(f, diagnostic, document));
        if (!finding) continue;
        for (const fix of this.fixesOf(finding)) {
          if (!this.current(fix, textOf)) continue;
          const edit = this.edit(new Map(fix.changes.map((change) => [change.uri, change.edits])));
          if (edit)
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.isPreferred,
              edit,
            });
        }
      }
    }
    if (only && wants(this.fixAllKind)) {
      const usable = findings.filter((finding) => {
        const fix = this.preferredOf(finding);
        return fix !== undefined && this.current(fix, textOf);
      });
      // Each finding's preferred fix, leaving out any that would touch another's edits (the next pass gets it).
      const { edits, taken } = mergeFixes(usable.map((finding) => this.preferredOf(finding)!));
      const edit = taken.length > 0 ? this.edit(edits) : undefined;
      if (edit) actions.push({ title: 'Fix all VNet Lens problems', kind: this.fixAllKind, edit });
    }
    return actions;
  }
}

function matches(finding: Finding, diagnostic: Diagnostic, document: TextDocument): boolean {
  if (diagnostic.code !== finding.ruleId || diagnostic.message !== finding.message) return false;
  const range = toRange(document, finding);
  return (
    range.start.line === diagnostic.range.start.line &&
    range.start.character === diagnostic.range.start.character &&
    range.end.line === diagnostic.range.end.line &&
    range.end.character === diagnostic.range.end.character
  );
}
