// DESIGN §4 on real templates: on ../shared/corpus/networking (each repository folder analysed as one
// workspace, as in `npm run corpus:findings`) every fix offered is applied alone and the workspace
// re-analysed: the changed files parse without syntax errors, the finding is gone, and no finding of
// any rule appears. The table (printed for the record) gives, per rule, the findings that request a
// fix, the fixes offered and the fixes that round-tripped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { FixSession, requestsFix, textSource, workspaceTexts } from '../../server/src/engine/fixes';
import type { AnalysisOptions } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import { allRules as rules } from '../../server/src/rules';
import { corpusRoot } from '../support/paths';
import { roundTrip } from '../support/rule-test';

const networking = path.join(corpusRoot, 'networking');
const options: AnalysisOptions = { cloud: 'AzureCloud', ruleLevels: {} };

interface Tally {
  requested: number;
  offered: number;
  kept: number;
}

test('every fix offered on the networking corpus round-trips', { timeout: 600_000 }, async (t) => {
  const tallies = new Map<string, Tally>(
    rules.filter((rule) => rule.fixable).map((rule) => [rule.id, { requested: 0, offered: 0, kept: 0 }]),
  );
  const failures: string[] = [];
  let files = 0;
  for (const folder of fs.readdirSync(networking).sort()) {
    const workspace = new Workspace({ readFile: async () => undefined });
    const dir = path.join(networking, folder);
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
      const full = path.join(dir, file);
      if (/\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(full).isFile()) {
        workspace.setFile(pathToFileURL(full).href, fs.readFileSync(full, 'utf8'));
        files++;
      }
    }
    const before = (await analyzeWorkspace(workspace, [], options)).findings;
    const originals = workspaceTexts(workspace);
    const session = new FixSession(textSource(options.cloud, originals));
    for (const finding of before) {
      const tally = tallies.get(finding.ruleId);
      if (!tally || !requestsFix(finding)) continue;
      tally.requested++;
      for (const fix of session.fixesOf(finding)) {
        tally.offered++;
        const { problems, texts } = await roundTrip(workspace, before, finding, fix, options);
        for (const uri of texts.keys()) workspace.setFile(uri, originals.get(uri)!);
        if (problems.length === 0) tally.kept++;
        else
          failures.push(
            `${path.relative(networking, new URL(finding.uri).pathname)} ${finding.ruleId} '${fix.title}': ${problems.join('; ')}`,
          );
      }
    }
  }
  const rows = [...tallies].map(
    ([id, tally]) =>
      `${id.padEnd(30)} ${String(tally.requested).padStart(9)} ${String(tally.offered).padStart(8)} ${String(tally.kept).padStart(13)}`,
  );
  const total = [...tallies.values()].reduce(
    (sum, tally) => ({
      requested: sum.requested + tally.requested,
      offered: sum.offered + tally.offered,
      kept: sum.kept + tally.kept,
    }),
    { requested: 0, offered: 0, kept: 0 },
  );
  const table = [
    `fix round trips on ${files} files of corpus/networking`,
    `${'rule'.padEnd(30)} requested  offered  round-tripped`,
    ...rows,
    `${'total'.padEnd(30)} ${String(total.requested).padStart(9)} ${String(total.offered).padStart(8)} ${String(total.kept).padStart(13)}`,
  ].join('\n');
  for (const line of table.split('\n')) t.diagnostic(line);
  assert.ok(files > 1000, 'the corpus was read');
  assert.ok(total.offered > 0, 'some fixes are offered');
  assert.deepEqual(failures, []);
});
