import rule from '../../../server/src/rules/subnet-cidr-invalid';
import { arm as armTemplate, armVnetWithSubnets } from '../../support/arm-fixtures';
import { edited, ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  space: string,
  prefix: string,
  head = '',
) => `${head}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
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
const subnet = (prefix: string) => vnet("'10.0.0.0/16'", prefix);

const bicepCases: RuleCases = {
  valid: [
    { name: 'network prefixes', code: vnet("'10.0.0.0/16', 'fd00:db8::/48'", "'10.0.4.0/22'") },
    { name: 'a public (non-RFC 1918) range is allowed', code: vnet("'20.10.0.0/16'", "'20.10.0.0/24'") },
    {
      name: 'a range that only contains 168.63.129.16 is not wholly forbidden',
      code: vnet("'168.63.0.0/16'", "'168.63.128.0/24'"),
    },
    {
      name: 'a prefix from a parameter without default is unknown',
      code: vnet("'10.0.0.0/16'", 'prefix', 'param prefix string\n'),
    },
    {
      name: "an empty prefix from a parameter default is a placeholder for the caller's value",
      code: vnet('prefix', "'10.0.4.0/22'", "param prefix string = ''\n"),
    },
    {
      name: 'a prefix built from an unknown part is not known text',
      code: vnet("'10.0.0.0/16'", "'\${octets}.0/24'", 'param octets string\n'),
    },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: vnet("'10.0.0.0/16'", "'10.0.0.1/24'", 'param deploy bool\n').replace(
        "= {\n  name: 'vnet-hub'",
        "= if (deploy) {\n  name: 'vnet-hub'",
      ),
    },
    {
      name: 'an existing VNet is not ours',
      code: "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-hub'\n}\n",
    },
  ],
  invalid: [
    {
      name: 'a length beyond 32',
      code: subnet("[|'10.0.0.0/33'|]"),
      errors: [
        {
          messageId: 'malformed',
          level: 'error',
          message: /Subnet 'snet-a' has the address prefix '10\.0\.0\.0\/33', which is not a valid CIDR prefix/,
        },
      ],
      output: null,
    },
    { name: 'no length', code: subnet("[|'10.0.1.0'|]"), errors: [{ messageId: 'malformed' }] },
    { name: 'an octet above 255', code: subnet("[|'10.0.256.0/24'|]"), errors: [{ messageId: 'malformed' }] },
    {
      name: 'host bits set',
      code: subnet("[|'10.0.1.10/24'|]"),
      errors: [
        {
          messageId: 'hostBits',
          message: /starts at its network address '10\.0\.1\.0\/24', not at the address written/,
        },
      ],
      fixTitle: /^Use the network address '10\.0\.1\.0\/24'$/,
      output: edited(['10.0.1.10', '10.0.1.0']),
    },
    {
      name: "a length that clears the first octet ('10.0.0.0/6' → '8.0.0.0/6') is reported without a fix",
      code: vnet("[|'10.0.0.0/6'|]", "'10.0.1.0/24'"),
      errors: [{ messageId: 'hostBits', message: /its network address '8\.0\.0\.0\/6'/ }],
      output: null,
    },
    {
      name: "a network address a sibling subnet holds ('10.0.1.128/24' beside '10.0.1.0/24' was meant as a /25) is reported without a fix",
      code: `${vnet("'10.0.0.0/16'", "'10.0.1.0/24'")}resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'snet-b'\n  properties: { addressPrefix: [|'10.0.1.128/24'|] }\n}\n`,
      errors: [{ messageId: 'hostBits', message: /its network address '10\.0\.1\.0\/24'/ }],
      output: null,
    },
    {
      name: 'IPv6 host bits set',
      code: vnet("'10.0.0.0/16', 'fd00:db8::/48'", "[|'fd00:db8:0:1::1/64'|]"),
      errors: [{ messageId: 'hostBits', message: /'fd00:db8:0:1::\/64'/ }],
      output: edited(['0:1::1', '0:1::']),
    },
    {
      name: 'a VNet address space with host bits set',
      code: vnet("[|'10.0.0.1/16'|]", "'10.0.1.0/24'"),
      errors: [{ messageId: 'hostBits', message: /^VNet 'vnet-hub'/ }],
      output: edited(['10.0.0.1', '10.0.0.0']),
    },
    {
      name: 'loopback',
      code: vnet("[|'127.0.0.0/8'|]", "[|'127.0.0.0/24'|]"),
      errors: [{ messageId: 'forbidden', message: /loopback/ }, { messageId: 'forbidden' }],
    },
    {
      name: 'multicast',
      code: subnet("[|'224.1.0.0/24'|]"),
      errors: [{ messageId: 'forbidden', message: /inside 224\.0\.0\.0\/4 \(multicast\)/ }],
    },
    { name: 'link-local', code: subnet("[|'169.254.10.0/24'|]"), errors: [{ messageId: 'forbidden' }] },
    {
      name: "Azure's platform address",
      code: subnet("[|'168.63.129.16/32'|]"),
      errors: [{ messageId: 'forbidden', message: /Azure platform DNS/ }],
    },
    {
      name: 'a child subnet resource',
      code: `${vnet("'10.0.0.0/16'", "'10.0.0.0/24'")}resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'snet-b'\n  properties: { addressPrefixes: ['10.0.1.0/24', [|'10.0.2.1/24'|]] }\n}\n`,
      errors: [{ messageId: 'hostBits', message: /'vnet-hub\/snet-b'/ }],
      output: edited(['10.0.2.1', '10.0.2.0']),
    },
  ],
};

const arm = (space: string, prefix: string) =>
  armTemplate(
    armVnetWithSubnets(`          { "name": "snet-a", "properties": { "addressPrefix": ${prefix} } }`, {
      name: 'vnet-hub',
      space,
      api: '2024-05-01',
    }),
  );

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [{ name: 'ARM: network prefixes', code: arm('"10.0.0.0/16"', '"10.0.1.0/24"') }],
  invalid: [
    {
      name: 'ARM: host bits set in a subnet',
      code: arm('"10.0.0.0/16"', '[|"10.0.1.1/24"|]'),
      errors: [{ messageId: 'hostBits' }],
      output: edited(['10.0.1.1', '10.0.1.0']),
    },
    {
      name: 'ARM: malformed VNet prefix',
      code: arm('[|"10.0.0/16"|]', '"10.0.1.0/24"'),
      errors: [{ messageId: 'malformed' }],
    },
    {
      name: 'ARM: link-local subnet',
      code: arm('"10.0.0.0/16"', '[|"169.254.0.0/24"|]'),
      errors: [{ messageId: 'forbidden' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});

// use-network-address: the literal rewritten in place; a prefix from a parameter default is not rewritten at the use.
ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'a prefix from a parameter default is not rewritten at the use',
      code: `param prefix string = '10.0.1.10/24'\n${subnet('[|prefix|]')}`,
      errors: [{ messageId: 'hostBits' }],
      output: null,
    },
    {
      name: 'ARM: a subnet prefix on one line',
      code: `//- /main.json\n{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope",\n    "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] }, "subnets": [ { "name": "snet-a", "properties": { "addressPrefix": [|"10.0.1.10/24"|] } } ] } } ]\n}\n`,
      errors: [{ messageId: 'hostBits' }],
      output: edited(['"10.0.1.10/24"', '"10.0.1.0/24"']),
    },
  ],
});
