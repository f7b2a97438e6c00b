// Each entry's evaluation kept until a file it read changes, with the entries each file was read by,
// so an edit drops exactly the evaluations it makes stale.
import type { EntryEvaluation } from './entry-evaluation';

export class CachedDeployments {
  private readonly byEntry = new Map<string, EntryEvaluation>();
  /** The entries each file was read by. */
  private readonly readers = new Map<string, Set<string>>();

  get(entry: string): EntryEvaluation | undefined {
    return this.byEntry.get(entry);
  }

  values(): IterableIterator<[string, EntryEvaluation]> {
    return this.byEntry.entries();
  }

  keep(entry: string, evaluation: EntryEvaluation): void {
    this.byEntry.set(entry, evaluation);
    for (const uri of evaluation.read.keys()) {
      const readers = this.readers.get(uri);
      if (readers) readers.add(entry);
      else this.readers.set(uri, new Set([entry]));
    }
  }

  /** Drops the evaluations that read the file (or found it missing). */
  fileChanged(uri: string): void {
    for (const entry of this.readers.get(uri) ?? []) this.byEntry.delete(entry);
    this.readers.delete(uri);
  }

  /** Drops the evaluations that read any file `forgotten` names. */
  dropReading(forgotten: (uri: string) => boolean): void {
    for (const [entry, cached] of this.byEntry) {
      if ([...cached.read.keys()].some(forgotten)) this.byEntry.delete(entry);
    }
  }

  /** Drops the evaluations of entries that are no longer entries. */
  keepOnly(entries: ReadonlySet<string>): void {
    for (const entry of [...this.byEntry.keys()]) if (!entries.has(entry)) this.byEntry.delete(entry);
  }

  clear(): void {
    this.byEntry.clear();
  }
}
