// Keeps the engine's workspace index equal to what the editor and the disk hold: the folders' files
// (or, with vnetLens.analysisScope 'file', the open documents only), open documents over the disk,
// watched-file changes, folders added and removed, and the read boundary they move.
// Invariant: the editor's text of an open document wins over the disk; every change asks for a new
// analysis.
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isCandidateFileName, type Language } from '../engine';
import type { Baselines } from './baselines';
import { configUriOf, isConfigFile, type Configuration } from './configuration';
import type { FileAccess } from './file-access';
import type { MirroredWorkspace } from './mirrored-workspace';
import { indexLimits, scanAddedFolder, scanFolder } from './workspace-files';

export interface SyncDependencies {
  workspace: MirroredWorkspace;
  documents: TextDocuments<TextDocument>;
  access: FileAccess;
  /** Forgets which refused reads were logged (the boundary moved). */
  host: { forgetLogged(): void };
  configuration: Configuration;
  baselines: Baselines;
  /** A change happened: analyse again. */
  schedule: () => void;
  /** A document closed: its diagnostics go. */
  cleared: (uri: string) => void;
  /** Tells the user something the analysis left out (an information message). */
  tell: (message: string) => void;
}

export class WorkspaceSync {
  folders: string[] = [];

  /** Folders the user was told were cut off at the index limit. */
  private readonly toldCutOff = new Set<string>();

