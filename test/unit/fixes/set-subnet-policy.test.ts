// set-subnet-policy: the subnet network policies of pe-subnet-policies-ignored, pls-subnet-policies and
// subnet-policies-value, on inline subnets and child subnet resources, in Bicep and ARM, with the value
// the template's API version allows; in CRLF, tab-indented, single-line and commented layouts.
import peIgnored from '../../../server/src/rules/pe-subnet-policies-ignored';
import plsPolicies from '../../../server/src/rules/pls-subnet-policies';
import policyValue from '../../../server/src/rules/subnet-policies-value';
import { ruleTests } from '../../support/rule-test';
import { armEndpointInSnetPe, armSpokeSubnets } from '../../support/subnet-fixtures';

// An NSG whose inbound deny would filter the endpoints' traffic (pe-subnet-policies-ignored judges effect).
const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
  properties: {
    securityRules: [ { name: 'DenyAllInbound', properties: { priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '*' } } ]
  }
}
`;
// A route table whose route over the VNet's range the endpoints' /32 routes override.
const rt = "resource rt 'Microsoft.Network/routeTables@2025-09-01' = {\n  name: 'rt'\n  location: 'westeurope'\n  properties: { routes: [ { name: 'to-hub', properties: { addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } } ] }\n}\n";
const pe = (subnet = 'vnet.properties.subnets[0].id') => `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: ${subnet} } }
}
`;
const inline = (subnet: string, api = '2025-09-01') => `resource vnet 'Microsoft.Network/virtualNetworks@${api}' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [
${subnet}
    ]
  }
}
`;

ruleTests(peIgnored, {
  valid: [],
  invalid: [
    {
      name: 'Bicep inline subnet, policy unset: the property is added after the last one, comment kept',
      code: nsg + inline(`      {
        name: [|'snet-pe'|]
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id } // the NSG
        }
      }`) + pe(),
      errors: [{ messageId: 'ignored' }],
      fixTitle: /^Set privateEndpointNetworkPolicies to 'NetworkSecurityGroupEnabled'$/,
      output: nsg + inline(`      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id } // the NSG
          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'
        }
      }`) + pe(),
    },
    {
      name: "Bicep inline subnet on an API version before NetworkSecurityGroupEnabled: 'Enabled', replacing 'Disabled'",
      code: nsg + inline(`      {
        name: [|'snet-pe'|]
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id }
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }`, '2023-05-01') + pe(),
      errors: [{ messageId: 'ignored' }],
      output: nsg + inline(`      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsg.id }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }`, '2023-05-01') + pe(),
    },
    {
      name: 'Bicep single-line subnet object',
      code: nsg + inline(`      { name: [|'snet-pe'|], properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id } } }`) + pe(),
      errors: [{ messageId: 'ignored' }],
      output: nsg + inline(`      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }, privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled' } }`) + pe(),
    },
    {
      name: 'Bicep child subnet resource in a CRLF, tab-indented file',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n\tname: 'vnet-spoke'\n}\nresource [|subnet|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n\tparent: vnet\n\tname: 'snet-pe'\n\tproperties: {\n\t\taddressPrefix: '10.1.1.0/24'\n\t\tnetworkSecurityGroup: {\n\t\t\tid: nsg.id\n\t\t}\n\t}\n}\n${pe('subnet.id')}`.replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'ignored' }],
      output: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n\tname: 'vnet-spoke'\n}\nresource subnet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n\tparent: vnet\n\tname: 'snet-pe'\n\tproperties: {\n\t\taddressPrefix: '10.1.1.0/24'\n\t\tnetworkSecurityGroup: {\n\t\t\tid: nsg.id\n\t\t}\n\t\tprivateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'\n\t}\n}\n${pe('subnet.id')}`.replace(/\n/g, '\r\n'),
    },
    {
      name: 'Bicep child subnets in a loop: the policy goes on the loop body',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
resource [|subnets|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = [for (name, i) in [ 'snet-pe' ]: {
  parent: vnet
  name: name
  properties: {
    addressPrefix: '10.1.\${i}.0/24'
    networkSecurityGroup: { id: nsg.id }
  }
}]
${pe('subnets[0].id')}`,
      errors: [{ messageId: 'ignored' }],
      output: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
resource subnets 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = [for (name, i) in [ 'snet-pe' ]: {
  parent: vnet
  name: name
  properties: {
    addressPrefix: '10.1.\${i}.0/24'
    networkSecurityGroup: { id: nsg.id }
    privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'
  }
}]
${pe('subnets[0].id')}`,
    },
    {
      name: "Bicep: only a route table attached: 'RouteTableEnabled'",
      code: `${rt}${inline(`      { name: [|'snet-pe'|], properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id } } }`)}${pe()}`,
      errors: [{ messageId: 'ignored' }],
      fixTitle: /^Set privateEndpointNetworkPolicies to 'RouteTableEnabled'$/,
      output: `${rt}${inline(`      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id }, privateEndpointNetworkPolicies: 'RouteTableEnabled' } }`)}${pe()}`,
    },
    {
      name: 'Bicep subnet whose properties come from a variable: no place to edit, no fix',
      code: `${nsg}var props = { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id } }\n${inline(`      { name: [|'snet-pe'|], properties: props }`)}${pe()}`,
      errors: [{ messageId: 'ignored' }],
      output: null,
    },
  ],
});

const arm = (subnets: string, extra = '') => armSpokeSubnets(subnets, `,${extra}\n${armEndpointInSnetPe}`, `    {
      "type": "Microsoft.Network/networkSecurityGroups",
      "apiVersion": "2025-09-01",
      "name": "nsg-pe",
      "location": "westeurope",
      "properties": { "securityRules": [ { "name": "DenyAllInbound", "properties": { "priority": 4096, "direction": "Inbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "*" } } ] }
    },
`);
const nsgRef = `{ "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-pe')]" }`;

