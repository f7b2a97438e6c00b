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
resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-prod'
}
`;

/** A private endpoint in vnet-spoke; `symbol` may carry a [|…|] marker. */
const pe = (symbol = 'pe', groupIds = "[ 'vault' ]", target = 'kv.id', head = '') => `resource ${symbol} 'Microsoft.Network/privateEndpoints@2025-09-01' = ${head}{
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: ${target}, groupIds: ${groupIds} } } ]
  }
}
`;

const zone = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
`;

const group = (head = '', parent = 'parent: pe\n  name: \'default\'') => `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  ${parent}
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zone.id } } ] }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'an endpoint with a zone group', code: vnet + pe() + zone + group() },
    { name: 'a zone group named by its full name, without parent', code: vnet + pe() + zone + group('', "name: 'pe-kv/default'") },
    { name: 'a zone group that may be deployed silences the finding', code: `param dns bool\n${vnet}${pe()}${zone}${group('if (dns) ')}` },
    { name: 'a zone group whose parent name is unknown may belong to the endpoint', code: `param peName string\n${vnet}${pe()}${zone}${group('', "name: '${peName}/default'")}` },
    { name: 'an endpoint that may not be deployed', code: `param deploy bool\n${vnet}${pe('pe', "[ 'vault' ]", 'kv.id', 'if (deploy) ')}` },
    { name: 'an existing endpoint is not ours to change', code: "resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {\n  name: 'pe-kv'\n}\n" },
    { name: 'a target given as an unknown id has no known type', code: `param targetId string\n${vnet}${pe('pe', "[ 'vault' ]", 'targetId')}` },
    { name: 'an unknown group id', code: `param groupId string\n${vnet}${pe('pe', '[ groupId ]')}` },
    { name: 'a group id with no private DNS zone (a Web Apps slot)', code: `${vnet}resource site 'Microsoft.Web/sites@2025-03-01' existing = {\n  name: 'app'\n}\n${pe('pe', "[ 'sites-staging' ]", 'site.id')}` },
    { name: 'a customer Private Link service takes no group id and has no zone', code: `${vnet}resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {\n  name: 'pls'\n}\n${pe('pe', '[]', 'pls.id')}` },
    {
      name: 'pe-group-id-invalid takes precedence (a Private Link service given a group id)',
      code: `${vnet}resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {\n  name: 'pls'\n}\n${pe('pe', "[ 'vault' ]", 'pls.id')}`,
    },
    { name: 'a group id without zones in the configured cloud (Static Web Apps in Azure China)', cloud: 'AzureChinaCloud', code: `${vnet}resource swa 'Microsoft.Web/staticSites@2025-03-01' existing = {\n  name: 'swa'\n}\n${pe('pe', "[ 'staticSites' ]", 'swa.id')}` },
    {
      name: 'a manual A record in the needed zone replaces the zone group',
      code: `${vnet}${pe()}${zone}resource record 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {\n  parent: zone\n  name: 'kv-prod'\n  properties: { ttl: 10, aRecords: [ { ipv4Address: '10.1.1.4' } ] }\n}\n`,
    },
    {
      name: 'the zone group in another file, on the endpoint as an existing resource',
      code: `//- /main.bicep\n${vnet}${pe()}module dns 'dns.bicep' = {\n  name: 'dns'\n}\n//- /dns.bicep\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {\n  name: 'pe-kv'\n}\n${zone}${group()}`,
    },
  ],
  invalid: [
    {
      name: 'a Key Vault endpoint without a zone group',
      code: vnet + pe('[|pe|]') + zone,
      errors: [{ messageId: 'missingInVnet', level: 'warning', message: /^Private endpoint 'pe-kv' has no private DNS zone group: clients in 'vnet-spoke' resolve 'kv-prod' to its public address, because no record is written to 'privatelink\.vaultcore\.azure\.net'\.$/ }],
    },
    {
      name: 'the subnet given as an id: the VNet is not named',
      code: `param subnetId string\nresource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\nresource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-st'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missing', message: /'stprod'.*'privatelink\.blob\.core\.windows\.net'/ }],
    },
    {
      name: 'a target given by resourceId(): the type comes from the id',
      code: vnet + pe('[|pe|]', "[ 'vault' ]", "resourceId('Microsoft.KeyVault/vaults', 'kv-other')"),
      errors: [{ messageId: 'missingInVnet', message: /its Azure Key Vault/ }],
    },
    {
      name: 'a manual (pending) connection needs DNS too',
      code: `${vnet}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    manualPrivateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missingInVnet' }],
    },
    {
      name: 'zone names follow the configured cloud',
      cloud: 'AzureUSGovernment',
      code: vnet + pe('[|pe|]'),
      errors: [{ messageId: 'missingInVnet', message: /'privatelink\.vaultcore\.usgovcloudapi\.net'/ }],
    },
    {
      name: 'a manual A record in another zone does not replace the zone group',
      code: `${vnet}${pe('[|pe|]')}resource blob 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'global'\n}\nresource record 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {\n  parent: blob\n  name: 'kv-prod'\n  properties: { ttl: 10, aRecords: [ { ipv4Address: '10.1.1.4' } ] }\n}\n`,
      errors: [{ messageId: 'missingInVnet' }],
    },
    {
      name: 'endpoints in a loop give one finding',
      code: `${vnet}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-\${name}'), groupIds: [ 'vault' ] } } ]\n  }\n}]\n`,
      errors: [{ messageId: 'missingInVnet' }],
    },
    {
      name: 'reported in the module that declares the endpoint',
      code: `//- /main.bicep\n${vnet}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id }\n}\n//- /data.bicep\nparam subnetId string\nresource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv-prod'\n}\nresource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missingInVnet', message: /clients in 'vnet-spoke'/ }],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the endpoint's "type").
const arm = (resources: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "dns": { "type": "bool" } },
  "resources": [
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }${resources}
  ]
}
`;
const armGroup = (condition = '') => `,
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",${condition}
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } } ] }
    }`;

const armCases = {
  valid: [
    { name: 'ARM: an endpoint with a zone group', code: arm(armGroup()) },
    { name: 'ARM: a zone group that may be deployed', code: arm(armGroup(`\n      "condition": "[parameters('dns')]",`)) },
  ],
  invalid: [
    {
      name: 'ARM: a Key Vault endpoint without a zone group',
      code: arm('').replace('"type": "Microsoft.Network/privateEndpoints"', '"type": [|"Microsoft.Network/privateEndpoints"|]'),
      errors: [{ messageId: 'missing', message: /'privatelink\.vaultcore\.azure\.net'/ }],
    },
  ],
};
ruleTests(rule, armCases);
