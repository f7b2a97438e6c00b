// Synthetic hub-and-spoke networks for the benches (DESIGN §10): a hub VNet with three privatelink
// zones linked to it, and spokes that each declare a VNet with two subnets, both peerings, a link to
// each zone, and a storage account behind a private endpoint with a DNS zone group. A correct network:
// the rules walk every relation and find nothing wrong with the spokes.

const zones = [
  'privatelink.blob.core.windows.net',
  'privatelink.file.core.windows.net',
  'privatelink.queue.core.windows.net',
];
const zoneSymbols = ['zoneBlob', 'zoneFile', 'zoneQueue'];

/** The hub: its VNet, the three zones and their links to the hub. */
export function hubBicep(): string {
  return (
    [
      vnetBicep('hub', 'vnet-hub', '172.16.0.0/16', '172.16.0.0/24', '172.16.1.0/24', false),
      ...zones.map((zone, index) =>
        [
          `resource ${zoneSymbols[index]} 'Microsoft.Network/privateDnsZones@2020-06-01' = {`,
          `  name: '${zone}'`,
          `  location: 'global'`,
          `}`,
          linkBicep(`hubLink${index}`, zoneSymbols[index], 'link-hub', 'hub'),
        ].join('\n'),
      ),
    ].join('\n\n') + '\n'
  );
}

/** One spoke as its own file: it refers to the hub and the zones as `existing`. */
export function spokeFileBicep(index: number): string {
  const header = [
    `resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {`,
    `  name: 'vnet-hub'`,
    `}`,
    ...zones.map(
      (zone, at) =>
        `resource ${zoneSymbols[at]} 'Microsoft.Network/privateDnsZones@2020-06-01' existing = {\n  name: '${zone}'\n}`,
    ),
  ];
  return [...header, spokeBicep(index, '')].join('\n\n') + '\n';
}

/** A single file holding the hub and `spokes` spokes (symbols suffixed per spoke). */
export function hubAndSpokeFileBicep(spokes: number): string {
  const parts = [hubBicep()];
  for (let index = 1; index <= spokes; index++) parts.push(spokeBicep(index, String(index)));
  return parts.join('\n\n') + '\n';
}

/** How many spokes make a single file of about `lines` lines. */
export function spokesForLines(lines: number): number {
  const hub = hubBicep().split('\n').length;
  const spoke = spokeBicep(1, '1').split('\n').length + 1;
  return Math.max(1, Math.round((lines - hub) / spoke));
}

function spokeBicep(index: number, suffix: string): string {
  const name = `spoke-${String(index).padStart(4, '0')}`;
  const octets = `10.${Math.floor(index / 256)}.${index % 256}`;
  const vnet = `vnet${suffix}`;
  const storage = `st${name.replace('-', '')}`;
  return [
    vnetBicep(vnet, `vnet-${name}`, `${octets}.0/24`, `${octets}.0/25`, `${octets}.128/25`, true),
    peeringBicep(`toHub${suffix}`, vnet, `${name}-to-hub`, 'hub'),
    peeringBicep(`fromHub${suffix}`, 'hub', `hub-to-${name}`, vnet),
    ...zoneSymbols.map((zone, at) => linkBicep(`link${at}${suffix}`, zone, `link-${name}`, vnet)),
    [
      `resource storage${suffix} 'Microsoft.Storage/storageAccounts@2023-05-01' = {`,
      `  name: '${storage}'`,
      `  location: 'westeurope'`,
      `  sku: {`,
      `    name: 'Standard_LRS'`,
      `  }`,
      `  kind: 'StorageV2'`,
      `  properties: {`,
      `    publicNetworkAccess: 'Disabled'`,
      `  }`,
      `}`,
      ``,
      `resource pe${suffix} 'Microsoft.Network/privateEndpoints@2024-05-01' = {`,
      `  name: 'pe-${storage}-blob'`,
      `  location: 'westeurope'`,
      `  properties: {`,
      `    subnet: {`,
      `      id: '\${${vnet}.id}/subnets/snet-pe'`,
      `    }`,
      `    privateLinkServiceConnections: [`,
      `      {`,
      `        name: 'blob'`,
      `        properties: {`,
      `          privateLinkServiceId: storage${suffix}.id`,
      `          groupIds: [`,
      `            'blob'`,
      `          ]`,
      `        }`,
      `      }`,
      `    ]`,
      `  }`,
      `}`,
      ``,
      `resource zoneGroup${suffix} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {`,
      `  parent: pe${suffix}`,
      `  name: 'default'`,
      `  properties: {`,
      `    privateDnsZoneConfigs: [`,
      `      {`,
      `        name: 'blob'`,
      `        properties: {`,
      `          privateDnsZoneId: zoneBlob.id`,
      `        }`,
      `      }`,
      `    ]`,
      `  }`,
      `}`,
    ].join('\n'),
  ].join('\n\n');
}

function vnetBicep(symbol: string, name: string, space: string, first: string, second: string, spoke: boolean): string {
  return [
    `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {`,
    `  name: '${name}'`,
    `  location: 'westeurope'`,
    `  properties: {`,
    `    addressSpace: {`,
    `      addressPrefixes: [`,
    `        '${space}'`,
    `      ]`,
    `    }`,
    `    subnets: [`,
    `      {`,
    `        name: '${spoke ? 'snet-app' : 'snet-shared'}'`,
    `        properties: {`,
    `          addressPrefix: '${first}'`,
    `        }`,
    `      }`,
    `      {`,
    `        name: '${spoke ? 'snet-pe' : 'snet-dns'}'`,
    `        properties: {`,
    `          addressPrefix: '${second}'`,
    `        }`,
    `      }`,
    `    ]`,
    `  }`,
    `}`,
  ].join('\n');
}

function peeringBicep(symbol: string, parent: string, name: string, remote: string): string {
  return [
    `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {`,
    `  parent: ${parent}`,
    `  name: '${name}'`,
    `  properties: {`,
    `    remoteVirtualNetwork: {`,
    `      id: ${remote}.id`,
    `    }`,
    `    allowVirtualNetworkAccess: true`,
    `    allowForwardedTraffic: true`,
    `  }`,
    `}`,
  ].join('\n');
}

function linkBicep(symbol: string, zone: string, name: string, vnet: string): string {
  return [
    `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {`,
    `  parent: ${zone}`,
    `  name: '${name}'`,
    `  location: 'global'`,
    `  properties: {`,
    `    registrationEnabled: false`,
    `    virtualNetwork: {`,
    `      id: ${vnet}.id`,
    `    }`,
    `  }`,
    `}`,
  ].join('\n');
}
