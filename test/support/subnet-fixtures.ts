// ARM fixtures the subnet-policy and service-endpoint rule tests share: a template around VNet
// vnet-spoke (10.1.0.0/16) and its subnets, and a private endpoint in its subnet snet-pe.

/** A template: `before` (resources, each line-ended), vnet-spoke with `subnets` (its array's lines), then `after`. */
export const armSpokeSubnets = (subnets: string, after = '', before = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${before}    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [
${subnets}
        ]
      }
    }${after}
  ]
}
`;

/** A private endpoint in vnet-spoke's snet-pe (no connection: the subnet rules need only its place). */
export const armEndpointInSnetPe = `    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" } }
    }`;
