// Expands the CLI's path arguments into the files to analyse. Directories are searched for Bicep,
// bicepparam and JSON files (JSON is kept only if it is an ARM template or parameter file, decided
// later from its content); dependency and VCS folders are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { candidateFilesUnder } from '../candidate-files';

export interface Discovery {
  files: string[];
  missing: string[];
  /** Folders under the paths given that cannot be listed, with why: their files are not checked. */
  unlisted: { folder: string; code: string }[];
}

export function discoverFiles(args: readonly string[], cwd: string): Discovery {
  // By real path: a folder given twice, once through a symbolic link (`check infra link-to-infra`), is
  // one set of files, each checked once under the first name it was given by.
  const files = new Map<string, string>();
  const add = (file: string) => {
    const real = realPathOf(file);
    if (!files.has(real)) files.set(real, file);
  };
  const missing: string[] = [];
  const unlisted: Discovery['unlisted'] = [];
  const onUnlisted = (folder: string, code: string) => unlisted.push({ folder, code });
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) for (const file of candidateFilesUnder(absolute, { onUnlisted })) add(file);
    else add(absolute);
  }
  return { files: [...files.values()].sort(), missing, unlisted };
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
