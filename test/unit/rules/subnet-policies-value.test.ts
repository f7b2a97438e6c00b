import rule from '../../../server/src/rules/subnet-policies-value';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';
import { bicepVnet, inlineSubnetItem, vnetWithChildSubnet, type VnetOptions } from '../../support/bicep-network';
import { armSpokeBehindNsg } from '../../support/subnet-fixtures';

/** A VNet (at `options.api`) with one inline subnet, snet-pe, whose properties include `property`. */
const vnet = (property: string, options: VnetOptions = {}) =>
  bicepVnet(inlineSubnetItem("'snet-pe'", ["addressPrefix: '10.1.1.0/24'", property]), options);

ruleTests(rule, {
  valid: [
    { name: "'Enabled' at 2025-09-01", code: vnet("privateEndpointNetworkPolicies: 'Enabled'") },
    {
      name: "'RouteTableEnabled' at 2023-09-01",
      code: vnet("privateEndpointNetworkPolicies: 'RouteTableEnabled'", { api: '2023-09-01' }),
    },
    { name: "'Disabled' for Private Link services", code: vnet("privateLinkServiceNetworkPolicies: 'Disabled'") },
    {
      name: "a case variant ('disabled') stays silent: FACTS does not say values are case-sensitive",
      code: vnet("privateEndpointNetworkPolicies: 'disabled'"),
    },
    {
      name: 'a preview API version cannot be compared',
      code: vnet("privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'", { api: '2023-06-01-preview' }),
    },
    {
      name: 'a value from a parameter without default',
      code: vnet('privateEndpointNetworkPolicies: policy', { head: 'param policy string\n' }),
    },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: vnet("privateEndpointNetworkPolicies: 'Enable'", {
        head: 'param deploy bool\n',
        condition: 'if (deploy) ',
      }),
    },
  ],
  invalid: [
    {
      name: 'a value that is no value of the property',
      code: vnet("privateEndpointNetworkPolicies: [|'Enable'|]"),
      errors: [
        {
          messageId: 'invalid',
          level: 'warning',
          message: /'snet-pe' in VNet 'vnet-spoke' sets privateEndpointNetworkPolicies to 'Enable'.*Use 'Enabled'/,
        },
      ],
      output: edited(['Enable', 'Enabled']),
    },
    {
      name: "'NetworkSecurityGroupEnabled' is a privateEndpointNetworkPolicies value, not a privateLinkServiceNetworkPolicies one",
      code: vnet("privateLinkServiceNetworkPolicies: [|'NetworkSecurityGroupEnabled'|]"),
      // It nearly spells neither 'Enabled' nor 'Disabled', and 'Enabled' would stop a Private Link service.
      errors: [{ messageId: 'invalidNoCloseValue' }],
      output: null,
    },
    {
      name: 'a value newer than the API version',
      code: vnet("privateEndpointNetworkPolicies: [|'NetworkSecurityGroupEnabled'|]", { api: '2023-05-01' }),
      errors: [
        { messageId: 'newerApi', message: /API version 2023-05-01 does not list \(first listed in 2023-09-01\)/ },
      ],
    },
    {
      name: 'the property predates the API version',
      code: vnet("privateEndpointNetworkPolicies: [|'Disabled'|]", { api: '2018-08-01' }),
      errors: [{ messageId: 'notInApi' }],
    },
    {
      name: 'a child subnet resource',
      code: vnetWithChildSubnet(
        "'snet-pe'",
        [
          "addressPrefix: '10.1.1.0/24'",
          "privateEndpointNetworkPolicies: [|'RouteTableEnabled'|]",
          "privateLinkServiceNetworkPolicies: [|'Disable'|]",
        ],
        {},
        { api: '2022-07-01' },
      ),
      errors: [{ messageId: 'newerApi' }, { messageId: 'invalid', message: /Use 'Disabled'/ }],
      output: edited(['Disable', 'Disabled']),
    },
    {
      name: "'false' misspells no value: reported without a value to use, and no fix",
      code: bicepVnet(
        "      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24', privateEndpointNetworkPolicies: [|'false'|] } }",
      ),
      errors: [
        {
          messageId: 'invalidNoCloseValue',
          message: /so what Azure makes of it is undefined\. Use one of those values\.$/,
        },
      ],
      output: null,
    },
    {
      name: 'a loop of VNets gives one finding',
      code: bicepVnet(
        "      { name: 'snet-pe', properties: { addressPrefix: '10.${i}.1.0/24', privateEndpointNetworkPolicies: [|'Enable'|] } }",
        {
          symbol: 'vnets',
          name: 'vnet-${i}',
          space: "'10.${i}.0.0/16'",
          condition: '[for i in range(0, 3): ',
        },
      ),
      errors: [{ messageId: 'invalid' }],
      output: edited(['Enable', 'Enabled']),
    },
  ],
});

