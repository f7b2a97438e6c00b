// add-dns-zone-group (pe-dns-zone-group-missing): the zone group reuses a zone the workspace declares
// (same file, `existing`, a parameter already bound to its id, or a module output threaded in as a new
// parameter), else adds the zone (global), a link to the endpoint's VNet and the group. Zone names per
// cloud; Bicep writes environment() where it yields the right name, the literal otherwise (Key Vault).
import rule from '../../../server/src/rules/pe-dns-zone-group-missing';
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
const kv = `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-prod'
}
`;
const pe = (symbol = 'pe', subnet = 'vnet.properties.subnets[0].id') => `resource ${symbol} 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: ${subnet} }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
`;
const link = (vnetId = 'vnet.id') => `resource zoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${vnetId} } }
}
`;
/** The Key Vault zone (created with a link to the spoke unless `head` makes it existing). */
const zone = (head = '', vnetId = 'vnet.id') => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' ${head}= {
  name: 'privatelink.vaultcore.azure.net'${head ? '' : "\n  location: 'global'"}
}
${head ? '' : link(vnetId)}`;
const group = (id: string, head = '', tail = '', parent = 'pe') => `resource peDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  parent: ${parent}
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-vaultcore-azure-net'
        properties: {
          privateDnsZoneId: ${id}
        }
      }
    ]
  }
}${tail}
`;
const newZone = (name = "'privatelink.vaultcore.azure.net'", label = 'Vaultcore') => `resource privateDnsZone${label} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: ${name}
  location: 'global'
}
resource privateDnsZone${label}LinkVnetSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privateDnsZone${label}
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}
`;
const marked = (text: string) => text.replace("resource pe '", "resource [|pe|] '");

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'the zone declared in the same file: the group points at it',
      code: vnet + kv + zone() + marked(pe()),
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group using 'privatelink\.vaultcore\.azure\.net'$/,
      output: vnet + kv + zone() + pe() + group('zone.id'),
    },
    {
      name: 'a zone of the file without a link: the link to the endpoint VNet is added beside it',
      code: vnet + kv + zone().replace(link(), '') + marked(pe()),
      errors: [{ messageId: 'missingInVnet' }],
      output: vnet + kv + zone().replace(link(), '') + `resource zoneLinkVnetSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}
` + pe() + group('zone.id'),
    },
    {
      name: 'an existing zone in the same file',
      code: vnet + kv + zone('existing ') + marked(pe()),
      errors: [{ messageId: 'missingInVnet' }],
      output: vnet + kv + zone('existing ') + pe() + group('zone.id'),
    },
    {
      name: 'no zone anywhere: zone (global, literal Key Vault name), link to the VNet and group',
      code: vnet + kv + marked(pe()),
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group with new zone 'privatelink\.vaultcore\.azure\.net'$/,
      output: vnet + kv + pe() + newZone() + group('privateDnsZoneVaultcore.id'),
    },
    {
      name: 'storage blob: the new zone is named through environment().suffixes.storage',
      code: `${vnet}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\n${marked(pe()).replace('kv.id', 'st.id').replace("'vault'", "'blob'")}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `${vnet}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\n${pe().replace('kv.id', 'st.id').replace("'vault'", "'blob'")}${newZone("'privatelink.blob.${environment().suffixes.storage}'", 'Blob')}${group('privateDnsZoneBlob.id').replace('privatelink-vaultcore-azure-net', 'privatelink-blob-core-windows-net')}`,
    },
    {
      name: 'Azure US Government: the zone name of that cloud, written out',
      cloud: 'AzureUSGovernment',
      code: vnet + kv + marked(pe()),
      errors: [{ messageId: 'missingInVnet' }],
      output: vnet + kv + pe() + newZone("'privatelink.vaultcore.usgovcloudapi.net'") + group('privateDnsZoneVaultcore.id').replace('privatelink-vaultcore-azure-net', 'privatelink-vaultcore-usgovcloudapi-net'),
    },
    {
      name: 'endpoints in a loop with a condition: the group repeats both, one per instance',
      code: `param deploy bool = true\n${vnet}${kv}${zone()}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: if (deploy) {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}]\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `param deploy bool = true\n${vnet}${kv}${zone()}resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: if (deploy) {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}]\n${group('zone.id', "[for (name, i) in [ 'a', 'b' ]: if (deploy) ", ']', 'pe[i]')}`,
    },
    {
      name: 'blank lines between declarations and CRLF line ends are kept',
      code: `${vnet}\n${kv}\n${zone()}\n${marked(pe())}\n// the end\n`.replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingInVnet' }],
      output: `${vnet}\n${kv}\n${zone()}\n${pe()}\n${group('zone.id')}\n// the end\n`.replace(/\n/g, '\r\n'),
    },
    {
      name: 'in a module, the zone id already passed in as a parameter is reused',
      code: `//- /main.bicep
${vnet}${zone()}module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
    vaultZoneId: zone.id
  }
}
//- /data.bicep
param subnetId string
param vaultZoneId string
${kv}${marked(pe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `//- /data.bicep
param subnetId string
param vaultZoneId string
${kv}${pe('pe', 'subnetId')}${group('vaultZoneId')}`,
    },
    {
      name: "in a module, a sibling module's output: threaded through a new parameter (as in examples/)",
      code: `//- /main.bicep
${vnet}module dns 'dns.bicep' = {
  name: 'dns'
  params: { vnetId: vnet.id }
}
module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
  }
}
//- /dns.bicep
param vnetId string
${zone('', 'vnetId')}output vaultZoneId string = zone.id
//- /data.bicep
param subnetId string

