// Which files the server reads for the engine (DESIGN §10), on read-scope.ts: only analysable
// regular files under the size limit, and outside the workspace folders only when the user turned on
// vnetLens.allowFilesOutsideWorkspace, so a hostile `module '../../x.bicep'` reads nothing by default.
// A refused file is absent to the engine, which makes its contents unknown (never a false finding).
import { fileURLToPath } from 'node:url';
import type { Host } from '../engine';
import { userCacheRoot } from '../evaluate/registry/cache-location';
import { ReadScope, type ReadScopeOptions, type Refusal } from '../read-scope';

export type { ReadDecision, Refusal } from '../read-scope';
export type FileAccessOptions = ReadScopeOptions;

/** The server's read scope: its roots are the workspace folders, given as URIs. */
export class FileAccess extends ReadScope {
  constructor(folderUris: readonly string[] = [], options: FileAccessOptions = {}) {
    super([], options);
    this.setFolders(folderUris);
  }

  setFolders(folderUris: readonly string[]): void {
    this.setRoots(folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)));
  }
}

/**
 * What the analysis reads: the workspace folders (set later), Bicep's restore cache, which holds the
 * compiled registry modules the templates name (FACTS §16), and — as Bicep looks for the nearest one up
 * the folder tree — exactly `bicepconfig.json` in the folders above them. Nothing else outside.
 */
export function analysisFileAccess(): FileAccess {
  const access = new FileAccess([], { ancestorConfigs: true });
  const cacheRoot = userCacheRoot();
  if (cacheRoot !== undefined) access.addRoot(cacheRoot);
  return access;
}

export function refusalMessage(uri: string, why: Refusal): string | undefined {
  const shown = uri.startsWith('file:')
    ? (() => {
        try {
          return fileURLToPath(uri);
        } catch {
          return uri;
        }
      })()
    : uri;
  switch (why) {
    case 'outside-workspace':
      return `Not reading ${shown}: it is outside the workspace folders. Its resources are treated as unknown; set vnetLens.allowFilesOutsideWorkspace to read files outside the workspace.`;
    case 'not-analysable':
      return `Not reading ${shown}: only .bicep, .bicepparam, .json and .jsonc files are read.`;
    case 'not-regular':
      return `Not reading ${shown}: it is not a regular file (a folder, a pipe or a device).`;
    case 'no-permission':
      return `Not reading ${shown}: permission denied.`;
    case 'too-large':
      return `Not reading ${shown}: it is over the 4 MB limit.`;
    default:
      return undefined; // missing files and other schemes are ordinary: the engine treats them as unknown
  }
}

/**
 * The engine's Host: open documents first (always readable), then the disk through `access`.
 * Each refused path is logged once (until `forgetLogged`, after the setting changes).
 */
export function accessHost(
  access: FileAccess,
  openText: (uri: string) => string | undefined,
  log: (message: string) => void,
): Host & { forgetLogged(): void } {
  const logged = new Set<string>();
  return {
    readFile: async (uri) => {
      const open = openText(uri);
      if (open !== undefined) return open;
      const result = access.read(uri);
      if (result.text !== undefined) return result.text;
      const message = refusalMessage(uri, result.why);
      if (message && !logged.has(uri)) {
        logged.add(uri);
        log(message);
      }
      return undefined;
    },
    forgetLogged: () => logged.clear(),
  };
}
