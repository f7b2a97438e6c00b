// Reads the CI recipes the README shows (fenced yaml blocks opened by a "# <file name>" comment),
// and makes throwaway repositories to run them in, so the tests run exactly what users copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './paths';

/** The README's yaml block whose first line is `# <fileName>`, as text and parsed. */
export function readmeRecipe(fileName: string): { text: string; parsed: unknown } {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  const block = blocks.find((text) => text.startsWith(`# ${fileName}\n`));
  if (block === undefined) throw new Error(`README.md has no yaml block starting with "# ${fileName}"`);
  return { text: block, parsed: parse(block) };
}

export function parseYamlFile(file: string): unknown {
  return parse(fs.readFileSync(file, 'utf8'));
}

const madeDirs: string[] = [];

/** A temporary folder holding `files` (relative path → text); removed by removeTemporaryDirs. */
export function temporaryRepo(prefix: string, files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `vnet-lens-${prefix}-`)));
  madeDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function removeTemporaryDirs(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The parts of a SARIF log the recipes rely on; throws when the file is not a SARIF 2.1.0 log. */
export function readSarif(file: string): { ruleIds: string[] } {
  const log = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    version?: string;
    $schema?: string;
    runs?: { tool?: { driver?: { name?: string } }; results?: { ruleId?: string }[] }[];
  };
  if (log.version !== '2.1.0') throw new Error(`SARIF version ${String(log.version)}, not 2.1.0`);
  if (!/sarif(-schema)?-2\.1\.0\.json$/.test(log.$schema ?? ''))
    throw new Error(`SARIF $schema ${String(log.$schema)}`);
  const run = log.runs?.[0];
  if (run?.tool?.driver?.name === undefined || !Array.isArray(run.results))
    throw new Error('SARIF without a run, tool or results');
  return { ruleIds: run.results.map((result) => result.ruleId ?? '') };
}
