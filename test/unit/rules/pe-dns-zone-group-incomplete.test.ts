import rule from '../../../server/src/rules/pe-dns-zone-group-incomplete';
import { armDnsVnet, newZone, vnet as spokeVnet } from '../../support/dns-fixtures';
import { ruleTests } from '../../support/rule-test';
import {
  armEndpoint,
  armZoneWithLink,
  targetEndpoint,
  zoneIdJson as zoneId,
  zoneWithLink,
} from '../../support/zone-group-fixtures';

/** A private endpoint `pe` to an existing target of `type` with `groupIds`. */
const endpoint = (type = 'Microsoft.Insights/privateLinkScopes@2021-09-01', groupIds = "[ 'azuremonitor' ]") =>
  targetEndpoint(type, groupIds);

/** A zone group on `pe` pointing at zones by name (each in the hub resource group). */
const group = (
  zones: string[],
  symbol = 'group',
  name = 'default',
) => `resource ${symbol} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: '${name}'
  properties: {
    privateDnsZoneConfigs: [
${zones.map((zone, index) => `      { name: 'z${index}', properties: { privateDnsZoneId: ${zone.startsWith('=') ? zone.slice(1) : `resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', '${zone}')`} } }`).join('\n')}
    ]
  }
}
`;

const monitorZones = [
  'privatelink.monitor.azure.com',
  'privatelink.oms.opinsights.azure.com',
  'privatelink.ods.opinsights.azure.com',
  'privatelink.agentsvc.azure-automation.net',
  'privatelink.blob.core.windows.net',
];

ruleTests(rule, {
  valid: [
    { name: 'an Azure Monitor private link scope with all five zones', code: endpoint() + group(monitorZones) },
    {
      name: 'a service with one zone is complete with it',
      code:
        endpoint('Microsoft.KeyVault/vaults@2026-02-01', "[ 'vault' ]") + group(['privatelink.vaultcore.azure.net']),
    },
    {
      name: 'the facts do not say every zone is needed (Azure Data Explorer)',
      code:
        endpoint('Microsoft.Kusto/clusters@2024-04-13', "[ 'cluster' ]") + group(['privatelink.blob.core.windows.net']),
    },
    {
      name: 'an unknown zone id may be the missing zone',
      code: `param zoneId string\n${endpoint()}${group([...monitorZones.slice(0, 4), '=zoneId'])}`,
    },
    {
      name: 'an unknown list of configs',
      code: `param configs array\n${endpoint()}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: configs }\n}\n`,
    },
    {
      name: 'pe-dns-zone-mismatch takes precedence when a config is wrong',
      code: endpoint() + group([...monitorZones.slice(0, 3), 'privatelink.vaultcore.azure.net']),
    },
    {
      name: 'six zones in Azure Government do not fit one group: nothing certain to ask',
      cloud: 'AzureUSGovernment',
      code: endpoint() + group(['privatelink.monitor.azure.us']),
    },
    {
      name: "two zone groups on the endpoint are pe-dns-zone-group-limit's finding",
      code: endpoint() + group(monitorZones.slice(0, 3)) + group(monitorZones.slice(3), 'second', 'second'),
    },
    {
      name: 'an unknown group id',
      code: `param groupId string\n${endpoint('Microsoft.Insights/privateLinkScopes@2021-09-01', '[ groupId ]')}${group(monitorZones.slice(0, 1))}`,
    },
  ],
  invalid: [
    {
      name: 'an Azure Monitor private link scope without the blob zone',
      code: `${endpoint()}resource [|group|] 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: {\n    privateDnsZoneConfigs: [\n${monitorZones
        .slice(0, 4)
        .map(
          (zone, index) =>
            `      { name: 'z${index}', properties: { privateDnsZoneId: resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', '${zone}') } }`,
        )
        .join('\n')}\n    ]\n  }\n}\n`,
      errors: [
        {
          messageId: 'missing',
          level: 'warning',
          message:
            /^Zone group 'pe-target\/default' of private endpoint 'pe-target' lacks 'privatelink\.blob\.core\.windows\.net': Azure Monitor private link scope needs all its zones/,
        },
      ],
    },
    {
      name: 'an empty zone group lacks every zone',
      code: `${endpoint()}resource [|group|] 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [] }\n}\n`,
      errors: [
        {
          messageId: 'missing',
          message:
            /'privatelink\.monitor\.azure\.com', 'privatelink\.oms\.opinsights\.azure\.com', 'privatelink\.ods\.opinsights\.azure\.com', 'privatelink\.agentsvc\.azure-automation\.net', 'privatelink\.blob\.core\.windows\.net'/,
        },
      ],
    },
    {
      name: 'zones declared in the template, the storage zone through environment()',
      code: `${endpoint()}resource monitor 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.monitor.azure.com'\n  location: 'global'\n}\nresource blob 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.\${environment().suffixes.storage}'\n  location: 'global'\n}\nresource [|group|] 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: {\n    privateDnsZoneConfigs: [\n      { name: 'monitor', properties: { privateDnsZoneId: monitor.id } }\n      { name: 'blob', properties: { privateDnsZoneId: blob.id } }\n    ]\n  }\n}\n`,
      errors: [
        {
          messageId: 'missing',
          message:
            /lacks 'privatelink\.oms\.opinsights\.azure\.com', 'privatelink\.ods\.opinsights\.azure\.com', 'privatelink\.agentsvc\.azure-automation\.net':/,
        },
      ],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the zone group's "type").
const arm = (zones: readonly string[], marked = false) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${armEndpoint('pe-ampls', "[resourceId('Microsoft.Insights/privateLinkScopes', 'ampls')]", 'azuremonitor')},
    {
      "type": ${marked ? '[|"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"|]' : '"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"'},
      "apiVersion": "2025-09-01",
      "name": "pe-ampls/default",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-ampls')]" ],
      "properties": {
        "privateDnsZoneConfigs": [
${zones.map((zone, index) => `          { "name": "z${index}", "properties": { "privateDnsZoneId": "[resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', '${zone}')]" } }`).join(',\n')}
        ]
      }
    }
  ]
}
`;

