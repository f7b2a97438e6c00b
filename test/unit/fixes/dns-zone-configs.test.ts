// add-zone-configs (pe-dns-zone-group-incomplete) and point-zone-config (pe-dns-zone-mismatch): configs
// appended to the group for the zones it lacks (reused or created with their link), and a config pointed
// at the right zone of the workspace — or, when none exists and nothing else uses it, the zone renamed.
import incomplete from '../../../server/src/rules/pe-dns-zone-group-incomplete';
import mismatch from '../../../server/src/rules/pe-dns-zone-mismatch';
import { ruleTests } from '../../support/rule-test';

const vnet = `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
`;
const endpoint = (type: string, groupId: string) => `resource target '${type}' existing = {
  name: 'target'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-target'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: target.id, groupIds: [ '${groupId}' ] } } ]
  }
}
`;
/** A zone with its link to the spoke (symbol `z<label>`). */
const zone = (name: string, symbol: string) => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: 'global'
}
resource ${symbol}Link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: ${symbol}
  name: 'link-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}
`;
const monitor: [string, string][] = [
  ['privatelink.monitor.azure.com', 'zMonitor'],
  ['privatelink.oms.opinsights.azure.com', 'zOms'],
  ['privatelink.ods.opinsights.azure.com', 'zOds'],
  ['privatelink.agentsvc.azure-automation.net', 'zAgent'],
];
const group = (symbol: string, configs: string) => `resource ${symbol} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
${configs}
    ]
  }
}
`;
const configs = monitor.map(([, symbol]) => `      { name: '${symbol}', properties: { privateDnsZoneId: ${symbol}.id } }`).join('\n');
const base = vnet + endpoint('Microsoft.Insights/privateLinkScopes@2021-09-01', 'azuremonitor') + monitor.map(([name, symbol]) => zone(name, symbol)).join('');

ruleTests(incomplete, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the missing zone is in the file: its config is appended',
      code: base + zone('privatelink.blob.core.windows.net', 'zBlob') + group('[|group|]', configs),
      errors: [{ messageId: 'missing' }],
      fixTitle: /^Add the missing zone configs using 'privatelink\.blob\.core\.windows\.net'$/,
      output: base + zone('privatelink.blob.core.windows.net', 'zBlob') + group('group', `${configs}
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: zBlob.id
        }
      }`),
    },
    {
      name: 'Bicep: the missing zone does not exist: created with its link after the group',
      code: base + group('[|group|]', configs),
      errors: [{ messageId: 'missing' }],
      output: base + group('group', `${configs}
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: privateDnsZoneBlob.id
        }
      }`) + `resource privateDnsZoneBlob 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.\${environment().suffixes.storage}'
  location: 'global'
}
resource privateDnsZoneBlobLinkVnetSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privateDnsZoneBlob
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}
`,
    },
  ],
});

const armZone = (name: string) => `    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "${name}",
      "location": "global"
    },
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "${name}/link-spoke",
      "location": "global",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateDnsZones', '${name}')]" ],
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    },`;
const zoneId = (name: string) => `"[resourceId('Microsoft.Network/privateDnsZones', '${name}')]"`;
const armBase = (type: string, configsText: string, dependsOn: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    },
${[...monitor.map(([name]) => name), 'privatelink.blob.core.windows.net'].map(armZone).join('\n')}
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-target",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Insights/privateLinkScopes', 'scope')]", "groupIds": [ "azuremonitor" ] } } ]
      }
    },
    {
      "type": ${type},
      "apiVersion": "2025-09-01",
      "name": "pe-target/default",
      "dependsOn": [${dependsOn}],
      "properties": {
        "privateDnsZoneConfigs": [
${configsText}
        ]
      }
    }
  ]
}
`;
const armConfigs = monitor.map(([name], i) => `          { "name": "z${i}", "properties": { "privateDnsZoneId": ${zoneId(name)} } }`).join(',\n');

ruleTests(incomplete, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the config is appended, and the group depends on the zone',
      code: armBase('[|"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"|]', armConfigs, ` "[resourceId('Microsoft.Network/privateEndpoints', 'pe-target')]" `),
      errors: [{ messageId: 'missing' }],
      output: armBase('"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"', `${armConfigs},
          {
            "name": "privatelink-blob-core-windows-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net')]"
            }
          }`, ` "[resourceId('Microsoft.Network/privateEndpoints', 'pe-target')]", "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net')]" `),
    },
  ],
});

const kv = endpoint('Microsoft.KeyVault/vaults@2026-02-01', 'vault');
const armMismatch = (right: boolean, id: string, dependsOn: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    },
${armZone('privatelink.vault.azure.net')}${right ? `\n${armZone('privatelink.vaultcore.azure.net')}` : ''}
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": ${id} } } ] }${dependsOn}
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    }
  ]
}
`;
const wrongGroup = (id: string) => `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: ${id} } } ]
  }
}
`;

ruleTests(mismatch, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the right zone exists: the config points at it (renaming the wrong one is the other choice)',
      code: vnet + kv + zone('privatelink.vault.azure.net', 'wrong') + zone('privatelink.vaultcore.azure.net', 'right') + wrongGroup('[|wrong.id|]'),
      errors: [{ messageId: 'wrongZone' }],
      fixTitle: /^Point the zone config at 'privatelink\.vaultcore\.azure\.net'$/,
      output: vnet + kv + zone('privatelink.vault.azure.net', 'wrong') + zone('privatelink.vaultcore.azure.net', 'right') + wrongGroup('right.id'),
    },
    {
      name: 'Bicep: no right zone and nothing else uses the wrong one: it is renamed',
      code: vnet + kv + zone('privatelink.vault.azure.net', 'wrong') + wrongGroup('[|wrong.id|]'),
      errors: [{ messageId: 'wrongZone' }],
      fixTitle: /^Rename the private DNS zone to 'privatelink\.vaultcore\.azure\.net'$/,
      output: vnet + kv + zone('privatelink.vaultcore.azure.net', 'wrong') + wrongGroup('wrong.id'),
    },
    {
      name: 'ARM: the config names the wrong zone by its name, so no rename; the right zone of the template is pointed at',
      code: armMismatch(true, `[|${zoneId('privatelink.vault.azure.net')}|]`, ''),
      errors: [{ messageId: 'wrongZone' }],
      output: armMismatch(true, zoneId('privatelink.vaultcore.azure.net'), `,
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
      ]`),
    },
    {
      name: 'ARM: without the right zone, renaming would strand the id built from the old name: no fix',
      code: armMismatch(false, `[|${zoneId('privatelink.vault.azure.net')}|]`, ''),
      errors: [{ messageId: 'wrongZone' }],
      output: null,
    },
  ],
});
