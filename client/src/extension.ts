// The VS Code extension: starts the bundled language server over IPC, shows its state in the
// status bar, registers the commands, and exposes a small API the in-editor tests use.
// Invariant: the only code that imports `vscode`.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  commandIds,
  modelRequestMethod,
  serverNodeOptions,
  statusNotificationMethod,
  type ModelJson,
  type StatusParams,
  type TopologyCommandResult,
  type TopologyJson,
} from '@vnet-lens/protocol';
import { registerArmTemplateSnippets } from './arm-template-snippets';
import { ServerStatusItem } from './status';
import { TopologyPanel } from './topology-panel';

export interface VnetLensApi {
  /** The network model of a document's deployment set, or of all open documents. */
  requestModel(uri?: vscode.Uri): Promise<ModelJson>;
  serverState(): 'starting' | 'running' | 'stopped';
  /** What the topology panel last drew, or undefined when it is closed. */
  topologyState(): ReturnType<typeof TopologyPanel.state>;
}

let client: LanguageClient | undefined;

export const documentSelector = [
  { scheme: 'file', language: 'bicep' },
  { scheme: 'file', language: 'bicep-params' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'arm-template' },
  { scheme: 'untitled', language: 'bicep' },
];

/** The model for the topology view; the server adds `findings` to it once it sends them. */
async function requestTopology(uri?: vscode.Uri): Promise<TopologyJson> {
  if (!client) throw new Error('VNet Lens is not running.');
  return client.sendRequest<TopologyJson>(modelRequestMethod, uri ? { uri: uri.toString() } : {});
}

export async function activate(context: vscode.ExtensionContext): Promise<VnetLensApi> {
  const output = vscode.window.createOutputChannel('VNet Lens', { log: true });
  const status = new ServerStatusItem(commandIds.showOutput);
  context.subscriptions.push(
    output,
    status,
    registerArmTemplateSnippets(context.asAbsolutePath(path.join('snippets', 'arm.json'))),
  );
  client = createClient(context, output);
  context.subscriptions.push(client.onDidChangeState((event) => status.show(event.newState)));
  registerCommands(context, output);
  await startClient(client, context, output, status);
  return {
    async requestModel(uri) {
      if (!client) throw new Error('VNet Lens is not running.');
      return client.sendRequest<ModelJson>(modelRequestMethod, uri ? { uri: uri.toString() } : {});
    },
    topologyState: () => TopologyPanel.state(),
    serverState: () => serverState(client?.state),
  };
}

/** The client of the bundled server over IPC. Its default error handler restarts a crashed server
 * (up to 4 times in 3 minutes), and the status item shows each transition. */
function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const nodeOptions = serverNodeOptions(os.availableParallelism());
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: nodeOptions } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...nodeOptions, '--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: {
      configurationSection: 'vnetLens',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{bicep,bicepparam,json,jsonc}'),
        // A folder deleted, moved or created is one event for the folder, none for the templates in it
        // (microsoft/vscode#90746): the server takes such an event as the folder's. Changes are not sent.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
  };
  return new LanguageClient('vnetLens', 'VNet Lens', serverOptions, clientOptions);
}

function registerCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(commandIds.restartServer, async () => {
      await client?.restart();
    }),
    // The editor-title button passes the file's URI; tests pass { scope?, export? } (TopologyCommandOptions).
    vscode.commands.registerCommand(commandIds.showTopology, (argument?: unknown): Promise<TopologyCommandResult> =>
      TopologyPanel.show(context.extensionUri, requestTopology, argument),
    ),
    vscode.commands.registerCommand(commandIds.fixAllInFile, fixAllInFile),
  );
}

/** Asks the server for its source.fixAll.vnetLens action on the active file (or the given URI) and
 * applies its edit; resolves with whether anything changed (the in-editor tests read it). */
async function fixAllInFile(target?: vscode.Uri): Promise<boolean> {
  const document = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const kind = vscode.CodeActionKind.SourceFixAll.append('vnetLens');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    whole,
    kind.value,
  );
  const action = actions?.find((candidate) => candidate.kind && kind.contains(candidate.kind) && candidate.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage('VNet Lens: nothing to fix in this file.');
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}

/** Starts the server; a server that cannot start leaves the reason in the output and a stopped status. */
async function startClient(
  started: LanguageClient,
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  status: ServerStatusItem,
): Promise<void> {
  status.show(State.Starting);
  try {
    await started.start();
    context.subscriptions.push(
      started.onNotification(statusNotificationMethod, (params: StatusParams) => status.analysis(params)),
    );
  } catch (error) {
    output.appendLine(`The VNet Lens server did not start: ${error instanceof Error ? error.message : String(error)}`);
    status.show(State.Stopped);
  }
}

function serverState(state: State | undefined): ReturnType<VnetLensApi['serverState']> {
  switch (state) {
    case State.Running:
      return 'running';
    case State.Starting:
      return 'starting';
    default:
      return 'stopped';
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
