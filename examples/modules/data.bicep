// Data services of the workload, reachable only through private endpoints in the spoke:
// a storage account (blob) and a key vault. Public network access is off on both.
// Also a log storage account that the workload subnet reaches over a service endpoint.

@description('Region of the services and of their private endpoints (the spoke\'s region).')
param location string

@description('Short workload name used in resource names: 2-6 lowercase letters or digits.')
@minLength(2)
@maxLength(6)
param workload string

@description('Resource id of the spoke subnet that holds private endpoints.')
param privateEndpointSubnetId string

@description('Resource id of the privatelink.blob private DNS zone.')
param blobDnsZoneId string

@description('Resource id of the spoke subnet that holds the workload (it writes logs to storage).')
param workloadSubnetId string

resource storage 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'st${workload}${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'Disabled'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource peStorageBlob 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${storage.name}-blob'
  location: location
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    customNetworkInterfaceName: 'nic-pe-${storage.name}-blob'
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}

resource peStorageBlobDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: peStorageBlob
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-blob'
        properties: {
          privateDnsZoneId: blobDnsZoneId
        }
      }
    ]
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-${workload}-${uniqueString(resourceGroup().id)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

// Deliberate mistake (pe-dns-zone-group-missing): this endpoint has no privateDnsZoneGroups child,
// so no A record is written to privatelink.vaultcore.azure.net (created and linked to the spoke in
// private-dns.bicep): clients in the spoke find no record for the vault there and get no address.
resource peKeyVault 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${keyVault.name}'
  location: location
  properties: {
    subnet: {
      id: privateEndpointSubnetId
    }
    customNetworkInterfaceName: 'nic-pe-${keyVault.name}'
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: keyVault.id
          groupIds: [
            'vault'
          ]
        }
      }
    ]
  }
}

// Deliberate mistake (service-endpoint-missing): this network rule names the workload subnet, but
// that subnet (spoke.bicep) has no Microsoft.Storage service endpoint, so the rule never matches the
// workload's traffic and the account refuses it.
resource logStorage 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stlog${workload}${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'Enabled'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      virtualNetworkRules: [
        {
          id: workloadSubnetId
          action: 'Allow'
        }
      ]
    }
  }
}

output storageAccountName string = storage.name
output keyVaultName string = keyVault.name
