// The language server: maps LSP onto the engine. It wires the parts together — configuration
// (settings and vnetlens.json), workspace sync (folders, open documents, watched files), scheduling
// (debounced, stale runs dropped), publishing (diagnostics per file) and the request handlers — and
// answers the lifecycle messages.
// Invariant: with convert.ts and the parts it wires, the only code that knows LSP.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeWorkspace, Workspace } from '../engine';
import { toolName, toolVersion } from '../version';
import { Baselines } from './baselines';
import { listenChecked } from './checked-documents';
import { completionTriggerCharacters } from './completion';
import { Configuration } from './configuration';
import { accessHost, FileAccess } from './file-access';
import { FixActions } from './fix-actions';
import { guard } from './guard';
import { registerHandlers } from './handlers';
import { Publisher } from './publishing';
import { Scheduler } from './scheduling';
import { WorkspaceSync } from './workspace-sync';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vnetLens`;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  // Referenced files (modules, imports, parameter files' templates) are read only if analysable, and
  // outside the workspace folders only with vnetLens.allowFilesOutsideWorkspace (file-access.ts).
  const access = new FileAccess();
  const host = accessHost(access, (uri) => documents.get(uri)?.getText(), log);
  const workspace = new Workspace(host);
  // The baselines vnetlens.json files name: their findings show as hints.
  const baselines = new Baselines((uri) => access.read(uri).text, log);
  const configuration = new Configuration(connection, baselines, log);
  // The last analysis's findings with the texts they point into, for code actions.
  const fixActions = new FixActions(fixAllKind);
  const publisher = new Publisher(connection, documents, workspace, baselines);

  const scheduler = new Scheduler(connection, () => workspace.uris().length, async (isCancelled) => {
    const analysedTexts = fixActions.snapshot(workspace);
    const { cloud, rules, privateDns } = configuration.effective();
    const result = await guard(undefined, log, 'analysis', () => analyzeWorkspace(workspace, documents.all().map((d) => d.uri),
      { cloud, ruleLevels: rules, ...(privateDns ? { privateDns } : {}), isCancelled }), undefined);
    if (!result || isCancelled()) return undefined;
    fixActions.record(result.findings, analysedTexts, workspace, cloud);
    publisher.publishAll(result.findings, result.notices);
    return result.findings.length;
  });
  const sync = new WorkspaceSync({
    workspace, documents, access, host, configuration, baselines,
    schedule: () => scheduler.schedule(),
    cleared: (uri) => publisher.cleared(uri),
  });

  let foldersChange = false;
  connection.onInitialize((params): InitializeResult => {
    configuration.canPull = params.capabilities.workspace?.configuration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    sync.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      serverInfo: { name: toolName, version: toolVersion },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(async () => {
    configuration.settings = await configuration.pullSettings();
    access.setAllowOutside(configuration.settings.allowFilesOutsideWorkspace);
    configuration.loadFolderConfigs(sync.folders, (uri) => access.read(uri).text);
    // A folder added or removed later moves the workspace boundary: index, configs and reads follow.
    if (foldersChange) connection.workspace.onDidChangeWorkspaceFolders((event) => sync.changeFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri)));
    workspace.setCloud(configuration.effective().cloud);
    sync.syncIndex();
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{bicep,bicepparam,json,jsonc}' }],
    }).catch(() => undefined);
    scheduler.schedule();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await configuration.changed(change.settings?.vnetLens);
    // Files refused (or read) under the old value are asked for again.
    if (access.setAllowOutside(configuration.settings.allowFilesOutsideWorkspace)) sync.forgetOutsideReads();
    sync.refresh();
  });
  connection.onDidChangeWatchedFiles((change) => sync.watchedFilesChanged(change));
  documents.onDidChangeContent((event) => sync.documentChanged(event.document));
  documents.onDidClose((event) => sync.documentClosed(event.document.uri));

  registerHandlers(connection, { workspace, documents, fixActions, cloud: () => configuration.effective().cloud, log });

  listenChecked(documents, connection, log);
  connection.listen();
}
