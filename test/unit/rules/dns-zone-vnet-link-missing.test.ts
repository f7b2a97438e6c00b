import rule from '../../../server/src/rules/dns-zone-vnet-link-missing';
import { ruleTests } from '../../support/rule-test';

/** A VNet `symbol` named `name`; `extra` goes inside its properties (e.g. dhcpOptions). */
const vnet = (symbol: string, name: string, prefix: string, extra = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '${prefix}' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '${prefix.replace('.0.0/16', '.1.0/24')}' } } ]${extra ? `\n    ${extra}` : ''}
  }
}
`;

const hub = (extra = '') => vnet('hub', 'vnet-hub', '10.0.0.0/16', extra);
const spoke = (extra = '') => vnet('spoke', 'vnet-spoke', '10.1.0.0/16', extra);

const peering = (symbol: string, parent: string, remote: string, head = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = ${head}{
  parent: ${parent}
  name: 'to-${remote}'
  properties: { remoteVirtualNetwork: { id: ${remote}.id }, allowVirtualNetworkAccess: true }
}
`;
const peered = peering('hubToSpoke', 'hub', 'spoke') + peering('spokeToHub', 'spoke', 'hub');

/** A Key Vault endpoint in vnet-spoke (or in `subnet`) with a zone group on `zone`. */
const endpoint = (subnet = 'spoke.properties.subnets[0].id', targetType = 'Microsoft.KeyVault/vaults@2026-02-01') => `resource kv '${targetType}' existing = {
  name: 'kv-prod'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: ${subnet} }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zone.id } } ] }
}
`;

