// The topology panel: a webview beside the editor that draws the network of the current file (with
// what it pulls in) or of the whole workspace, redraws 400 ms after the last edit, reveals a
// declaration when the user clicks its node, and saves the drawing as SVG or PNG.
// Invariant: the page gets data only (the model as JSON); it loads nothing but dist/webview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type {
  TopologyCommandOptions,
  TopologyCommandResult,
  TopologyExportFormat,
  TopologyFromPage,
  TopologyJson,
  TopologyScope,
  TopologyToPage,
} from '@vnet-lens/protocol';
import { resolveFile, writeExport } from './topology-files';
import { findingsFromDiagnostics } from './topology-findings';
import { topologyHtml } from './topology-html';

export type ModelSource = (uri?: vscode.Uri) => Promise<TopologyJson>;

const viewType = 'vnetLens.topology';
const redrawDelayMs = 400;
const waitMs = 60_000;
const analysedLanguages = new Set(['bicep', 'bicep-params', 'arm-template', 'json', 'jsonc']);

export function isAnalysedDocument(document: vscode.TextDocument): boolean {
  return (
    analysedLanguages.has(document.languageId) && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled')
  );
}

export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private scope: TopologyScope;
  private document: vscode.Uri | undefined;
  private editorColumn: vscode.ViewColumn | undefined;
  private seq = 0;
  private renderedSeq = -1;
  private counts = { nodes: 0, edges: 0 };
  private renders = 0;
  private lastModel: TopologyToPage | undefined;
  private ready = false;
  private serverFindings = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly renderWaiters: { seq: number; resolve: () => void }[] = [];
  private readonly exports = new Map<number, { resolve: (data: string) => void; reject: (error: Error) => void }>();
  private nextExport = 1;

  /** Opens the panel (or brings it forward) and answers once the page has drawn the current model. */
  static async show(extensionUri: vscode.Uri, source: ModelSource, argument?: unknown): Promise<TopologyCommandResult> {
    const options: TopologyCommandOptions =
      argument instanceof vscode.Uri ? {} : ((argument as TopologyCommandOptions | undefined) ?? {});
    const document = argument instanceof vscode.Uri ? argument : undefined;
    let panel = TopologyPanel.current;
    if (!panel) {
      const defaultScope = vscode.workspace
        .getConfiguration('vnetLens')
        .get<TopologyScope>('topology.defaultScope', 'file');
      panel = new TopologyPanel(extensionUri, source, options.scope ?? defaultScope);
      TopologyPanel.current = panel;
    } else {
      panel.panel.reveal(undefined, true);
    }
    if (document) panel.document = document;
    if (options.scope) panel.scope = options.scope;
    await panel.refresh();
    const result: TopologyCommandResult = { scope: panel.scope, ...panel.counts };
    if (options.export) result.exported = await panel.exportTo(options.export);
    return result;
  }

  /** What the open panel last drew (for the in-editor tests), or undefined when it is closed. */
  static state():
    { scope: TopologyScope; renders: number; nodes: number; edges: number; document?: string } | undefined {
    const panel = TopologyPanel.current;
    if (!panel) return undefined;
    return {
      scope: panel.scope,
      renders: panel.renders,
      ...panel.counts,
      ...(panel.document ? { document: panel.document.toString() } : {}),
    };
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(
    extensionUri: vscode.Uri,
    private readonly source: ModelSource,
    scope: TopologyScope,
  ) {
    this.scope = scope;
    const active = vscode.window.activeTextEditor;
    if (active && isAnalysedDocument(active.document)) {
      this.document = active.document.uri;
      this.editorColumn = active.viewColumn;
    }
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      viewType,
      'VNet Topology',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [root],
        retainContextWhenHidden: true,
      },
    );
    const webview = this.panel.webview;
    webview.html = topologyHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'topology.js')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: TopologyFromPage) => this.onMessage(message)),
      this.panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isAnalysedDocument(event.document) && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isAnalysedDocument(editor.document)) return;
        this.editorColumn = editor.viewColumn;
        if (editor.document.uri.toString() === this.document?.toString()) return;
        this.document = editor.document.uri;
        if (this.scope === 'file') this.schedule();
      }),
      // Until the server sends findings with the model, the markers come from the diagnostics.
      vscode.languages.onDidChangeDiagnostics(() => {
        if (!this.serverFindings) this.schedule();
      }),
    );
  }

  dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    clearTimeout(this.timer);
    for (const waiter of this.exports.values()) waiter.reject(new Error('The topology view was closed.'));
    this.exports.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), redrawDelayMs);
  }

  /** Asks the server for the model of the scope, sends it to the page and waits until it is drawn. */
  private async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.seq;
    const scope = this.scope;
    let model: TopologyJson;
    let title: string;
    try {
      if (scope === 'file' && !this.document) {
        model = { entities: [], references: [] };
        title = 'No Bicep or ARM file is open';
      } else {
        model = await this.source(scope === 'file' ? this.document : undefined);
        title =
          scope === 'file' && this.document
            ? `${path.basename(this.document.path)} and what it pulls in`
            : `Workspace ${vscode.workspace.name ?? ''}`.trim();
      }
      this.serverFindings = model.findings !== undefined;
      if (model.findings === undefined) model = { ...model, findings: findingsFromDiagnostics(model) };
    } catch (error) {
      if (seq === this.seq)
        this.post({
          type: 'error',
          scope,
          message: `The model could not be read: ${error instanceof Error ? error.message : String(error)}`,
        });
      throw error;
    }
    if (seq !== this.seq) return this.waitForRender(this.seq);
    this.lastModel = { type: 'model', model, scope, title, seq };
    if (this.ready) this.post(this.lastModel);
    return this.waitForRender(seq);
  }

  private waitForRender(seq: number): Promise<void> {
    if (this.renderedSeq >= seq) return Promise.resolve();
    return withTimeout(
      new Promise<void>((resolve) => this.renderWaiters.push({ seq, resolve })),
      'the topology to draw',
    );
  }

  private onMessage(message: TopologyFromPage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.lastModel) this.post(this.lastModel);
        break;
      case 'rendered':
        this.renderedSeq = Math.max(this.renderedSeq, message.seq);
        this.renders++;
        this.counts = { nodes: message.nodes, edges: message.edges };
        for (const waiter of [...this.renderWaiters]) {
          if (waiter.seq > this.renderedSeq) continue;
          this.renderWaiters.splice(this.renderWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        break;
      case 'reveal':
        void this.reveal(message.file, message.line);
        break;
      case 'scope':
        if (message.scope === this.scope) break;
        this.scope = message.scope;
        void this.refresh().catch(() => undefined);
        break;
      case 'exported':
        if (message.requestId === undefined) void this.saveWithDialog(message.format, message.data);
        else this.exports.get(message.requestId)?.resolve(message.data);
        break;
      case 'exportFailed':
        if (message.requestId === undefined) void vscode.window.showErrorMessage(`VNet Lens: ${message.message}`);
        else this.exports.get(message.requestId)?.reject(new Error(message.message));
        break;
    }
  }

  private post(message: TopologyToPage): void {
    void this.panel.webview.postMessage(message);
  }

  private async reveal(file: string, line: number): Promise<void> {
    const uri = resolveFile(file);
    if (!uri) return;
    const position = new vscode.Position(Math.max(0, line - 1), 0);
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: this.editorColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: new vscode.Range(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportTo(target: string): Promise<string> {
    const format: TopologyExportFormat = target.toLowerCase().endsWith('.png') ? 'png' : 'svg';
    const uri = resolveFile(target) ?? vscode.Uri.file(target);
    const data = await this.requestExport(format);
    await writeExport(uri, format, data);
    return uri.fsPath;
  }

  private requestExport(format: TopologyExportFormat): Promise<string> {
    const requestId = this.nextExport++;
    const answer = new Promise<string>((resolve, reject) => this.exports.set(requestId, { resolve, reject }));
    this.post({ type: 'export', format, requestId });
    return withTimeout(answer, `the ${format.toUpperCase()} export`).finally(() => this.exports.delete(requestId));
  }

  private async saveWithDialog(format: TopologyExportFormat, data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const base =
      this.scope === 'file' && this.document ? path.basename(this.document.path).replace(/\.[^.]+$/, '') : 'workspace';
    const uri = await vscode.window.showSaveDialog({
      title: `Export the topology as ${format.toUpperCase()}`,
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${base}-topology.${format}`) } : {}),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!uri) return;
    await writeExport(uri, format, data);
    void vscode.window.showInformationMessage(
      `VNet Lens: the topology was saved to ${vscode.workspace.asRelativePath(uri)}.`,
    );
  }
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}.`)), waitMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
