import rule from '../../../server/src/rules/pe-subnet-policies-ignored';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-pe'
  location: 'westeurope'
}
`;
const routes = `resource rt 'Microsoft.Network/routeTables@2025-09-01' = {
  name: 'rt-spoke'
  location: 'westeurope'
}
`;
/** A VNet (at `apiVersion`) whose inline subnet has `extra` properties, and an endpoint in it; `name` may carry a marker. */
const network = (extra: string, name = "'snet-pe'", apiVersion = '2025-09-01', head = '') => `${head}resource vnet 'Microsoft.Network/virtualNetworks@${apiVersion}' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [
      {
        name: ${name}
        properties: {
          addressPrefix: '10.1.1.0/24'
          ${extra}
        }
      }
    ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: vnet.properties.subnets[0].id } }
}
`;
const marked = "[|'snet-pe'|]";

ruleTests(rule, {
  valid: [
    { name: "an NSG with 'Enabled'", code: nsg + network("networkSecurityGroup: { id: nsg.id }\n          privateEndpointNetworkPolicies: 'Enabled'") },
    { name: "an NSG with 'NetworkSecurityGroupEnabled'", code: nsg + network("networkSecurityGroup: { id: nsg.id }\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'") },
    { name: "a route table with 'RouteTableEnabled'", code: routes + network("routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'RouteTableEnabled'") },
    { name: 'no NSG and no route table', code: network("privateEndpointNetworkPolicies: 'Disabled'") },
    { name: 'a policy from a parameter without default', code: nsg + network('networkSecurityGroup: { id: nsg.id }\n          privateEndpointNetworkPolicies: policy', undefined, undefined, 'param policy string\n') },
    { name: 'an NSG that may be null', code: nsg + network('networkSecurityGroup: useNsg ? { id: nsg.id } : null', undefined, undefined, 'param useNsg bool\n') },
    { name: 'an NSG id from a parameter without default (may be empty)', code: network('networkSecurityGroup: { id: nsgId }', undefined, undefined, 'param nsgId string\n') },
    { name: "a case variant of a value stays silent ('enabled')", code: nsg + network("networkSecurityGroup: { id: nsg.id }\n          privateEndpointNetworkPolicies: 'enabled'") },
    {
      name: 'a subnet without private endpoints',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id } } } ]
  }
}
`,
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: nsg + network('networkSecurityGroup: { id: nsg.id }', undefined, undefined, 'param deploy bool\n').replace("= {\n  name: 'pe-kv'", "= if (deploy) {\n  name: 'pe-kv'"),
    },
  ],
  invalid: [
    {
      name: 'an NSG with the policy unset',
      code: nsg + network('networkSecurityGroup: { id: nsg.id }', marked),
      errors: [{ messageId: 'ignored', level: 'warning', message: /'snet-pe' in VNet 'vnet-spoke' holds private endpoint 'pe-kv' and attaches an NSG, but privateEndpointNetworkPolicies is unset \(default 'Disabled'\).*Set 'NetworkSecurityGroupEnabled'/ }],
    },
    {
      name: "an NSG and a route table with 'Disabled'",
      code: nsg + routes + network("networkSecurityGroup: { id: nsg.id }\n          routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'Disabled'", marked),
      errors: [{ messageId: 'ignored', message: /an NSG and a route table.*'Disabled'.*Set 'Enabled'/ }],
    },
    {
      name: "a route table with 'NetworkSecurityGroupEnabled'",
      code: nsg + routes + network("networkSecurityGroup: { id: nsg.id }\n          routeTable: { id: rt.id }\n          privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'", marked),
      errors: [{ messageId: 'ignored', message: /attaches a route table.*its routes are not applied.*Set 'Enabled'/ }],
    },
    {
      name: "before API 2023-09-01 the fix is 'Enabled'",
      code: nsg + network('networkSecurityGroup: { id: nsg.id }', marked, '2023-05-01'),
      errors: [{ messageId: 'ignored', message: /Set 'Enabled'/ }],
    },
    {
      name: 'an NSG outside the analysed files, by id',
      code: network("networkSecurityGroup: { id: resourceId('rg-hub', 'Microsoft.Network/networkSecurityGroups', 'nsg-hub') }", marked),
      errors: [{ messageId: 'ignored' }],
    },
    {
      name: 'a child subnet resource is reported at its declaration',
      code: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] } }
}
resource [|snet|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {
  parent: vnet
  name: 'snet-pe'
  properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }, privateEndpointNetworkPolicies: 'Disabled' }
}
resource pe1 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: snet.id } }
}
resource pe2 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-st'
  location: 'westeurope'
  properties: { subnet: { id: snet.id } }
}
`,
      errors: [{ messageId: 'ignored', message: /'snet-pe' in VNet 'vnet-spoke' holds private endpoint 'pe-kv' \(and 1 more\)/ }],
    },
  ],
});

// ARM JSON: an NSG, a VNet whose inline subnet has `extra` properties, and an endpoint in that subnet.
const arm = (extra: string, name = '"snet-pe"') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2025-09-01", "name": "nsg-pe", "location": "westeurope" },
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "subnets": [
          {
            "name": ${name},
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-pe')]" }${extra}
            }
          }
        ]
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" } }
    }
  ]
}
`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: "ARM: an NSG with 'Enabled'", code: arm(',\n              "privateEndpointNetworkPolicies": "Enabled"') },
  ],
  invalid: [
    { name: 'ARM: an NSG with the policy unset', code: arm('', '[|"snet-pe"|]'), errors: [{ messageId: 'ignored', message: /Set 'NetworkSecurityGroupEnabled'/ }] },
    { name: "ARM: an NSG with 'Disabled'", code: arm(',\n              "privateEndpointNetworkPolicies": "Disabled"', '[|"snet-pe"|]'), errors: [{ messageId: 'ignored' }] },
  ],
};
ruleTests(rule, armCases);
