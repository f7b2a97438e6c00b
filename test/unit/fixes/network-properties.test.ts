// set-allow-gateway-transit (peering-gateway-transit), use-network-address (subnet-cidr-invalid) and
// remove-subnet-nsg (nsg-gateway-subnet): one property of a peering, prefix or subnet, Bicep and ARM.
import transit from '../../../server/src/rules/peering-gateway-transit';
import cidr from '../../../server/src/rules/subnet-cidr-invalid';
import gatewayNsg from '../../../server/src/rules/nsg-gateway-subnet';
import { ruleTests } from '../../support/rule-test';

const vnet = (symbol: string, name: string, octet: number) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.${octet}.0.0/16'] } }
}
`;
const peering = (symbol: string, parent: string, remote: string, flags: string) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: ${parent}
  name: '${symbol.replace(/[[|\]]/g, '')}'
  properties: {
    remoteVirtualNetwork: { id: ${remote}.id }
    allowVirtualNetworkAccess: true${flags}
  }
}
`;
const two = vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1);

ruleTests(transit, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: allowGatewayTransit added to the reverse peering',
      code: two + peering('hubToSpoke', 'hub', 'spoke', '') + peering('[|spokeToHub|]', 'spoke', 'hub', '\n    useRemoteGateways: true'),
      errors: [{ messageId: 'noTransit' }],
      fixTitle: /^Set allowGatewayTransit to true on the reverse peering$/,
      output: two + peering('hubToSpoke', 'hub', 'spoke', '\n    allowGatewayTransit: true') + peering('spokeToHub', 'spoke', 'hub', '\n    useRemoteGateways: true'),
    },
    {
      name: 'Bicep: false on the reverse becomes true',
      code: two + peering('hubToSpoke', 'hub', 'spoke', '\n    allowGatewayTransit: false') + peering('[|spokeToHub|]', 'spoke', 'hub', '\n    useRemoteGateways: true'),
      errors: [{ messageId: 'noTransit' }],
      output: two + peering('hubToSpoke', 'hub', 'spoke', '\n    allowGatewayTransit: true') + peering('spokeToHub', 'spoke', 'hub', '\n    useRemoteGateways: true'),
    },
    {
      name: 'ARM: the reverse peering gets allowGatewayTransit',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } } },
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-spoke", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } },
    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "properties": {
        "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" }
      }
    },
    {
      "type": [|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|],
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/spoke-to-hub",
      "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" }, "useRemoteGateways": true }
    }
  ]
}
`,
      errors: [{ messageId: 'noTransit' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } } },
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-spoke", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } },
    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "properties": {
        "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" },
        "allowGatewayTransit": true
      }
    },
    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/spoke-to-hub",
      "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" }, "useRemoteGateways": true }
    }
  ]
}
`,
    },
  ],
});

const hub = (prefix: string, space = "'10.0.0.0/16'") => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [${space}] }
    subnets: [
      {
        name: 'snet-a'
        properties: { addressPrefix: ${prefix} }
      }
    ]
  }
}
`;

ruleTests(cidr, {
  valid: [],
  invalid: [
    { name: 'Bicep: a subnet prefix with host bits', code: hub("[|'10.0.1.10/24'|]"), errors: [{ messageId: 'hostBits' }], fixTitle: /^Use the network address '10\.0\.1\.0\/24'$/, output: hub("'10.0.1.0/24'") },
    { name: 'Bicep: an address space entry', code: hub("'10.0.1.0/24'", "[|'10.0.0.1/16'|]"), errors: [{ messageId: 'hostBits' }], output: hub("'10.0.1.0/24'", "'10.0.0.0/16'") },
    { name: 'Bicep: a prefix from a parameter default is not rewritten at the use', code: `param prefix string = '10.0.1.10/24'\n${hub('[|prefix|]')}`, errors: [{ messageId: 'hostBits' }], output: null },
    {
      name: 'ARM: a subnet prefix',
      code: `//- /main.json\n{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope",\n    "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] }, "subnets": [ { "name": "snet-a", "properties": { "addressPrefix": [|"10.0.1.10/24"|] } } ] } } ]\n}\n`,
      errors: [{ messageId: 'hostBits' }],
      output: `//- /main.json\n{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope",\n    "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] }, "subnets": [ { "name": "snet-a", "properties": { "addressPrefix": "10.0.1.0/24" } } ] } } ]\n}\n`,
    },
  ],
});

const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-hub'
  location: 'westeurope'
}
`;
const gateway = (name: string, nsgLines: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }
    subnets: [
      {
        name: ${name}
        properties: {
          addressPrefix: '10.0.0.0/27'${nsgLines}
        }
      }
    ]
  }
}
`;

ruleTests(gatewayNsg, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the association lines are removed, with their comment',
      code: nsg + gateway("[|'GatewaySubnet'|]", '\n          networkSecurityGroup: { // not allowed here\n            id: nsg.id\n          }'),
      errors: [{ messageId: 'attached' }],
      fixTitle: /^Remove the network security group association$/,
      output: nsg + gateway("'GatewaySubnet'", ''),
    },
    {
      name: 'Bicep: a child GatewaySubnet resource with a single-line association',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-hub'\n}\nresource [|gw|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n  parent: vnet\n  name: 'GatewaySubnet'\n  properties: { addressPrefix: '10.0.0.0/27', networkSecurityGroup: { id: nsg.id } }\n}\n`,
      errors: [{ messageId: 'attached' }],
      output: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-hub'\n}\nresource gw 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n  parent: vnet\n  name: 'GatewaySubnet'\n  properties: { addressPrefix: '10.0.0.0/27' }\n}\n`,
    },
    {
      name: 'ARM: the last property goes, and the comma before it',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
        "subnets": [
          {
            "name": [|"GatewaySubnet"|],
            "properties": {
              "addressPrefix": "10.0.0.0/27", // the gateway
              "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-hub')]" }
            }
          }
        ]
      }
    }
  ]
}
`,
      errors: [{ messageId: 'attached' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] },
        "subnets": [
          {
            "name": "GatewaySubnet",
            "properties": {
              "addressPrefix": "10.0.0.0/27" // the gateway
            }
          }
        ]
      }
    }
  ]
}
`,
    },
  ],
});
