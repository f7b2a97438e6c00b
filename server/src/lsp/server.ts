// The language server: maps LSP onto the engine. Documents are analysed on open and change
// (debounced per document), diagnostics are pushed, code actions come from findings' fixes, and
// `vnetLens/model` answers with the model. Invariant: the only module that knows LSP, with convert.ts.
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocuments, type Host } from '../engine';
import { modelRequestMethod, statusNotificationMethod, type ModelJson, type ModelRequestParams, type StatusParams } from '../protocol';
import { toolName, toolVersion } from '../version';
import { toDiagnostic } from './convert';
import { guard } from './guard';
import { defaultSettings, readSettings, type ServerSettings } from './settings';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vnetLens`;
const debounceMs = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  const pending = new Map<string, NodeJS.Timeout>();
  let settings: ServerSettings = defaultSettings;
  let canPullConfiguration = false;

  // Open documents win over the disk; other files are not read yet (the workspace index will).
  const host: Host = { readFile: async (uri) => documents.get(uri)?.getText() };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      serverInfo: { name: toolName, version: toolVersion },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
      },
    };
  });

  connection.onInitialized(async () => {
    settings = await pullSettings();
  });

  connection.onDidChangeConfiguration(async (change) => {
    settings = canPullConfiguration ? await pullSettings() : readSettings(change.settings?.vnetLens);
    for (const document of documents.all()) schedule(document.uri);
  });

  async function pullSettings(): Promise<ServerSettings> {
    if (!canPullConfiguration) return settings;
    return guard(undefined, log, 'reading settings', async () =>
      readSettings(await connection.workspace.getConfiguration('vnetLens')), defaultSettings);
  }

  function schedule(uri: string): void {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      void validate(uri);
    }, debounceMs));
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    notifyStatus({ state: 'analysing', files: 1, findings: 0 });
    const result = await guard(undefined, log, `analysing ${uri}`, () => analyzeDocuments(
      [{ uri, text: document.getText() }], host,
      // A newer version makes this run stale: the engine stops between files and rules.
      { cloud: settings.cloud, ruleLevels: settings.rules, isCancelled: () => documents.get(uri)?.version !== version },
    ), undefined);
    if (!result || documents.get(uri)?.version !== version) return;
    const findings = result.files.flatMap((file) => file.findings.filter((finding) => finding.uri === uri));
    const diagnostics = findings.map((finding) => toDiagnostic(document, finding, (other) => documents.get(other)));
    await connection.sendDiagnostics({ uri, version, diagnostics });
    notifyStatus({ state: 'idle', files: documents.all().length, findings: findings.length });
  }

  function notifyStatus(status: StatusParams): void {
    void connection.sendNotification(statusNotificationMethod, status);
  }

  documents.onDidOpen((event) => schedule(event.document.uri));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params, token) => guard(token, log, 'code actions', (): CodeAction[] => {
    // Findings name their fixes once the fix builders land; until then there is nothing to offer.
    void params;
    return [];
  }, []));

  connection.onRequest(modelRequestMethod, (params: ModelRequestParams | undefined, token) =>
    guard(token, log, 'model request', async (): Promise<ModelJson> => {
      const targets = params?.uri ? [documents.get(params.uri)].filter((d) => d !== undefined) : documents.all();
      const result = await analyzeDocuments(targets.map((d) => ({ uri: d.uri, text: d.getText() })), host,
        { cloud: settings.cloud, ruleLevels: settings.rules });
      return result.model;
    }, { entities: [], references: [] }));

  documents.listen(connection);
  connection.listen();
}
