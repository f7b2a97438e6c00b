import rule from '../../../server/src/rules/pe-location-mismatch';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

/** A VNet in `vnetLocation` with one inline subnet and a private endpoint in `peLocation` (Bicep expressions). */
const network = (
  vnetLocation: string,
  peLocation: string,
  head = '',
) => `${head}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: ${vnetLocation}
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: ${peLocation}
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
  }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'same literal region', code: network("'westeurope'", "'westeurope'") },
    {
      name: 'one location parameter for both',
      code: network('location', 'location', "param location string = 'westeurope'\n"),
    },
    { name: 'resourceGroup().location on both', code: network('resourceGroup().location', 'resourceGroup().location') },
    {
      name: "a case and space difference is not certainly another region ('West Europe')",
      code: network("'West Europe'", "'westeurope'"),
    },
    { name: 'an unknown VNet location', code: network('where', "'eastus'", 'param where string\n') },
    { name: 'a region that is unknown but certainly a region', code: network('resourceGroup().location', "'eastus'") },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: network("'westeurope'", "'eastus'", 'param deploy bool\n').replace(
        "= {\n  name: 'vnet-spoke'",
        "= if (deploy) {\n  name: 'vnet-spoke'",
      ),
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: network("'westeurope'", "'eastus'", 'param deploy bool\n').replace(
        "= {\n  name: 'pe-kv'",
        "= if (deploy) {\n  name: 'pe-kv'",
      ),
    },
    {
      name: 'a subnet outside the analysed files',
      code: `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'eastus'
  properties: { subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' } }
}
`,
    },
  ],
  invalid: [
    {
      name: 'literal regions that differ',
      code: network("'westeurope'", "[|'eastus'|]"),
      errors: [
        {
          messageId: 'mismatch',
          level: 'error',
          message: /'pe-kv' is in 'eastus' but its VNet 'vnet-spoke' is in 'westeurope'/,
        },
      ],
      output: edited(['eastus', 'westeurope']),
    },
    {
      name: 'a parameter default against a literal',
      code: network('location', "[|'northeurope'|]", "param location string = 'westeurope'\n"),
      errors: [{ messageId: 'mismatch' }],
      output: edited(["'northeurope'", 'location']),
    },
    {
      name: 'a child subnet resource, the endpoint in a module',
      code: `//- /main.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] } }
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {
  parent: vnet
  name: 'snet-pe'
  properties: { addressPrefix: '10.1.1.0/24' }
}
module ep 'ep.bicep' = {
  name: 'ep'
  params: { subnetId: snet.id }
}
//- /ep.bicep
param subnetId string
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: [|'swedencentral'|]
  properties: { subnet: { id: subnetId } }
}
`,
      errors: [{ messageId: 'mismatch' }],
      output: edited(['swedencentral', 'westeurope']),
    },
    {
      name: 'a loop of endpoints gives one finding',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: {
  name: 'pe-\${name}'
  location: [|'eastus'|]
  properties: { subnet: { id: vnet.properties.subnets[0].id } }
}]
`,
      errors: [{ messageId: 'mismatch' }],
      output: edited(['eastus', 'westeurope']),
    },
  ],
});

// ARM JSON: a VNet with an inline subnet and an endpoint referring to it by resourceId().
const arm = (vnetLocation: string, peLocation: string, parameters = '{}') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": ${parameters},
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": ${vnetLocation},
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": ${peLocation},
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" }
      }
    }
  ]
}
`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'ARM: one location parameter for both',
      code: arm(
        '"[parameters(\'location\')]"',
        '"[parameters(\'location\')]"',
        '{ "location": { "type": "string", "defaultValue": "westeurope" } }',
      ),
    },
    { name: 'ARM: resourceGroup().location against a literal', code: arm('"[resourceGroup().location]"', '"eastus"') },
  ],
  invalid: [
    {
      name: 'ARM: literal regions that differ',
      code: arm('"westeurope"', '[|"eastus"|]'),
      errors: [{ messageId: 'mismatch' }],
      output: edited(['eastus', 'westeurope']),
    },
  ],
};
ruleTests(rule, armCases);

// use-vnet-location: the VNet's own location expression written on the endpoint.
ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: "Bicep: the VNet's own location expression",
      code: network('vnetLocation', "[|'eastus'|]", "param vnetLocation string = 'westeurope'\n"),
      errors: [{ messageId: 'mismatch' }],
      fixTitle: /^Use the virtual network's location$/,
      output: network('vnetLocation', 'vnetLocation', "param vnetLocation string = 'westeurope'\n"),
    },
    {
      name: "ARM: the VNet's expression",
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "location": { "type": "string", "defaultValue": "westeurope" } },
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-spoke", "location": "[parameters('location')]",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] }, "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ] } },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-kv", "location": [|"eastus"|],
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" } } }
  ]
}
`,
      errors: [{ messageId: 'mismatch' }],
      output: edited(['"location": "eastus"', `"location": "[parameters('location')]"`]),
    },
  ],
});
