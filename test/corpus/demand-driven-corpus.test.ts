// Demand-driven evaluation (docs/ARCHITECTURE.md) skips what no rule reads; it must find exactly
// what evaluating every resource in full finds. Checked over every repository folder of the
// networking corpus (each analysed as one workspace), finding by finding.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { defaultLimits } from '../../server/src/engine/limits';
import { Workspace } from '../../server/src/engine/workspace';
import { corpusRoot } from '../support/paths';

const networking = path.join(corpusRoot, 'networking');
const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => path.join(dir, file))
    .filter((file) => /\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(file).isFile());
}

async function findings(
  files: readonly string[],
  texts: readonly string[],
  evaluateEverything: boolean,
): Promise<string[]> {
  // No time limit: a slow full evaluation must not be cut off and compare as "no findings".
  const workspace = new Workspace(
    { readFile: async () => undefined },
    { ...defaultLimits, evaluationMs: Number.POSITIVE_INFINITY },
    evaluateEverything,
  );
  files.forEach((file, index) => workspace.setFile(pathToFileURL(file).href, texts[index]));
  const result = await analyzeWorkspace(workspace, [], options);
  return result.findings
    .map((f) => `${path.relative(networking, new URL(f.uri).pathname)}:${f.start}-${f.end} ${f.ruleId} ${f.message}`)
    .sort();
}

test(
  'demand-driven evaluation finds what full evaluation finds, on every networking repository',
  { timeout: 300_000 },
  async () => {
    let total = 0;
    for (const folder of fs.readdirSync(networking).sort()) {
      const files = filesUnder(path.join(networking, folder));
      const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
      const demanded = await findings(files, texts, false);
      assert.deepEqual(demanded, await findings(files, texts, true), folder);
      total += demanded.length;
    }
    // Fewer false alarms (issue 14) leave fewer findings; the comparison needs some, not many.
    assert.ok(total > 10, `the corpus has findings to compare (${total})`);
  },
);
