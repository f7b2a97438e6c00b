import rule from '../../../server/src/rules/subnet-overlap';
import { ruleTests, type RuleCases } from '../../support/rule-test';
import { inlineSubnet, vnetWithSubnets } from '../../support/subnet-fixtures';

const vnet = (subnets: string, head = '') =>
  vnetWithSubnets('vnet-spoke', "'10.1.0.0/16', 'fd00:db8::/48'", subnets, head);
const inline = inlineSubnet;
const bare = `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } }
}
`;
const child = (
  symbol: string,
  name: string,
  prefix: string,
  extra = '',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = ${extra}{
  parent: vnet
  name: '${name}'
  properties: { addressPrefix: ${prefix} }
}
`;

const bicepCases: RuleCases = {
  valid: [
    { name: 'adjacent subnets', code: vnet(`${inline('a', "'10.1.0.0/24'")}\n${inline('b', "'10.1.1.0/24'")}`) },
    {
      name: 'IPv4 and IPv6 never overlap',
      code: vnet(`${inline('a', "'10.1.0.0/24'")}\n${inline('b', "'fd00:db8:0:1::/64'")}`),
    },
    {
      name: 'subnets computed by cidrSubnet at distinct indexes',
      code: `${bare}resource snets 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = [for i in range(0, 4): {\n  parent: vnet\n  name: 'snet-\${i}'\n  properties: { addressPrefix: cidrSubnet('10.1.0.0/16', 24, i) }\n}]\n`,
    },
    {
      name: 'the same subnet declared inline and as a child is one subnet (subnet-inline-and-child speaks)',
      code: vnet(inline('a', "'10.1.0.0/24'")) + child('again', 'a', "'10.1.0.0/24'"),
    },
    {
      name: 'a prefix from a parameter without default is unknown',
      code: `param prefix string\n${bare}${child('a', 'a', "'10.1.0.0/24'")}${child('b', 'b', 'prefix')}`,
    },
    {
      name: 'a subnet whose condition is unknown cannot cause a finding',
      code: `param deploy bool\n${bare}${child('a', 'a', "'10.1.0.0/24'")}${child('b', 'b', "'10.1.0.0/25'", 'if (deploy) ')}`,
    },
    {
      name: "a subnet with host bits set is subnet-cidr-invalid's",
      code: `${bare}${child('a', 'a', "'10.1.0.0/24'")}${child('b', 'b', "'10.1.0.7/24'")}`,
    },
    {
      name: 'subnets of two different VNets may overlap',
      code: `${bare}resource other 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-other'\n  properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, subnets: [ { name: 'x', properties: { addressPrefix: '10.1.0.0/24' } } ] }\n}\n${child('a', 'a', "'10.1.0.0/24'")}`,
    },
    {
      name: 'subnets named by a parameter without default might be one subnet',
      code: `param second string\n${bare}${child('a', 'a', "'10.1.0.0/24'")}resource b 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: second\n  properties: { addressPrefix: '10.1.0.0/24' }\n}\n`,
    },
    {
      name: "a VNet declared twice in one deployment keeps only one declaration's inline subnets",
      code: `//- /main.bicep\n${vnet(inline('a', "'10.1.0.0/24'"))}module again 'mod.bicep' = {\n  name: 'again'\n}\n//- /mod.bicep\n${bare}${child('b', 'b', "'10.1.0.0/24'")}`,
    },
    {
      name: 'two templates analysed together, each with its own vnet-spoke',
      code: `//- /a.bicep\n${bare}${child('a', 'a', "'10.1.0.0/24'")}//- /b.bicep\n${bare}${child('b', 'b', "'10.1.0.0/24'")}`,
    },
  ],
  invalid: [
    {
      name: 'a property loop whose items take the same ranges over and over: one finding where the loop writes them',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [|[for i in range(0, 12): {
      name: 'snet-\${i}'
      properties: { addressPrefix: cidrSubnet('10.1.0.0/16', 24, i % 3) }
    }]|]
  }
}
`,
      errors: [{ messageId: 'overlap', message: /^Subnet 'snet-3' \('10\.1\.0\.0\/24'\) overlaps subnet 'snet-0'/ }],
    },
    {
      name: 'two inline subnets with the same prefix: on the later one',
      code: vnet(`${inline('snet-a', "'10.1.0.0/24'")}\n${inline('snet-b', "[|'10.1.0.0/24'|]")}`),
      errors: [
        {
          messageId: 'overlap',
          level: 'error',
          message:
            /Subnet 'snet-b' \('10\.1\.0\.0\/24'\) overlaps subnet 'snet-a' \('10\.1\.0\.0\/24'\) in VNet 'vnet-spoke'/,
        },
      ],
    },
    {
      name: 'a smaller subnet inside a larger one, both child resources',
      code: `${bare}${child('a', 'snet-a', "'10.1.0.0/23'")}${child('b', 'snet-b', "[|'10.1.1.0/24'|]")}`,
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'three subnets on one range: each later one reported once',
      code: vnet(
        `${inline('a', "'10.1.0.0/24'")}\n${inline('b', "[|'10.1.0.0/25'|]")}\n${inline('c', "[|'10.1.0.128/25'|]")}`,
      ),
      errors: [{ messageId: 'overlap' }, { messageId: 'overlap' }],
    },
    {
      name: 'a child subnet overlapping an inline subnet',
      code: vnet(inline('a', "'10.1.0.0/24'")) + child('b', 'b', "[|'10.1.0.0/26'|]"),
      errors: [{ messageId: 'overlap', message: /'vnet-spoke\/b'/ }],
    },
    {
      name: 'a loop whose instances share one prefix: one finding for the declaration',
      code: `${bare}resource snets 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = [for i in range(0, 3): {\n  parent: vnet\n  name: 'snet-\${i}'\n  properties: { addressPrefix: [|'10.1.0.0/24'|] }\n}]\n`,
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'IPv6 subnets that overlap',
      code: vnet(`${inline('a', "'fd00:db8:0:1::/64'")}\n${inline('b', "[|'fd00:db8:0:1::/64'|]")}`),
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'the overlapping entry of addressPrefixes',
      code: `${bare}${child('a', 'a', "'10.1.0.0/24'")}resource b 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'b'\n  properties: { addressPrefixes: ['10.1.5.0/24', [|'10.1.0.64/26'|]] }\n}\n`,
      errors: [{ messageId: 'overlap' }],
    },
  ],
};

const arm = (resources: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}
`;
const armVnet = (subnets: string) => `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] },
        "subnets": [${subnets}]
      }
    }`;
