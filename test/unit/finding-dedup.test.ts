// Issue 14, class 2 (one finding per site swallowed another): findings are one per rule, site, kind
// of message and resources involved. A zone module deployed for three services, two of whose zones
// lack the spoke's link, reports both; a loop's instances still report once (Bicep and ARM).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/engine/types';
import { findingsOfFixture } from '../support/analyze-fixture';

async function findings(fixture: string): Promise<Finding[]> {
  return (await findingsOfFixture(fixture)).filter(
    (finding) => finding.ruleId === 'dns-zone-vnet-link-missing' || finding.ruleId === 'dns-zone-unlinked',
  );
}

/** Service name, target type, group id and zone of each endpoint. */
const services = [
  ['kv', 'Microsoft.KeyVault/vaults@2026-02-01', 'vault', 'privatelink.vaultcore.azure.net'],
  ['mysql', 'Microsoft.DBforMySQL/flexibleServers@2023-12-30', 'mysqlServer', 'privatelink.mysql.database.azure.com'],
  ['blob', 'Microsoft.Storage/storageAccounts@2025-01-01', 'blob', 'privatelink.blob.core.windows.net'],
] as const;

const spokeAndEndpoints = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
${services
  .map(
    ([name, type, groupId]) => `resource ${name} '${type}' existing = {
  name: '${name}-prod'
}
resource pe_${name} 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: spoke.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: ${name}.id, groupIds: [ '${groupId}' ] } } ]
  }
}
resource group_${name} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe_${name}
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'c', properties: { privateDnsZoneId: zone_${name}.outputs.id } } ] }
}
`,
  )
  .join('')}`;

const bicepWorkspace = `//- /main.bicep
${spokeAndEndpoints}${services
  .map(
    ([name, , , zone]) => `module zone_${name} 'zone.bicep' = {
  name: 'zone-${name}'
  params: { zoneName: '${zone}', vnetIds: ${name === 'blob' ? '[ hub.id, spoke.id ]' : '[ hub.id ]'} }
}
`,
  )
  .join('')}//- /zone.bicep
param zoneName string
param vnetIds array
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: zoneName
  location: 'global'
}
resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (id, i) in vnetIds: {
  parent: zone
  name: 'link-\${i}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: id } }
}]
output id string = zone.id
`;

const armZoneTemplate = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { zoneName: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/privateDnsZones',
        apiVersion: '2024-06-01',
        name: "[parameters('zoneName')]",
        location: 'global',
      },
    ],
    outputs: {
      id: { type: 'string', value: "[resourceId('Microsoft.Network/privateDnsZones', parameters('zoneName'))]" },
    },
  },
  null,
  2,
);

describe('class 2: one finding per rule, site and resources involved', () => {
  test('Bicep: a zone module deployed three times reports each instance that lacks the spoke link', async () => {
    const found = await findings(bicepWorkspace);
    assert.deepEqual(
      found.map((finding) => `${finding.ruleId} ${finding.uri.replace('file:///fixture/', '')}`),
      ['dns-zone-vnet-link-missing zone.bicep', 'dns-zone-vnet-link-missing zone.bicep'],
    );
    assert.match(found[0].message, /privatelink\.vaultcore\.azure\.net/);
    assert.match(found[1].message, /privatelink\.mysql\.database\.azure\.com/);
  });

  test('ARM: a zone template used as a module three times reports each instance without a link', async () => {
    const workspace = bicepWorkspace
      .replace(/\/\/- \/zone\.bicep[\s\S]*$/, `//- /zone.json\n${armZoneTemplate}\n`)
      .replaceAll("'zone.bicep'", "'zone.json'")
      .replace(/, vnetIds: [^}]*\}/g, ' }');
    const found = await findings(workspace);
    assert.deepEqual(
      found.map((finding) => finding.uri.replace('file:///fixture/', '')),
      ['zone.json', 'zone.json', 'zone.json'],
    );
    assert.deepEqual(
      found.map((finding) => /'(privatelink[^']*)'/.exec(finding.message)?.[1]),
      ['privatelink.vaultcore.azure.net', 'privatelink.mysql.database.azure.com', 'privatelink.blob.core.windows.net'],
    );
  });

  test('Bicep: a loop of zones is one declaration and reports once', async () => {
    const found =
      await findings(`${spokeAndEndpoints.replaceAll(/zone_(\w+)\.outputs\.id/g, (_, name: string) => `zones[${services.findIndex(([service]) => service === name)}].id`)}
resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in [ ${services.map(([, , , zone]) => `'${zone}'`).join(', ')} ]: {
  name: zone
  location: 'global'
}]
`);
    assert.equal(found.length, 1);
  });
});
