import rule from '../../../server/src/rules/dns-zone-unlinked';
import { ruleTests } from '../../support/rule-test';

const network = `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
`;

/** A Key Vault endpoint (or one to `targetType`) in vnet-spoke with a zone group on zone `zone`. */
const endpoint = (groupHead = '', targetType = 'Microsoft.KeyVault/vaults@2026-02-01') => `resource kv '${targetType}' existing = {
  name: 'kv-prod'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${groupHead}{
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zone.id } } ] }
}
`;

const zone = (symbol = 'zone', name = 'privatelink.vaultcore.azure.net', head = '') => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = ${head}{
  name: '${name}'
  location: 'global'
}
`;

const link = (head = '', parent = "parent: zone\n  name: 'link-spoke'") => `resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = ${head}{
  ${parent}
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'the zone is linked', code: network + endpoint() + zone() + link() },
    { name: 'a zone no zone group uses', code: network + zone() },
    { name: 'an existing zone is linked elsewhere', code: `${network}${endpoint()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n` },
    { name: 'a zone that is not a privatelink zone', code: network + endpoint() + zone('zone', 'contoso.internal') },
    { name: 'a link that may be deployed', code: `param linkIt bool\n${network}${endpoint()}${zone()}${link('if (linkIt) ')}` },
    { name: 'a link whose zone name is unknown may belong to the zone', code: `param zoneName string\n${network}${endpoint()}${zone()}${link('', "name: '${zoneName}/link-spoke'")}` },
    { name: 'a zone group that may be deployed', code: `param dns bool\n${network}${endpoint('if (dns) ')}${zone()}` },
    { name: 'a zone that may be deployed', code: `param dns bool\n${network}${endpoint()}${zone('zone', 'privatelink.vaultcore.azure.net', 'if (dns) ')}` },
    { name: 'an unknown zone name', code: `param zoneName string\n${network}${endpoint()}${zone('zone', '${zoneName}')}` },
    { name: 'pe-group-id-invalid silences the DNS rules of its endpoint', code: network + endpoint('', 'Microsoft.Network/privateLinkServices@2025-09-01') + zone() },
    {
      name: 'the link declared in another file on the zone as an existing resource',
      code: `//- /main.bicep\n${network}${endpoint()}${zone()}module links 'links.bicep' = {\n  name: 'links'\n  params: { vnetId: vnet.id }\n}\n//- /links.bicep\nparam vnetId string\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\nresource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {\n  parent: zone\n  name: 'link'\n  location: 'global'\n  properties: { registrationEnabled: false, virtualNetwork: { id: vnetId } }\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a zone a zone group uses, with no link',
      code: network + endpoint() + zone('[|zone|]'),
      errors: [{ messageId: 'unlinked', level: 'warning', message: /^Private DNS zone 'privatelink\.vaultcore\.azure\.net' holds the record of private endpoint 'pe-kv' but is linked to no virtual network/ }],
    },
    {
      name: 'a link to another zone does not count',
      code: network + endpoint() + zone('[|zone|]') + zone('blob', 'privatelink.blob.core.windows.net') + link('', "parent: blob\n  name: 'link-spoke'"),
      errors: [{ messageId: 'unlinked' }],
    },
    {
      name: 'reported in the file that creates the zone, the zone group in a module',
      code: `//- /main.bicep\n${network}${zone('[|zone|]')}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id, zoneId: zone.id }\n}\n//- /data.bicep\nparam subnetId string\nparam zoneId string\nresource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv-prod'\n}\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\nresource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zoneId } } ] }\n}\n`,
      errors: [{ messageId: 'unlinked' }],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the zone's "type").
const arm = (link: boolean, marked = false) => `//- /main.json
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
    },
    {
      "type": ${marked ? '[|"Microsoft.Network/privateDnsZones"|]' : '"Microsoft.Network/privateDnsZones"'},
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    },
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "properties": {
        "privateDnsZoneConfigs": [
          { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } }
        ]
      }
    }${link ? `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/link-spoke",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    }` : ''}
  ]
}
`;

const armCases = {
  valid: [{ name: 'ARM: the zone is linked', code: arm(true) }],
  invalid: [{ name: 'ARM: a zone a zone group uses, with no link', code: arm(false, true), errors: [{ messageId: 'unlinked' }] }],
};
ruleTests(rule, armCases);