  constructor(private readonly dependencies: SyncDependencies) {}

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.dependencies.access.setFolders(folders);
  }

  isConfigFile(uri: string): boolean {
    return isConfigFile(uri, this.folders);
  }

  /** After settings, configs or folders changed: the cloud, the index and a new analysis follow. */
  refresh(): void {
    this.dependencies.workspace.setCloud(this.dependencies.configuration.effective().cloud);
    this.syncIndex();
    this.dependencies.schedule();
  }

  /** The boundary of what may be read moved: files read (or refused) through the host are asked for again. */
  forgetOutsideReads(): void {
    this.dependencies.workspace.forgetOutsideFiles();
    this.dependencies.host.forgetLogged();
  }

  /**
   * The index follows vnetLens.analysisScope: the whole folders, or only the open documents (the
   * files they pull in are read on demand through the host, and forgotten when they change).
   */
  syncIndex(): void {
    const { workspace, documents, configuration } = this.dependencies;
    if (configuration.settings.analysisScope === 'file') {
      for (const uri of workspace.uris()) if (!documents.get(uri)) workspace.removeFile(uri);
      return;
    }
    for (const folder of this.folders) {
      const uris = scanFolder(folder);
      for (const uri of uris) if (!documents.get(uri)) workspace.readFromDisk(uri);
      // Cut off, said once per folder (DESIGN §10): not a silent half of the workspace.
      if (uris.length >= indexLimits.maxFiles && !this.toldCutOff.has(folder)) {
        this.toldCutOff.add(folder);
        this.dependencies.tell(
          `VNet Lens indexed the first ${indexLimits.maxFiles.toLocaleString('en-US')} template files of ${folder} and no more: the others are analysed when opened, or when a file that is analysed refers to them.`,
        );
      }
    }
  }

  /** A folder added or removed moves the workspace boundary: index, configs and reads follow. */
  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const { workspace, documents, configuration, access } = this.dependencies;
    const inside = (uri: string, folder: string) => uri.startsWith(`${folder.replace(/\/$/, '')}/`);
    this.setFolders([
      ...this.folders.filter((folder) => !removed.includes(folder)),
      ...added.filter((folder) => !this.folders.includes(folder)),
    ]);
    for (const folder of removed) {
      if (configuration.hasConfig(configUriOf(folder))) configuration.loadConfig(configUriOf(folder), undefined);
      for (const uri of workspace.uris()) if (!documents.get(uri) && inside(uri, folder)) workspace.removeFile(uri);
    }
    configuration.loadFolderConfigs(added, (uri) => access.read(uri).text);
    // What was outside may be inside now (or the reverse).
    this.forgetOutsideReads();
    this.refresh();
  }

  watchedFilesChanged(change: DidChangeWatchedFilesParams): void {
    const { workspace, documents, configuration, access, baselines } = this.dependencies;
    for (const event of change.changes) {
      if (baselines.isBaselineFile(event.uri)) baselines.forget(event.uri);
      if (this.isConfigFile(event.uri)) {
        configuration.loadConfig(
          event.uri,
          event.type === FileChangeType.Deleted ? undefined : access.read(event.uri).text,
        );
        workspace.setCloud(configuration.effective().cloud);
        continue;
      }
      if (documents.get(event.uri)) continue; // the editor's text wins over the disk
      if (!isCandidateFileName(event.uri)) {
        this.folderChanged(event.uri, event.type);
        continue;
      }
      // Scope 'file' indexes open documents only: forget the cached copy, it is read again when needed.
      if (event.type === FileChangeType.Deleted || configuration.settings.analysisScope === 'file')
        workspace.removeFile(event.uri);
      else {
        const text = access.read(event.uri).text;
        if (text === undefined) workspace.removeFile(event.uri);
        else workspace.setFile(event.uri, text);
      }
    }
    this.dependencies.schedule();
  }

  /**
   * An event for a name no template has may be a folder's: the editor reports a folder deleted, moved or
   * created as one event, not one per file in it. A deleted one takes its files out of the index (open
   * documents stay: the editor's text wins); a created one adds the templates it holds.
   */
  private folderChanged(uri: string, type: FileChangeType): void {
    const { workspace, documents, configuration } = this.dependencies;
    if (type === FileChangeType.Deleted) {
      const inside = `${uri.replace(/\/$/, '')}/`;
      for (const indexed of workspace.uris())
        if (indexed.startsWith(inside) && !documents.get(indexed)) workspace.removeFile(indexed);
    } else if (type === FileChangeType.Created && configuration.settings.analysisScope === 'workspace') {
      for (const added of scanAddedFolder(uri, this.folders)) if (!documents.get(added)) workspace.readFromDisk(added);
    }
  }

  /** Fires on open too. An unchanged text still gets an answer: the client waits for diagnostics. */
  documentChanged(document: TextDocument): void {
    const { workspace, configuration } = this.dependencies;
    if (this.isConfigFile(document.uri)) {
      configuration.loadConfig(document.uri, document.getText());
      workspace.setCloud(configuration.effective().cloud);
    } else {
      workspace.setFile(document.uri, document.getText(), editorLanguageOf(document));
    }
    this.dependencies.schedule();
  }

  /**
   * A closed file stays indexed only if it belongs to the folders; one outside is read again
   * through the host if something references it. A closed vnetlens.json is read from disk again.
   */
  documentClosed(uri: string): void {
    const { workspace, configuration, access } = this.dependencies;
    if (this.isConfigFile(uri)) {
      // The editor's text, saved or not, no longer counts: the file on disk does again.
      configuration.loadConfig(uri, access.read(uri).text);
      workspace.setCloud(configuration.effective().cloud);
      this.dependencies.schedule();
      return;
    }
    const text =
      configuration.settings.analysisScope === 'workspace' && access.isInside(uri) ? access.read(uri).text : undefined;
    if (text === undefined || !isCandidateFileName(uri)) workspace.removeFile(uri);
    else workspace.setFile(uri, text);
    this.dependencies.cleared(uri);
    this.dependencies.schedule();
  }
}

/**
 * The language the editor gives a document, for one whose name says none (an untitled Bicep file):
 * only Bicep, the one language the client's selector sends untitled, and whose analysis needs no name.
 */
function editorLanguageOf(document: TextDocument): Language | undefined {
  return document.languageId === 'bicep' ? 'bicep' : undefined;
}
