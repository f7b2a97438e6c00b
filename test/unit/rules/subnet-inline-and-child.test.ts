import rule from '../../../server/src/rules/subnet-inline-and-child';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

interface Cases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const vnet = (subnets: string | undefined, opts: { head?: string; existing?: boolean; condition?: string } = {}) => opts.existing
  ? `${opts.head ?? ''}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-spoke'\n}\n`
  : `${opts.head ?? ''}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = ${opts.condition ?? ''}{
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }${subnets === undefined ? '' : `\n    subnets: ${subnets}`}
  }
}
`;
const inlineList = "[\n      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24' } }\n    ]";
const child = (symbol = 'snetPe', extra = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = ${extra}{
  parent: vnet
  name: 'snet-pe'
  properties: { addressPrefix: '10.1.1.0/24' }
}
`;

const bicepCases: Cases = {
  valid: [
    { name: 'only inline subnets', code: vnet(inlineList) },
    { name: 'only child subnet resources', code: vnet(undefined) + child() },
    { name: 'a child subnet of an existing VNet (its owner decides)', code: vnet(undefined, { existing: true }) + child() },
    { name: 'a child subnet whose condition is unknown', code: vnet(inlineList, { head: 'param deploy bool\n' }) + child('snetPe', 'if (deploy) ') },
    { name: 'a VNet whose condition is unknown', code: vnet(inlineList, { head: 'param deploy bool\n', condition: 'if (deploy) ' }) + child() },
    { name: 'an existing subnet read beside inline subnets', code: `${vnet(inlineList)}resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {\n  parent: vnet\n  name: 'snet-app'\n}\n` },
    { name: 'subnets from a parameter without default may be absent', code: vnet('subnets', { head: 'param subnets array?\n' }) + child() },
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
      errors: [{ messageId: 'mixed', level: 'warning', message: /Subnet 'vnet-spoke\/snet-pe' is a separate resource, but VNet 'vnet-spoke' also lists its subnets inline/ }],
    },
    { name: 'an empty inline list deletes every subnet on redeploy', code: vnet('[]') + child('[|snetPe|]'), errors: [{ messageId: 'mixed' }] },
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

const arm = (subnets: string, childMarked: boolean) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
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
      "properties": { "addressPrefix": "10.1.1.0/24" }
    }
  ]
}
`;

// The same rule on ARM JSON templates.
const armCases: Cases = {
  valid: [
    { name: 'ARM: only a child subnet resource', code: arm('', false) },
  ],
  invalid: [
    { name: 'ARM: inline subnets and a child subnet resource', code: arm(',\n        "subnets": [ { "name": "snet-app", "properties": { "addressPrefix": "10.1.0.0/24" } } ]', true), errors: [{ messageId: 'mixed' }] },
  ],
};
ruleTests(rule, { valid: [...bicepCases.valid, ...armCases.valid], invalid: [...bicepCases.invalid, ...armCases.invalid] });
