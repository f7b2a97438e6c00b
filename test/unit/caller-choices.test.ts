// Issue 14, class 3 (absence judged on defaults alone): rules that report something missing treat a
// declaration the entry's parameter defaults switch off as maybe deployed; values a parameter file
// or a calling module binds are certain; rules that report something present and wrong judge the
// defaults (DESIGN §2, docs/ARCHITECTURE.md). Bicep and ARM.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOfFixture, ruleAndFile } from '../support/analyze-fixture';
import { keyVaultEndpoint } from '../support/bicep-network';

async function rulesFired(fixture: string): Promise<string[]> {
  return (await findingsOfFixture(fixture)).map(ruleAndFile);
}

const zoneId =
  '/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';

/** A Key Vault endpoint whose zone group exists when `condition` holds. */
const endpoint = (params: string, condition: string) => `${params}
${keyVaultEndpoint("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet-pe')")}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = if (${condition}) {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'c', properties: { privateDnsZoneId: privateDnsZoneId } } ] }
}
`;

const configurableZone = endpoint(`param privateDnsZoneId string = ''`, '!empty(privateDnsZoneId)');
const switchedZone = endpoint(
  `param deployZoneGroup bool = false\nparam privateDnsZoneId string = '${zoneId}'`,
  'deployZoneGroup',
);

const armEndpoint = (defaultValue: string) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { privateDnsZoneId: { type: 'string', defaultValue } },
      resources: [
        {
          type: 'Microsoft.Network/privateEndpoints',
          apiVersion: '2025-09-01',
          name: 'pe-kv',
          location: 'westeurope',
          properties: {
            subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet-pe')]" },
            privateLinkServiceConnections: [
              {
                name: 'c',
                properties: {
                  privateLinkServiceId: "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]",
                  groupIds: ['vault'],
                },
              },
            ],
          },
        },
        {
          condition: "[not(empty(parameters('privateDnsZoneId')))]",
          type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
          apiVersion: '2025-09-01',
          name: 'pe-kv/default',
          dependsOn: ["[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]"],
          properties: {
            privateDnsZoneConfigs: [
              { name: 'c', properties: { privateDnsZoneId: "[parameters('privateDnsZoneId')]" } },
            ],
          },
        },
      ],
    },
    null,
    2,
  );

/** A private DNS zone in a region, deployed when `deployZone` (default `byDefault`) holds. */
const switchedWrongZone = (byDefault: boolean) => `param deployZone bool = ${byDefault}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (deployZone) {
  name: 'privatelink.vaultcore.azure.net'
  location: 'westeurope'
}
`;

describe('class 3: absence is judged over every value a caller may pass', () => {
  test("Bicep: a zone group under `!empty(param)` with default '' may be deployed: silent", async () => {
    assert.deepEqual(await rulesFired(configurableZone), []);
  });

  test('Bicep: a zone group under a `deploy*` switch defaulting to false may be deployed: silent', async () => {
    assert.deepEqual(await rulesFired(switchedZone), []);
  });

  test("Bicep: a calling module that binds '' makes the absence certain", async () => {
    const fired = await rulesFired(`//- /main.bicep
module kv 'kv.bicep' = {
  name: 'kv'
  params: { privateDnsZoneId: '' }
}
//- /kv.bicep
${configurableZone}`);
    assert.deepEqual(fired, ['pe-dns-zone-group-missing kv.bicep']);
  });

  test("Bicep: a calling module that passes its own deployer's choice leaves it open", async () => {
    const fired = await rulesFired(`//- /main.bicep
param zoneId string = ''
module kv 'kv.bicep' = {
  name: 'kv'
  params: { privateDnsZoneId: zoneId }
}
//- /kv.bicep
${configurableZone}`);
    assert.deepEqual(fired, []);
  });

  test("Bicep: a parameter file that binds '' makes the absence certain", async () => {
    const fired = await rulesFired(`//- /main.bicepparam
using 'main.bicep'
param privateDnsZoneId = ''
//- /main.bicep
${configurableZone}`);
    assert.deepEqual(fired, ['pe-dns-zone-group-missing main.bicep']);
  });

  test("ARM: a zone group under `not(empty(parameters(...)))` with default '' may be deployed: silent", async () => {
    assert.deepEqual(await rulesFired(`//- /azuredeploy.json\n${armEndpoint('')}`), []);
  });

  test("ARM: a parameter file that binds '' makes the absence certain", async () => {
    const fired = await rulesFired(`//- /azuredeploy.json
${armEndpoint('')}
//- /azuredeploy.parameters.json
{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0",
  "parameters": { "privateDnsZoneId": { "value": "" } } }`);
    assert.deepEqual(fired, ['pe-dns-zone-group-missing azuredeploy.json']);
  });

  // A parameter file makes certain what it binds; a deployer may pass the others on the command line
  // (`-p azuredeploy.parameters.json -p deployZoneGroup=true`): they stay open (the ARM review, s28).
  test('Bicep: a parameter file that leaves the switch unbound leaves it open: silent', async () => {
    const fired = await rulesFired(`//- /main.bicepparam
using 'main.bicep'
param privateDnsZoneId = '${zoneId}'
//- /main.bicep
${switchedZone}`);
    assert.deepEqual(fired, []);
  });

  test('Bicep: a parameter file that binds the switch false makes the absence certain', async () => {
    const fired = await rulesFired(`//- /main.bicepparam
using 'main.bicep'
param deployZoneGroup = false
//- /main.bicep
${switchedZone}`);
    assert.deepEqual(fired, ['pe-dns-zone-group-missing main.bicep']);
  });

  test('Bicep bound by an ARM parameter file: the unbound switch stays open, the bound one is certain', async () => {
    const withParameters = (parameters: string) => `//- /main.bicep
${switchedZone}
//- /main.parameters.json
{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0",
  "parameters": { ${parameters} } }`;
    assert.deepEqual(await rulesFired(withParameters(`"privateDnsZoneId": { "value": "${zoneId}" }`)), []);
    assert.deepEqual(await rulesFired(withParameters(`"deployZoneGroup": { "value": false }`)), [
      'pe-dns-zone-group-missing main.bicep',
    ]);
  });

  test('ARM: a parameter file that binds other parameters leaves the condition open; names compare without case', async () => {
    const withParameters = (parameters: string) => `//- /azuredeploy.json
${armEndpoint('').replace('"parameters": {', '"parameters": {\n    "location": { "type": "string", "defaultValue": "westeurope" },')}
//- /azuredeploy.parameters.json
{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0",
  "parameters": { ${parameters} } }`;
    assert.deepEqual(await rulesFired(withParameters(`"location": { "value": "northeurope" }`)), []);
    assert.deepEqual(await rulesFired(withParameters(`"PrivateDnsZoneId": { "value": "" }`)), [
      'pe-dns-zone-group-missing azuredeploy.json',
    ]);
  });

  test('Bicep: a rule that reports something present and wrong judges the defaults', async () => {
    assert.deepEqual(await rulesFired(switchedWrongZone(true)), ['dns-zone-location main.bicep']);
    assert.deepEqual(await rulesFired(switchedWrongZone(false)), []);
  });
});