const zone = (symbol = 'zone') => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
`;

const link = (symbol: string, vnetId: string, head = '') => `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = ${head}{
  parent: zone
  name: '${symbol}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${vnetId} } }
}
`;

ruleTests(rule, {
  valid: [
    { name: "the zone is linked to the endpoint's VNet", code: spoke() + endpoint() + zone() + link('toSpoke', 'spoke.id') },
    { name: 'linked to the endpoint\'s VNet and to the VNet peered both ways', code: hub() + spoke() + peered + endpoint() + zone() + link('toSpoke', 'spoke.id') + link('toHub', 'hub.id') },
    { name: 'a one-way peering from the spoke does not make the hub a client', code: hub() + spoke() + peering('spokeToHub', 'spoke', 'hub') + endpoint() + zone() + link('toSpoke', 'spoke.id') },
    { name: 'a one-way peering from the hub does not make the hub a client', code: hub() + spoke() + peering('hubToSpoke', 'hub', 'spoke') + endpoint() + zone() + link('toSpoke', 'spoke.id') },
    { name: 'a peering that may not be deployed', code: `param back bool\n${hub()}${spoke()}${peering('hubToSpoke', 'hub', 'spoke')}${peering('spokeToHub', 'spoke', 'hub', 'if (back) ')}${endpoint()}${zone()}${link('toSpoke', 'spoke.id')}` },
    {
      name: 'a spoke on custom DNS resolves through the hub, which is linked',
      code: hub() + spoke("dhcpOptions: { dnsServers: [ '10.0.1.4' ] }") + peered + endpoint() + zone() + link('toHub', 'hub.id'),
    },
    { name: 'a zone without any link is dns-zone-unlinked\'s finding', code: spoke() + endpoint() + zone() },
    { name: 'a link to an unknown VNet may be the missing one', code: `param vnetId string\n${spoke()}${endpoint()}${zone()}${link('toSomewhere', 'vnetId')}` },
    { name: 'a link that may be deployed', code: `param linkIt bool\n${hub()}${spoke()}${endpoint()}${zone()}${link('toHub', 'hub.id')}${link('toSpoke', 'spoke.id', 'if (linkIt) ')}` },
    { name: 'DNS servers that are not known', code: `param dns object\n${hub()}${spoke('dhcpOptions: dns')}${endpoint()}${zone()}${link('toHub', 'hub.id')}` },
    { name: 'an endpoint whose subnet is given as an unknown id', code: `param subnetId string\n${hub()}${endpoint('subnetId')}${zone()}${link('toHub', 'hub.id')}` },
    { name: 'an existing zone is linked elsewhere', code: `${hub()}${spoke()}${endpoint()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n${link('toHub', 'hub.id')}` },
    {
      name: 'a VNet redeployed later with custom DNS servers (a firewall DNS proxy)',
      code: `//- /main.bicep\n${hub()}${spoke()}${endpoint()}${zone()}${link('toHub', 'hub.id')}module dns 'dns.bicep' = {\n  name: 'dns'\n}\n//- /dns.bicep\n${spoke("dhcpOptions: { dnsServers: [ '10.0.1.4' ] }")}`,
    },
    { name: 'pe-group-id-invalid silences the DNS rules of its endpoint', code: hub() + spoke() + endpoint('spoke.properties.subnets[0].id', 'Microsoft.Network/privateLinkServices@2025-09-01') + zone() + link('toHub', 'hub.id') },
  ],
  invalid: [
    {
      name: "a zone linked to the hub only: the endpoint's own VNet cannot resolve it",
      code: hub() + spoke() + endpoint() + zone('[|zone|]') + link('toHub', 'hub.id'),
      errors: [{ messageId: 'ownVnet', level: 'warning', message: /^Private DNS zone 'privatelink\.vaultcore\.azure\.net' is not linked to 'vnet-spoke', the virtual network of private endpoint 'pe-kv': clients there use Azure-provided DNS/ }],
    },
    {
      name: 'the hub peered both ways is not linked',
      code: hub() + spoke() + peered + endpoint() + zone('[|zone|]') + link('toSpoke', 'spoke.id'),
      errors: [{ messageId: 'peered', message: /is not linked to 'vnet-hub', peered with the virtual network of private endpoint 'pe-kv'/ }],
    },
    {
      name: 'an empty list of DNS servers is Azure-provided DNS',
      code: hub() + spoke('dhcpOptions: { dnsServers: [] }') + endpoint() + zone('[|zone|]') + link('toHub', 'hub.id'),
      errors: [{ messageId: 'ownVnet' }],
    },
    {
      name: 'an existing reference to the VNet elsewhere sets nothing',
      code: `//- /main.bicep\n${hub()}${spoke()}${endpoint()}${zone('[|zone|]')}${link('toHub', 'hub.id')}module other 'other.bicep' = {\n  name: 'other'\n}\n//- /other.bicep\nresource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-spoke'\n}\noutput id string = spoke.id\n`,
      errors: [{ messageId: 'ownVnet' }],
    },
    {
      name: 'neither the own VNet nor the peered one is linked',
      code: hub() + spoke() + vnet('other', 'vnet-other', '10.2.0.0/16') + peered + endpoint() + zone('[|zone|]') + link('toOther', 'other.id'),
      errors: [{ messageId: 'ownVnet', message: /'vnet-spoke', the virtual network of private endpoint 'pe-kv' \(nor to 'vnet-hub'\)/ }],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the zone's "type").
const armVnet = (name: string, prefix: string) => `
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "${name}",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "${prefix}" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "${prefix.replace('.0.0/16', '.1.0/24')}" } } ]
      }
    },`;
const arm = (linkedVnet: string, marked = false) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [${armVnet('vnet-hub', '10.0.0.0/16')}${armVnet('vnet-spoke', '10.1.0.0/16')}
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
    },
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/link",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', '${linkedVnet}')]" } }
    }
  ]
}
`;

const armCases = {
  valid: [{ name: "ARM: the zone is linked to the endpoint's VNet", code: arm('vnet-spoke') }],
  invalid: [{ name: 'ARM: the zone is linked to the hub only', code: arm('vnet-hub', true), errors: [{ messageId: 'ownVnet' }] }],
};
ruleTests(rule, armCases);
