// Hostile and mistaken templates stay bounded: deep module chains, module cycles, huge range()
// loops, loops over unknown arrays and exponential string growth give unknowns, not failures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { workspaceModel } from '../../server/src/engine/analyze';
import { displayValue } from '../../server/src/model/json';
import { fixtureHost, splitFixture } from '../support/fixture';

async function evaluate(fixture: string) {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  assert.deepEqual([...workspace.failures.values()], [], 'no deployment failed');
  return model;
}

const vnet = (name: string) =>
  `resource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: ${name}\n  location: 'westeurope'\n}\n`;

test('a module cycle ends in unknowns, and the resources on the way are still found', { timeout: 20_000 }, async () => {
  const model = await evaluate(`//- /a.bicep
module b 'b.bicep' = { name: 'b' }
${vnet("'vnet-a'")}
//- /b.bicep
module a 'a.bicep' = { name: 'a' }
${vnet("'vnet-b'")}
//- /main.bicep
module a 'a.bicep' = { name: 'a' }
`);
  assert.ok(model.vnets.some((v) => displayValue(v.name) === 'vnet-a'));
  assert.ok(model.vnets.some((v) => displayValue(v.name) === 'vnet-b'));
});

test('a chain of 60 modules is cut at the depth limit, not followed forever', { timeout: 20_000 }, async () => {
  const files = Array.from(
    { length: 60 },
    (_, i) => `//- /m${i}.bicep\nmodule next 'm${i + 1}.bicep' = { name: 'm${i + 1}' }\n${vnet(`'vnet-${i}'`)}`,
  ).join('\n');
  const model = await evaluate(`${files}\n//- /m60.bicep\n${vnet("'vnet-60'")}`);
  assert.ok(model.vnets.length >= 30 && model.vnets.length < 61, `${model.vnets.length} VNets`);
});

test('a huge range() loop is capped: one declaration with an unknown count', { timeout: 20_000 }, async () => {
  const model = await evaluate(
    `resource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(0, 100000000): {\n  name: 'vnet-\${i}'\n  location: 'westeurope'\n}]\n`,
  );
  assert.equal(model.vnets.length, 1);
  assert.equal(model.vnets[0].decl.count, 'unknown');
});

test('a loop over an unknown array is one declaration with an unknown count and unknown values', async () => {
  const model = await evaluate(
    `param names array\nresource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for n in names: {\n  name: n\n  location: 'westeurope'\n}]\n`,
  );
  assert.equal(model.vnets.length, 1);
  assert.equal(model.vnets[0].decl.count, 'unknown');
  assert.equal(typeof model.vnets[0].name, 'object');
});

test('exponential string growth becomes unknown within bounds', { timeout: 20_000 }, async () => {
  const doublings = Array.from({ length: 40 }, (_, i) => `var s${i + 1} = '\${s${i}}\${s${i}}'`).join('\n');
  const model = await evaluate(`var s0 = 'ab'\n${doublings}\n${vnet('s40')}`);
  assert.equal(model.vnets.length, 1);
  const name = model.vnets[0].name;
  assert.ok(typeof name !== 'string' || name.length <= 1_000_000, 'the name did not grow without bound');
});

test('symbols that refer to each other end in unknowns', async () => {
  const model = await evaluate(`var a = b\nvar b = a\n${vnet('a')}`);
  assert.equal(model.vnets.length, 1);
  assert.notEqual(typeof model.vnets[0].name, 'string');
});

test('a missing module file and a registry module give unknown outputs', async () => {
  const model = await evaluate(
    `module gone 'missing.bicep' = { name: 'x' }\nmodule reg 'br/public:avm/res/network/virtual-network:0.1.0' = { name: 'y' }\n${vnet('gone.outputs.name')}`,
  );
  assert.equal(model.vnets.length, 1);
  assert.match(displayValue(model.vnets[0].name), /module:.*gone/);
});