// ARM JSON: a VNet at `apiVersion` with a nested child subnet whose properties include `extra`.
const arm = (extra: string, apiVersion = '2025-09-01') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] } },
      "resources": [
        {
          "type": "subnets",
          "apiVersion": "${apiVersion}",
          "name": "snet-pe",
          "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" ],
          "properties": { "addressPrefix": "10.1.1.0/24", ${extra} }
        }
      ]
    }
  ]
}
`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: "ARM: 'Disabled' at 2025-09-01", code: arm('"privateEndpointNetworkPolicies": "Disabled"') },
    {
      name: "ARM: a case variant ('Routetableenabled') stays silent",
      code: arm('"privateEndpointNetworkPolicies": "Routetableenabled"'),
    },
  ],
  invalid: [
    {
      name: 'ARM: a value that is no value of the property',
      code: arm('"privateLinkServiceNetworkPolicies": [|"Disable"|]'),
      errors: [{ messageId: 'invalid' }],
      output: edited(['Disable', 'Disabled']),
    },
    {
      name: 'ARM: a value newer than the API version',
      code: arm('"privateEndpointNetworkPolicies": [|"RouteTableEnabled"|]', '2021-05-01'),
      errors: [{ messageId: 'newerApi' }],
    },
  ],
};
ruleTests(rule, armCases);

// set-subnet-policy: the invalid value replaced by the one the API version allows.
ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: a value of no API version becomes the closest valid one',
      code: vnet("privateEndpointNetworkPolicies: [|'Disable'|]"),
      errors: [{ messageId: 'invalid' }],
      output: vnet("privateEndpointNetworkPolicies: 'Disabled'"),
    },
    {
      name: 'ARM child subnet: the value is replaced',
      code: armSpokeBehindNsg(
        '',
        `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-app",
      "properties": { "addressPrefix": "10.1.3.0/24", "privateLinkServiceNetworkPolicies": [|"Disable"|] }
    },`,
      ),
      errors: [{ messageId: 'invalid' }],
      output: armSpokeBehindNsg(
        '',
        `
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-app",
      "properties": { "addressPrefix": "10.1.3.0/24", "privateLinkServiceNetworkPolicies": "Disabled" }
    },`,
      ),
    },
  ],
});

// A subnet entry of the Azure Verified Module for virtual networks: the module's API version is not known
// here, so only a value no version has is reported, without a fix (the entry is the module's parameter).
const avmVnet = (entry: string) => `module vnet 'br/public:avm/res/network/virtual-network:0.5.2' = {
  name: 'vnet'
  params: {
    name: 'vnet-a'
    addressPrefixes: [ '10.0.0.0/16' ]
    subnets: [
      { name: 'snet-pe', addressPrefix: '10.0.4.0/28', ${entry} }
    ]
  }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'AVM: a valid value', code: avmVnet("privateEndpointNetworkPolicies: 'Enabled'") },
    {
      name: 'AVM: a value some API version lists (whether the module uses one that does is not known here)',
      code: avmVnet("privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled'"),
    },
  ],
  invalid: [
    {
      name: 'AVM: a value of no API version is reported without a fix',
      code: avmVnet("privateEndpointNetworkPolicies: [|'Enable'|]"),
      errors: [
        {
          messageId: 'invalidNoCloseValue',
          message:
            /^Subnet 'snet-pe' in VNet 'vnet-a' sets privateEndpointNetworkPolicies to 'Enable', which is not a value of that property in any API version/,
        },
      ],
      output: null,
    },
  ],
});
