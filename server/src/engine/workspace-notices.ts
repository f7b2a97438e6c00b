// The notices of a workspace (Workspace.notices): one per file over the size limit, one per
// deployment stopped for time, one per expression whose value passed the size cap, loop too long to
// evaluate item by item or module call nested too deep, and the unseen registry modules' one. Asked after every analysis (issue 16): the files and the deployments,
// thousands in a corpus-sized index, are walked only when one of them has something to say.
import type { CachedDeployments } from './cached-deployments';
import type { IndexedFile } from './file-cache';
import {
  collapsedLoopNotice,
  oversizedNotice,
  stoppedNotice,
  tooDeepNotice,
  tooLargeNotice,
  type WorkspaceLimits,
} from './limits';
import type { Notice } from './types';
import type { SourceLocation } from '../evaluate/declaration';

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
  // One notice per place, however many deployments met it (a module called from many). Made only when
  // a deployment has one: most analyses have none (a Map per analysis is garbage).
  let cuts: Map<string, Notice> | undefined;
  if (deployments.anyNoticing) {
    const found = (cuts = new Map<string, Notice>());
    const cut = <At extends SourceLocation>(at: At | undefined, notice: (at: At) => Notice) => {
      if (at !== undefined && !found.has(`${at.uri}:${at.start}`)) found.set(`${at.uri}:${at.start}`, notice(at));
    };
    for (const [entry, cached] of deployments.values()) {
      if (cached.stoppedAfterMs !== undefined) notices.push(stoppedNotice(entry, cached.stoppedAfterMs, limits));
      const { oversized, collapsedLoop, tooDeep } = cached.result;
      cut(oversized, (at) => oversizedNotice(at, sources.textOf(at.uri)));
      cut(collapsedLoop, collapsedLoopNotice);
      cut(tooDeep, tooDeepNotice);
    }
  }
  if (sources.unseenRegistry) notices.push(sources.unseenRegistry);
  for (const notice of cuts?.values() ?? []) notices.push(notice);
  return notices;
}
