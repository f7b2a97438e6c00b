// Says what stays unseen (issue 15): one information notice per workspace naming the registry
// modules that neither a restore cache nor an interface model shows, with the hint that
// `bicep restore` would let VNet Lens read them. It sits at the first such call. The same calls are
// drawn as opaque boxes in the topology.
import { isRegistryPath } from '../evaluate/bicep/files';
import { registryModelOf } from '../evaluate/registry';
import type { BicepOutline, OutlineEntry } from '../syntax/bicep';
import type { Notice } from './types';
import type { IndexedFile } from './file-cache';
import { cachedModuleFor } from '../evaluate/registry/cache-location';

/** Modules listed by name before the rest are counted. */
const maxNamed = 8;

/** A registry module call that neither a restore cache nor an interface model shows. */
export interface UnseenRegistryCall {
  uri: string;
  start: number;
  /** The module reference as written (`br/public:avm/res/…:1.2.3`). */
  path: string;
}

/** Whether an outline entry calls a registry module that neither an interface model nor the cache shows. */
export function isUnseenCall(
  uri: string,
  entry: OutlineEntry,
  isCached: (fromUri: string, path: string) => boolean,
): boolean {
  if (entry.keyword !== 'module' || entry.literal === undefined || !isRegistryPath(entry.literal)) return false;
  return registryModelOf(entry.literal)?.status !== 'modelled' && !isCached(uri, entry.literal);
}

/** The unseen calls, in file order (`isCached` answers for a caller's path as written). */
export function unseenRegistryCalls(
  files: Iterable<{ uri: string; outline: Pick<BicepOutline, 'entries'> }>,
  isCached: (fromUri: string, path: string) => boolean = () => false,
): UnseenRegistryCall[] {
  const calls: UnseenRegistryCall[] = [];
  for (const { uri, outline } of files) {
    for (const entry of outline.entries) {
      if (entry.literal !== undefined && isUnseenCall(uri, entry, isCached))
        calls.push({ uri, start: entry.start, path: entry.literal });
    }
  }
  return calls;
}

/** The notice, or undefined when every registry module call is modelled or cached. */
export function unseenRegistryNotice(calls: readonly UnseenRegistryCall[]): Notice | undefined {
  if (calls.length === 0) return undefined;
  const unseen = new Map<string, { uri: string; start: number; end: number }>();
  for (const { uri, start, path } of calls) if (!unseen.has(path)) unseen.set(path, { uri, start, end: start });
  if (unseen.size === 0) return undefined;
  const [first] = [...unseen.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start));
  const names = [...unseen.keys()].sort();
  const listed = names
    .slice(0, maxNamed)
    .map((name) => `'${name}'`)
    .join(', ');
  const more = names.length > maxNamed ? ` and ${names.length - maxNamed} more` : '';
  return {
    ...first,
    message:
      `VNet Lens cannot see what ${calls.length === 1 ? '1 registry module call deploys' : `${calls.length} registry module calls deploy`}` +
      ` (${listed}${more}): ${names.length === 1 ? 'it is' : 'they are'} not in the local Bicep module cache and no interface model covers ${names.length === 1 ? 'it' : 'them'}.` +
      ' Run `bicep restore` on the calling files to let VNet Lens read them.',
  };
}

/**
 * Whether a Bicep file refers to a registry module (`br:`, `br/…:`, `ts:`), once per version: from the
 * paths its summary lists (which the index makes of every file anyway, and keeps when it drops the
 * outline), not by searching its text — a search cost as much as the rest of a small module's analysis.
 */
export function callsRegistry(
  uri: string,
  file: IndexedFile,
  referencesOf: (uri: string, file: IndexedFile) => readonly string[] | undefined,
): boolean {
  // The uri and the workspace's function, not a closure over them: every file set is screened once.
  return (
    file.language === 'bicep' && (file.refersToRegistry ??= referencesOf(uri, file)?.some(isRegistryPath) ?? false)
  );
}

/**
 * The unseen calls of a workspace's indexed files. Asked after every analysis, so whether a file
 * refers to a registry is found once per version, and its unseen calls once per version and `generation` (of
 * the set of known files and their bicepconfig.json files, which say where the cache is).
 */
export function workspaceUnseenCalls(
  files: ReadonlyMap<string, IndexedFile>,
  generation: number,
  outlineOf: (uri: string, file: IndexedFile) => BicepOutline | undefined,
  known: (uri: string) => IndexedFile | undefined,
  referencesOf: (uri: string, file: IndexedFile) => readonly string[] | undefined,
): UnseenRegistryCall[] {
  const isCached = (from: string, path: string) => {
    const cached = cachedModuleFor(from, path, (uri) => known(uri)?.text);
    return cached !== undefined && known(cached) !== undefined;
  };
  const calling: { uri: string; outline: Pick<BicepOutline, 'entries'> }[] = [];
  for (const [uri, file] of files) {
    if (!callsRegistry(uri, file, referencesOf)) continue;
    if (file.unseenCalls?.generation !== generation) {
      const entries = outlineOf(uri, file)?.entries.filter((entry) => isUnseenCall(uri, entry, isCached)) ?? [];
      file.unseenCalls = { generation, entries };
    }
    calling.push({ uri, outline: { entries: file.unseenCalls.entries } });
  }
  return unseenRegistryCalls(calling);
}
