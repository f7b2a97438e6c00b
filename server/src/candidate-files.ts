// The analysable files under a folder, for the faces that read the disk (the CLI's path arguments,
// the language server's workspace folders): one walk, so both skip the same folders. Invariants:
// iterative (deep trees cannot overflow the stack), never follows symbolic links (a Dirent of a link
// is neither a directory nor a file), bounded by `maxFiles`.
import fs from 'node:fs';
import path from 'node:path';
import { isCandidateFileName } from './syntax/classify';

/** Dependency, VCS, build-output and test-download folders: never templates of the user's. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'bin', 'obj']);

/** Whether a walk skips a folder of this name (and all below it). */
export function skipsFolder(name: string, options: Pick<WalkOptions, 'skipHiddenFolders'> = {}): boolean {
  return skippedFolders.has(name) || (options.skipHiddenFolders === true && name.startsWith('.'));
}

export interface WalkOptions {
  /** Also skip every folder whose name starts with `.` (the editor's index does; the CLI goes where it is told). */
  skipHiddenFolders?: boolean;
  maxFiles?: number;
  /** Told of each folder under `dir` that cannot be listed (permission denied, say), with the error's code. */
  onUnlisted?: (folder: string, code: string) => void;
}

/** Absolute paths of the .bicep/.bicepparam/.json/.jsonc files under `dir`, in walk order. */
export function candidateFilesUnder(dir: string, options: WalkOptions = {}): string[] {
  const found: string[] = [];
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const pending = [dir];
  while (pending.length > 0 && found.length < maxFiles) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (error) {
      options.onUnlisted?.(current, (error as NodeJS.ErrnoException).code ?? 'unreadable');
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skipsFolder(entry.name, options)) pending.push(full);
      } else if (entry.isFile() && isCandidateFileName(entry.name)) {
        found.push(full);
        if (found.length >= maxFiles) break;
      }
    }
  }
  return found;
}
