// The requests the server answers from the engine's results: code actions, completion, hover and
// `vnetLens/model`. Invariant: each answers through `guard` (a failure is a neutral answer and a log
// line, never a crash).
import type { CodeAction, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { modelJson, workspaceModel, type Workspace } from '../engine';
import { modelRequestMethod, type Cloud, type ModelJson, type ModelRequestParams } from '../protocol';
import { completionHandler } from './completion';
import type { FixActions } from './fix-actions';
import { guard, type Logger } from './guard';
import { hoverHandler } from './hover';

export interface HandlerDependencies {
  workspace: Workspace;
  documents: TextDocuments<TextDocument>;
  fixActions: FixActions;
  cloud: () => Cloud;
  log: Logger;
}

export function registerHandlers(connection: Connection, dependencies: HandlerDependencies): void {
  const { workspace, documents, fixActions, log } = dependencies;
  connection.onCodeAction((params, token) => guard(token, log, 'code actions', (): CodeAction[] =>
    fixActions.codeActions(params, (uri) => documents.get(uri)?.getText() ?? workspace.file(uri)?.text), []));

  // Completion and hover for private networking (server/src/assist), on the same workspace and cloud.
  const assist = { workspace, documents, cloud: dependencies.cloud, log };
  connection.onCompletion(completionHandler(assist));
  connection.onHover(hoverHandler(assist));

  connection.onRequest(modelRequestMethod, (params: ModelRequestParams | undefined, token) =>
    guard(token, log, 'model request', async (): Promise<ModelJson> =>
      modelJson(workspace, await workspaceModel(workspace, params?.uri)), { entities: [], references: [] }));
}
