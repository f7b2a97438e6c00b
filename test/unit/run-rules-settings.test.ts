// The engine's part of running a rule (engine/run-rules.ts): configured levels (looked up only when
// something is configured), and the candidates kept with a model, reused only for the same settings
// and catalog. A rule that counts its checks shows which runs ran it.
import assert from 'node:assert/strict';
import test from 'node:test';
import { deploymentModels } from '../../server/src/engine/deployments';
import { runRules } from '../../server/src/engine/run-rules';
import type { AnalysisOptions } from '../../server/src/engine/types';
import { Workspace } from '../../server/src/engine/workspace';
import type { NetworkModel } from '../../server/src/model';
import rule from '../../server/src/rules/pe-location-mismatch';
import type { RuleDefinition } from '../../server/src/rules/support/rule';
import { bicepEndpoint, bicepVnet, oneLineSubnet } from '../support/bicep-network';
import { fixtureHost } from '../support/fixture';
import { stripMarkers } from '../support/rule-test';

// A VNet in westeurope and an endpoint in its subnet placed in eastus: one `mismatch` finding.
const { files } = stripMarkers(
  bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24')) +
    bicepEndpoint('vnet.properties.subnets[0].id', [], { location: "'eastus'" }),
);

async function modelsAndWorkspace(): Promise<{ models: NetworkModel[]; workspace: Workspace }> {
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  return { models: deploymentModels(await workspace.evaluate()), workspace };
}

function counted(definition: RuleDefinition): { rule: RuleDefinition; checks: () => number } {
  let checks = 0;
  const wrapped: RuleDefinition = {
    ...definition,
    check: (context) => {
      checks++;
      definition.check(context);
    },
  };
  return { rule: wrapped, checks: () => checks };
}

const options = (ruleLevels: AnalysisOptions['ruleLevels']): AnalysisOptions => ({ cloud: 'AzureCloud', ruleLevels });

test('a configured level applies, `off` runs no check, and an unconfigured rule keeps its own level', async () => {
  const { models, workspace } = await modelsAndWorkspace();
  const levels = (ruleLevels: AnalysisOptions['ruleLevels']) =>
    runRules(models, workspace, options(ruleLevels), [rule]).map((finding) => finding.level);
  assert.deepEqual(levels({}), [rule.level]);
  assert.deepEqual(levels({ 'pe-location-mismatch': 'info' }), ['info']);
  assert.deepEqual(levels({ 'subnet-size': 'info' }), [rule.level]);
  assert.deepEqual(levels({ 'pe-location-mismatch': 'off' }), []);
});

test("a model's candidates are kept for the same settings and catalog, and judged again for others", async () => {
  const { models, workspace } = await modelsAndWorkspace();
  const { rule: countedRule, checks } = counted(rule);
  const catalog = [countedRule];
  const first = runRules(models, workspace, options({}), catalog);
  assert.equal(checks(), 1);
  assert.deepEqual(runRules(models, workspace, options({}), catalog), first);
  assert.equal(checks(), 1, 'the kept candidates answer');
  assert.equal(runRules(models, workspace, options({ 'pe-location-mismatch': 'info' }), catalog)[0].level, 'info');
  assert.equal(checks(), 2, 'other settings run the check again');
  runRules(models, workspace, options({}), [...catalog]);
  assert.equal(checks(), 3, 'another catalog runs it again');
  // Kept by the catalog array, so the array cannot change in place and leave them stale.
  assert.throws(() => catalog.push(rule), TypeError);
  assert.equal(catalog.length, 1);
  // What is kept is hidden from a spread copy of the model (the analysis worker spreads models).
  assert.deepEqual(Object.getOwnPropertySymbols({ ...models[0] }), []);
});
