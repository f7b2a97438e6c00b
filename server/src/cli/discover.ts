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
  const files = new Set<string>();
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
    if (stat.isDirectory()) for (const file of candidateFilesUnder(absolute, { onUnlisted })) files.add(file);
    else files.add(absolute);
  }
  return { files: [...files].sort(), missing, unlisted };
}
