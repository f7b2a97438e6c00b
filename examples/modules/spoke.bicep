// Spoke virtual network: a workload subnet, a private-endpoint subnet guarded by an NSG, and a
// subnet for the NAT addresses of a Private Link service.

@description('Region of the spoke.')
param location string

@description('Name of the spoke virtual network.')
param vnetName string

@description('Address space of the spoke, a /16; each subnet takes one /24 of it.')
param addressPrefix string

var workloadSubnetName = 'snet-workload'
var privateEndpointSubnetName = 'snet-private-endpoints'
var privateLinkServiceSubnetName = 'snet-pls'

resource nsgPrivateEndpoints 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-${vnetName}-pe'
  location: location
  properties: {
    securityRules: [
      {
        name: 'Allow-Https-From-VNet'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'Deny-All-Inbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '*'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: vnetName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: workloadSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          networkSecurityGroup: {
            id: nsgPrivateEndpoints.id
          }
          // With the default ('Disabled') the NSG would not apply to private-endpoint traffic.
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
      {
        // Deliberate mistake (pls-subnet-policies): the Private Link service takes its NAT addresses
        // from this subnet, which needs privateLinkServiceNetworkPolicies: 'Disabled' (default 'Enabled').
        name: privateLinkServiceSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 2)
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output vnetName string = vnet.name
output workloadSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, workloadSubnetName)
output privateEndpointSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, privateEndpointSubnetName)
output privateLinkServiceSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, privateLinkServiceSubnetName)
