import rule from '../../../server/src/rules/subnet-inline-and-child';
import { ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  subnets: string | undefined,
  opts: { head?: string; existing?: boolean; condition?: string; api?: string } = {},
) =>
  opts.existing
    ? `${opts.head ?? ''}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-spoke'\n}\n`
    : `${opts.head ?? ''}resource vnet 'Microsoft.Network/virtualNetworks@${opts.api ?? '2024-05-01'}' = ${opts.condition ?? ''}{
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }${subnets === undefined ? '' : `\n    subnets: ${subnets}`}
  }
}
`;
const inlineList = "[\n      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24' } }\n    ]";
const child = (
  symbol = 'snetPe',
  extra = '',
  properties = "addressPrefix: '10.1.1.0/24'",
  name = 'snet-pe',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = ${extra}{
  parent: vnet
  name: '${name}'
  properties: { ${properties} }
}
`;
/** An inline list holding snet-app and a twin of the child snet-pe with `properties`. */
const withTwin = (properties: string) =>
  `[\n      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24' } }\n      { name: 'snet-pe', properties: { ${properties} } }\n    ]`;
const nsg =
  "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {\n  name: 'nsg-pe'\n  location: 'westeurope'\n}\n";

const bicepCases: RuleCases = {
  valid: [
    { name: 'only inline subnets', code: vnet(inlineList) },
    {
      name: 'harmless repeats (class 5): a child that repeats its inline twin',
      code: vnet(withTwin("addressPrefix: '10.1.1.0/24'")) + child(),
    },
    {
      name: 'harmless repeats (class 5): the same NSG written as a symbol and as resourceId()',
      code:
        nsg +
        vnet(
          withTwin(
            "addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-pe') }",
          ),
        ) +
        child('snetPe', '', "addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }"),
    },
    {
      name: 'harmless repeats (class 5): a policy set to its default where the twin omits it (FACTS §3.1)',
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24'")) +
        child(
          'snetPe',
          '',
          "addressPrefix: '10.1.1.0/24', privateEndpointNetworkPolicies: 'Disabled', serviceEndpoints: []",
        ),
    },
    {
      name: 'harmless repeats (class 5): the same range as addressPrefix and as a list of one',
      code: vnet(withTwin("addressPrefix: '10.1.1.0/24'")) + child('snetPe', '', "addressPrefixes: [ '10.1.1.0/24' ]"),
    },
    {
      name: 'harmless repeats (class 5): the same ranges in another order, IPv6 written out',
      code:
        vnet(withTwin("addressPrefixes: [ '10.1.1.0/24', 'fd00:db8:1:1::/64' ]")) +
        child('snetPe', '', "addressPrefixes: [ 'fd00:db8:1:0001:0000::/64', '10.1.1.0/24' ]"),
    },
    {
      name: 'harmless repeats (class 5): the same service endpoints in another order',
      code:
        vnet(
          withTwin(
            "addressPrefix: '10.1.1.0/24', serviceEndpoints: [ { service: 'Microsoft.Storage' }, { service: 'Microsoft.KeyVault' } ]",
          ),
        ) +
        child(
          'snetPe',
          '',
          "addressPrefix: '10.1.1.0/24', serviceEndpoints: [ { service: 'Microsoft.KeyVault' }, { service: 'Microsoft.Storage' } ]",
        ),
    },
    {
      name: 'harmless repeats (class 5): a flag whose default FACTS does not give',
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24'")) +
        child('snetPe', '', "addressPrefix: '10.1.1.0/24', defaultOutboundAccess: false"),
    },
    {
      name: 'harmless repeats (class 5): a prefix from a parameter without default',
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24'"), { head: 'param prefix string\n' }) +
        child('snetPe', '', 'addressPrefix: prefix'),
    },
    {
      name: 'harmless repeats (class 5): inline names that are not known',
      code:
        vnet("[\n      { name: appName, properties: { addressPrefix: '10.1.0.0/24' } }\n    ]", {
          head: 'param appName string\n',
        }) + child(),
    },
    {
      name: 'old API (class 5): no inline subnets at 2023-09-01 keeps child subnets (FACTS §14)',
      code: vnet(undefined, { api: '2023-09-01' }) + child(),
    },
    {
      name: 'old API (class 5): a preview version cannot be placed before or after 2023-09-01',
      code: vnet(undefined, { api: '2023-06-01-preview' }) + child(),
    },
    { name: 'only child subnet resources', code: vnet(undefined) + child() },
    {
      name: 'a child subnet of an existing VNet (its owner decides)',
      code: vnet(undefined, { existing: true }) + child(),
    },
    {
      name: 'a child subnet whose condition is unknown',
      code: vnet(inlineList, { head: 'param deploy bool\n' }) + child('snetPe', 'if (deploy) '),
    },
    {
      name: 'a VNet whose condition is unknown',
      code: vnet(inlineList, { head: 'param deploy bool\n', condition: 'if (deploy) ' }) + child(),
    },
    {
      name: 'an existing subnet read beside inline subnets',
      code: `${vnet(inlineList)}resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {\n  parent: vnet\n  name: 'snet-app'\n}\n`,
    },
    {
      name: 'subnets from a parameter without default may be absent',
      code: vnet('subnets', { head: 'param subnets array?\n' }) + child(),
    },
    {
      name: 'a VNet declared twice in one deployment: which inline list wins depends on order',
      code: `//- /main.bicep\n${vnet(inlineList)}module again 'mod.bicep' = {\n  name: 'again'\n}\n//- /mod.bicep\n${vnet(undefined)}${child()}`,
    },
    {
      name: 'two templates analysed together: one lists subnets inline, the other declares them apart',
      code: `//- /a.bicep\n${vnet(inlineList)}//- /b.bicep\n${vnet(undefined)}${child()}`,
    },
  ],
  invalid: [
    {
      name: 'inline subnets and a child subnet resource',
      code: vnet(inlineList) + child('[|snetPe|]'),
      errors: [
        {
          messageId: 'mixed',
          level: 'warning',
          message:
            /Subnet 'vnet-spoke\/snet-pe' is a separate resource, but VNet 'vnet-spoke' lists its subnets inline without it: each redeployment/,
        },
      ],
      output: null,
    },
    {
      name: 'harmless repeats (class 5): a child whose prefix differs from its inline twin',
      code: vnet(withTwin("addressPrefix: '10.1.1.0/24'")) + child('[|snetPe|]', '', "addressPrefix: '10.1.2.0/24'"),
      errors: [
        {
          messageId: 'differs',
          message:
            /Subnet 'vnet-spoke\/snet-pe' is a separate resource whose addressPrefix differs from its inline twin in VNet 'vnet-spoke': each redeployment of the VNet puts back the inline addressPrefix\./,
        },
      ],
    },
    {
      name: "harmless repeats (class 5): a list of one range that differs from the twin's addressPrefix",
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24'")) + child('[|snetPe|]', '', "addressPrefixes: [ '10.1.2.0/24' ]"),
      errors: [
        {
          messageId: 'differs',
          message:
            /whose address range differs from its inline twin in VNet 'vnet-spoke': each redeployment of the VNet puts back the inline address range\./,
        },
      ],
    },
    {
      name: 'harmless repeats (class 5): service endpoints that differ, in any order',
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24', serviceEndpoints: [ { service: 'Microsoft.Storage' } ]")) +
        child(
          '[|snetPe|]',
          '',
          "addressPrefix: '10.1.1.0/24', serviceEndpoints: [ { service: 'Microsoft.KeyVault' } ]",
        ),
      errors: [{ messageId: 'differs', message: /whose serviceEndpoints differs/ }],
    },
    {
      name: 'harmless repeats (class 5): a child that attaches an NSG its inline twin lacks',
      code:
        nsg +
        vnet(withTwin("addressPrefix: '10.1.1.0/24'")) +
        child('[|snetPe|]', '', "addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: nsg.id }"),
      errors: [{ messageId: 'differs', message: /networkSecurityGroup differs/ }],
    },
    {
      name: "harmless repeats (class 5): a child that enables a policy its twin leaves at 'Disabled'",
      code:
        vnet(withTwin("addressPrefix: '10.1.1.0/24'")) +
        child('[|snetPe|]', '', "addressPrefix: '10.1.1.0/24', privateEndpointNetworkPolicies: 'Enabled'"),
      errors: [{ messageId: 'differs', message: /privateEndpointNetworkPolicies differs/ }],
    },
    {
      name: 'old API (class 5): no inline subnets before 2023-09-01 deletes child subnets (FACTS §14)',
      code: vnet(undefined, { api: '2023-05-01' }) + child('[|snetPe|]'),
      errors: [
        {
          messageId: 'oldApi',
          message:
            /VNet 'vnet-spoke' lists no subnets at API version 2023-05-01: before 2023-09-01 a VNet redeployment deletes the subnets it does not list.*Use API version 2023-11-01 or later/,
        },
      ],
    },
    {
      name: 'an empty inline list deletes every subnet on redeploy',
      code: vnet('[]') + child('[|snetPe|]'),
      errors: [{ messageId: 'mixed' }],
    },
    {
      name: 'a nested child subnet',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-spoke'\n  properties: {\n    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }\n    subnets: []\n  }\n  resource [|nested|] 'subnets' = {\n    name: 'snet-pe'\n    properties: { addressPrefix: '10.1.1.0/24' }\n  }\n}\n`,
      errors: [{ messageId: 'mixed' }],
    },
    {
      name: 'a child subnet in a module, the VNet in its caller',
      code: `//- /main.bicep
${vnet(inlineList)}module extra 'mod.bicep' = {
  name: 'extra-subnet'
}
//- /mod.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke'
}
${child('[|snetPe|]')}`,
      errors: [{ messageId: 'mixed' }],
    },
    {
      name: 'child subnets in a loop: one finding',
      code: `${vnet(inlineList)}resource [|snets|] 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = [for i in range(1, 3): {\n  parent: vnet\n  name: 'snet-\${i}'\n  properties: { addressPrefix: cidrSubnet('10.1.0.0/16', 24, i) }\n}]\n`,
      errors: [{ messageId: 'mixed' }],
    },
  ],
};

const arm = (
  subnets: string,
  childMarked: boolean,
  childProperties = '"addressPrefix": "10.1.1.0/24"',
  api = '2024-05-01',
) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "${api}",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] }${subnets}
      }
    },
    {
      "type": ${childMarked ? '[|"Microsoft.Network/virtualNetworks/subnets"|]' : '"Microsoft.Network/virtualNetworks/subnets"'},
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/snet-pe",
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"],
      "properties": { ${childProperties} }
    }
  ]
}
`;

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    { name: 'ARM: only a child subnet resource', code: arm('', false) },
    {
      name: 'ARM: harmless repeats (class 5): a child that repeats its inline twin',
      code: arm(
        ',\n        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]',
        false,
      ),
    },
  ],
  invalid: [
    {
      name: 'ARM: harmless repeats (class 5): a child whose prefix differs from its inline twin',
      code: arm(
        ',\n        "subnets": [ { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } } ]',
        true,
        '"addressPrefix": "10.1.9.0/24"',
      ),
      errors: [{ messageId: 'differs', message: /addressPrefix differs/ }],
    },
    {
      name: 'ARM: old API (class 5): no inline subnets at 2020-11-01',
      code: arm('', true, undefined, '2020-11-01'),
      errors: [{ messageId: 'oldApi', message: /API version 2020-11-01/ }],
    },
    {
      name: 'ARM: inline subnets and a child subnet resource',
      code: arm(
        ',\n        "subnets": [ { "name": "snet-app", "properties": { "addressPrefix": "10.1.0.0/24" } } ]',
        true,
      ),
      errors: [{ messageId: 'mixed' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
