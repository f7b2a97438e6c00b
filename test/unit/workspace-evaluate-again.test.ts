// Issue 16: the server evaluates a workspace, then analyses it, once per keystroke. Evaluating again
// while nothing changed gives the last results as they are, without a walk over every entry; any
// change to the index, a new cloud, or a run cut short makes the next evaluation walk them again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine';
import { bicepVnet } from '../support/bicep-network';

const hub = 'file:///w/hub.bicep';
const spoke = 'file:///w/spoke.bicep';

function workspaceOfTwo(): Workspace {
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile(hub, bicepVnet(undefined, { name: 'vnet-hub', space: "'10.0.0.0/16'" }));
  workspace.setFile(spoke, bicepVnet(undefined, { name: 'vnet-spoke', space: "'10.1.0.0/16'" }));
  return workspace;
}

test('evaluating again with nothing changed gives the same results; an edit gives new ones for its deployment', async () => {
  const workspace = workspaceOfTwo();
  const first = await workspace.evaluate();
  assert.equal(first.length, 2);
  assert.equal(await workspace.evaluate(), first, 'nothing changed: the same results');
  assert.equal(workspace.setFile(spoke, workspace.file(spoke)!.text), false);
  assert.equal(await workspace.evaluate(), first, 'the same text set again is no change');

  workspace.setFile(spoke, bicepVnet(undefined, { name: 'vnet-spoke-2', space: "'10.1.0.0/16'" }));
  const edited = await workspace.evaluate();
  assert.notEqual(edited, first);
  const [hubResult, spokeResult] = edited;
  assert.equal(hubResult, first[0], 'the hub read nothing that changed: its result is kept');
  assert.notEqual(spokeResult, first[1]);
  assert.equal(spokeResult.resources[0].name, 'vnet-spoke-2');
});

test('a new cloud, a removed file or an evaluation cut short makes the next one walk the entries again', async () => {
  const workspace = workspaceOfTwo();
  const first = await workspace.evaluate();
  workspace.setCloud('AzureUSGovernment');
  const inAnotherCloud = await workspace.evaluate();
  assert.notEqual(inAnotherCloud, first);
  assert.notEqual(inAnotherCloud[0], first[0], 'evaluated again for the cloud');

  workspace.setFile(spoke, bicepVnet(undefined, { name: 'vnet-spoke-3', space: "'10.1.0.0/16'" }));
  assert.deepEqual(await workspace.evaluate(() => true), [], 'cancelled before the first entry');
  const after = await workspace.evaluate();
  assert.equal(after.length, 2, 'the cut-short run was not taken for the workspace’s results');
  assert.equal(after[1].resources[0].name, 'vnet-spoke-3');

  workspace.removeFile(hub);
  const alone = await workspace.evaluate();
  assert.equal(alone.length, 1);
  assert.equal(alone[0].entry, spoke);
});
