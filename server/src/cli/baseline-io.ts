// The CLI's side of baselines (engine/baseline.ts): which file, reading it, writing it atomically.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaselineMatcher, createBaseline, readBaseline, type BaselineFile } from '../engine/baseline';
import type { Finding } from '../engine';
import { escapeControls, escapeJsonControls } from './escape';
import { replaceFile } from './write-files';

/** --baseline (relative to the working folder), else vnetlens.json's `baseline` (relative to its folder). */
export function baselinePathFor(
  given: string | undefined,
  configBaseline: string | undefined,
  configPath: string | undefined,
  cwd: string,
): string | undefined {
  if (given !== undefined) return path.resolve(cwd, given);
  if (configBaseline !== undefined && configPath !== undefined)
    return path.resolve(path.dirname(configPath), configBaseline);
  return undefined;
}

/** The matcher for the baseline at `file`, or a one-line error. */
export function loadBaseline(file: string, shown: string): BaselineMatcher | { error: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return {
      error: `cannot read baseline '${escapeControls(shown)}': ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  }
  const read = readBaseline(text);
  if ('error' in read) return { error: `baseline '${escapeControls(shown)}' is ${escapeControls(read.error)}` };
  return new BaselineMatcher(read.baseline, pathToFileURL(file).href);
}

/** Records `findings` at `file` (keeping the expiry dates of an existing baseline); returns how many. */
export function writeBaselineFile(file: string, findings: readonly Finding[]): number {
  let previous: BaselineFile | undefined;
  if (fs.existsSync(file)) {
    const read = readBaseline(fs.readFileSync(file, 'utf8'));
    if ('baseline' in read) previous = read.baseline;
  }
  const text = escapeJsonControls(createBaseline(findings, pathToFileURL(file).href, previous));
  if (previous !== undefined || fs.existsSync(file)) replaceFile(file, text);
  else fs.writeFileSync(file, text, { flag: 'wx' });
  return (JSON.parse(text) as BaselineFile).findings.length;
}
