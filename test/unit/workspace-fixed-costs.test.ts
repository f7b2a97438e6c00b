// What one analysis of a small workspace costs besides its files' outlines (issue 16: most registry
// modules are one or two files that deploy nothing needed, so these fixed costs are a large part of
// their analysis): indexed files share one shape whatever read them, a workspace whose deployments are
// all quiet makes none of the helpers an evaluation reads, and a file that calls no module makes no
// Set of visited files to decide whether it deploys something needed (the answers stay those of a walk);
// a workspace whose files call no registry module finds its unseen calls without a walk, and the file
// cache keeps its recently-used order when one outline is asked for several times in a row.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWorkspace } from '../../server/src/engine/analyze';
import { FileCache, indexedFile, type IndexedFile } from '../../server/src/engine/file-cache';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { Workspace } from '../../server/src/engine/workspace';
import { fileDeploysNeeded } from '../../server/src/evaluate/bicep/deploys-needed';
import { outlineFile } from '../../server/src/evaluate/bicep/files';
import { classifyFile } from '../../server/src/syntax/classify';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

async function analysed(files: Record<string, string>): Promise<Workspace> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const [uri, text] of Object.entries(files)) workspace.setFile(uri, text);
  await analyzeWorkspace(workspace, Object.keys(files), options);
  return workspace;
}

const quietModule = `param name string
resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: name
  properties: { level: 'CanNotDelete' }
}
`;

const vnetModule = `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`;

const armTemplate = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'spoke' }],
});

test('indexed files share one shape, whichever paths read them', async () => {
  const workspace = await analysed({
    'file:///w/quiet/main.bicep': quietModule,
    'file:///w/vnet/main.bicep': vnetModule,
    'file:///w/arm/azuredeploy.json': armTemplate,
  });
  const files = (workspace as unknown as { files: Map<string, IndexedFile> }).files;
  const shapes = new Set([...files.values()].map((file) => Object.keys(file).join(',')));
  assert.equal(files.size, 3);
  assert.equal(shapes.size, 1, [...shapes].join('\n'));
});

test('a workspace whose deployments are all quiet makes no evaluation helpers; one that evaluates does', async () => {
  type Helpers = {
    madeEntryFiles?: unknown;
    madeArmModule?: unknown;
    madeFailures?: unknown;
    entryIndex: { editedFiles?: unknown };
  };
  const quiet = (await analysed({ 'file:///w/quiet/main.bicep': quietModule })) as unknown as Helpers;
  assert.equal(quiet.madeEntryFiles, undefined);
  assert.equal(quiet.madeArmModule, undefined);
  assert.equal(quiet.madeFailures, undefined);
  // Nor a Set of files edited since the entries were found: its files were set once, never edited.
  assert.equal(quiet.entryIndex.editedFiles, undefined);
  const evaluated = (await analysed({ 'file:///w/vnet/main.bicep': vnetModule })) as unknown as Helpers;
  assert.notEqual(evaluated.madeEntryFiles, undefined);
  assert.notEqual(evaluated.madeArmModule, undefined);
  assert.notEqual(evaluated.madeFailures, undefined);
});

test('whether files deploy something needed: module cycles and shared modules answer as a walk does', () => {
  const texts: Record<string, string> = {
    'file:///w/root.bicep': "module a 'a.bicep' = { name: 'a' }\nmodule b 'b.bicep' = { name: 'b' }\n",
    // a calls root back (a cycle) and deploys nothing needed itself.
    'file:///w/a.bicep': "module back 'root.bicep' = { name: 'back' }\n",
    // b calls a again (already answered) and c, which declares a VNet.
    'file:///w/b.bicep': "module again 'a.bicep' = { name: 'again' }\nmodule c 'c.bicep' = { name: 'c' }\n",
    'file:///w/c.bicep': vnetModule,
    'file:///w/alone.bicep': quietModule,
  };
  const files = new Map(Object.entries(texts).map(([uri, text]) => [uri, outlineFile(uri, text)]));
  const input = { files, needsType: needsResourceType };
  assert.equal(fileDeploysNeeded('file:///w/root.bicep', input), true);
  assert.equal(fileDeploysNeeded('file:///w/alone.bicep', input), false);
  // Asked on their own (no walk in progress), as the evaluator asks for each file it evaluates.
  assert.equal(fileDeploysNeeded('file:///w/b.bicep', { files, needsType: needsResourceType }), true);
  assert.equal(fileDeploysNeeded('file:///w/a.bicep', { files, needsType: needsResourceType }), true);
});

