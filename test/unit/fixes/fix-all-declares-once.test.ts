// Fix-all (`check --fix`, source.fixAll) takes in one pass only fixes that declare different names in a
// file: two endpoints lacking the same zone each have a fix that adds it, and taken together they
// declared the zone twice (Bicep rejects the duplicate symbol, ARM the duplicate resource). The second
// waits for the next pass, where it reuses the zone the first added.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixDocuments } from '../../../server/src/cli/fix';
import { mergeFixes } from '../../../server/src/fixes/apply';
import { parseBicep } from '../../../server/src/syntax/bicep';
import { readArmFile } from '../../../server/src/syntax/arm';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

const endpoint = (
  symbol: string,
  account: string,
) => `resource ${account} 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: '${account.toLowerCase()}'
}
resource ${symbol} 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${account.toLowerCase()}-blob'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'blob', properties: { privateLinkServiceId: ${account}.id, groupIds: [ 'blob' ] } } ]
  }
}
`;
const bicep = `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-app'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.44.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.44.0.0/24' } } ]
  }
}
${endpoint('peLogs', 'stLogs')}${endpoint('peData', 'stData')}`;

const armEndpoint = (
  name: string,
) => `{ "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "${name}", "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-arm')]" ],
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-arm', 'snet-pe')]" },
        "privateLinkServiceConnections": [ { "name": "kv", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', '${name}-kv')]", "groupIds": [ "vault" ] } } ] } }`;
const arm = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-arm", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.45.0.0/16" ] }, "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.45.0.0/24" } } ] } },
    ${armEndpoint('pe-a')},
    ${armEndpoint('pe-b')}
  ]
}
`;

test('two endpoints lacking one zone: fix-all declares the zone once, and both groups use it (Bicep and ARM)', async () => {
  const outcome = await fixDocuments(
    [
      { uri: 'file:///w/main.bicep', text: bicep },
      { uri: 'file:///w/arm/main.json', text: arm },
    ],
    { readFile: async () => undefined },
    options,
  );
  const fixedBicep = outcome.texts.get('file:///w/main.bicep')!;
  const fixedArm = outcome.texts.get('file:///w/arm/main.json')!;
  assert.deepEqual(parseBicep(fixedBicep).errors, []);
  assert.deepEqual(readArmFile(fixedArm).errors, []);
  assert.equal(fixedBicep.match(/^resource \w+ 'Microsoft\.Network\/privateDnsZones@/gm)?.length, 1, fixedBicep);
  assert.equal(
    fixedBicep.match(/^resource \w+ 'Microsoft\.Network\/privateEndpoints\/privateDnsZoneGroups@/gm)?.length,
    2,
  );
  assert.equal(fixedArm.match(/"type": "Microsoft\.Network\/privateDnsZones"/g)?.length, 1, fixedArm);
  assert.equal(fixedArm.match(/"type": "Microsoft\.Network\/privateEndpoints\/privateDnsZoneGroups"/g)?.length, 2);
  assert.deepEqual(
    outcome.result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
  assert.ok(outcome.passes >= 2, 'the second endpoint waits for the next pass');
});

test('mergeFixes: a fix declaring a name another taken fix declares in the same file waits', () => {
  const fix = (title: string, uri: string, start: number, declares: string[]) => ({
    title,
    isPreferred: true,
    changes: [{ uri, edits: [{ start, end: start, newText: title, declares }] }],
  });
  const { taken } = mergeFixes([
    fix('a', 'u', 0, ['zone', 'groupA']),
    fix('b', 'u', 5, ['zone', 'groupB']),
    fix('c', 'v', 5, ['zone']),
    fix('d', 'u', 9, ['groupD']),
  ]);
  assert.deepEqual(
    taken.map((f) => f.title),
    ['a', 'c', 'd'],
  );
});