const armChild = (name: string, prefix: string) => `    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/${name}",
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"],
      "properties": { "addressPrefix": ${prefix} }
    }`;

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: adjacent inline subnets',
      code: arm(
        armVnet(
          '\n          { "name": "a", "properties": { "addressPrefix": "10.1.0.0/24" } },\n          { "name": "b", "properties": { "addressPrefix": "10.1.1.0/24" } }\n        ',
        ),
      ),
    },
    {
      name: 'ARM: subnets in a copy loop at distinct indexes',
      code: arm(`${armVnet('')},
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2024-05-01",
      "name": "[format('vnet-spoke/snet-{0}', copyIndex())]",
      "copy": { "name": "subnets", "count": 3, "mode": "Serial", "batchSize": 1 },
      "properties": { "addressPrefix": "[cidrSubnet('10.1.0.0/16', 24, copyIndex())]" }
    }`),
    },
  ],
  invalid: [
    {
      name: 'ARM: two inline subnets with one prefix',
      code: arm(
        armVnet(
          '\n          { "name": "a", "properties": { "addressPrefix": "10.1.0.0/24" } },\n          { "name": "b", "properties": { "addressPrefix": [|"10.1.0.0/25"|] } }\n        ',
        ),
      ),
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'ARM: a child subnet overlapping an inline one',
      code: arm(
        `${armVnet('\n          { "name": "a", "properties": { "addressPrefix": "10.1.0.0/22" } }\n        ')},\n${armChild('b', '[|"10.1.2.0/24"|]')}`,
      ),
      errors: [{ messageId: 'overlap' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
