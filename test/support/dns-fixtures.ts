// Private DNS fixtures the DNS and zone-group rule tests share: a VNet, a Key Vault endpoint with its
// zone group, a zone and a link as authors write them, and the links, zones and groups the fixes write.
import { armKvPe } from './zone-group-fixtures';

/**
 * A VNet with one subnet; `octet` (a number, or an interpolation such as '${octet}') places its prefixes;
 * `extra` goes inside its properties (e.g. dhcpOptions).
 */
export const vnet = (
  symbol = 'vnet',
  name = 'vnet-spoke',
  octet: number | string = 1,
  extra = '',
  subnet = 'snet-pe',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.${octet}.0.0/16' ] }
    subnets: [ { name: '${subnet}', properties: { addressPrefix: '10.${octet}.1.0/24' } } ]${extra ? `\n    ${extra}` : ''}
  }
}
`;

/** A Key Vault endpoint (or one to `targetType`) in `subnet`, with a zone group on `zoneId`. */
export const kvEndpoint = (
  opts: { subnet?: string; zoneId?: string; groupHead?: string; targetType?: string } = {},
) => `resource kv '${opts.targetType ?? 'Microsoft.KeyVault/vaults@2026-02-01'}' existing = {
  name: 'kv-prod'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: ${opts.subnet ?? 'vnet.properties.subnets[0].id'} }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${opts.groupHead ?? ''}{
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: ${opts.zoneId ?? 'zone.id'} } } ] }
}
`;

export const zone = (
  symbol = 'zone',
  name = 'privatelink.vaultcore.azure.net',
  head = '',
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = ${head}{
  name: '${name}'
  location: 'global'
}
`;

/** A link as an author writes it, on one line; `parent` '' leaves the parent out (a full name). */
export const link = (
  symbol: string,
  vnetId: string,
  head = '',
  name = symbol,
  parent = 'zone',
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = ${head}{
  ${parent ? `parent: ${parent}\n  ` : ''}name: '${name}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${vnetId} } }
}
`;

/** The link add-vnet-link writes after the zone: global, without auto-registration. */
export const newLink = (
  vnetId = 'vnet.id',
  label = 'vnet-spoke',
  symbol = 'zoneLinkVnetSpoke',
  parent = 'zone',
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: ${parent}
  name: 'link-${label}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: ${vnetId}
    }
  }
}
`;
export const newHubLink = newLink('hub.id', 'vnet-hub', 'zoneLinkVnetHub');

/** The ARM link add-vnet-link writes: after the zone, depending on the zone and the VNet. */
export const armNewLink = (
  vnetName: string,
  zoneName = "'privatelink.vaultcore.azure.net'",
  name = `privatelink.vaultcore.azure.net/link-${vnetName}`,
) => `    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "${name}",
      "location": "global",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateDnsZones', ${zoneName})]",
        "[resourceId('Microsoft.Network/virtualNetworks', '${vnetName}')]"
      ],
      "properties": {
        "registrationEnabled": false,
        "virtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', '${vnetName}')]"
        }
      }
    }`;

/** The zone group add-dns-zone-group writes (the Key Vault zone unless `configName` says otherwise). */
export const newGroup = (
  id: string,
  head = '',
  tail = '',
  parent = 'pe',
  configName = 'privatelink-vaultcore-azure-net',
) => `resource peDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  parent: ${parent}
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: '${configName}'
        properties: {
          privateDnsZoneId: ${id}
        }
      }
    ]
  }
}${tail}
`;

/** The zone (global) and its link to the endpoint's VNet that add-dns-zone-group writes when none exists. */
export const newZone = (
  name = "'privatelink.vaultcore.azure.net'",
  label = 'Vaultcore',
  vnetId = 'vnet.id',
) => `resource privateDnsZone${label} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: ${name}
  location: 'global'
}
${newLink(vnetId, 'vnet-spoke', `privateDnsZone${label}LinkVnetSpoke`, `privateDnsZone${label}`)}`;

/** An ARM VNet with one subnet (and custom DNS servers when `dns` is given), for armDnsTemplate. */
export const armDnsVnet = (name: string, octet: number, dns = '', subnet = 'snet-pe') => `
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "${name}",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.${octet}.0.0/16" ] },${dns ? `\n        "dhcpOptions": { "dnsServers": [ "${dns}" ] },` : ''}
        "subnets": [ { "name": "${subnet}", "properties": { "addressPrefix": "10.${octet}.1.0/24" } } ]
      }
    },`;

/**
 * An ARM template: the VNets, a Key Vault endpoint in vnet-spoke's `subnet`, the Key Vault zone
 * (its "type" marked when `marked`), the endpoint's zone group, and a link to `linkedVnet` if given.
 */
export const armDnsTemplate = (
  vnets: string,
  opts: { subnet?: string; marked?: boolean; linkedVnet?: string; linkName?: string } = {},
) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [${vnets}
${armKvPe().replace("'snet-pe'", `'${opts.subnet ?? 'snet-pe'}'`)},
    {
      "type": ${opts.marked ? '[|"Microsoft.Network/privateDnsZones"|]' : '"Microsoft.Network/privateDnsZones"'},
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    },
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "properties": {
        "privateDnsZoneConfigs": [
          { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } }
        ]
      }
    }${
      opts.linkedVnet
        ? `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/${opts.linkName ?? 'link'}",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', '${opts.linkedVnet}')]" } }
    }`
        : ''
    }
  ]
}
`;

/** The end of the zone's object in armDnsTemplate, where add-vnet-link writes its links. */
export const armZoneEnd = '"name": "privatelink.vaultcore.azure.net",\n      "location": "global"\n    },';

/** An ARM template whose zone is named by a parameter; the zone group depends on the endpoint. */
export const armZoneByParameter = (zoneType: string, extra = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "zoneName": { "type": "string", "defaultValue": "privatelink.vaultcore.azure.net" } },
  "resources": [${armDnsVnet('vnet-spoke', 1)}
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', parameters('zoneName'))]" } } ] }
    },
    {
      "type": ${zoneType},
      "apiVersion": "2024-06-01",
      "name": "[parameters('zoneName')]",
      "location": "global"
    }${extra}
  ]
}
`;

/** An ARM template with the blob zone at location `value`, then `link` (resources after it). */
export const armBlobZone = (value: string, link = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net",
      "location": ${value}
    }${link}
  ]
}
`;

/** A call of a module nobody can read (a registry module neither cached nor modelled), given `params`. */
export const unreadModuleCall = (params: string) =>
  `module platform 'br:contoso.azurecr.io/bicep/platform-dns:1.0.0' = {\n  name: 'platform'\n  params: { ${params} }\n}\n`;
