import rule from '../../../server/src/rules/subnet-outside-vnet';
import { ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  prefixes: string,
  subnets: string,
  head = '',
) => `${head}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ${prefixes} }
    subnets: [
${subnets}
    ]
  }
}
`;
const inline = (name: string, prefix: string) => `      {
        name: '${name}'
        properties: { addressPrefix: ${prefix} }
      }`;
const child = (
  prefix: string,
  extra = '',
) => `resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = ${extra}{
  parent: vnet
  name: 'snet-app'
  properties: { addressPrefix: ${prefix} }
}
`;
const bare = (prefixes: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ${prefixes} } }
}
`;

const bicepCases: RuleCases = {
  valid: [
    {
      name: 'an address space that an IPAM pool adds to: the subnet may be in the allocated range',
      code: vnet(
        "['10.0.0.0/24'], ipamPoolPrefixAllocations: [ { pool: { id: poolId }, numberOfIpAddresses: '4096' } ]",
        inline('snet-a', "'10.200.0.0/24'"),
        'param poolId string\n',
      ),
    },
    {
      name: 'an inline subnet inside the address space',
      code: vnet("['10.0.0.0/16']", inline('snet-a', "'10.0.1.0/24'")),
    },
    {
      name: 'a child subnet inside the second prefix',
      code: bare("['10.0.0.0/16', '10.1.0.0/16']") + child("'10.1.4.0/24'"),
    },
    {
      name: 'a subnet across two adjacent prefixes is not certainly outside',
      code: bare("['10.0.0.0/24', '10.0.1.0/24']") + child("'10.0.0.0/23'"),
    },
    {
      name: 'an IPv6 subnet inside the IPv6 prefix of a dual-stack VNet',
      code: bare("['10.0.0.0/16', 'fd00:db8::/48']") + child("'fd00:db8:0:1::/64'"),
    },
    {
      name: 'an address space from a parameter without default is unknown',
      code: vnet('[space]', inline('snet-a', "'10.9.0.0/24'"), 'param space string\n'),
    },
    {
      name: 'a subnet prefix from a parameter without default is unknown',
      code: `param prefix string\n${bare("['10.0.0.0/16']")}${child('prefix')}`,
    },
    {
      name: 'a subnet of an existing VNet: its address space is defined elsewhere',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-hub'\n}\n${child("'10.200.0.0/24'")}`,
    },
    {
      name: 'a subnet whose condition is unknown cannot cause a finding',
      code: `param deploy bool\n${bare("['10.0.0.0/16']")}${child("'10.9.0.0/24'", 'if (deploy) ')}`,
    },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: `param deploy bool\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = if (deploy) {\n  name: 'v'\n  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }\n}\n${child("'10.9.0.0/24'")}`,
    },
    {
      name: "a malformed subnet prefix is subnet-cidr-invalid's, not this rule's",
      code: bare("['10.0.0.0/16']") + child("'10.9.0.0/33'"),
    },
    { name: 'host bits set: subnet-cidr-invalid speaks', code: bare("['10.0.0.0/16']") + child("'10.9.0.1/24'") },
    {
      name: 'a VNet with a malformed prefix proves nothing about its subnets',
      code: bare("['10.0.0.0/16', 'nonsense']") + child("'10.9.0.0/24'"),
    },
    {
      name: 'a subnet loop over unknown items cannot cause a finding',
      code: `param names array\n${bare("['10.0.0.0/16']")}resource snets 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = [for (n, i) in names: {\n  parent: vnet\n  name: n\n  properties: { addressPrefix: '10.9.0.0/24' }\n}]\n`,
    },
    {
      name: 'a VNet declared twice in one deployment may end with either address space',
      code: `//- /main.bicep\n${bare("['10.0.0.0/16']")}module again 'mod.bicep' = {\n  name: 'again'\n}\n//- /mod.bicep\n${bare("['172.16.0.0/16']")}${child("'172.16.1.0/24'")}`,
    },
    {
      name: 'two templates analysed together, each with its own vnet-hub',
      code: `//- /a.bicep\n${bare("['10.0.0.0/16']")}${child("'10.0.1.0/24'")}//- /b.bicep\n${bare("['172.16.0.0/16']")}${child("'172.16.1.0/24'")}`,
    },
  ],
  invalid: [
    {
      name: 'an inline subnet outside the address space',
      code: vnet("['10.0.0.0/16']", `${inline('snet-a', "'10.0.1.0/24'")}\n${inline('snet-b', "[|'10.1.0.0/24'|]")}`),
      errors: [
        {
          messageId: 'outside',
          level: 'error',
          message:
            /Subnet 'snet-b' has prefix '10\.1\.0\.0\/24', which is not inside the address space of VNet 'vnet-hub' \('10\.0\.0\.0\/16'\)/,
        },
      ],
    },
    {
      name: 'a child subnet outside every prefix',
      code: bare("['10.0.0.0/16', '10.2.0.0/16']") + child("[|'10.1.0.0/24'|]"),
      errors: [{ messageId: 'outside', message: /'vnet-hub\/snet-app'/ }],
    },
    {
      name: 'a subnet larger than the address space',
      code: bare("['10.0.0.0/24']") + child("[|'10.0.0.0/23'|]"),
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'the second of addressPrefixes is outside',
      code: `${bare("['10.0.0.0/16']")}resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'snet-app'\n  properties: { addressPrefixes: ['10.0.1.0/24', [|'192.168.0.0/24'|]] }\n}\n`,
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'a subnet written after a spread of subnets is reported on its own prefix',
      code: vnet(
        "['10.0.0.0/16']",
        `      ...base\n${inline('c', "[|'10.9.0.0/24'|]")}`,
        `var base = [\n  { name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }\n  { name: 'b', properties: { addressPrefix: '10.0.1.0/24' } }\n]\n`,
      ),
      errors: [{ messageId: 'outside', message: /Subnet 'c'/ }],
    },
    {
      // Not on the item written after the spread, which is the array's second item in the text.
      name: 'a subnet that a spread of a variable brings in is reported where the variable writes it',
      code: vnet(
        "['10.0.0.0/16']",
        `      ...base\n${inline('c', "'10.0.2.0/24'")}`,
        `var base = [\n  { name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }\n  { name: 'b', properties: { addressPrefix: [|'10.9.1.0/24'|] } }\n]\n`,
      ),
      errors: [{ messageId: 'outside', message: /Subnet 'b'/ }],
    },
    {
      name: 'subnets written in a variable are reported where it writes them, each silenced on its own line',
      code: vnet(
        "['10.0.0.0/16']",
        '      ...subnets',
        `var subnets = [\n  {\n    name: 'a'\n    properties: {\n      #disable-next-line subnet-outside-vnet\n      addressPrefix: '10.1.0.0/24'\n    }\n  }\n  {\n    name: 'b'\n    properties: {\n      addressPrefix: [|'10.2.0.0/24'|]\n    }\n  }\n]\n`,
      ),
      errors: [{ messageId: 'outside', message: /Subnet 'b'/ }],
    },
    {
      name: "a VNet's properties in a variable: a subnet is reported in it",
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-hub'\n  location: 'westeurope'\n  properties: vnetProperties\n}\nvar vnetProperties = {\n  addressSpace: { addressPrefixes: ['10.0.0.0/16'] }\n  subnets: [\n    { name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }\n    { name: 'b', properties: { addressPrefix: [|'10.5.0.0/24'|] } }\n  ]\n}\n`,
      errors: [{ messageId: 'outside', message: /Subnet 'b'/ }],
    },
    {
      name: "a subnet in a parameter's default is reported there",
      code: `param subnets array = [\n  { name: 'a', properties: { addressPrefix: [|'10.7.0.0/24'|] } }\n]\n${vnet("['10.0.0.0/16']", '      ...subnets')}`,
      errors: [{ messageId: 'outside', message: /Subnet 'a'/ }],
    },
    {
      name: 'a subnet a calling module passes is reported where the module uses it, not in its default',
      code: `//- /main.bicep
module hub 'hub.bicep' = {
  name: 'hub'
  params: { subnets: [{ name: 'x', properties: { addressPrefix: '10.8.0.0/24' } }] }
}
//- /hub.bicep
param subnets array = [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }]
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [|subnets|]
  }
}
`,
      errors: [{ messageId: 'outside', message: /Subnet 'x'/ }],
    },
    {
      name: 'an IPv6 subnet in an IPv4-only VNet',
      code: bare("['10.0.0.0/16']") + child("[|'fd00:db8:0:1::/64'|]"),
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'a prefix computed by cidrSubnet from another range',
      code: bare("['10.0.0.0/16']") + child("[|cidrSubnet('10.1.0.0/16', 24, 3)|]"),
      errors: [{ messageId: 'outside', message: /10\.1\.3\.0\/24/ }],
    },
    {
      name: 'a loop of subnets outside the space: one finding for the declaration',
      code: `${bare("['10.0.0.0/16']")}resource snets 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = [for i in range(0, 3): {\n  parent: vnet\n  name: 'snet-\${i}'\n  properties: { addressPrefix: [|cidrSubnet('10.1.0.0/16', 24, i)|] }\n}]\n`,
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'a module adds a subnet to the VNet of its caller: reported in the module',
      code: `//- /main.bicep
${bare("['10.0.0.0/16']")}module spoke 'mod.bicep' = {
  name: 'subnets'
}
//- /mod.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'snet-app'
  properties: { addressPrefix: [|'10.5.0.0/24'|] }
}
`,
      errors: [{ messageId: 'outside' }],
    },
    {
      name: '#disable-next-line silences that subnet only',
      code: vnet(
        "['10.0.0.0/16']",
        `      {\n        name: 'a'\n        properties: {\n          #disable-next-line subnet-outside-vnet\n          addressPrefix: '10.1.0.0/24'\n        }\n      }\n${inline('b', "[|'10.2.0.0/24'|]")}`,
      ),
      errors: [{ messageId: 'outside' }],
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
const armVnet = (space: string, subnets = '') => `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [${space}] }${subnets ? `,\n        "subnets": [${subnets}]` : ''}
      }
    }`;
const armChild = (prefix: string) => `    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/snet-app",
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"],
      "properties": { "addressPrefix": ${prefix} }
    }`;

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: a child subnet inside the address space',
      code: arm(`${armVnet('"10.0.0.0/16"')},\n${armChild('"10.0.3.0/24"')}`),
    },
    {
      name: 'ARM: a prefix from a parameter without default',
      code: arm(`${armVnet('"10.0.0.0/16"')},\n${armChild('"[parameters(\'prefix\')]"')}`).replace(
        '"resources"',
        '"parameters": { "prefix": { "type": "string" } },\n  "resources"',
      ),
    },
  ],
  invalid: [
    {
      name: 'ARM: an inline subnet outside the address space',
      code: arm(
        armVnet(
          '"10.0.0.0/16"',
          '\n          { "name": "snet-a", "properties": { "addressPrefix": [|"10.1.0.0/24"|] } }\n        ',
        ),
      ),
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'ARM: a child subnet outside the address space',
      code: arm(`${armVnet('"10.0.0.0/16"')},\n${armChild('[|"192.168.1.0/24"|]')}`),
      errors: [{ messageId: 'outside' }],
    },
    {
      name: 'ARM: subnets of properties written in a variable are reported there, each silenced on its own line',
      code: arm(
        armVnet('"10.0.0.0/16"').replace(
          /"properties": \{[\s\S]*\n {6}\}/,
          `"properties": "[variables('vnetProperties')]"`,
        ),
      ).replace(
        '"resources"',
        `"variables": {
    "vnetProperties": {
      "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] },
      "subnets": [
        // #disable-next-line subnet-outside-vnet
        { "name": "a", "properties": { "addressPrefix": "10.5.0.0/24" } },
        { "name": "b", "properties": { "addressPrefix": [|"10.6.0.0/24"|] } }
      ]
    }
  },
  "resources"`,
      ),
      errors: [{ messageId: 'outside', message: /Subnet 'b'/ }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
