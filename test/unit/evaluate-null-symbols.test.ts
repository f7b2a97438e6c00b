// A symbol whose value is null reads as null (evaluate/bicep/expressions.ts VariableAccess): a variable
// written `null`, a parameter whose default is `null`. Such a symbol was read as an unknown, so a
// condition on it (`if (none == null)`) could not be decided.
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

/** Each resource the module declares, with its condition. */
async function conditions(main: string): Promise<string[]> {
  const files = splitFixture(`//- main.bicep\n${main}`);
  const result = await evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
  return result.resources.map((decl) => `${decl.name as string} ${String(decl.condition)}`);
}

const vnetsOn = (
  symbol: string,
) => `resource isNull 'Microsoft.Network/virtualNetworks@2024-05-01' = if (${symbol} == null) {
  name: 'vnet-null'
  location: 'westeurope'
}
resource isSet 'Microsoft.Network/virtualNetworks@2024-05-01' = if (!empty(${symbol})) {
  name: 'vnet-set'
  location: 'westeurope'
}
`;

test('a variable whose value is null reads as null', async () => {
  assert.deepEqual(await conditions(`var none = null\n${vnetsOn('none')}`), ['vnet-null true', 'vnet-set false']);
});

test('a module parameter whose default is null, the call passing none, reads as null', async () => {
  const files = splitFixture(`//- main.bicep
module spoke 'mod.bicep' = {
  name: 'spoke'
}
//- mod.bicep
param group object? = null
${vnetsOn('group')}`);
  const result = await evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
  assert.deepEqual(
    result.resources.map((decl) => `${decl.name as string} ${String(decl.condition)}`),
    ['vnet-null true', 'vnet-set false'],
  );
});

test("an entry's parameter whose default is null is null in the first pass", async () => {
  // As any default: what a deployer may pass instead is the open pass's (engine/caller-choices.ts).
  assert.deepEqual(await conditions(`param group object? = null\n${vnetsOn('group')}`), [
    'vnet-null true',
    'vnet-set false',
  ]);
});
