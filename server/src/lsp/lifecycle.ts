// The server's lifecycle messages: the capabilities it answers `initialize` with, the settings,
// folder configs and file watchers it sets up once `initialized`, and a settings change re-reading
// what the old settings decided.
import { fileURLToPath } from 'node:url';
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
    sync.setFolders(
      params.workspaceFolders ? folderUris(params.workspaceFolders) : folderUris([{ uri: params.rootUri }]),
    );
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
        sync.changeFolders(folderUris(event.added), folderUris(event.removed)),
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

/**
 * The URIs of workspace folders as a client sent them, without what is no folder (a null entry, a
 * missing or malformed URI): a bad entry costs itself, not the session (DESIGN §10).
 */
function folderUris(folders: readonly unknown[] | null | undefined): string[] {
  const uris: string[] = [];
  for (const folder of Array.isArray(folders) ? folders : []) {
    const uri: unknown = (folder as { uri?: unknown } | null)?.uri;
    if (typeof uri !== 'string') continue;
    try {
      if (uri.startsWith('file:')) fileURLToPath(uri);
      else new URL(uri);
    } catch {
      continue;
    }
    uris.push(uri);
  }
  return uris;
}
