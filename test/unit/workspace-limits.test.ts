// DESIGN §10 "never blocks": a file over the size limit is kept but not analysed, a deployment over
// the time limit is cut off and contributes nothing, each with one information notice; cancellation
// stops evaluation between deployments. Limits are small here so the cases are quick and certain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocuments, analyzeWorkspace } from '../../server/src/engine/analyze';
import { defaultLimits, type WorkspaceLimits } from '../../server/src/engine/limits';
import { Workspace } from '../../server/src/engine/workspace';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

// A private DNS zone outside `global`: one certain `dns-zone-location` finding.
const zoneInWrongLocation = (name: string) =>
  `resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: '${name}'\n  location: 'westeurope'\n}\n`;

/** A limit no evaluation here comes near, even on a loaded machine (the default, 3 s, was once passed at load 13). */
const timeEnough = { evaluationMs: 60_000 };

function workspaceWith(limits: Partial<WorkspaceLimits>, files: Record<string, string>): Workspace {
  const workspace = new Workspace({ readFile: async () => undefined }, { ...defaultLimits, ...limits });
  for (const [name, text] of Object.entries(files)) workspace.setFile(`file:///w/${name}`, text);
  return workspace;
}

test('a file over the size limit keeps its text, is not analysed and gets one notice', async () => {
  const large = `${zoneInWrongLocation('privatelink.blob.core.windows.net')}// ${'x'.repeat(2000)}\n`;
  const workspace = workspaceWith(
    { maxFileChars: 1000 },
    { 'large.bicep': large, 'small.bicep': zoneInWrongLocation('privatelink.vaultcore.azure.net') },
  );
  const result = await analyzeWorkspace(workspace, ['file:///w/large.bicep', 'file:///w/small.bicep'], options);
  assert.deepEqual(
    result.findings.map((finding) => finding.uri),
    ['file:///w/small.bicep'],
  );
  assert.equal(result.notices.length, 1);
  assert.equal(result.notices[0].uri, 'file:///w/large.bicep');
  assert.match(result.notices[0].message, /did not analyse this file: it is 0\.0 MB, over the 0\.0 MB limit/);
  assert.equal(workspace.file('file:///w/large.bicep')?.text, large, "the text is the user's: kept as given");
});

test('a module over the size limit is treated as missing: the caller is still analysed', async () => {
  const caller = `module m 'big.bicep' = {\n  name: 'm'\n}\n${zoneInWrongLocation('privatelink.blob.core.windows.net')}`;
  const workspace = workspaceWith(
    { maxFileChars: 1000 },
    {
      'main.bicep': caller,
      'big.bicep': `${zoneInWrongLocation('privatelink.vaultcore.azure.net')}//${'x'.repeat(2000)}\n`,
    },
  );
  const result = await analyzeWorkspace(workspace, ['file:///w/main.bicep'], options);
  assert.deepEqual(
    result.findings.map((finding) => [finding.uri, finding.ruleId]),
    [['file:///w/main.bicep', 'dns-zone-location']],
  );
  assert.deepEqual(
    result.notices.map((notice) => notice.uri),
    ['file:///w/big.bicep'],
  );
});

test('a deployment over the time limit contributes no resources and gets one notice', async () => {
  // Enough evaluation steps (a 400 × 400 loop of string work) that a 0 ms limit is certainly exceeded.
  const slow =
    `var grid = [for i in range(0, 400): [for j in range(0, 400): '\${i}-\${j}']]\n` +
    `resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: length(grid) > 0 ? 'westeurope' : 'global'\n}\n`;
  const workspace = workspaceWith({ evaluationMs: 0 }, { 'slow.bicep': slow });
  const result = await analyzeWorkspace(workspace, ['file:///w/slow.bicep'], options);
  assert.deepEqual(result.findings, [], 'half an evaluation could yield false findings, so none');
  assert.equal(result.notices.length, 1);
  assert.match(result.notices[0].message, /stopped evaluating this deployment after \d+\.\d s \(limit 0\.0 s\)/);

  const relaxed = workspaceWith(timeEnough, { 'slow.bicep': slow });
  const full = await analyzeWorkspace(relaxed, ['file:///w/slow.bicep'], options);
  assert.deepEqual(
    full.findings.map((finding) => finding.ruleId),
    ['dns-zone-location'],
    'with time enough the same file has its finding',
  );
  assert.deepEqual(full.notices, []);
});

