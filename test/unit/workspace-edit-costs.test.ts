// What an edit costs beyond the deployments it touches (issue 16: in a corpus-sized workspace, every
// keystroke walked every file and deployment for notices, made a Set of every entry to drop the
// non-entries, a new map of every deployment's reach, and cut every id a kept deployment names into
// its ancestors). An edit that deploys what it did does none of these; the answers stay the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWorkspace, deploymentModelsOf } from '../../server/src/engine/analyze';
import { CachedDeployments } from '../../server/src/engine/cached-deployments';
import type { EntryEvaluation } from '../../server/src/engine/entry-evaluation';
import { Workspace } from '../../server/src/engine/workspace';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

const vnet = (name: string, prefix: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['${prefix}'] } }
}
`;

/** A root that names the hub's VNet by an id written out, so it joins the hub's deployment. */
const spoke = `resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2023-09-01' = {
  name: 'spoke/to-hub'
  properties: {
    remoteVirtualNetwork: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub' }
  }
}
`;

/** A root deploying the VNet module into a named resource group: its VNet's id is known, so it can join. */
const scoped = (name: string) =>
  `module m 'vnet.bicep' = {\n  name: 'm'\n  scope: resourceGroup('s', 'rg')\n  params: { name: '${name}' }\n}\n`;
const vnetModule = `param name string\n${vnet('x', '10.0.0.0/16').replace("'x'", 'name')}`;

const unseenCall = "module far 'br/public:avm/res/network/unknown-thing:1.0.0' = { name: 'far' }\n";

async function workspaceOf(files: Record<string, string>): Promise<Workspace> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const [uri, text] of Object.entries(files)) workspace.setFile(uri, text);
  await analyzeWorkspace(workspace, Object.keys(files), options);
  return workspace;
}

const throwing = () => {
  throw new Error('walked');
};

test("an edit that deploys what it did walks no file or deployment for notices, nor every entry's evaluation", async () => {
  const workspace = await workspaceOf({
    'file:///w/hub.bicep': vnet('hub', '10.0.0.0/16'),
    'file:///w/spoke.bicep': spoke,
  });
  const inside = workspace as unknown as {
    files: Map<string, unknown>;
    deployments: { values: () => unknown; byEntry: Map<string, unknown> };
  };
  workspace.setFile('file:///w/hub.bicep', vnet('hubx', '10.0.0.0/16'));
  // Own properties shadow the Map's: a walk over them throws.
  Object.defineProperty(inside.files, Symbol.iterator, { value: throwing });
  inside.deployments.values = throwing;
  Object.defineProperty(inside.deployments.byEntry, 'keys', { value: throwing });
  const result = await analyzeWorkspace(workspace, ['file:///w/hub.bicep'], options);
  assert.deepEqual(result.notices, []);
});

test('a file over the size limit gives its notice until it shrinks or goes', async () => {
  const workspace = new Workspace({ readFile: async () => undefined }, { maxFileChars: 200, evaluationMs: 3000 });
  workspace.setFile('file:///w/hub.bicep', vnet('hub', '10.0.0.0/16'));
  workspace.setFile('file:///w/big.bicep', `${vnet('big', '10.1.0.0/16')}// ${'x'.repeat(200)}\n`);
  const noticed = async () =>
    (await analyzeWorkspace(workspace, [], options)).notices.map((notice) => notice.uri).sort();
  assert.deepEqual(await noticed(), ['file:///w/big.bicep']);
  workspace.setFile('file:///w/big.bicep', vnet('big', '10.1.0.0/16'));
  assert.deepEqual(await noticed(), []);
  workspace.setFile('file:///w/big.bicep', `${vnet('big', '10.1.0.0/16')}// ${'y'.repeat(200)}\n`);
  assert.deepEqual(await noticed(), ['file:///w/big.bicep']);
  workspace.removeFile('file:///w/big.bicep');
  assert.deepEqual(await noticed(), []);
});

test('the unseen-module notice is made again only when the unseen calls change', async () => {
  const workspace = await workspaceOf({ 'file:///w/main.bicep': `${vnet('hub', '10.0.0.0/16')}${unseenCall}` });
  const [first] = workspace.notices();
  assert.match(first.message, /unknown-thing/);
  assert.equal(workspace.notices()[0], first);
  workspace.setFile(
    'file:///w/main.bicep',
    `${vnet('hub', '10.0.0.0/16')}${unseenCall}${unseenCall.replace(/far/g, 'near')}`,
  );
  const [second] = workspace.notices();
  assert.notEqual(second, first);
  assert.match(second.message, /2 registry module calls/);
});

test("the deployments' reach is updated in place by an edit, and a kept one's ancestors are cut once", async () => {
  const workspace = await workspaceOf({
    'file:///w/vnet.bicep': vnetModule,
    'file:///w/hub.bicep': scoped('hub'),
    'file:///w/other.bicep': scoped('other'),
    'file:///w/spoke.bicep': spoke,
  });
  type Reach = { around?: string[]; createdAround?: string[] };
  const inside = deploymentModelsOf(workspace) as unknown as { reach: Map<string, Reach> };
  const reach = inside.reach;
  workspace.setFile('file:///w/other.bicep', scoped('other2'));
  await analyzeWorkspace(workspace, [], options);
  const around = reach.get('file:///w/spoke.bicep')?.around;
  // The edited root's ids, cut into ancestors for the kept spoke's question; the next edit reuses them.
  const edited = reach.get('file:///w/other.bicep');
  const createdAround = edited?.createdAround;
  assert.ok(createdAround?.includes('/subscriptions/s/resourcegroups/rg/providers'), String(createdAround));
  assert.ok(around?.includes('/subscriptions/s/resourcegroups/rg'), String(around));
  // Three roots: the VNet module is deployed, not an entry.
  assert.equal(reach.size, 3);
  workspace.setFile('file:///w/other.bicep', scoped('other3'));
  await analyzeWorkspace(workspace, [], options);
  assert.equal(inside.reach, reach);
  assert.equal(reach.get('file:///w/spoke.bicep')?.around, around);
  assert.equal(edited?.createdAround, createdAround);
});

test('an evaluation over other entries makes keepOnly drop the non-entries again', () => {
  const cached = new CachedDeployments();
  const evaluation = (entry: string): EntryEvaluation => ({
    result: { entry, template: entry, files: [entry], resources: [] },
    read: new Map([[entry, 1]]),
  });
  const entries = ['file:///w/a.bicep'];
  cached.keepOnly(entries);
  cached.keep('file:///w/a.bicep', evaluation('file:///w/a.bicep'), entries);
  // An evaluation that began before the entries changed keeps an entry that is no longer one.
  cached.keep('file:///w/gone.bicep', evaluation('file:///w/gone.bicep'), ['file:///w/gone.bicep']);
  cached.keepOnly(entries);
  assert.equal(cached.get('file:///w/gone.bicep'), undefined);
  assert.notEqual(cached.get('file:///w/a.bicep'), undefined);
});
