// A second spoke for the reporting workload: its own VNet, whose clients resolve names through the
// hub's DNS forwarder, and a storage account (file shares) reachable only through a private
// endpoint there. Its peering with the hub is managed by the platform team, outside this template.

@description('Region of the spoke and of its resources.')
param location string

@description('Short workload name used in resource names: 2-6 lowercase letters or digits.')
@minLength(2)
@maxLength(6)
param workload string

@description('Private IP of the hub\'s DNS forwarder: the DNS server of this spoke.')
param dnsServer string

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke-reports'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.3.0.0/16'
      ]
    }
    dhcpOptions: {
      dnsServers: [
        dnsServer
      ]
    }
    subnets: [
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: '10.3.1.0/24'
        }
      }
    ]
  }
}

resource reports 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'strep${workload}${uniqueString(resourceGroup().id)}'
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

resource peReportsFile 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${reports.name}-file'
  location: location
  properties: {
    subnet: {
      id: vnet.properties.subnets[0].id
    }
    privateLinkServiceConnections: [
      {
        name: 'file'
        properties: {
          privateLinkServiceId: reports.id
          groupIds: [
            'file'
          ]
        }
      }
    ]
  }
}

resource peReportsFileDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: peReportsFile
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-file'
        properties: {
          privateDnsZoneId: zoneFile.id
        }
      }
    ]
  }
}

// Deliberate mistake (dns-custom-server-unlinked): the zone is linked only to this spoke. The spoke
// uses a custom DNS server (the hub's forwarder), so its own links are never asked: the forwarder's
// queries are answered from the zones linked to vnet-hub, and clients here get the public address.
resource zoneFile 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.file.${environment().suffixes.storage}'
  location: 'global'
}

resource zoneFileLinkSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zoneFile
  name: 'link-vnet-spoke-reports'
  location: 'global'
  properties: {
    virtualNetwork: {
      id: vnet.id
    }
    registrationEnabled: false
  }
}

output vnetId string = vnet.id
