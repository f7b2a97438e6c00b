// Which files the server reads for the engine (DESIGN §10): only analysable names (.bicep,
// .bicepparam, .json, .jsonc), and outside the workspace folders only when the user turned on
// vnetLens.allowFilesOutsideWorkspace, so a hostile `module '../../x.bicep'` reads nothing by default.
// A refused file is absent to the engine, which makes its contents unknown (never a false finding).
// Invariants: inside/outside is decided on real paths (symbolic links resolved, `..` and `.`
// removed, case folded where the file system ignores case); the path read is the one decided on.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCandidateFileName, type Host } from '../engine';
import { readFileAt } from './workspace-files';

export type Refusal = 'not-file' | 'not-analysable' | 'outside-workspace' | 'missing';
export type ReadDecision = { read: true; file: string } | { read: false; why: Refusal };

export interface FileAccessOptions {
  allowOutside?: boolean;
  /** Compare paths ignoring case: by default on macOS and Windows, whose file systems usually do. */
  ignoreCase?: boolean;
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

export class FileAccess {
  private folders: string[] = [];
  private allowOutside: boolean;
  private readonly fold: (file: string) => string;

  constructor(folderUris: readonly string[] = [], options: FileAccessOptions = {}) {
    this.allowOutside = options.allowOutside ?? false;
    const ignoreCase = options.ignoreCase ?? (process.platform === 'win32' || process.platform === 'darwin');
    this.fold = ignoreCase ? (file) => file.toLowerCase() : (file) => file;
    this.setFolders(folderUris);
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => {
      const folder = path.resolve(fileURLToPath(uri));
      return this.fold(realPath(folder) ?? folder);
    });
  }

  /** Returns whether the setting changed. */
  setAllowOutside(allow: boolean): boolean {
    const changed = allow !== this.allowOutside;
    this.allowOutside = allow;
    return changed;
  }

  /** Whether a file URI lies in a workspace folder, after resolving links (false when it does not exist). */
  isInside(uri: string): boolean {
    const file = this.resolve(uri);
    return file !== undefined && this.contains(file);
  }

  decide(uri: string): ReadDecision {
    if (!uri.startsWith('file:')) return { read: false, why: 'not-file' };
    // Checked on the URI and again on the real path: a link named x.bicep may point at any file.
    if (!isCandidateFileName(uri)) return { read: false, why: 'not-analysable' };
    const file = this.resolve(uri);
    if (file === undefined) return { read: false, why: 'missing' };
    if (!isCandidateFileName(file)) return { read: false, why: 'not-analysable' };
    if (!this.allowOutside && !this.contains(file)) return { read: false, why: 'outside-workspace' };
    return { read: true, file };
  }

  /** The text of a file the server may read, or why not. */
  read(uri: string): { text: string } | { text?: undefined; why: Refusal } {
    const decision = this.decide(uri);
    if (!decision.read) return { why: decision.why };
    const text = readFileAt(decision.file);
    return text === undefined ? { why: 'missing' } : { text };
  }

  private resolve(uri: string): string | undefined {
    try {
      return realPath(path.resolve(fileURLToPath(uri)));
    } catch {
      return undefined; // not a valid file URI (e.g. an encoded '/')
    }
  }

  private contains(file: string): boolean {
    const folded = this.fold(file);
    return this.folders.some((folder) => {
      const relative = path.relative(folder, folded);
      return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
    });
  }
}

export function refusalMessage(uri: string, why: Refusal): string | undefined {
  const shown = uri.startsWith('file:') ? (() => { try { return fileURLToPath(uri); } catch { return uri; } })() : uri;
  switch (why) {
    case 'outside-workspace':
      return `Not reading ${shown}: it is outside the workspace folders. Its resources are treated as unknown; set vnetLens.allowFilesOutsideWorkspace to read files outside the workspace.`;
    case 'not-analysable':
      return `Not reading ${shown}: only .bicep, .bicepparam, .json and .jsonc files are read.`;
    default:
      return undefined; // missing files and other schemes are ordinary: the engine treats them as unknown
  }
}

/**
 * The engine's Host: open documents first (always readable), then the disk through `access`.
 * Each refused path is logged once (until `forgetLogged`, after the setting changes).
 */
export function accessHost(access: FileAccess, openText: (uri: string) => string | undefined, log: (message: string) => void): Host & { forgetLogged(): void } {
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
