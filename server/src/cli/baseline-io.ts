// The CLI's side of baselines (engine/baseline.ts): which file, reading it, writing it atomically.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaselineMatcher, createBaseline, readBaseline, type BaselineFile } from '../engine/baseline';
import type { Finding } from '../engine';
import { escapeControls, escapeJsonControls } from './escape';
import { replaceFile } from './write-files';
import { isWithin, readRegularFile, realPath } from '../read-scope';
import { refusalText } from './reading';

/** Where the baseline is, and the folder it must lie in when a vnetlens.json (not the user) names it. */
export interface BaselineLocation {
  file: string;
  /** The repository of the vnetlens.json that names it: a repository's config may not make the CLI read outside it. */
  within?: string;
}

/** --baseline (relative to the working folder), else vnetlens.json's `baseline` (relative to its folder). */
export function baselinePathFor(
  given: string | undefined,
  configBaseline: string | undefined,
  configPath: string | undefined,
  cwd: string,
): BaselineLocation | undefined {
  if (given !== undefined) return { file: path.resolve(cwd, given) };
  if (configBaseline !== undefined && configPath !== undefined) {
    const folder = path.dirname(configPath);
    return { file: path.resolve(folder, configBaseline), within: repositoryOf(folder) };
  }
  return undefined;
}

/**
 * The matcher for the baseline, or a one-line error. Read as every file the CLI reads (read-scope.ts): a
 * regular file under the size limit, never a FIFO or a device; one a vnetlens.json names only inside
 * that file's repository (unless --allow-outside), following links. What an unreadable file holds is never
 * shown: a hostile repository's config could name any file on the machine.
 */
export function loadBaseline(
  location: BaselineLocation,
  shown: string,
  allowOutside: boolean,
): BaselineMatcher | { error: string } {
  const named = `baseline '${escapeControls(shown)}'`;
  if (location.within !== undefined && !allowOutside && !liesWithin(location.file, location.within))
    return { error: `${named}, named by vnetlens.json, is outside its repository (--allow-outside reads it)` };
  const read = readRegularFile(location.file);
  if (read.text === undefined) return { error: `cannot read ${named}: ${refusalText(read.why)}` };
  const baseline = readBaseline(read.text);
  if ('error' in baseline) return { error: `${named} is ${escapeControls(baseline.error)}` };
  return new BaselineMatcher(baseline.baseline, pathToFileURL(location.file).href);
}

/**
 * The repository a folder is in: the nearest folder up from it holding `.git` (a monorepo keeps its
 * baseline at the root and its vnetlens.json in `infra/`), else the folder itself.
 */
function repositoryOf(folder: string): string {
  for (let current = folder; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return folder;
  }
}

/** Whether `file`, its links followed, lies in `folder` (a file that does not exist yet: by its path). */
function liesWithin(file: string, folder: string): boolean {
  const real = (target: string) => realPath(target) ?? path.resolve(target);
  return isWithin(real(file), real(folder));
}

/**
 * Records `findings` at `file` (keeping the expiry dates of an existing baseline); returns how many, or
 * why it cannot. What stands there is read as a baseline only when it is a regular file under the limit.
 */
export function writeBaselineFile(file: string, findings: readonly Finding[]): number | { error: string } {
  let previous: BaselineFile | undefined;
  const existing = readRegularFile(file);
  if (existing.text !== undefined) {
    const read = readBaseline(existing.text);
    if ('baseline' in read) previous = read.baseline;
  } else if (existing.why !== 'missing') {
    return { error: refusalText(existing.why) };
  }
  const text = escapeJsonControls(createBaseline(findings, pathToFileURL(file).href, previous));
  if (existing.text !== undefined) replaceFile(file, text);
  else fs.writeFileSync(file, text, { flag: 'wx' });
  return (JSON.parse(text) as BaselineFile).findings.length;
}
