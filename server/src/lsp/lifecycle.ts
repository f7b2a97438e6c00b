// The server's lifecycle messages: the capabilities it answers `initialize` with, the settings,
// folder configs and file watchers it sets up once `initialized`, and a settings change re-reading
// what the old settings decided.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { toolName, toolVersion } from '../version';
import type { MirroredAccess } from './analysis-client';
import { completionTriggerCharacters } from './completion';
import type { Configuration } from './configuration';
import type { MirroredWorkspace } from './mirrored-workspace';
import type { Scheduler } from './scheduling';
import type { WorkspaceSync } from './workspace-sync';

export interface LifecycleParts {
  configuration: Configuration;
  sync: WorkspaceSync;
  access: MirroredAccess;
  workspace: MirroredWorkspace;
  scheduler: Scheduler;
  fixAllKind: string;
}

export function registerLifecycle(connection: Connection, parts: LifecycleParts): void {
  const { configuration, sync, access, workspace, scheduler } = parts;
  let foldersChange = false;
  connection.onInitialize((params): InitializeResult => {
    configuration.canPull = params.capabilities.workspace?.configuration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    sync.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      serverInfo: { name: toolName, version: toolVersion },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, parts.fixAllKind] },
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
    if (foldersChange)
      connection.workspace.onDidChangeWorkspaceFolders((event) =>
        sync.changeFolders(
          event.added.map((f) => f.uri),
          event.removed.map((f) => f.uri),
        ),
      );
    workspace.setCloud(configuration.effective().cloud);
    sync.syncIndex();
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{bicep,bicepparam,json,jsonc}' }],
      })
      .catch(() => undefined);
    scheduler.schedule();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await configuration.changed(change.settings?.vnetLens);
    // Files refused (or read) under the old value are asked for again.
    if (access.setAllowOutside(configuration.settings.allowFilesOutsideWorkspace)) sync.forgetOutsideReads();
    sync.refresh();
  });
}
