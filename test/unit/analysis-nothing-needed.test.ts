// A workspace whose deployments declare nothing the analysis needs (most registry modules, a folder
// of role assignments): no model is built and no rule runs, and the models kept from an earlier
// analysis are dropped (they could only be empty). Going from such a state back to network
// resources must still answer what a fresh analysis answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWorkspace, deploymentModelsOf } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { bicepPeering, bicepVnet, inlineSubnetItem } from '../support/bicep-network';
import { assertIncrementalEqualsFresh, typeIntoName, type Edit, type Files } from '../support/incremental-equivalence';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
const hub = 'file:///w/hub.bicep';
const spoke = 'file:///w/spoke.bicep';
const remoteId = (name: string) => `resourceId('Microsoft.Network/virtualNetworks', '${name}')`;
/** A VNet with a /28 AzureBastionSubnet: subnet-size reports it (FACTS on Bastion's subnet size). */
const bastionVnet = (name: string) =>
  bicepVnet(inlineSubnetItem(`'AzureBastionSubnet'`, [`addressPrefix: '10.1.0.0/28'`]), { name });
/** A VNet whose /28 AzureBastionSubnet subnet-size reports, peered to `remote`. */
const network = (name: string, remote: string) => bastionVnet(name) + bicepPeering('peering', 'vnet', remoteId(remote));
/** Nothing a rule reads: a lock and a role assignment. */
const nothingNeeded = `resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'keep'
  properties: { level: 'CanNotDelete' }
}

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('reader')
  properties: { principalId: 'p', roleDefinitionId: 'r' }
}
`;

/** Turns a file's network resources into the lock and role assignment, or back. */
const toggle =
  (uri: string, name: string, remote: string): Edit =>
  (files: Files) => {
    const networked = files.get(uri) !== nothingNeeded;
    files.set(uri, networked ? nothingNeeded : network(name, remote));
    return networked ? `${uri}: nothing needed` : `${uri}: VNet and peering`;
  };

test('through states where no deployment declares anything needed and back: as a fresh analysis', async () => {
  const initial: Files = new Map([
    [hub, network('vnet-hub', 'vnet-spoke')],
    [spoke, network('vnet-spoke', 'vnet-hub')],
  ]);
  const edits = [toggle(hub, 'vnet-hub', 'vnet-spoke'), toggle(spoke, 'vnet-spoke', 'vnet-hub'), typeIntoName];
  for (const seed of [1, 2, 3]) await assertIncrementalEqualsFresh(initial, edits, 12, seed);
});

test('an analysis that finds nothing needed keeps no model; the next one with a VNet builds its own', async () => {
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile(hub, bastionVnet('vnet-hub'));
  const first = await analyzeWorkspace(workspace, [hub], options);
  assert.deepEqual(
    first.findings.map((finding) => finding.ruleId),
    ['subnet-size'],
  );
  const kept = deploymentModelsOf(workspace);

  workspace.setFile(hub, nothingNeeded);
  assert.deepEqual((await analyzeWorkspace(workspace, [hub], options)).findings, []);
  assert.notEqual(deploymentModelsOf(workspace), kept, 'the models kept from the VNet are dropped');

  workspace.setFile(hub, bastionVnet('vnet-hub'));
  assert.deepEqual((await analyzeWorkspace(workspace, [hub], options)).findings, first.findings);
});
