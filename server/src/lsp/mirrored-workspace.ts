// The server main thread's index (analysis-client.ts): what the editor and the disk hold, every change
// of which also goes to the analysis worker in order. Invariant: it keeps the texts of open documents
// only; a closed file is a name and a version here, its text the worker's.
import type { Host, Language } from '../engine';
import { Workspace } from '../engine';
import type { Cloud } from '../facts';
import type { ToWorker } from './analysis-messages';

/**
 * The main thread's index, every change of which also goes to the worker. It keeps the texts of open
 * documents only (hover and completion read them): a closed file's text is the worker's, and comes
 * back with the results whose findings point into it (issue 16: the corpus's texts twice were 40 MB).
 */
export class MirroredWorkspace extends Workspace {
  /** A number per text sent, by file: which text of a document an analysis saw. */
  private readonly versions = new Map<string, number>();
  /** Indexed files whose text only the worker holds. */
  private readonly textless = new Set<string>();
  private counter = 0;

  constructor(
    private readonly send: (message: ToWorker) => void,
    private readonly isOpen: (uri: string) => boolean,
  ) {
    super(noReads);
  }

  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** A closed file is always sent: without its text here, the worker finds out whether it changed. */
  override setFile(uri: string, text: string, editorLanguage?: Language): boolean {
    let changed: boolean;
    if (this.isOpen(uri)) {
      this.textless.delete(uri);
      changed = super.setFile(uri, text, editorLanguage);
    } else {
      this.dropText(uri);
      changed = true;
    }
    if (changed) this.send({ kind: 'set', uri, text, version: this.nextVersion(uri), editorLanguage });
    return changed;
  }

  /**
   * Indexes a closed file of the workspace folders that the worker reads from disk itself: the folder
   * scan's texts never cross the threads (issue 16: reading, copying and posting them was most of the
   * main thread's indexing, and their buffers stayed in its resident memory).
   */
  readFromDisk(uri: string): void {
    this.dropText(uri);
    this.send({ kind: 'read', uri, version: this.nextVersion(uri) });
  }

  /** Keeps `uri` indexed by name only: its text is the worker's. */
  private dropText(uri: string): void {
    if (super.has(uri)) super.removeFile(uri);
    this.textless.add(uri);
  }

  /** A new version for the text of `uri` about to be sent. */
  private nextVersion(uri: string): number {
    const version = ++this.counter;
    this.versions.set(uri, version);
    return version;
  }

  override removeFile(uri: string): void {
    super.removeFile(uri);
    this.textless.delete(uri);
    this.versions.delete(uri);
    this.send({ kind: 'remove', uri });
  }

  override has(uri: string): boolean {
    return this.textless.has(uri) || super.has(uri);
  }

  override uris(): string[] {
    return [...super.uris(), ...this.textless];
  }

  override get fileCount(): number {
    return super.fileCount + this.textless.size;
  }

  override setCloud(cloud: Cloud): void {
    super.setCloud(cloud);
    this.send({ kind: 'cloud', cloud });
  }

  override forgetOutsideFiles(): void {
    super.forgetOutsideFiles();
    this.send({ kind: 'forget-outside' });
  }
}

/** The main thread evaluates nothing: referenced files are the worker's to read. */
const noReads: Host = { readFile: async () => undefined };