test('file names with a query or fragment are classified by the name before it; a path keeps # in its name', () => {
  assert.equal(classifyFile('file:///w/main.bicep?version=2', ''), 'bicep');
  assert.equal(classifyFile('untitled:main.bicep#1', ''), 'bicep');
  assert.equal(classifyFile('/w/odd#name.bicep', ''), 'bicep');
  assert.equal(classifyFile('C:\\w\\odd?.bicep', ''), 'bicep');
  assert.equal(classifyFile('file:///w/main.bicep.txt', ''), 'other');
});

test('a workspace none of whose files refers to a registry module finds no unseen calls by a walk of its files', async () => {
  type Calls = { registryCalls: { found?: unknown }; registrySources?: unknown };
  const quiet = await analysed({ 'file:///w/quiet/main.bicep': quietModule });
  const internals = quiet as unknown as Calls;
  assert.deepEqual(quiet.unseenRegistryCalls(), []);
  assert.equal(internals.registryCalls.found, undefined);
  // What the calls are found from is made once per workspace, not on every ask.
  const sources = internals.registrySources;
  assert.notEqual(sources, undefined);
  quiet.unseenRegistryCalls();
  assert.equal(internals.registrySources, sources);
  // A file that calls one is walked and its call found; replaced by one that does not, none is left.
  const caller = "module m 'br/public:avm/res/unknown/thing:0.1.0' = { name: 'm' }\n";
  quiet.setFile('file:///w/quiet/caller.bicep', caller);
  assert.deepEqual(
    quiet.unseenRegistryCalls().map((call) => call.path),
    ['br/public:avm/res/unknown/thing:0.1.0'],
  );
  assert.notEqual(internals.registryCalls.found, undefined);
  quiet.setFile('file:///w/quiet/caller.bicep', quietModule);
  assert.deepEqual(quiet.unseenRegistryCalls(), []);
  quiet.setFile('file:///w/quiet/caller.bicep', caller);
  assert.equal(quiet.unseenRegistryCalls().length, 1);
  quiet.removeFile('file:///w/quiet/caller.bicep');
  assert.deepEqual(quiet.unseenRegistryCalls(), []);
});

test('outlines asked for again in a row stay the most recently used; a file forgotten and asked again is used anew', () => {
  const cache = new FileCache();
  const bicep = (version: number) => indexedFile(quietModule, version, 'bicep', false);
  const others = Array.from({ length: 96 }, (_, i) => bicep(100 + i));
  const useOthers = () => others.forEach((file, i) => cache.loaded(`file:///w/other${i}.bicep`, file));
  // Asked twice in a row, then B, then A again: A is newer than B, so B goes first when the limit is passed.
  const a = bicep(1);
  const b = bicep(2);
  cache.loaded('file:///w/a.bicep', a);
  cache.loaded('file:///w/a.bicep', a);
  cache.loaded('file:///w/b.bicep', b);
  cache.loaded('file:///w/a.bicep', a);
  others.slice(0, 95).forEach((file, i) => cache.loaded(`file:///w/other${i}.bicep`, file));
  assert.equal(b.bicep, undefined);
  assert.notEqual(a.bicep, undefined);
  // Forgotten (its text replaced elsewhere) right after it was used, then asked again: it is counted again
  // as used, so it goes once 96 files are used after it.
  const c = bicep(3);
  cache.loaded('file:///w/c.bicep', c);
  cache.forget('file:///w/c.bicep');
  cache.loaded('file:///w/c.bicep', c);
  useOthers();
  assert.equal(c.bicep, undefined);
});
