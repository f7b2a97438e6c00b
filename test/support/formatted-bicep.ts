// Bicep as `bicep format` writes it (one item a line), the way the assist and CI fixtures hold their
// endpoints and zone groups, so that a cursor can sit on any one value.

/** A blob private endpoint `symbol` (named `name`, at `api`) in vnet's first subnet to `target` (a Bicep expression). */
export const formattedBlobEndpoint = (symbol: string, name: string, target: string, api = '2025-09-01') =>
  `resource ${symbol} 'Microsoft.Network/privateEndpoints@${api}' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    subnet: {
      id: vnet.properties.subnets[0].id
    }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: ${target}
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}
`;

/** A zone group `symbol` of endpoint `parent` (at `api`) with one config, blob, whose zone id is `zoneId`. */
export const formattedBlobZoneGroup = (zoneId: string, symbol = 'dns', parent = 'pe', api = '2025-09-01') =>
  `resource ${symbol} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@${api}' = {
  parent: ${parent}
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'blob'
        properties: {
          privateDnsZoneId: ${zoneId}
        }
      }
    ]
  }
}
`;