ruleTests(peIgnored, {
  valid: [],
  invalid: [
    {
      name: 'ARM inline subnet: the property follows the last one, with its comma and comment',
      code: arm(`          {
            "name": [|"snet-pe"|],
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": ${nsgRef} // the NSG
            }
          }`),
      errors: [{ messageId: 'ignored' }],
      output: arm(`          {
            "name": "snet-pe",
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": ${nsgRef}, // the NSG
              "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled"
            }
          }`),
    },
    {
      name: "ARM inline subnet with 'Disabled': the value is replaced in place",
      code: arm(`          { "name": [|"snet-pe"|], "properties": { "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": ${nsgRef}, "privateEndpointNetworkPolicies": "Disabled" } }`),
      errors: [{ messageId: 'ignored' }],
      output: arm(`          { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24", "networkSecurityGroup": ${nsgRef}, "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled" } }`),
    },
    {
      name: 'ARM child subnet resource (the inline subnet list is empty)',
      code: arm('', `
    {
      "type": [|"Microsoft.Network/virtualNetworks/subnets"|],
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-pe",
      "properties": {
        "addressPrefix": "10.1.1.0/24",
        "networkSecurityGroup": ${nsgRef}
      }
    },`),
      errors: [{ messageId: 'ignored' }],
      output: arm('', `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-pe",
      "properties": {
        "addressPrefix": "10.1.1.0/24",
        "networkSecurityGroup": ${nsgRef},
        "privateEndpointNetworkPolicies": "NetworkSecurityGroupEnabled"
      }
    },`),
    },
  ],
});

const pls = (subnet = 'vnet.properties.subnets[0].id') => `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls'
  location: 'westeurope'
  properties: {
    ipConfigurations: [ { name: 'nat', properties: { subnet: { id: ${subnet} } } } ]
  }
}
`;

ruleTests(plsPolicies, {
  valid: [],
  invalid: [
    {
      name: "Bicep inline subnet: privateLinkServiceNetworkPolicies 'Disabled' added",
      code: inline(`      {
        name: [|'snet-pls'|]
        properties: {
          addressPrefix: '10.1.2.0/24'
        }
      }`) + pls(),
      errors: [{ messageId: 'unset' }],
      fixTitle: /^Set privateLinkServiceNetworkPolicies to 'Disabled'$/,
      output: inline(`      {
        name: 'snet-pls'
        properties: {
          addressPrefix: '10.1.2.0/24'
          privateLinkServiceNetworkPolicies: 'Disabled'
        }
      }`) + pls(),
    },
    {
      name: "Bicep child subnet set to 'Enabled': replaced",
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
// NAT subnet
resource [|natSubnet|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {
  parent: vnet
  name: 'snet-pls'
  properties: {
    addressPrefix: '10.1.2.0/24'
    privateLinkServiceNetworkPolicies: 'Enabled' // default
  }
}
${pls('natSubnet.id')}`,
      errors: [{ messageId: 'enabled' }],
      output: `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {
  name: 'vnet-spoke'
}
// NAT subnet
resource natSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {
  parent: vnet
  name: 'snet-pls'
  properties: {
    addressPrefix: '10.1.2.0/24'
    privateLinkServiceNetworkPolicies: 'Disabled' // default
  }
}
${pls('natSubnet.id')}`,
    },
    {
      name: 'Bicep inline subnet with an empty properties object',
      code: inline(`      { name: [|'snet-pls'|], properties: {} }`) + pls(),
      errors: [{ messageId: 'unset' }],
      output: inline(`      { name: 'snet-pls', properties: { privateLinkServiceNetworkPolicies: 'Disabled' } }`) + pls(),
    },
    {
      name: 'ARM inline subnet in a conditional VNet deployed for certain',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "deployVnet": { "type": "bool", "defaultValue": true } },
  "resources": [
    {
      "condition": "[parameters('deployVnet')]",
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [
          {
            "name": [|"snet-pls"|],
            "properties": {
              "addressPrefix": "10.1.2.0/24"
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/privateLinkServices",
      "apiVersion": "2025-09-01",
      "name": "pls",
      "location": "westeurope",
      "properties": { "ipConfigurations": [ { "name": "nat", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pls')]" } } } ] }
    }
  ]
}
`,
      errors: [{ messageId: 'unset' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "deployVnet": { "type": "bool", "defaultValue": true } },
  "resources": [
    {
      "condition": "[parameters('deployVnet')]",
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [
          {
            "name": "snet-pls",
            "properties": {
              "addressPrefix": "10.1.2.0/24",
              "privateLinkServiceNetworkPolicies": "Disabled"
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/privateLinkServices",
      "apiVersion": "2025-09-01",
      "name": "pls",
      "location": "westeurope",
      "properties": { "ipConfigurations": [ { "name": "nat", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pls')]" } } } ] }
    }
  ]
}
`,
    },
  ],
});

ruleTests(policyValue, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: a value of no API version becomes the closest valid one',
      code: inline(`      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          privateEndpointNetworkPolicies: [|'Disable'|]
        }
      }`),
      errors: [{ messageId: 'invalid' }],
      output: inline(`      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.1.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }`),
    },
    {
      name: 'ARM child subnet: the value is replaced',
      code: arm('', `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-app",
      "properties": { "addressPrefix": "10.1.3.0/24", "privateLinkServiceNetworkPolicies": [|"Disable"|] }
    },`),
      errors: [{ messageId: 'invalid' }],
      output: arm('', `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-app",
      "properties": { "addressPrefix": "10.1.3.0/24", "privateLinkServiceNetworkPolicies": "Disabled" }
    },`),
    },
  ],
});