// Running out of time inside a part whose defects cost only that part (a function call, an ARM resource,
// a nested template) once became an unknown there, and the rest of the deployment went on: the zone
// declared beside the slow part kept its finding, and no notice said the deployment was cut.
const armSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const zoneInWestEurope = {
  type: 'Microsoft.Network/privateDnsZones',
  apiVersion: '2020-06-01',
  name: 'privatelink.blob.core.windows.net',
  location: 'westeurope',
};
// 800 copies (ARM's most) of an expression of a dozen steps: more steps than the clock takes between looks.
const slowArmVariables = {
  copy: [
    {
      name: 'grid',
      count: 800,
      input: "[concat('x', string(copyIndex('grid')), string(add(1, 2)), string(add(3, 4)), string(add(5, 6)))]",
    },
  ],
};
// The slow part in the zone's name (the same name, with none of the grid's text): a name is always
// evaluated, as it places the resource; a zone's tags or properties are not (nothing reads them).
const zoneReadingGrid = {
  type: 'Microsoft.Network/privateDnsZones',
  apiVersion: '2020-06-01',
  name: "[concat('privatelink.vaultcore.azure.net', take(string(length(variables('grid'))), 0))]",
  location: 'global',
};
const slowInOnePart: Record<string, string> = {
  'in a lambda of a function call.bicep':
    `${zoneInWrongLocation('privatelink.blob.core.windows.net')}` +
    `resource other 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n` +
    `  name: 'privatelink.vaultcore.azure.net\${take(string(length(map(range(0, 5000), i => '\${i}-x'))), 0)}'\n` +
    `  location: 'global'\n}\n`,
  'in an ARM resource.json': JSON.stringify({
    $schema: armSchema,
    contentVersion: '1.0.0.0',
    variables: slowArmVariables,
    resources: [zoneInWestEurope, zoneReadingGrid],
  }),
  'in a nested ARM template.json': JSON.stringify({
    $schema: armSchema,
    contentVersion: '1.0.0.0',
    resources: [
      zoneInWestEurope,
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'inner',
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          template: {
            $schema: armSchema,
            contentVersion: '1.0.0.0',
            variables: slowArmVariables,
            resources: [zoneReadingGrid],
          },
        },
      },
    ],
  }),
};
for (const [name, text] of Object.entries(slowInOnePart)) {
  test(`a deployment over the time limit ${name.replace(/\.\w+$/, '')} contributes nothing, not the rest`, async () => {
    const uri = `file:///w/${name}`;
    const full = await analyzeWorkspace(workspaceWith(timeEnough, { [name]: text }), [uri], options);
    assert.deepEqual(
      full.findings.map((finding) => finding.ruleId),
      ['dns-zone-location'],
      'with time enough the zone beside the slow part has its finding',
    );
    const stopped = await analyzeWorkspace(workspaceWith({ evaluationMs: 0 }, { [name]: text }), [uri], options);
    assert.deepEqual(stopped.findings, [], 'half an evaluation could yield false findings, so none');
    assert.equal(stopped.notices.length, 1);
    assert.match(stopped.notices[0].message, /stopped evaluating this deployment/);
  });
}

test('the stopped deployment is not evaluated again until one of its files changes', async () => {
  const workspace = workspaceWith(
    { evaluationMs: 0 },
    {
      'slow.bicep':
        `var grid = [for i in range(0, 300): [for j in range(0, 300): '\${i}\${j}']]\noutput n int = length(grid)\n` +
        zoneInWrongLocation('privatelink.blob.core.windows.net').replace(
          "'westeurope'",
          "length(grid) > 0 ? 'westeurope' : 'global'",
        ),
    },
  );
  await analyzeWorkspace(workspace, [], options);
  const first = workspace.notices()[0]?.message;
  assert.ok(first);
  await analyzeWorkspace(workspace, [], options);
  assert.equal(workspace.notices()[0]?.message, first, 'the cached stop is reported, not re-measured');
  workspace.setFile('file:///w/slow.bicep', zoneInWrongLocation('privatelink.blob.core.windows.net'));
  const result = await analyzeWorkspace(workspace, [], options);
  assert.deepEqual(result.notices, []);
  assert.deepEqual(
    result.findings.map((finding) => finding.ruleId),
    ['dns-zone-location'],
  );
});

test('cancellation stops evaluation between deployments', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) files[`z${i}.bicep`] = zoneInWrongLocation(`privatelink.z${i}.example`);
  const workspace = workspaceWith({}, files);
  let asked = 0;
  const results = await workspace.evaluate(() => ++asked > 3);
  assert.equal(results.length, 3, 'three deployments, then the cancelled run stops');
  assert.equal((await workspace.evaluate()).length, 20, 'a later run evaluates the rest (and reuses the three)');
});

test('analyzeDocuments takes its own limits (the CLI allows a deployment 60 s, the editor 3 s)', async () => {
  const slow = `var grid = [for i in range(0, 400): [for j in range(0, 400): '\${i}-\${j}']]\n${zoneInWrongLocation('privatelink.blob.core.windows.net').replace("'westeurope'", "length(grid) > 0 ? 'westeurope' : 'global'")}`;
  const documents = [{ uri: 'file:///w/slow.bicep', text: slow }];
  const cut = await analyzeDocuments(
    documents,
    { readFile: async () => undefined },
    { ...options, limits: { evaluationMs: 0 } },
  );
  assert.equal(cut.notices.length, 1);
  const whole = await analyzeDocuments(documents, { readFile: async () => undefined }, options);
  assert.deepEqual([whole.notices.length, whole.findings.map((finding) => finding.ruleId)], [0, ['dns-zone-location']]);
});
