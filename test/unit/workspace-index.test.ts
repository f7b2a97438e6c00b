// The workspace index keeps a bounded number of parse trees; files beyond it keep their summary
// (errors, references) and are parsed again when needed, with the same results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { displayValue } from '../../server/src/model/json';

const vnet = (i: number) =>
  `resource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-${i}'\n  location: 'westeurope'\n}\n`;

test('many files: entries, syntax errors and edits stay right when older trees are dropped', async () => {
  const workspace = new Workspace({ readFile: async () => undefined });
  const uri = (i: number) => `file:///w/f${i}.bicep`;
  for (let i = 0; i < 300; i++) workspace.setFile(uri(i), i === 7 ? `${vnet(i)}resource broken 'x' = {\n` : vnet(i));
  workspace.setFile('file:///w/main.bicep', "module m 'f0.bicep' = { name: 'm' }\n");
  assert.equal(workspace.entries().length, 300, 'f0 is a module of main.bicep, the other 299 and main are entries');
  let model = await workspaceModel(workspace, undefined);
  assert.equal(model.vnets.length, 300);
  assert.ok((workspace.syntaxErrors(uri(7)) ?? []).length > 0, 'errors survive dropping the tree');
  assert.ok(workspace.bicepTree(uri(1)), 'a dropped tree is parsed again on demand');
  workspace.setFile(uri(1), vnet(1001));
  model = await workspaceModel(workspace, undefined);
  assert.ok(model.vnets.some((v) => displayValue(v.name) === 'vnet-1001'));
  assert.ok(!model.vnets.some((v) => displayValue(v.name) === 'vnet-1'));
});

test('the entries are the same array while they stay the same, and a new one when they change', () => {
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile('file:///w/main.bicep', "module m 'a.bicep' = { name: 'm' }\n");
  workspace.setFile('file:///w/a.bicep', vnet(1));
  const first = workspace.entries();
  assert.deepEqual(first, ['file:///w/main.bicep']);
  // An edit inside a resource deploys what it did: CachedDeployments.keepOnly tells this by identity.
  workspace.setFile('file:///w/a.bicep', vnet(2));
  assert.equal(workspace.entries(), first);
  workspace.setFile('file:///w/main.bicep', '// deploys nothing now\n');
  const second = workspace.entries();
  assert.notEqual(second, first);
  assert.deepEqual(second, ['file:///w/a.bicep', 'file:///w/main.bicep']);
  assert.deepEqual(first, ['file:///w/main.bicep'], 'an array handed out is never changed');
});

test("a document whose name says no language takes the editor's; a file's name decides when it can", async () => {
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile('untitled:Untitled-1', vnet(1), 'bicep');
  workspace.setFile('untitled:Untitled-2', vnet(2));
  workspace.setFile('file:///w/notes.txt', vnet(3), 'bicep');
  workspace.setFile('file:///w/typed.json', '{ "a": 1 }', 'bicep');
  assert.equal(workspace.file('untitled:Untitled-1')?.language, 'bicep');
  assert.equal(workspace.file('untitled:Untitled-2')?.language, 'other', 'no editor language: not analysed');
  assert.equal(workspace.file('file:///w/notes.txt')?.language, 'bicep');
  assert.equal(workspace.file('file:///w/typed.json')?.language, 'other', 'a JSON name is read as JSON');
  const model = await workspaceModel(workspace, undefined);
  assert.deepEqual(model.vnets.map((v) => displayValue(v.name)).sort(), ['vnet-1', 'vnet-3']);
});
