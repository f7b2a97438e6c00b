// Answers rules share per model (rules/support/model-lookups.ts modelMemo): kept with the model for the
// same question and variant, started again for another variant (the cloud), hidden from copies, and a
// model judged in one cloud and then in another finds what a fresh analysis in the second finds.
import assert from 'node:assert/strict';
import test from 'node:test';
import { deploymentModels } from '../../server/src/engine/deployments';
import { runRules } from '../../server/src/engine/run-rules';
import { Workspace } from '../../server/src/engine/workspace';
import type { Cloud } from '../../server/src/facts';
import type { NetworkModel } from '../../server/src/model';
import rule from '../../server/src/rules/pe-dns-zone-mismatch';
import { declarationPositions, modelMemo } from '../../server/src/rules/support/model-lookups';
import { fixtureHost } from '../support/fixture';
import { targetEndpoint } from '../support/zone-group-fixtures';

// A Key Vault endpoint whose zone group writes into the public cloud's zone: right in AzureCloud,
// the wrong zone in AzureUSGovernment (privatelink.vaultcore.usgovcloudapi.net there).
const text = `${targetEndpoint('Microsoft.KeyVault/vaults@2026-02-01', "[ 'vault' ]", 'kv-prod')}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: 'z0', properties: { privateDnsZoneId: zone.id } } ]
  }
}
`;
const files = new Map([['file:///main.bicep', text]]);

async function analysed(): Promise<{ models: NetworkModel[]; workspace: Workspace }> {
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, source] of files) workspace.setFile(uri, source);
  return { models: deploymentModels(await workspace.evaluate()), workspace };
}

const messages = (models: NetworkModel[], workspace: Workspace, cloud: Cloud) =>
  runRules(models, workspace, { cloud, ruleLevels: {} }, [rule]).map((finding) => finding.messageId);

test('a model judged in one cloud and then another finds what a fresh analysis in the other finds', async () => {
  const { models, workspace } = await analysed();
  assert.deepEqual(messages(models, workspace, 'AzureCloud'), []);
  assert.deepEqual(messages(models, workspace, 'AzureUSGovernment'), ['wrongZone']);
  const fresh = await analysed();
  assert.deepEqual(messages(fresh.models, fresh.workspace, 'AzureUSGovernment'), ['wrongZone']);
  assert.deepEqual(messages(models, workspace, 'AzureCloud'), [], 'and back');
});

test('a memo keeps its answers for the same question and variant, and starts again for another', async () => {
  const [model] = (await analysed()).models;
  const answers = modelMemo<string, number>(model, 'question', 'AzureCloud');
  answers.set('asked', 1);
  assert.equal(modelMemo<string, number>(model, 'question', 'AzureCloud').get('asked'), 1);
  assert.equal(modelMemo<string, number>(model, 'other question', 'AzureCloud').get('asked'), undefined);
  assert.equal(modelMemo<string, number>(model, 'question', 'AzureUSGovernment').get('asked'), undefined);
  // Hidden from a spread copy of the model (the analysis worker spreads models) (nor do key walks see a symbol).
  assert.deepEqual(Object.getOwnPropertySymbols({ ...model }), []);
});

test("declaration positions number the model's declarations in order, once per model", async () => {
  const [model] = (await analysed()).models;
  const positions = declarationPositions(model);
  assert.deepEqual(
    model.declarations.map((decl) => positions.get(decl)),
    model.declarations.map((_, position) => position),
  );
  assert.equal(declarationPositions(model), positions, 'the second ask answers from the memo');
});
