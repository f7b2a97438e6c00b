// The notices of a workspace (Workspace.notices): one per file over the size limit, one per
// deployment stopped for time, one per expression whose value passed the size cap, and the unseen
// registry modules' one. Asked after every analysis (issue 16): the files and the deployments,
// thousands in a corpus-sized index, are walked only when one of them has something to say.
import type { DeploymentResult } from '../evaluate/deployment';
import type { CachedDeployments } from './cached-deployments';
import type { IndexedFile } from './file-cache';
import { oversizedNotice, stoppedNotice, tooLargeNotice, type WorkspaceLimits } from './limits';
import type { Notice } from './types';

export interface NoticeSources {
  files: ReadonlyMap<string, IndexedFile>;
  /** Whether any indexed file is over the size limit (else `files` is not walked). */
  anyTooLarge: boolean;
  outside: ReadonlyMap<string, IndexedFile | null>;
  deployments: CachedDeployments;
  limits: WorkspaceLimits;
  unseenRegistry: Notice | undefined;
  textOf: (uri: string) => string | undefined;
}

export function workspaceNotices(sources: NoticeSources): Notice[] {
  const { files, outside, deployments, limits } = sources;
  // Walked in place, not copied.
  const notices: Notice[] = [];
  if (sources.anyTooLarge)
    for (const [uri, file] of files) if (file.tooLarge) notices.push(tooLargeNotice(uri, file.text.length, limits));
  for (const [uri, file] of outside) if (file?.tooLarge) notices.push(tooLargeNotice(uri, file.text.length, limits));
  // Made only when a deployment has one: most analyses have none (a Map per analysis is garbage).
  let oversized: Map<string, NonNullable<DeploymentResult['oversized']>> | undefined;
  if (deployments.anyNoticing)
    for (const [entry, cached] of deployments.values()) {
      if (cached.stoppedAfterMs !== undefined) notices.push(stoppedNotice(entry, cached.stoppedAfterMs, limits));
      const at = cached.result.oversized;
      if (at) (oversized ??= new Map()).set(`${at.uri}:${at.start}`, at);
    }
  if (sources.unseenRegistry) notices.push(sources.unseenRegistry);
  for (const at of oversized?.values() ?? []) notices.push(oversizedNotice(at, sources.textOf(at.uri)));
  return notices;
}
