// Reading one output of a module or nested deployment computes that output only (evaluate/value-size.ts
// sizedByParts): capping the `{ name, outputs }` value a call site reads does not compute every output,
// each of which may evaluate resources nobody else needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentValue } from '../../server/src/engine/environment';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { innerDeployment, templateObject } from '../support/arm-fixtures';
import { fixtureRoot, fixtureSource, splitFixture } from '../support/fixture';

const options = {
  cloud: 'AzureCloud' as const,
  environment: environmentValue('AzureCloud'),
  needsType: needsResourceType,
};

test('Bicep: an output nobody reads does not evaluate the plan it names', async () => {
  const files = splitFixture(`//- main.bicep
module names 'names.bicep' = {
  name: 'names'
}
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: names.outputs.vnetName
  location: 'westeurope'
}
//- names.bicep
resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: 'plan'
  location: 'westeurope'
}
output vnetName string = 'vnet-spoke'
output planId string = plan.id
`);
  const result = await evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
  assert.deepEqual(
    result.resources.map((decl) => `${decl.type} ${decl.name as string}`),
    ['Microsoft.Network/virtualNetworks vnet-spoke'],
  );
});

test('ARM: reference() of a nested deployment computes only the output read', async () => {
  const main = templateObject({
    resources: [
      innerDeployment(
        'names',
        templateObject({
          resources: [
            { type: 'Microsoft.Web/serverfarms', apiVersion: '2024-11-01', name: 'plan', location: 'westeurope' },
          ],
          outputs: {
            vnetName: { type: 'string', value: 'vnet-spoke' },
            planSku: {
              type: 'object',
              value: "[reference(resourceId('Microsoft.Web/serverfarms', 'plan'), '2024-11-01', 'Full')]",
            },
          },
        }),
      ),
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2025-09-01',
        name: "[reference('names').outputs.vnetName.value]",
        location: 'westeurope',
      },
    ],
  });
  const files = new Map([[`${fixtureRoot}main.json`, JSON.stringify(main)]]);
  const result = await evaluateArmDeployment(`${fixtureRoot}main.json`, fixtureSource(files), options);
  assert.deepEqual(
    result.resources.map((decl) => `${decl.type} ${decl.name as string}`),
    ['Microsoft.Network/virtualNetworks vnet-spoke'],
  );
});
