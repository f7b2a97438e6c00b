// Each entry's evaluation kept until a file it read changes, with the entries each file was read by,
// so an edit drops exactly the evaluations it makes stale; and the last evaluation of every entry,
// kept while the index does not change.
import type { DeploymentResult } from '../evaluate/deployment';
import type { EntryEvaluation } from './entry-evaluation';

export class CachedDeployments {
  private readonly byEntry = new Map<string, EntryEvaluation>();
  /** The entries each file was read by. */
  private readonly readers = new Map<string, Set<string>>();
  /**
   * The results of the last evaluation that finished with every entry's result kept, and the count of
   * the index's changes it saw: until the index changes, evaluating again gives them again, so it is not
   * walked again (issue 16: the server evaluates, then analyses, once per keystroke: a second walk over
   * every entry of a corpus-sized workspace).
   */
  private last?: { changes: number; results: readonly DeploymentResult[] };
  /**
   * The entries last given to keepOnly: given again (the same array), every entry kept is among them.
   * EntryIndex.entries() hands out one unchanged array for as long as the entries stay the same.
   */
  private keptAmong?: readonly string[];
  /**
   * How many kept evaluations give a notice (stopped for time, or a value over the size cap): notices
   * are asked after every analysis, and a corpus-sized workspace has thousands of entries, most with none.
   */
  private noticing = 0;

  get(entry: string): EntryEvaluation | undefined {
    return this.byEntry.get(entry);
  }

  values(): IterableIterator<[string, EntryEvaluation]> {
    return this.byEntry.entries();
  }

  /** Whether a kept evaluation was stopped for time or met a value over the size cap (values() has its notices). */
  get anyNoticing(): boolean {
    return this.noticing > 0;
  }

  /** `among`: the entries of the evaluation that keeps it (one that ran over others makes keepOnly check again). */
  keep(entry: string, evaluation: EntryEvaluation, among: readonly string[]): void {
    if (among !== this.keptAmong) this.keptAmong = undefined;
    this.drop(entry);
    this.byEntry.set(entry, evaluation);
    if (givesNotice(evaluation)) this.noticing++;
    for (const uri of evaluation.read.keys()) {
      const readers = this.readers.get(uri);
      if (readers) readers.add(entry);
      else this.readers.set(uri, new Set<string>().add(entry));
    }
  }

  /** Drops the evaluations that read the file (or found it missing). */
  fileChanged(uri: string): void {
    for (const entry of this.readers.get(uri) ?? []) this.drop(entry);
    this.readers.delete(uri);
  }

  /** Drops the evaluations that read any file `forgotten` names. */
  dropReading(forgotten: (uri: string) => boolean): void {
    for (const [entry, cached] of this.byEntry) {
      if ([...cached.read.keys()].some(forgotten)) this.drop(entry);
    }
  }

  /** Drops the evaluations of entries that are no longer entries. */
  keepOnly(entries: readonly string[]): void {
    // A new workspace (one per module in the bench, per `check`) keeps nothing yet: no Set to make.
    // The same entries as last time (an edit that deploys what it did) leave nothing to drop: a Set of
    // every entry per keystroke was garbage in a corpus-sized workspace (issue 16).
    const same = entries === this.keptAmong;
    this.keptAmong = entries;
    if (this.byEntry.size === 0 || same) return;
    const kept = new Set(entries);
    for (const entry of [...this.byEntry.keys()]) if (!kept.has(entry)) this.drop(entry);
  }

  clear(): void {
    this.byEntry.clear();
    this.noticing = 0;
    this.last = undefined;
  }

  private drop(entry: string): void {
    const dropped = this.byEntry.get(entry);
    if (dropped === undefined) return;
    this.byEntry.delete(entry);
    if (givesNotice(dropped)) this.noticing--;
  }

  /** The results of the last evaluation of every entry, if the index has seen no change since (`changes`). */
  resultsAt(changes: number): readonly DeploymentResult[] | undefined {
    return this.last?.changes === changes ? this.last.results : undefined;
  }

  /**
   * Remembers an evaluation of `entries` at the index's `changes`, if each entry's kept result is the
   * one evaluated (an edit meanwhile leaves a result stale: used once, not kept).
   */
  rememberResults(changes: number, entries: readonly string[], results: readonly DeploymentResult[]): void {
    if (results.length !== entries.length) return;
    // A loop, not every() with a closure: asked after every evaluation, of one entry in most workspaces.
    for (let i = 0; i < entries.length; i++) if (this.byEntry.get(entries[i])?.result !== results[i]) return;
    this.last = { changes, results };
  }
}

const givesNotice = (evaluation: EntryEvaluation) =>
  evaluation.stoppedAfterMs !== undefined ||
  evaluation.result.oversized !== undefined ||
  evaluation.result.collapsedLoop !== undefined ||
  evaluation.result.tooDeep !== undefined;
