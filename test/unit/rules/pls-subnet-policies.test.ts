import rule from '../../../server/src/rules/pls-subnet-policies';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';
import { arm as armTemplate, armSubnetId, armVnetWithSubnets } from '../../support/arm-fixtures';
import { bicepChildSubnet, bicepVnet, inlineSubnetItem, vnetWithChildSubnet } from '../../support/bicep-network';
import { armSpokeSubnets } from '../../support/subnet-fixtures';

/**
 * A VNet with a frontend subnet (`feExtra` properties) and a NAT subnet (`natExtra`), a Standard internal
 * load balancer with its frontend in the first, and a Private Link service whose NAT IP is in the second.
 */
const network = (natExtra: string, natName = "'snet-pls'", feExtra = '', head = '', plsHead = '') => `${bicepVnet(
  `${inlineSubnetItem("'snet-workload'", ["addressPrefix: '10.1.0.0/24'", feExtra])}
${inlineSubnetItem(natName, ["addressPrefix: '10.1.2.0/24'", natExtra])}`,
  { head },
)}resource lb 'Microsoft.Network/loadBalancers@2025-09-01' = {
  name: 'lbi-app'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: {
    frontendIPConfigurations: [ { name: 'fe', properties: { subnet: { id: vnet.properties.subnets[0].id } } } ]
  }
}
resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = ${plsHead}{
  name: 'pls-app'
  location: 'westeurope'
  properties: {
    loadBalancerFrontendIpConfigurations: [ { id: lb.properties.frontendIPConfigurations[0].id } ]
    ipConfigurations: [ { name: 'nat', properties: { subnet: { id: vnet.properties.subnets[1].id }, primary: true } } ]
  }
}
`;
const marked = "[|'snet-pls'|]";

ruleTests(rule, {
  valid: [
    {
      name: "the NAT subnet sets 'Disabled' (the frontend subnet, which does not, is not concerned)",
      code: network("privateLinkServiceNetworkPolicies: 'Disabled'"),
    },
    {
      name: 'a value from a parameter without default',
      code: network('privateLinkServiceNetworkPolicies: policy', undefined, '', 'param policy string\n'),
    },
    {
      name: "a case variant ('disabled') is left to subnet-policies-value",
      code: network("privateLinkServiceNetworkPolicies: 'disabled'"),
    },
    {
      name: 'a service whose condition is unknown cannot cause a finding',
      code: network('', undefined, '', 'param deploy bool\n', 'if (deploy) '),
    },
    {
      name: 'a subnet outside the analysed files',
      code: `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls-app'
  location: 'westeurope'
  properties: { ipConfigurations: [ { name: 'nat', properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-pls') } } } ] }
}
`,
    },
  ],
  invalid: [
    {
      // The policy written into the loop body would be the frontend subnet's too (review of fixes).
      name: 'child subnets in a loop, one of them the NAT subnet: found, with no fix',
      code: `param subnetDefs array = [
  { name: 'snet-app', prefix: '10.1.0.0/24' }
  { name: 'snet-pls', prefix: '10.1.2.0/24' }
]
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] } }
}
@batchSize(1)
resource [|subnets|] 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = [for s in subnetDefs: {
  parent: vnet
  name: s.name
  properties: { addressPrefix: s.prefix }
}]
resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls-app'
  location: 'westeurope'
  properties: {
    loadBalancerFrontendIpConfigurations: [ { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'lbi-app', 'fe') } ]
    ipConfigurations: [ { name: 'nat', properties: { subnet: { id: subnets[1].id }, primary: true } } ]
  }
}
`,
      errors: [{ messageId: 'unset' }],
      output: null,
    },
    {
      name: 'the NAT subnet without the property; the frontend subnet stays silent',
      code: network('', marked),
      errors: [
        {
          messageId: 'unset',
          level: 'error',
          message:
            /'snet-pls' in VNet 'vnet-spoke' gives Private Link service 'pls-app' its NAT IP.*default is 'Enabled'/,
        },
      ],
      output: edited([
        `10.1.2.0/24'
`,
        `10.1.2.0/24'
          privateLinkServiceNetworkPolicies: 'Disabled'
`,
      ]),
    },
    {
      name: "the NAT subnet with 'Enabled'",
      code: network(
        "privateLinkServiceNetworkPolicies: 'Enabled'",
        marked,
        "privateLinkServiceNetworkPolicies: 'Enabled'",
      ),
      errors: [{ messageId: 'enabled', message: /sets privateLinkServiceNetworkPolicies to 'Enabled'/ }],
      output: edited([
        `10.1.2.0/24'
          privateLinkServiceNetworkPolicies: 'Enabled`,
        `10.1.2.0/24'
          privateLinkServiceNetworkPolicies: 'Disabled`,
      ]),
    },
    {
      name: 'a child subnet in another file, used through a module output',
      code: `//- /main.bicep
module net 'net.bicep' = {
  name: 'net'
}
resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls-app'
  location: 'westeurope'
  properties: { ipConfigurations: [ { name: 'nat', properties: { subnet: { id: net.outputs.natSubnetId } } } ] }
}
//- /net.bicep
${vnetWithChildSubnet("'snet-pls'", "addressPrefix: '10.1.2.0/24'", {}, { symbol: '[|nat|]' })}output natSubnetId string = nat.id
`,
      errors: [{ messageId: 'unset' }],
      output: edited(["10.1.2.0/24'", "10.1.2.0/24', privateLinkServiceNetworkPolicies: 'Disabled'"]),
    },
  ],
});

