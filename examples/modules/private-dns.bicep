// Central private DNS zones for the private endpoints, each linked to the hub and to the spoke.
// Zones and links are global resources; the links only resolve, they never auto-register.

@description('Resource id of the hub virtual network.')
param hubVnetId string

@description('Resource id of the spoke virtual network.')
param spokeVnetId string

// environment() gives the storage suffix of the target cloud (core.windows.net in AzureCloud).
resource zoneBlob 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.${environment().suffixes.storage}'
  location: 'global'
}

resource zoneBlobLinkHub 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zoneBlob
  name: 'link-vnet-hub'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: hubVnetId
    }
    registrationEnabled: false
  }
}

resource zoneBlobLinkSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zoneBlob
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: spokeVnetId
    }
    registrationEnabled: false
  }
}

// Key Vault's zone is written out: environment().suffixes.keyvaultDns is the public vault suffix,
// not the private-link zone.
resource zoneVault 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}

resource zoneVaultLinkHub 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zoneVault
  name: 'link-vnet-hub'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: hubVnetId
    }
    registrationEnabled: false
  }
}

resource zoneVaultLinkSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zoneVault
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: spokeVnetId
    }
    registrationEnabled: false
  }
}

output blobZoneId string = zoneBlob.id
output vaultZoneId string = zoneVault.id
