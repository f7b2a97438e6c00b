// Small templates for the CI recipe tests: one finding each (or none), checked with the CLI.
import { formattedBlobEndpoint, formattedBlobZoneGroup, formattedVnet } from './formatted-bicep';

/** An error: the subnet lies outside its VNet's address space (subnet-outside-vnet). */
export const errorTemplate = `${formattedVnet('vnet-app', 'snet-app', '10.1.0.0/24')}`;

/** No finding: the same VNet with its subnet inside the address space. */
export const cleanTemplate = `${formattedVnet('vnet-app', 'snet-app', '10.0.1.0/24')}`;

/** A warning only: a private DNS zone in a region instead of 'global' (dns-zone-location). */
export const warningTemplate = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'contoso.internal'
  location: 'westeurope'
}
`;

/** Clean in AzureCloud; in AzureUSGovernment the blob zone name is wrong (pe-dns-zone-mismatch, a warning). */
export const cloudSensitiveTemplate = `${formattedVnet('vnet-data', 'snet-pe', '10.0.1.0/24')}
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdata'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-data'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

${formattedBlobEndpoint('endpoint', 'pe-blob', 'storage.id', '2024-05-01')}
${formattedBlobZoneGroup('zone.id', 'zoneGroup', 'endpoint', '2024-05-01')}`;
