// VNet Lens example workspace: a small hub-and-spoke deployment with private endpoints and a
// Private Link service. It holds a few deliberate mistakes for VNet Lens to find; README.md lists them.
targetScope = 'resourceGroup'

@description('Region of every regional resource. Private DNS zones and their links are always global.')
param location string = resourceGroup().location

@description('Short workload name used in resource names: 2-6 lowercase letters or digits.')
@minLength(2)
@maxLength(6)
param workload string = 'shop'

@description('Address space of the spoke virtual network (a /16; the module carves /24 subnets from it).')
param spokeAddressPrefix string = '10.1.0.0/16'

var hubVnetName = 'vnet-hub'
var spokeVnetName = 'vnet-spoke-${workload}'

resource vnetHub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: hubVnetName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.0.0.0/27'
        }
      }
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.0.1.0/26'
        }
      }
      {
        name: 'snet-shared'
        properties: {
          addressPrefix: '10.0.2.0/24'
        }
      }
    ]
  }
}

module spoke 'modules/spoke.bicep' = {
  name: 'spoke-${workload}'
  params: {
    location: location
    vnetName: spokeVnetName
    addressPrefix: spokeAddressPrefix
  }
}

// Deliberate mistake (peering-reverse-missing): only the hub side of the hub-spoke peering is
// declared. The spoke VNet is deployed by this same template, but nothing peers it back to the hub,
// so this peering stays 'Initiated' and no traffic flows.
resource peerHubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnetHub
  name: 'peer-hub-to-spoke'
  properties: {
    remoteVirtualNetwork: {
      id: spoke.outputs.vnetId
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

module privateDns 'modules/private-dns.bicep' = {
  name: 'private-dns'
  params: {
    hubVnetId: vnetHub.id
    spokeVnetId: spoke.outputs.vnetId
  }
}

module data 'modules/data.bicep' = {
  name: 'data-${workload}'
  params: {
    location: location
    workload: workload
    privateEndpointSubnetId: spoke.outputs.privateEndpointSubnetId
    blobDnsZoneId: privateDns.outputs.blobZoneId
    workloadSubnetId: spoke.outputs.workloadSubnetId
  }
}

module privateLinkService 'modules/private-link-service.bicep' = {
  name: 'pls-${workload}'
  params: {
    location: location
    workload: workload
    frontendSubnetId: spoke.outputs.workloadSubnetId
    natSubnetId: spoke.outputs.privateLinkServiceSubnetId
  }
}

// A second spoke whose VNet sends DNS queries to the hub's DNS forwarder at 10.0.2.4 in snet-shared
// (a VM the platform team runs; it forwards to Azure-provided DNS, 168.63.129.16).
module spokeReports 'modules/spoke-reports.bicep' = {
  name: 'spoke-reports-${workload}'
  params: {
    location: location
    workload: workload
    dnsServer: '10.0.2.4'
  }
}

output hubVnetId string = vnetHub.id
output spokeVnetId string = spoke.outputs.vnetId
output privateLinkServiceAlias string = privateLinkService.outputs.alias