// ARM JSON: the same trap — the load balancer's frontend subnet is not the service's NAT subnet.
const arm = (natExtra: string, natName = '"snet-pls"') =>
  armSpokeSubnets(
    `          { "name": "snet-workload", "properties": { "addressPrefix": "10.1.0.0/24" } },
          { "name": ${natName}, "properties": { "addressPrefix": "10.1.2.0/24"${natExtra} } }`,
    `,
    {
      "type": "Microsoft.Network/loadBalancers",
      "apiVersion": "2025-09-01",
      "name": "lbi-app",
      "location": "westeurope",
      "sku": { "name": "Standard" },
      "properties": {
        "frontendIPConfigurations": [
          { "name": "fe", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-workload')]" } } }
        ]
      }
    },
    {
      "type": "Microsoft.Network/privateLinkServices",
      "apiVersion": "2025-09-01",
      "name": "pls-app",
      "location": "westeurope",
      "properties": {
        "loadBalancerFrontendIpConfigurations": [ { "id": "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'lbi-app', 'fe')]" } ],
        "ipConfigurations": [
          { "name": "nat", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pls')]" } } }
        ]
      }
    }`,
  );

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: "ARM: the NAT subnet sets 'Disabled'", code: arm(', "privateLinkServiceNetworkPolicies": "Disabled"') },
  ],
  invalid: [
    {
      name: 'ARM: the NAT subnet without the property; the frontend subnet stays silent',
      code: arm('', '[|"snet-pls"|]'),
      errors: [{ messageId: 'unset' }],
      output: edited(['10.1.2.0/24"', '10.1.2.0/24", "privateLinkServiceNetworkPolicies": "Disabled"']),
    },
  ],
};
ruleTests(rule, armCases);

// set-subnet-policy on the NAT subnet: 'Disabled' written where the subnet's properties end.
const pls = (
  subnet = 'vnet.properties.subnets[0].id',
) => `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls'
  location: 'westeurope'
  properties: {
    ipConfigurations: [ { name: 'nat', properties: { subnet: { id: ${subnet} } } } ]
  }
}
`;

/** An existing VNet's child NAT subnet `symbol` whose policies are `policies`, and the service using it. */
const natChild = (symbol: string, policies: string) =>
  bicepChildSubnet(
    "'snet-pls'",
    ["addressPrefix: '10.1.2.0/24'", `privateLinkServiceNetworkPolicies: '${policies}' // default`],
    {
      symbol,
      head: "resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-spoke'\n}\n// NAT subnet\n",
    },
  ) + pls('natSubnet.id');

/** A VNet deployed when deployVnet (true by default), its NAT subnet `name` with `properties`, and the service. */
const conditionalVnet = (name: string, properties: string) =>
  armTemplate(
    `${armVnetWithSubnets(
      `          {
            "name": ${name},
            "properties": {
              ${properties}
            }
          }`,
      { condition: `"[parameters('deployVnet')]"` },
    )},
    {
      "type": "Microsoft.Network/privateLinkServices",
      "apiVersion": "2025-09-01",
      "name": "pls",
      "location": "westeurope",
      "properties": { "ipConfigurations": [ { "name": "nat", "properties": { "subnet": { "id": ${armSubnetId('vnet-spoke', 'snet-pls')} } } } ] }
    }`,
    '{ "deployVnet": { "type": "bool", "defaultValue": true } }',
  );

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: "Bicep inline subnet: privateLinkServiceNetworkPolicies 'Disabled' added",
      code: bicepVnet(inlineSubnetItem("[|'snet-pls'|]", ["addressPrefix: '10.1.2.0/24'"])) + pls(),
      errors: [{ messageId: 'unset' }],
      fixTitle: /^Set privateLinkServiceNetworkPolicies to 'Disabled'$/,
      output:
        bicepVnet(
          inlineSubnetItem("'snet-pls'", [
            "addressPrefix: '10.1.2.0/24'",
            "privateLinkServiceNetworkPolicies: 'Disabled'",
          ]),
        ) + pls(),
    },
    {
      name: "Bicep child subnet set to 'Enabled': replaced",
      code: natChild('[|natSubnet|]', 'Enabled'),
      errors: [{ messageId: 'enabled' }],
      output: natChild('natSubnet', 'Disabled'),
    },
    {
      name: 'Bicep inline subnet with an empty properties object',
      code: bicepVnet(`      { name: [|'snet-pls'|], properties: {} }`) + pls(),
      errors: [{ messageId: 'unset' }],
      output:
        bicepVnet(`      { name: 'snet-pls', properties: { privateLinkServiceNetworkPolicies: 'Disabled' } }`) + pls(),
    },
    {
      name: 'ARM inline subnet in a conditional VNet deployed for certain',
      code: conditionalVnet('[|"snet-pls"|]', '"addressPrefix": "10.1.2.0/24"'),
      errors: [{ messageId: 'unset' }],
      output: conditionalVnet(
        '"snet-pls"',
        '"addressPrefix": "10.1.2.0/24",\n              "privateLinkServiceNetworkPolicies": "Disabled"',
      ),
    },
  ],
});
