// The requests the server answers from the engine's results: code actions, completion, hover and
// `vnetLens/model`. Invariant: each answers through `guard` (a failure is a neutral answer and a log
// line, never a crash).
import type { CodeAction, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModelSource } from '../assist';
import type { Workspace } from '../engine';
import type { Cloud } from '../facts';
import { modelRequestMethod, type ModelRequestParams, type TopologyJson } from '../protocol';
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
  /** A file's text now: the open document's, else the index's or the last analysis's. */
  textOf: (uri: string) => string | undefined;
  /** For hover and completion: the model of the last finished analysis of a document. */
  modelOf: ModelSource;
  /** Resolves when code actions for `uri` can be answered (at once, unless it was not open when the last analysis ran). */
  fixesReady: (uri: string) => Promise<void>;
  /** For `vnetLens/model`: the whole model, or a document's, as JSON. */
  modelJson: (uri: string | undefined) => Promise<TopologyJson>;
}

export function registerHandlers(connection: Connection, dependencies: HandlerDependencies): void {
  const { workspace, documents, fixActions, log } = dependencies;
  connection.onCodeAction((params, token) =>
    guard(
      token,
      log,
      'code actions',
      async (): Promise<CodeAction[]> => {
        await dependencies.fixesReady(params.textDocument.uri);
        return fixActions.codeActions(params, dependencies.textOf);
      },
      [],
    ),
  );

  // Completion and hover for private networking (server/src/assist), on the same workspace and cloud.
  const assist = { workspace, documents, cloud: dependencies.cloud, log, modelOf: dependencies.modelOf };
  connection.onCompletion(completionHandler(assist));
  connection.onHover(hoverHandler(assist));

  connection.onRequest(modelRequestMethod, (params: ModelRequestParams | undefined, token) =>
    guard(token, log, 'model request', (): Promise<TopologyJson> => dependencies.modelJson(params?.uri), {
      entities: [],
      references: [],
    }),
  );
}
