// add-vnet-link (dns-zone-unlinked, dns-zone-vnet-link-missing): a global link without auto-registration
// from the zone to each VNet that must resolve through it, after the zone's declaration; Bicep and ARM.
import unlinked from '../../../server/src/rules/dns-zone-unlinked';
import linkMissing from '../../../server/src/rules/dns-zone-vnet-link-missing';
import { ruleTests } from '../../support/rule-test';

const vnet = (symbol = 'vnet', name = 'vnet-spoke', octet = 1) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.${octet}.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.${octet}.1.0/24' } } ]
  }
}
`;
const endpoint = `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
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
const newLink = (vnetId = 'vnet.id', label = 'vnet-spoke', symbol = 'zoneLinkVnetSpoke') => `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-${label}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: ${vnetId}
    }
  }
}
`;

ruleTests(unlinked, {
  valid: [],
  invalid: [
    {
      name: "Bicep: a link to the endpoint's VNet after the zone",
      code: vnet() + endpoint + zone('[|zone|]'),
      errors: [{ messageId: 'unlinked' }],
      fixTitle: /^Link the zone to 'vnet-spoke'$/,
      output: vnet() + endpoint + zone() + newLink(),
    },
    {
      name: "Bicep: the zone in a module whose caller declares the VNet: the VNet's id is passed in",
      code: `//- /main.bicep
${vnet()}${endpoint.replace('zone.id', 'dns.outputs.zoneId')}module dns 'dns.bicep' = {
  name: 'dns'
}
//- /dns.bicep
${zone('[|zone|]')}output zoneId string = zone.id
`,
      errors: [{ messageId: 'unlinked' }],
      output: `//- /main.bicep
${vnet()}${endpoint.replace('zone.id', 'dns.outputs.zoneId')}module dns 'dns.bicep' = {
  name: 'dns'
  params: {
    vnetSpokeId: vnet.id
  }
}
//- /dns.bicep
@description('Resource id of the virtual network vnet-spoke.')
param vnetSpokeId string

${zone()}${newLink('vnetSpokeId')}output zoneId string = zone.id
`,
    },
  ],
});

const peered = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: { remoteVirtualNetwork: { id: vnet.id } }
}
resource spokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'spoke-to-hub'
  properties: { remoteVirtualNetwork: { id: hub.id } }
}
`;
const spokeLink = `resource spokeLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}
`;

ruleTests(linkMissing, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the hub, peered both ways with the endpoint VNet, gets its link',
      code: vnet() + peered + endpoint + zone('[|zone|]') + spokeLink,
      errors: [{ messageId: 'peered' }],
      output: vnet() + peered + endpoint + zone() + newLink('hub.id', 'vnet-hub', 'zoneLinkVnetHub') + spokeLink,
    },
  ],
});

const arm = (zoneType: string, extra = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "zoneName": { "type": "string", "defaultValue": "privatelink.vaultcore.azure.net" } },
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
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', parameters('zoneName'))]" } } ] }
    },
    {
      "type": ${zoneType},
      "apiVersion": "2024-06-01",
      "name": "[parameters('zoneName')]",
      "location": "global"
    }${extra}
  ]
}
`;

ruleTests(unlinked, {
  valid: [],
  invalid: [
    {
      name: 'ARM: a link named with format() after a zone whose name is a parameter',
      code: arm('[|"Microsoft.Network/privateDnsZones"|]'),
      errors: [{ messageId: 'unlinked' }],
      output: arm('"Microsoft.Network/privateDnsZones"', `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[format('{0}/{1}', parameters('zoneName'), 'link-vnet-spoke')]",
      "location": "global",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', parameters('zoneName'))]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
      ],
      "properties": {
        "registrationEnabled": false,
        "virtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
        }
      }
    }`),
    },
  ],
});

ruleTests(linkMissing, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the endpoint VNet, using Azure-provided DNS, is linked (the zone had a link to another VNet)',
      code: arm('[|"Microsoft.Network/privateDnsZones"|]', `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[format('{0}/{1}', parameters('zoneName'), 'link-far')]",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/far" } }
    }`),
      errors: [{ messageId: 'ownVnet' }],
      output: arm('"Microsoft.Network/privateDnsZones"', `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[format('{0}/{1}', parameters('zoneName'), 'link-vnet-spoke')]",
      "location": "global",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', parameters('zoneName'))]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
      ],
      "properties": {
        "registrationEnabled": false,
        "virtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"
        }
      }
    },
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[format('{0}/{1}', parameters('zoneName'), 'link-far')]",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/far" } }
    }`),
    },
  ],
});
