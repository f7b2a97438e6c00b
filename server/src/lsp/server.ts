// The language server: maps LSP onto the engine. It wires the parts together — configuration
// (settings and vnetlens.json), workspace sync (folders, open documents, watched files), scheduling
// (debounced, stale runs dropped), publishing (diagnostics per file) and the request handlers — and
// answers the lifecycle messages.
// Invariant: with convert.ts and the parts it wires, the only code that knows LSP.
import {
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Baselines } from './baselines';
import { listenChecked } from './checked-documents';
import { Configuration } from './configuration';
import { AnalysisClient } from './analysis-client';
import { FixActions } from './fix-actions';
import { registerHandlers } from './handlers';
import { registerLifecycle } from './lifecycle';
import { Publisher } from './publishing';
import { Scheduler } from './scheduling';
import { WorkspaceSync } from './workspace-sync';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.vnetLens`;

/**
 * `workerScript`: the file the analysis worker runs (the server's own bundle, whose entry starts the
 * worker when it is not the main thread).
 */
export function startServer(connection: Connection, workerScript: string): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => connection.console.log(message);
  // Evaluation and rules run in a worker thread with a copy of the index (analysis-worker.ts): the
  // main thread reads requests and answers them from the last finished analysis.
  const analysis = new AnalysisClient(
    workerScript,
    log,
    () => scheduler.schedule(),
    (uri) => documents.get(uri) !== undefined,
  );
  const { workspace, access } = analysis;
  // Referenced files (modules, imports, parameter files' templates) are read by the worker, only if
  // analysable, and outside the workspace folders only with vnetLens.allowFilesOutsideWorkspace
  // (file-access.ts); `access` holds the same boundary here, for configs and baselines.
  const host = { forgetLogged: () => undefined }; // the worker's host forgets with its workspace
  // The baselines vnetlens.json files name: their findings show as hints.
  const baselines = new Baselines((uri) => access.read(uri).text, log);
  const configuration = new Configuration(connection, baselines, log);
  // The last analysis's findings with the texts they point into, for code actions.
  const fixActions = new FixActions(fixAllKind);
  // Closed files and files outside the index: the texts the last analysis gave, while still current.
  const textOf = (uri: string) =>
    documents.get(uri)?.getText() ?? workspace.file(uri)?.text ?? analysis.analysedText(uri);
  // A vnetlens.json's diagnostics are its own problems, which Configuration publishes: not the analysis's.
  const publisher = new Publisher(connection, documents, textOf, baselines, (uri) => sync.isConfigFile(uri));

  const scheduler = new Scheduler(
    connection,
    () => workspace.fileCount,
    async (run, isCancelled) => {
      const open = documents.all().map((d) => d.uri);
      const result = await analysis.analyse(run, open, configuration.effective());
      if (!result || isCancelled()) return undefined;
      fixActions.record(result.findings, result.fixes, new Map(result.texts), open);
      await publisher.publishAll(result.findings, result.notices, result.changed);
      return result.findings.length;
    },
    (run) => analysis.cancelBefore(run),
  );
  const sync = new WorkspaceSync({
    workspace,
    documents,
    access,
    host,
    configuration,
    baselines,
    schedule: () => scheduler.schedule(),
    cleared: (uri) => publisher.cleared(uri),
    // A notification: a request (showInformationMessage) waits for an answer some clients never give.
    tell: (message) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }),
  });

  registerLifecycle(connection, { configuration, sync, access, workspace, scheduler, fixAllKind });
  connection.onDidChangeWatchedFiles((change) => sync.watchedFilesChanged(change));
  documents.onDidChangeContent((event) => sync.documentChanged(event.document));
  documents.onDidClose((event) => sync.documentClosed(event.document.uri));

  registerHandlers(connection, {
    workspace,
    documents,
    fixActions,
    cloud: () => configuration.effective().cloud,
    log,
    textOf,
    modelOf: (uri) => analysis.models.modelFor(uri, workspace.versionOf(uri)),
    // A document opened after the last analysis waits for the one that sees it open (its fixes are built then).
    fixesReady: (uri) => analysis.models.until(() => fixActions.covers(uri)),
    modelJson: (uri) => analysis.modelJson(uri),
  });
  connection.onShutdown(() => void analysis.stop());

  listenChecked(documents, connection, log);
  connection.listen();
}
