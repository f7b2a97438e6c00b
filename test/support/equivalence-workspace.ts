// The small generated workspace the incremental-equivalence tests edit at random: several roots
// (Bicep and ARM, modules, a parameter file, roots joined through `existing` and ids written out
// from names, and roots in a scope none of them knows that may add children to each other's resources).
import type { Files } from './incremental-equivalence';

const subscription = '00000000-0000-0000-0000-000000000000';

const hubMain = `module hub 'hub-vnet.bicep' = {
  name: 'hub'
  scope: resourceGroup('${subscription}', 'rg-hub')
  params: { location: 'northeurope' }
}
`;

const hubVnet = `param location string
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [
      { name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } }
      { name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.2.0/26' } }
    ]
  }
}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-hub'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}
`;

const spoke = (
  index: number,
  location: string,
) => `resource hubVnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-hub'
  scope: resourceGroup('${subscription}', 'rg-hub')
}
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke-${index}'
  location: '${location}'
  properties: {
    addressSpace: { addressPrefixes: [ '10.${index}.0.0/16' ] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: '10.${index}.1.0/24' } } ]
  }
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'to-hub'
  properties: { remoteVirtualNetwork: { id: hubVnet.id }, allowVirtualNetworkAccess: true }
}
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspoke${index}'
  location: '${location}'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { publicNetworkAccess: 'Disabled' }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-spoke-${index}'
  location: '${location}'
  properties: {
    subnet: { id: '\${hubVnet.id}/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: storage.id, groupIds: [ 'blob' ] } } ]
  }
}
`;

const armTemplate = (resources: string, parameters = '{}') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": ${parameters},
  "resources": [${resources}]
}`;

const armSpoke = armTemplate(
  `{
  "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "[parameters('endpointName')]", "location": "westeurope",
  "properties": {
    "subnet": { "id": "/subscriptions/${subscription}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe" },
    "privateLinkServiceConnections": []
  }
}, {
  "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-arm", "location": "westeurope",
  "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.0.0/29" } } ] }
}`,
  '{ "endpointName": { "type": "string", "defaultValue": "pe-arm" } }',
);

const armParameters = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "endpointName": { "value": "pe-arm-bound" } }
}`;

/** Three roots deployed to a resource group none names: each may add children to the others' resources. */
const splitHub = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-split-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.50.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.50.1.0/24' } } ]
  }
}
resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-split-spoke'
}
resource toSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: { remoteVirtualNetwork: { id: spoke.id } }
}
resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stsplit'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-split'
  location: 'westeurope'
  properties: {
    subnet: { id: hub.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]
  }
}
`;

const splitSpoke = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-split-hub'
}
resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-split-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.51.0.0/16' ] }
    virtualNetworkPeerings: [ { name: 'spoke-to-hub', properties: { remoteVirtualNetwork: { id: hub.id } } } ]
  }
}
`;

const splitDns = `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {
  name: 'pe-split'
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'blob', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'privatelink.blob.core.windows.net') } } ] }
}
`;

const root = 'file:///ws/';
export function generatedWorkspace(): Files {
  return new Map([
    [`${root}hub/main.bicep`, hubMain],
    [`${root}hub/hub-vnet.bicep`, hubVnet],
    [`${root}spoke1/main.bicep`, spoke(1, 'westeurope')],
    [`${root}spoke2/main.bicep`, spoke(2, 'northeurope')],
    [`${root}arm/azuredeploy.json`, armSpoke],
    [`${root}arm/azuredeploy.parameters.json`, armParameters],
    [`${root}split/hub.bicep`, splitHub],
    [`${root}split/spoke.bicep`, splitSpoke],
    [`${root}split/dns.bicep`, splitDns],
  ]);
}
