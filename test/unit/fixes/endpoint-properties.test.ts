// use-vnet-location (pe-location-mismatch), disable-public-access (pe-public-access-enabled) and
// replace-group-id (pe-group-id-invalid): values on the endpoint or its target, in Bicep and ARM.
import groupId from '../../../server/src/rules/pe-group-id-invalid';
import locationMismatch from '../../../server/src/rules/pe-location-mismatch';
import publicAccess from '../../../server/src/rules/pe-public-access-enabled';
import { ruleTests } from '../../support/rule-test';

const network = (vnetLocation: string, peLocation: string, head = '') => `${head}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: ${vnetLocation}
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: ${peLocation}
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
  }
}
`;

ruleTests(locationMismatch, {
  valid: [],
  invalid: [
    {
      name: "Bicep: the VNet's own location expression",
      code: network('vnetLocation', "[|'eastus'|]", "param vnetLocation string = 'westeurope'\n"),
      errors: [{ messageId: 'mismatch' }],
      fixTitle: /^Use the virtual network's location$/,
      output: network('vnetLocation', 'vnetLocation', "param vnetLocation string = 'westeurope'\n"),
    },
    { name: 'Bicep: a literal VNet location is copied', code: network("'westeurope'", "[|'eastus'|]"), errors: [{ messageId: 'mismatch' }], output: network("'westeurope'", "'westeurope'") },
    {
      name: "ARM: the VNet's expression",
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "type": "string", "defaultValue": "westeurope" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-spoke", "location": "[parameters('location')]",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] }, "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ] } },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-kv", "location": [|"eastus"|],
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" } } }
  ]
}
`,
      errors: [{ messageId: 'mismatch' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "type": "string", "defaultValue": "westeurope" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-spoke", "location": "[parameters('location')]",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] }, "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ] } },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-kv", "location": "[parameters('location')]",
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" } } }
  ]
}
`,
    },
  ],
});

const storage = (properties: string, symbol = 'st') => `resource ${symbol} 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stapp'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: ${properties}
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-blob'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]
  }
}
`;

ruleTests(publicAccess, {
  valid: [],
  invalid: [
    {
      name: "Bicep: 'Enabled' becomes 'Disabled'",
      code: storage("{\n    minimumTlsVersion: 'TLS1_2'\n    publicNetworkAccess: 'Enabled'\n  }", '[|st|]'),
      errors: [{ messageId: 'enabled' }],
      fixTitle: /^Turn public network access off$/,
      output: storage("{\n    minimumTlsVersion: 'TLS1_2'\n    publicNetworkAccess: 'Disabled'\n  }"),
    },
    {
      name: 'Bicep: a parameter that enables it is replaced at the use',
      code: `param access string = 'Enabled'\n${storage('{ publicNetworkAccess: access }', '[|st|]')}`,
      errors: [{ messageId: 'enabled' }],
      output: `param access string = 'Enabled'\n${storage("{ publicNetworkAccess: 'Disabled' }")}`,
    },
    {
      name: 'ARM: a Key Vault',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": [|"Microsoft.KeyVault/vaults"|],
      "apiVersion": "2026-02-01",
      "name": "kv-prod",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "publicNetworkAccess": "Enabled"
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]" ],
      "properties": {
        "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    }
  ]
}
`,
      errors: [{ messageId: 'enabled' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2026-02-01",
      "name": "kv-prod",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]" ],
      "properties": {
        "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    }
  ]
}
`,
    },
  ],
});

// FACTS §2.1 gives a complete group id list only for a Private Link service, which takes none: there is
// no closest valid id to write, so the rule requests no fix (and the case documents it).
const pls = (groupIds: string) => `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {
  name: 'pls'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-pls'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: pls.id, groupIds: ${groupIds} } } ]
  }
}
`;
ruleTests(groupId, {
  valid: [],
  invalid: [
    { name: 'Bicep: a Private Link service given a group id: no id to write, no fix', code: pls("[ [|'vault'|] ]"), errors: [{ messageId: 'noGroupIds' }], output: null },
    {
      name: 'ARM: the same, no fix',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/privateLinkServices", "apiVersion": "2025-09-01", "name": "pls", "location": "westeurope", "properties": {} },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-pls", "location": "westeurope",
      "properties": { "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Network/privateLinkServices', 'pls')]", "groupIds": [ [|"vault"|] ] } } ] } }
  ]
}
`,
      errors: [{ messageId: 'noGroupIds' }],
      output: null,
    },
  ],
});
