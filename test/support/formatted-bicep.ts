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

/**
 * A VNet `name` (at `api`, over 10.0.0.0/16) with one subnet `subnet` over `prefix` and the subnet's
 * `extra` property lines; `location: false` leaves out the VNet's location.
 */
export function formattedVnet(
  name: string,
  subnet: string,
  prefix: string,
  options: { api?: string; extra?: string[]; location?: boolean } = {},
): string {
  const { api = '2024-05-01', extra = [], location = true } = options;
  return `resource vnet 'Microsoft.Network/virtualNetworks@${api}' = {
  name: '${name}'${location ? "\n  location: 'westeurope'" : ''}
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: '${subnet}'
        properties: {
          addressPrefix: '${prefix}'${extra.map((line) => `\n          ${line}`).join('')}
        }
      }
    ]
  }
}
`;
}
