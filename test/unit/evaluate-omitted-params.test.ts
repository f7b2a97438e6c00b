// A nullable parameter (`type?`, no default) that a module call leaves out is null, as Bicep passes it
// (evaluate/bicep/file-evaluator.ts omittedIsNull; registry/cached-params.ts does the same for a
// restored module); one a deployer may still pass stays unknown: an entry's, or a call's whose params
// are an expression or name it in another case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentValue } from '../../server/src/engine/environment';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { fixtureRoot, fixtureSource, splitFixture } from '../support/fixture';

const options = {
  cloud: 'AzureCloud' as const,
  environment: environmentValue('AzureCloud'),
  needsType: needsResourceType,
};

/** A module that deploys `with-group` when its nullable `group` is set and `without-group` when it is null. */
const moduleText = `param name string
param group object?
resource withGroup 'Microsoft.Network/virtualNetworks@2024-05-01' = if (!empty(group)) {
  name: '\${name}-with-group'
  location: 'westeurope'
}
resource withoutGroup 'Microsoft.Network/virtualNetworks@2024-05-01' = if (group == null) {
  name: '\${name}-without-group'
  location: 'westeurope'
}
`;

/** Each VNet the deployment declares, with its condition. */
async function conditions(main: string, module = moduleText): Promise<string[]> {
  const files = splitFixture(`//- main.bicep\n${main}//- mod.bicep\n${module}`);
  const result = await evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
  return result.resources.map((decl) => `${decl.name as string} ${String(decl.condition)}`);
}

const call = (params: string) => `module spoke 'mod.bicep' = {
  name: 'spoke'
  params: ${params}
}
`;

test('a nullable parameter the call leaves out is null', async () => {
  assert.deepEqual(await conditions(call("{\n    name: 'vnet'\n  }")), [
    'vnet-with-group false',
    'vnet-without-group true',
  ]);
});

test('a nullable parameter the call passes has the value passed', async () => {
  assert.deepEqual(await conditions(call("{\n    name: 'vnet'\n    group: { id: 'zone' }\n  }")), [
    'vnet-with-group true',
    'vnet-without-group false',
  ]);
});

test('params given as an expression may hold any parameter: one not seen stays unknown', async () => {
  const found = await conditions(`param extra object\n${call("union({ name: 'vnet' }, extra)")}`);
  assert.equal(found.length, 2);
  for (const line of found) assert.match(line, / unknown$/);
});

test('a parameter passed under another case is not taken as left out', async () => {
  assert.deepEqual(await conditions(call("{\n    name: 'vnet'\n    GROUP: { id: 'zone' }\n  }")), [
    'vnet-with-group unknown',
    'vnet-without-group unknown',
  ]);
});

test("an entry's nullable parameter stays unknown: its deployer may pass it", async () => {
  const files = splitFixture(
    `//- main.bicep\n${moduleText.replace('param name string', "param name string = 'vnet'")}`,
  );
  const result = await evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
  assert.deepEqual(
    result.resources.map((decl) => `${decl.name as string} ${String(decl.condition)}`),
    ['vnet-with-group unknown', 'vnet-without-group unknown'],
  );
});
