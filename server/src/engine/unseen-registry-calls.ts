// The workspace's registry module calls that are neither in the Bicep module cache nor modelled,
// found again only when a Bicep file that refers to a registry was edited or the set of known files
// changed, not on every keystroke. Whether a file refers to a registry is asked lazily, from its
// summary, for the files set since the last ask; a workspace none of whose files refers to one (most
// modules, most `check` runs) has no calls, found without a walk of its files.
import type { BicepOutline } from '../syntax/bicep';
import type { IndexedFile } from './file-cache';
import { callsRegistry, unseenRegistryNotice, workspaceUnseenCalls, type UnseenRegistryCall } from './registry-notice';
import type { Notice } from './types';

/** What finding the calls reads from the workspace. */
export interface RegistryCallSources {
  files: ReadonlyMap<string, IndexedFile>;
  known(uri: string): IndexedFile | undefined;
  outlineOf(uri: string, file: IndexedFile): BicepOutline | undefined;
  referencesOf(uri: string, file: IndexedFile): readonly string[] | undefined;
}

export class UnseenRegistryCalls {
  /** Counts edits to Bicep files that refer to a registry module (before or after the edit). */
  private callerEdits = 0;
  /** Files set since the calls were last found: screened then, not when set. */
  private readonly unscreened = new Set<string>();
  /** How many screened files refer to a registry module: none, no calls (a count, not a Set: one fewer per workspace). */
  private callers = 0;
  private found?: { generation: number; callerEdits: number; calls: UnseenRegistryCall[] };
  /** The notice of the calls last found, made again only when they change (asked after every analysis). */
  private noticed?: { calls: readonly UnseenRegistryCall[]; notice: Notice | undefined };

  /** A file's text was set; `replaced` is the text it replaced, if any. */
  set(uri: string, replaced: IndexedFile | undefined): void {
    // The text replaced was screened unless it was set since the last screening (then it never counted).
    if (replaced && !this.unscreened.has(uri) && replaced.refersToRegistry) this.callerLeft();
    this.unscreened.add(uri);
  }

  removed(uri: string, existing: IndexedFile | undefined): void {
    if (existing && !this.unscreened.delete(uri) && existing.refersToRegistry) this.callerLeft();
  }

  /** A screened file that refers to a registry module was replaced or removed. */
  private callerLeft(): void {
    this.callerEdits++;
    this.callers--;
  }

  /** The notice of the calls (registry-notice.ts), or undefined when there are none. */
  notice(sources: RegistryCallSources, knownGeneration: number): Notice | undefined {
    const calls = this.calls(sources, knownGeneration);
    if (calls.length === 0) return undefined;
    if (this.noticed?.calls !== calls) this.noticed = { calls, notice: unseenRegistryNotice(calls) };
    return this.noticed.notice;
  }

  /** `knownGeneration` counts changes to the set of known files and to bicepconfig.json files (what registry calls resolve to). */
  calls(sources: RegistryCallSources, knownGeneration: number): UnseenRegistryCall[] {
    for (const uri of this.unscreened) {
      const file = sources.files.get(uri);
      if (file && callsRegistry(uri, file, sources.referencesOf)) {
        this.callerEdits++;
        this.callers++;
      }
    }
    this.unscreened.clear();
    // Only an indexed file that refers to a registry module can call one nothing shows.
    if (this.callers === 0) return [];
    // Compared as numbers: a key string made of them was built on every ask.
    const found = this.found;
    if (found?.generation === knownGeneration && found.callerEdits === this.callerEdits) return found.calls;
    const calls = workspaceUnseenCalls(
      sources.files,
      knownGeneration,
      sources.outlineOf,
      sources.known,
      sources.referencesOf,
    );
    this.found = { generation: knownGeneration, callerEdits: this.callerEdits, calls };
    return calls;
  }
}