const armCases = {
  valid: [{ name: 'ARM: all five Azure Monitor zones', code: arm(monitorZones) }],
  invalid: [
    {
      name: 'ARM: four of the five Azure Monitor zones',
      code: arm(monitorZones.slice(1), true),
      errors: [{ messageId: 'missing', message: /'privatelink\.monitor\.azure\.com'/ }],
    },
  ],
};
ruleTests(rule, armCases);

// add-zone-configs: configs appended to the group for the zones it lacks (reused, or created with their link).
const monitor: [string, string][] = [
  ['privatelink.monitor.azure.com', 'zMonitor'],
  ['privatelink.oms.opinsights.azure.com', 'zOms'],
  ['privatelink.ods.opinsights.azure.com', 'zOds'],
  ['privatelink.agentsvc.azure-automation.net', 'zAgent'],
];
const groupOf = (
  symbol: string,
  configs: string,
) => `resource ${symbol} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
${configs}
    ]
  }
}
`;
/** The config add-zone-configs appends for the blob zone. */
const blobConfig = (id: string) => `      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: ${id}
        }
      }`;
const configs = monitor
  .map(([, symbol]) => `      { name: '${symbol}', properties: { privateDnsZoneId: ${symbol}.id } }`)
  .join('\n');
const base =
  spokeVnet() +
  targetEndpoint(
    'Microsoft.Insights/privateLinkScopes@2021-09-01',
    "[ 'azuremonitor' ]",
    'target',
    'vnet.properties.subnets[0].id',
  ) +
  monitor.map(([name, symbol]) => zoneWithLink(name, symbol)).join('');

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the missing zone is in the file: its config is appended',
      code: base + zoneWithLink('privatelink.blob.core.windows.net', 'zBlob') + groupOf('[|group|]', configs),
      errors: [{ messageId: 'missing' }],
      fixTitle: /^Add the missing zone configs using 'privatelink\.blob\.core\.windows\.net'$/,
      output:
        base +
        zoneWithLink('privatelink.blob.core.windows.net', 'zBlob') +
        groupOf('group', `${configs}\n${blobConfig('zBlob.id')}`),
    },
    {
      name: 'Bicep: the missing zone does not exist: created with its link after the group',
      code: base + groupOf('[|group|]', configs),
      errors: [{ messageId: 'missing' }],
      output:
        base +
        groupOf('group', `${configs}\n${blobConfig('privateDnsZoneBlob.id')}`) +
        newZone("'privatelink.blob.${environment().suffixes.storage}'", 'Blob'),
    },
  ],
});

const armBase = (type: string, configsText: string, dependsOn: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [${armDnsVnet('vnet-spoke', 1)}
${[...monitor.map(([name]) => name), 'privatelink.blob.core.windows.net'].map(armZoneWithLink).join('\n')}
${armEndpoint('pe-target', "[resourceId('Microsoft.Insights/privateLinkScopes', 'scope')]", 'azuremonitor')},
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
const armConfigs = monitor
  .map(([name], i) => `          { "name": "z${i}", "properties": { "privateDnsZoneId": ${zoneId(name)} } }`)
  .join(',\n');

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the config is appended, and the group depends on the zone',
      code: armBase(
        '[|"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"|]',
        armConfigs,
        ` "[resourceId('Microsoft.Network/privateEndpoints', 'pe-target')]" `,
      ),
      errors: [{ messageId: 'missing' }],
      output: armBase(
        '"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"',
        `${armConfigs},
          {
            "name": "privatelink-blob-core-windows-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net')]"
            }
          }`,
        ` "[resourceId('Microsoft.Network/privateEndpoints', 'pe-target')]", "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net')]" `,
      ),
    },
  ],
});
