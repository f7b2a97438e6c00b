// Fixtures of the zone group tests: a Bicep endpoint to an existing target, a zone with its link;
// in ARM a template around resources, the spoke VNet, an endpoint (its "type" markable), the Key Vault
// zone, the group add-dns-zone-group writes, and a languageVersion 2.0 template with symbolic names.
import { arm, armVnetWithSubnets } from './arm-fixtures';

/** A private endpoint `pe` to an existing `target` (named `name`) of `type` with `groupIds`. */
export const targetEndpoint = (
  type: string,
  groupIds: string,
  name = 'target',
  subnet = "resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')",
) => `resource target '${type}' existing = {
  name: '${name}'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: ${subnet} }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: target.id, groupIds: ${groupIds} } } ]
  }
}
`;

/** A zone with its link to vnet-spoke (symbol `<symbol>Link`). */
export const zoneWithLink = (
  name: string,
  symbol: string,
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: 'global'
}
resource ${symbol}Link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: ${symbol}
  name: 'link-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}
`;

/** An ARM private endpoint in vnet-spoke's `snet-pe` to `targetId` (an ARM expression) for `groupId`. */
export const armEndpoint = (
  name: string,
  targetId: string,
  groupId: string,
  type = '"Microsoft.Network/privateEndpoints"',
) => `    {
      "type": ${type},
      "apiVersion": "2025-09-01",
      "name": "${name}",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "${targetId}", "groupIds": [ "${groupId}" ] } }
        ]
      }
    }`;

export const armTemplate = (resources: string, head?: string) => arm(resources, '', head);
export const armSpokeVnet = armVnetWithSubnets(
  `          { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } }`,
);
export const armKvPe = (type?: string) =>
  armEndpoint('pe-kv', "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", 'vault', type);
export const armZone = `    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    }`;
export const armNewGroup = `    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [
        "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]",
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
      ],
      "properties": {
        "privateDnsZoneConfigs": [
          {
            "name": "privatelink-vaultcore-azure-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
            }
          }
        ]
      }
    }`;
export const markedType = '[|"Microsoft.Network/privateEndpoints"|]';

/** A languageVersion 2.0 template: zone, link, VNet and endpoint `pe` (its type), then `group`. */
export const symbolic = (pe: string, group = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "zone": {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net",
      "location": "global"
    },
    "zoneLink": {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.vaultcore.azure.net/link-spoke",
      "location": "global",
      "dependsOn": [ "zone", "vnet" ],
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    },
    "vnet": {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    },
    "pe": {
      "type": ${pe},
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "dependsOn": [ "vnet" ],
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }${group}
  }
}
`;

/** An ARM zone and its link to vnet-spoke, each followed by a comma. */
export const armZoneWithLink = (name: string) => `    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "${name}",
      "location": "global"
    },
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "${name}/link-spoke",
      "location": "global",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateDnsZones', '${name}')]" ],
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    },`;
export const zoneIdJson = (name: string) => `"[resourceId('Microsoft.Network/privateDnsZones', '${name}')]"`;