${kv}
${marked(pe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group using 'privatelink\.vaultcore\.azure\.net'$/,
      output: `//- /main.bicep
${vnet}module dns 'dns.bicep' = {
  name: 'dns'
  params: { vnetId: vnet.id }
}
module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
    vaultcoreDnsZoneId: dns.outputs.vaultZoneId
  }
}
//- /data.bicep
param subnetId string

@description('Resource id of the privatelink.vaultcore.azure.net private DNS zone.')
param vaultcoreDnsZoneId string

${kv}
${pe('pe', 'subnetId')}
${group('vaultcoreDnsZoneId')}`,
    },
    {
      name: 'the zone exists in a module called twice: it cannot be threaded in and is not duplicated',
      code: `//- /main.bicep
${vnet}module dns 'dns.bicep' = {
  name: 'dns'
}
module data 'data.bicep' = {
  name: 'data'
  params: { subnetId: vnet.properties.subnets[0].id }
}
module data2 'data.bicep' = {
  name: 'data2'
  params: { subnetId: vnet.properties.subnets[0].id }
}
//- /dns.bicep
${zone()}output vaultZoneId string = zone.id
//- /data.bicep
param subnetId string
${kv}${marked(pe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
  ],
});

const arm = (resources: string, head = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",') => `//- /main.json
{
  ${head}
  "contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}
`;
const armVnet = `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    }`;
const armPe = (type = '"Microsoft.Network/privateEndpoints"') => `    {
      "type": ${type},
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }`;
const armZone = `    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    }`;
const armGroup = `    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]",
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
      ],
      "properties": {
        "privateDnsZoneConfigs": [
          {
            "name": "privatelink-vaultcore-azure-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
            }
          }
        ]
      }
    }`;
const armLink = `    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/link-vnet-spoke",
      "location": "global",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
      ],
      "properties": {
        "registrationEnabled": false,
        "virtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
        }
      }
    }`;
const markedType = '[|"Microsoft.Network/privateEndpoints"|]';

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the zone of the same template, with dependsOn on the endpoint and the zone',
      code: arm([armZone, armLink, armVnet, armPe(markedType)].join(',\n')),
      errors: [{ messageId: 'missingInVnet' }],
      output: arm([armZone, armLink, armVnet, armPe(), armGroup].join(',\n')),
    },
    {
      name: 'ARM: a conditional endpoint in a tab-indented CRLF template: the group takes the condition',
      code: arm([armZone, armLink, armVnet, armPe(markedType).replace('"apiVersion": "2025-09-01",\n      "name": "pe-kv",', '"apiVersion": "2025-09-01",\n      "name": "pe-kv",\n      "condition": "[parameters(\'dns\')]",')].join(',\n'),
        '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "parameters": { "dns": { "type": "bool", "defaultValue": true } },')
        .replace(/ {2}/g, '\t').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingInVnet' }],
      output: arm([armZone, armLink, armVnet, armPe().replace('"apiVersion": "2025-09-01",\n      "name": "pe-kv",', '"apiVersion": "2025-09-01",\n      "name": "pe-kv",\n      "condition": "[parameters(\'dns\')]",'),
        armGroup.replace('"name": "pe-kv/default",', '"name": "pe-kv/default",\n      "condition": "[parameters(\'dns\')]",')].join(',\n'),
      '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "parameters": { "dns": { "type": "bool", "defaultValue": true } },')
        .replace(/ {2}/g, '\t').replace(/\n/g, '\r\n'),
    },
    {
      name: 'ARM: no zone: zone, link and group after the endpoint',
      code: arm([armVnet, armPe(markedType), armZone.replace('privateDnsZones', 'networkSecurityGroups').replace('privatelink.vaultcore.azure.net', 'nsg')].join(',\n')),
      errors: [{ messageId: 'missingInVnet' }],
      output: arm([armVnet, armPe(), armZone, armLink, armGroup, armZone.replace('privateDnsZones', 'networkSecurityGroups').replace('privatelink.vaultcore.azure.net', 'nsg')].join(',\n')),
    },
  ],
});

const symbolic = (pe: string, group = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "zone": {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    },
    "zoneLink": {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/link-spoke",
      "location": "global",
      "dependsOn": [ "zone", "vnet" ],
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    },
    "vnet": {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    },
    "pe": {
      "type": ${pe},
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "dependsOn": [ "vnet" ],
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }${group}
  }
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM languageVersion 2.0: a symbolic name for the group, dependsOn by symbolic names',
      code: symbolic(markedType),
      errors: [{ messageId: 'missingInVnet' }],
      output: symbolic('"Microsoft.Network/privateEndpoints"', `,
    "peDnsZoneGroup": {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [
        "pe",
        "zone"
      ],
      "properties": {
        "privateDnsZoneConfigs": [
          {
            "name": "privatelink-vaultcore-azure-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
            }
          }
        ]
      }
    }`),
    },
  ],
});
