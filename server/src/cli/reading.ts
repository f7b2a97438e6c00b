// What the CLI reads (DESIGN §10, read-scope.ts): the files it is given and found under the folders
// it is given, and what they reference (modules, templates, parameter files) only inside those paths
// unless --allow-outside; only analysable regular files under the size limit, never a FIFO or a
// device. A referenced file that is refused is unknown to the engine, and a note on stderr says so.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Host } from '../engine';
import { maxReadBytes, readRegularFile, ReadScope, type ReadResult, type Refusal } from '../read-scope';
import { isCandidateFileName } from '../syntax/classify';

/**
 * The scope of one run: each folder argument is a root, and so is each file argument's folder (a
 * template's modules sit beside it). The Bicep registry cache may be added with `addRoot`.
 */
export function cliReadScope(
  paths: readonly string[],
  cwd: string,
  allowOutside: boolean,
  isFolder: (file: string) => boolean,
): ReadScope {
  const roots = paths
    .map((arg) => path.resolve(cwd, arg))
    .map((absolute) => (isFolder(absolute) ? absolute : path.dirname(absolute)));
  // Bicep reads the nearest bicepconfig.json up the folder tree: those above the paths are read too (only they).
  return new ReadScope(roots, { allowOutside, ancestorConfigs: true });
}

/** Why a file is not read, as the CLI says it; a record, so a new kind of refusal cannot go without its words. */
const refusalTexts: Readonly<Record<Refusal, string>> = {
  'outside-workspace': 'it is outside the paths given (--allow-outside reads it)',
  'not-analysable': 'only .bicep, .bicepparam, .json and .jsonc files are read',
  'no-permission': 'permission denied',
  'not-regular': 'it is not a regular file (a folder, a pipe or a device)',
  'too-large': `it is over the ${maxReadBytes / (1024 * 1024)} MB limit`,
  'not-file': 'no such file',
  missing: 'no such file',
};

export function refusalText(why: Refusal): string {
  return refusalTexts[why];
}

/** A file named on the command line or found under a folder: analysable, regular, under the limit. */
export function readGivenFile(file: string): ReadResult {
  if (!isCandidateFileName(file)) return { why: 'not-analysable' };
  return readRegularFile(file);
}

/** The engine's Host for the CLI: reads through the scope, and notes each refused path once. */
export function scopedHost(scope: ReadScope, note: (file: string, why: string) => void): Host {
  const noted = new Set<string>();
  return {
    readFile: async (uri) => {
      const result = scope.read(uri);
      if (result.text !== undefined) return result.text;
      if (result.why !== 'missing' && result.why !== 'not-file' && !noted.has(uri)) {
        noted.add(uri);
        note(fileURLToPath(uri), refusalText(result.why));
      }
      return undefined;
    },
  };
}
