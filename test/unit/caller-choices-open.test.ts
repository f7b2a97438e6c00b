// The open evaluation of caller choices (engine/caller-choices.ts) costs only what it needs: it reads
// the conditions of declarations a missing-thing rule looks for, so it evaluates those types and the
// endpoints that nest zone groups, not storage accounts, NSGs or anything else the deployment declares.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEvaluationNeeds, withCallerChoices } from '../../server/src/engine/caller-choices';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { environmentValue } from '../../server/src/engine/environment';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { fixtureRoot, fixtureSource, splitFixture } from '../support/fixture';

const template = `param deployZoneGroup bool = false
param deployVnet bool = false
resource st 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'stprod'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource logs 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'stlogs'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-st'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet-pe') }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]
  }
  resource group 'privateDnsZoneGroups' = if (deployZoneGroup) {
    name: 'default'
  }
}
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = if (deployVnet) {
  name: 'vnet'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
`;

async function evaluate(openParameters: boolean, needsType: (type: string, existing: boolean) => boolean) {
  const files = splitFixture(template);
  const options = {
    cloud: 'AzureCloud' as const,
    environment: environmentValue('AzureCloud'),
    needsType,
    openParameters,
  };
  return evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), options);
}

const typesOf = (result: Awaited<ReturnType<typeof evaluate>>) =>
  result.resources.map((decl) => decl.type.toLowerCase()).sort();

test('the open evaluation evaluates only what a missing-thing rule can be satisfied by, and their nesting endpoints', async () => {
  const open = await evaluate(true, openEvaluationNeeds(needsResourceType));
  // The endpoint reads `st.id`, so that account is evaluated as it is read; `logs` and the NSG are not.
  assert.deepEqual(typesOf(open), [
    'microsoft.network/privateendpoints',
    'microsoft.network/privateendpoints/privatednszonegroups',
    'microsoft.network/virtualnetworks',
    'microsoft.storage/storageaccounts',
  ]);
  assert.deepEqual(typesOf(await evaluate(true, needsResourceType)), [
    'microsoft.network/networksecuritygroups',
    'microsoft.network/privateendpoints',
    'microsoft.network/privateendpoints/privatednszonegroups',
    'microsoft.network/virtualnetworks',
    'microsoft.storage/storageaccounts',
    'microsoft.storage/storageaccounts',
  ]);
});

test('what it evaluates still turns the switched-off zone group and VNet maybe deployed', async () => {
  const result = await evaluate(false, needsResourceType);
  const open = await evaluate(true, openEvaluationNeeds(needsResourceType));
  const conditions = withCallerChoices(result, open)
    .resources.map((decl) => `${decl.type.split('/').at(-1)} ${decl.condition}`)
    .sort();
  assert.deepEqual(conditions, [
    'networkSecurityGroups true',
    'privateDnsZoneGroups unknown',
    'privateEndpoints true',
    'storageAccounts true',
    'storageAccounts true',
    'virtualNetworks unknown',
  ]);
});

test('only those types are opened: evaluating every resource opens nothing more (fuzz seed 20261204, input 189858)', async () => {
  // A module switched off by default holds a storage account; the open evaluation of every resource
  // meets it, demand-driven evaluation does not. Either way it stays off, as the defaults have it.
  const files = splitFixture(`//- main.bicep
param deploy bool = true
module data 'data.bicep' = if (!deploy) {
  name: 'data'
}
//- data.bicep
resource st 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'st1'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
`);
  const options = { cloud: 'AzureCloud' as const, environment: environmentValue('AzureCloud') };
  const run = (openParameters: boolean, needsType?: (type: string, existing: boolean) => boolean) =>
    evaluateBicepDeployment(`${fixtureRoot}main.bicep`, fixtureSource(files), {
      ...options,
      openParameters,
      ...(needsType ? { needsType } : {}),
    });
  const conditions = (result: Awaited<ReturnType<typeof run>>) =>
    result.resources.map((decl) => `${decl.type.split('/').at(-1)} ${decl.condition}`).sort();
  const everything = withCallerChoices(await run(false), await run(true));
  const demanded = withCallerChoices(
    await run(false, needsResourceType),
    await run(true, openEvaluationNeeds(needsResourceType)),
  );
  assert.deepEqual(conditions(everything), ['storageAccounts false', 'virtualNetworks unknown']);
  assert.deepEqual(conditions(demanded), conditions(everything));
});
