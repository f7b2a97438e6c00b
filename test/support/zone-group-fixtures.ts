// ARM fixtures of the zone group tests: a template around resources, the spoke VNet, a Key Vault
// endpoint (its "type" markable), the Key Vault zone, the group add-dns-zone-group writes, and a
// languageVersion 2.0 template with symbolic names.

export const armTemplate = (resources: string, head = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",') => `//- /main.json
{
  ${head}
  "contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}
`;
export const armSpokeVnet = `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    }`;
export const armKvPe = (type = '"Microsoft.Network/privateEndpoints"') => `    {
      "type": ${type},
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }`;
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
