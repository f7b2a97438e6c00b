// An application behind a Standard internal load balancer in the spoke, published to consumers in
// other networks through a Private Link service.

@description('Region of the load balancer and the Private Link service (the spoke\'s region).')
param location string

@description('Short workload name used in resource names.')
param workload string

@description('Resource id of the subnet that holds the load balancer frontend.')
param frontendSubnetId string

@description('Resource id of the subnet the Private Link service takes its NAT addresses from.')
param natSubnetId string

var lbName = 'lbi-${workload}'
var frontendName = 'fe-app'
var backendPoolName = 'be-app'
var probeName = 'probe-https'

resource lb 'Microsoft.Network/loadBalancers@2025-09-01' = {
  name: lbName
  location: location
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  properties: {
    frontendIPConfigurations: [
      {
        name: frontendName
        properties: {
          subnet: {
            id: frontendSubnetId
          }
          privateIPAllocationMethod: 'Dynamic'
        }
      }
    ]
    backendAddressPools: [
      {
        name: backendPoolName
      }
    ]
    probes: [
      {
        name: probeName
        properties: {
          protocol: 'Tcp'
          port: 443
          intervalInSeconds: 5
          probeThreshold: 2
        }
      }
    ]
    loadBalancingRules: [
      {
        name: 'rule-https'
        properties: {
          frontendIPConfiguration: {
            id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', lbName, frontendName)
          }
          backendAddressPool: {
            id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', lbName, backendPoolName)
          }
          probe: {
            id: resourceId('Microsoft.Network/loadBalancers/probes', lbName, probeName)
          }
          protocol: 'Tcp'
          frontendPort: 443
          backendPort: 443
          enableFloatingIP: false
          enableTcpReset: true
          idleTimeoutInMinutes: 4
        }
      }
    ]
  }
}

// The NAT subnet (natSubnetId, snet-pls in spoke.bicep) is where pls-subnet-policies is reported.
resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls-${workload}'
  location: location
  properties: {
    loadBalancerFrontendIpConfigurations: [
      {
        id: lb.properties.frontendIPConfigurations[0].id
      }
    ]
    ipConfigurations: [
      {
        name: 'nat-ipconfig-1'
        properties: {
          subnet: {
            id: natSubnetId
          }
          privateIPAllocationMethod: 'Dynamic'
          privateIPAddressVersion: 'IPv4'
          primary: true
        }
      }
    ]
    visibility: {
      subscriptions: [
        subscription().subscriptionId
      ]
    }
    autoApproval: {
      subscriptions: [
        subscription().subscriptionId
      ]
    }
    enableProxyProtocol: false
  }
}

output alias string = pls.properties.alias
