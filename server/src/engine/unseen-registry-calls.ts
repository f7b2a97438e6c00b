// The workspace's registry module calls that are neither in the Bicep module cache nor modelled,
// found again only when a Bicep file that refers to a registry was edited or the set of known files
// changed, not on every keystroke. Whether a file refers to a registry is asked lazily, from its
// summary, for the files set since the last ask.
import type { BicepOutline } from '../syntax/bicep';
import type { IndexedFile } from './file-cache';
import { callsRegistry, workspaceUnseenCalls, type UnseenRegistryCall } from './registry-notice';

/** What finding the calls reads from the workspace. */
export interface RegistryCallSources {
  files: ReadonlyMap<string, IndexedFile>;
  /** Counts changes to the set of known files and to bicepconfig.json files (what registry calls resolve to). */
  knownGeneration: number;
  known(uri: string): IndexedFile | undefined;
  outlineOf(uri: string, file: IndexedFile): BicepOutline | undefined;
  referencesOf(uri: string, file: IndexedFile): readonly string[] | undefined;
}

export class UnseenRegistryCalls {
  /** Counts edits to Bicep files that refer to a registry module (before or after the edit). */
  private callerEdits = 0;
  /** Files set since the calls were last found: screened then, not when set. */
  private readonly unscreened = new Set<string>();
  private found?: { generation: number; callerEdits: number; calls: UnseenRegistryCall[] };

  /** A file's text was set; `replaced` is the text it replaced, if any. */
  set(uri: string, replaced: IndexedFile | undefined): void {
    // The text replaced was screened unless it was set since the last screening (then it never counted).
    if (replaced && !this.unscreened.has(uri) && replaced.refersToRegistry) this.callerEdits++;
    this.unscreened.add(uri);
  }

  removed(uri: string, existing: IndexedFile | undefined): void {
    if (existing && !this.unscreened.delete(uri) && existing.refersToRegistry) this.callerEdits++;
  }

  calls(sources: RegistryCallSources): UnseenRegistryCall[] {
    for (const uri of this.unscreened) {
      const file = sources.files.get(uri);
      if (file && callsRegistry(file, () => sources.referencesOf(uri, file))) this.callerEdits++;
    }
    this.unscreened.clear();
    // Compared as numbers: a key string made of them was built on every ask.
    const found = this.found;
    if (found?.generation === sources.knownGeneration && found.callerEdits === this.callerEdits) return found.calls;
    const calls = workspaceUnseenCalls(
      sources.files,
      sources.knownGeneration,
      sources.outlineOf,
      sources.known,
      sources.referencesOf,
    );
    this.found = { generation: sources.knownGeneration, callerEdits: this.callerEdits, calls };
    return calls;
  }
}
