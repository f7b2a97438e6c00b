// VNet Lens example: a second, standalone hub with a VPN gateway and two spokes (its own deployment).
// It holds two deliberate mistakes about hubs and deployment order; README.md lists them.
targetScope = 'resourceGroup'

@description('Region of every resource.')
param location string = resourceGroup().location

resource vnetConnHub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-conn-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.20.0.0/27'
        }
      }
    ]
  }
}

resource pipGateway 'Microsoft.Network/publicIPAddresses@2025-09-01' = {
  name: 'pip-vgw-conn-hub'
  location: location
  sku: {
    name: 'Standard'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource vgwConnHub 'Microsoft.Network/virtualNetworkGateways@2025-09-01' = {
  name: 'vgw-conn-hub'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    sku: {
      name: 'VpnGw1AZ'
      tier: 'VpnGw1AZ'
    }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          subnet: {
            id: vnetConnHub.properties.subnets[0].id
          }
          publicIPAddress: {
            id: pipGateway.id
          }
        }
      }
    ]
  }
}

resource vnetConnApp 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-conn-app'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.21.0.0/16'
      ]
    }
  }
}

// Deliberate mistake (peering-spokes-overlap): 10.21.128.0/17 lies inside vnet-conn-app's 10.21.0.0/16.
// Neither overlaps the hub, but both are peered with it, so the second peering with the hub fails.
resource vnetConnData 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-conn-data'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.21.128.0/17'
      ]
    }
  }
}

resource peerHubToApp 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnetConnHub
  name: 'peer-hub-to-app'
  properties: {
    remoteVirtualNetwork: {
      id: vnetConnApp.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
  dependsOn: [
    vgwConnHub
  ]
}

// Deliberate mistake (peering-remote-gateway-order): this peering uses the hub's VPN gateway, which
// this template creates, but nothing orders it after vgwConnHub: Azure may write it first and reject it.
resource peerAppToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnetConnApp
  name: 'peer-app-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: vnetConnHub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}

resource peerHubToData 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnetConnHub
  name: 'peer-hub-to-data'
  properties: {
    remoteVirtualNetwork: {
      id: vnetConnData.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource peerDataToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnetConnData
  name: 'peer-data-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: vnetConnHub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}
