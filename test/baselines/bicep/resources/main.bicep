targetScope = 'resourceGroup'

@description('Hub VNet name')
param hubName string = 'hub'
param zoneNames string[]

resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: hubName

  resource peSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

@batchSize(1)
resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [for zone in zoneNames: if (!empty(zone)) {
  name: zone
  location: 'global'
}]

module spoke 'br/public:avm/res/network/virtual-network:0.5.0' = if (deploySpoke) {
  name: 'spoke'
  scope: resourceGroup(spokeRg)
  params: {
    addressPrefixes: ['10.1.0.0/16']
  }
}

output peSubnetId string = hub::peSubnet.id
