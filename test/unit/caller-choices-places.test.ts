// The open evaluation of caller choices takes up only the declarations that hold something the
// defaults switched off (engine/caller-choices.ts switchedOffPlaces): a module or nested deployment
// whose networking resources are all on by default is not evaluated again, and the answer is the one
// the open evaluation of everything gives. Bicep modules and ARM nested deployments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEvaluationNeeds, switchedOffPlaces, withCallerChoices } from '../../server/src/engine/caller-choices';
import { environmentValue } from '../../server/src/engine/environment';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import type { DeploymentOptions, DeploymentResult } from '../../server/src/evaluate/deployment';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { innerDeployment, templateObject } from '../support/arm-fixtures';
import { fixtureRoot, fixtureSource, splitFixture } from '../support/fixture';

type Evaluate = typeof evaluateBicepDeployment;

const options = {
  cloud: 'AzureCloud' as const,
  environment: environmentValue('AzureCloud'),
  needsType: needsResourceType,
};

/** The first pass, the open pass narrowed to its switched-off places, and the open pass of everything. */
async function passes(evaluate: Evaluate, files: Map<string, string>, entry: string) {
  const run = (extra: Partial<DeploymentOptions>) =>
    evaluate(`${fixtureRoot}${entry}`, fixtureSource(files), { ...options, ...extra });
  const first = await run({});
  const open = { needsType: openEvaluationNeeds(needsResourceType), openParameters: true };
  const narrowed = await run({ ...open, wantsDeclaration: switchedOffPlaces(first) });
  const everything = await run(open);
  return { first, narrowed, everything };
}

const conditions = (result: DeploymentResult) =>
  result.resources.map((decl) => `${decl.name as string} ${decl.condition}`).sort();
const names = (result: DeploymentResult) => result.resources.map((decl) => decl.name as string).sort();

/**
 * The hub's VNet (on by default) is not evaluated again, the zone switched off by default is and turns
 * maybe deployed, and the narrowed pass answers as the open pass of everything does.
 */
function assertOnlyTheZoneEvaluatedAgain({ first, narrowed, everything }: Awaited<ReturnType<typeof passes>>): void {
  assert.deepEqual(names(narrowed), ['privatelink.blob.core.windows.net']);
  assert.deepEqual(names(everything), ['privatelink.blob.core.windows.net', 'vnet-hub']);
  assert.deepEqual(conditions(withCallerChoices(first, narrowed)), [
    'privatelink.blob.core.windows.net unknown',
    'vnet-hub true',
  ]);
  assert.deepEqual(conditions(withCallerChoices(first, narrowed)), conditions(withCallerChoices(first, everything)));
}

test('Bicep: a module whose VNet is on by default is not evaluated again; the switched-off zone turns maybe deployed', async () => {
  const files = splitFixture(`//- main.bicep
param deployZone bool = false
module hub 'hub.bicep' = {
  name: 'hub'
}
module dns 'dns.bicep' = {
  name: 'dns'
  params: { deployZone: deployZone }
}
//- hub.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
}
//- dns.bicep
param deployZone bool
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (deployZone) {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
`);
  assertOnlyTheZoneEvaluatedAgain(await passes(evaluateBicepDeployment, files, 'main.bicep'));
});

test('Bicep: what a wanted declaration reads is still evaluated, and a zone off for every value stays off', async () => {
  const files = splitFixture(`//- main.bicep
param deployZone bool = false
module hub 'hub.bicep' = {
  name: 'hub'
}
module dns 'dns.bicep' = {
  name: 'dns'
  params: { deployZone: deployZone, vnetId: hub.outputs.vnetId }
}
//- hub.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
}
output vnetId string = vnet.id
//- dns.bicep
param deployZone bool
param vnetId string
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (deployZone && !empty(vnetId)) {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
resource never 'Microsoft.Network/privateDnsZones@2024-06-01' = if (deployZone && false) {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
`);
  const { first, narrowed, everything } = await passes(evaluateBicepDeployment, files, 'main.bicep');
  // The hub is evaluated because the zone's condition reads its output, not on its own.
  assert.deepEqual(names(narrowed), [
    'privatelink.blob.core.windows.net',
    'privatelink.vaultcore.azure.net',
    'vnet-hub',
  ]);
  assert.deepEqual(conditions(withCallerChoices(first, narrowed)), [
    'privatelink.blob.core.windows.net unknown',
    'privatelink.vaultcore.azure.net false',
    'vnet-hub true',
  ]);
  assert.deepEqual(conditions(withCallerChoices(first, narrowed)), conditions(withCallerChoices(first, everything)));
});

const nested = (name: string, parameters: object, inner: object) => innerDeployment(name, inner, parameters);
// The hub's VNet, on by default, and a zone switched by the template's `deployZone` (off by default).
const hubVnet = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2025-09-01',
  name: 'vnet-hub',
  location: 'westeurope',
};
const switchableZone = {
  type: 'Microsoft.Network/privateDnsZones',
  apiVersion: '2024-06-01',
  name: 'privatelink.blob.core.windows.net',
  location: 'global',
  condition: "[parameters('deployZone')]",
};

test('ARM: a nested deployment whose VNet is on by default is not evaluated again; the zone in another turns maybe deployed', async () => {
  const main = templateObject({
    parameters: { deployZone: { type: 'bool', defaultValue: false } },
    resources: [
      nested(
        'hub',
        {},
        templateObject({
          resources: [hubVnet],
        }),
      ),
      nested(
        'dns',
        { deployZone: { value: "[parameters('deployZone')]" } },
        templateObject({
          parameters: { deployZone: { type: 'bool' } },
          resources: [switchableZone],
        }),
      ),
    ],
  });
  const files = new Map([[`${fixtureRoot}main.json`, JSON.stringify(main, null, 2)]]);
  assertOnlyTheZoneEvaluatedAgain(await passes(evaluateArmDeployment, files, 'main.json'));
});

test('ARM: a parameter the wanted deployment never reads does not evaluate what its value reads', async () => {
  // The hub's VNet is on by default; the spoke is passed the hub's output (which reads the VNet), but
  // its zone never reads it: bound lazily (nested.ts), the parameter leaves the VNet unevaluated.
  const main = templateObject({
    parameters: { deployZone: { type: 'bool', defaultValue: false } },
    resources: [
      nested(
        'hub',
        {},
        templateObject({
          resources: [hubVnet],
          // Reading the output evaluates the VNet (reference() of a resource of the same template).
          outputs: {
            space: {
              type: 'object',
              value:
                "[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub'), '2025-09-01').addressSpace]",
            },
          },
        }),
      ),
      nested(
        'spoke',
        {
          deployZone: { value: "[parameters('deployZone')]" },
          hubSpace: { value: "[reference('hub').outputs.space.value]" },
        },
        templateObject({
          parameters: { deployZone: { type: 'bool' }, hubSpace: { type: 'object' } },
          resources: [switchableZone],
        }),
      ),
    ],
  });
  const files = new Map([[`${fixtureRoot}main.json`, JSON.stringify(main, null, 2)]]);
  const { first, narrowed } = await passes(evaluateArmDeployment, files, 'main.json');
  assert.deepEqual(names(narrowed), ['privatelink.blob.core.windows.net']);
  assert.deepEqual(conditions(withCallerChoices(first, narrowed)), [
    'privatelink.blob.core.windows.net unknown',
    'vnet-hub true',
  ]);
});
