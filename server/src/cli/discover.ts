// Expands the CLI's path arguments into the files to analyse. Directories are searched for Bicep,
// bicepparam and JSON files (JSON is kept only if it is an ARM template or parameter file, decided
// later from its content); dependency and VCS folders are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { isCandidateFileName } from '../engine';

const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', 'bin', 'obj']);

export interface Discovery {
  files: string[];
  missing: string[];
}

export function discoverFiles(args: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) walk(absolute, files);
    else files.add(absolute);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, into: Set<string>): void {
  // An explicit stack, not recursion: deep trees must not overflow.
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isCandidateFileName(entry.name)) {
        into.add(full);
      }
    }
  }
}
