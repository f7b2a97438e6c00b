import rule from '../../../server/src/rules/subnet-size';
import { arm as armTemplate, armVnetWithSubnets } from '../../support/arm-fixtures';
import { ruleTests, type RuleCases } from '../../support/rule-test';
import { inlineSubnet, vnetWithSubnets } from '../../support/subnet-fixtures';

const vnet = (subnets: string, head = '') =>
  vnetWithSubnets('vnet-hub', "'10.0.0.0/16', 'fd00:db8::/48'", subnets, head);
const inline = inlineSubnet;
const one = (name: string, prefix: string, head = '') => vnet(inline(name, prefix), head);
const withEndpoints = (
  prefix: string,
  count: number,
  condition = '',
  head = '',
) => `${head}resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } }
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: vnet
  name: 'snet-pe'
  properties: { addressPrefix: ${prefix} }
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = [for i in range(0, ${count}): ${condition}{
  name: 'pe-\${i}'
  location: 'westeurope'
  properties: {
    subnet: { id: snet.id }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st\${i}'
          groupIds: ['blob']
        }
      }
    ]
  }
}]
`;

const bicepCases: RuleCases = {
  valid: [
    { name: 'a /29, the smallest IPv4 subnet', code: one('snet-a', "'10.0.0.0/29'") },
    { name: 'an IPv6 /64', code: one('snet-a', "'fd00:db8:0:1::/64'") },
    { name: 'GatewaySubnet /27 (recommended)', code: one('GatewaySubnet', "'10.0.0.0/27'") },
    { name: 'AzureBastionSubnet /26', code: one('AzureBastionSubnet', "'10.0.1.0/26'") },
    { name: 'AzureFirewallSubnet /25', code: one('AzureFirewallSubnet', "'10.0.1.0/25'") },
    {
      name: "AzureFirewallManagementSubnet's /26 is unverified (FACTS §7): silent on a /27",
      code: one('AzureFirewallManagementSubnet', "'10.0.1.0/27'"),
    },
    {
      name: "RouteServerSubnet's /26 is unverified (FACTS §7): silent on a /28",
      code: one('RouteServerSubnet', "'10.0.1.0/28'"),
    },
    {
      name: 'reserved names match exactly: a /28 named gatewaysubnet is an ordinary subnet',
      code: one('gatewaysubnet', "'10.0.0.0/28'"),
    },
    {
      name: 'a prefix from a parameter without default is unknown',
      code: one('snet-a', 'prefix', 'param prefix string\n'),
    },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: `param deploy bool\nresource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = if (deploy) {\n  name: 'v'\n  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [ { name: 'a', properties: { addressPrefix: '10.0.0.0/30' } } ] }\n}\n`,
    },
    { name: "a malformed prefix is subnet-cidr-invalid's", code: one('snet-a', "'10.0.0.0/33'") },
    { name: 'three private endpoints fill a /29 (3 usable addresses)', code: withEndpoints("'10.1.0.0/29'", 3) },
    {
      name: 'private endpoints whose condition is unknown are not counted',
      code: withEndpoints("'10.1.0.0/29'", 6, 'if (deploy) ', 'param deploy bool\n'),
    },
    {
      name: 'four declarations of one endpoint name are one endpoint',
      code: withEndpoints("'10.1.0.0/29'", 4).replace("name: 'pe-${i}'", "name: 'pe-shared'"),
    },
    {
      name: 'a subnet with an unknown prefix cannot be counted',
      code: withEndpoints('prefix', 6, '', 'param prefix string\n'),
    },
  ],
  invalid: [
    {
      name: 'a /30',
      code: one('snet-a', "[|'10.0.0.0/30'|]"),
      errors: [
        {
          messageId: 'tooSmall',
          level: 'error',
          message: /Subnet 'snet-a' is a \/30 \('10\.0\.0\.0\/30'\), smaller than Azure's smallest IPv4 subnet, a \/29/,
        },
      ],
    },
    { name: 'a /32', code: one('snet-a', "[|'10.0.0.4/32'|]"), errors: [{ messageId: 'tooSmall' }] },
    {
      name: 'an IPv6 /80',
      code: one('snet-a', "[|'fd00:db8:0:1::/80'|]"),
      errors: [{ messageId: 'ipv6', message: /exactly \/64/ }],
    },
    { name: 'an IPv6 /48', code: one('snet-a', "[|'fd00:db8::/48'|]"), errors: [{ messageId: 'ipv6' }] },
    {
      name: 'GatewaySubnet /30: one finding, the IPv4 minimum',
      code: one('GatewaySubnet', "[|'10.0.0.0/30'|]"),
      errors: [{ messageId: 'tooSmall' }],
    },
    {
      name: 'GatewaySubnet /28 is below the recommended /27: a warning',
      code: one('GatewaySubnet', "[|'10.0.0.0/28'|]"),
      errors: [
        { messageId: 'recommended', level: 'warning', message: /recommends a \/27 or larger for GatewaySubnet/ },
      ],
    },
    {
      name: 'AzureBastionSubnet /27',
      code: one('AzureBastionSubnet', "[|'10.0.1.0/27'|]"),
      errors: [{ messageId: 'dedicated', level: 'error', message: /AzureBastionSubnet must be a \/26 or larger/ }],
    },
    {
      name: 'AzureFirewallSubnet as a child resource, /28',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-hub'\n  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }\n}\nresource fw 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {\n  parent: vnet\n  name: 'AzureFirewallSubnet'\n  properties: { addressPrefix: [|'10.0.3.0/28'|] }\n}\n`,
      errors: [{ messageId: 'dedicated', message: /AzureFirewallSubnet must be a \/26/ }],
    },
    {
      name: 'endpoints named around one unique string (pe-sta{u}-blob, pe-stb{u}-blob…) are certainly distinct',
      code: withEndpoints("'10.1.0.0/29'", 4)
        .replace("addressPrefix: '10.1.0.0/29'", "addressPrefix: [|'10.1.0.0/29'|]")
        .replace(
          "[for i in range(0, 4): {\n  name: 'pe-\${i}'",
          "[for i in range(0, 4): {\n  name: 'pe-st\${substring('abcd', i, 1)}\${uniqueString(resourceGroup().id)}-blob'",
        ),
      errors: [{ messageId: 'endpoints', message: /but 4 private endpoints/ }],
    },
    {
      name: 'dual stack: the IPv6 entry is not a /64',
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-hub'\n  properties: {\n    addressSpace: { addressPrefixes: ['10.0.0.0/16', 'fd00:db8::/48'] }\n    subnets: [ { name: 'a', properties: { addressPrefixes: ['10.0.0.0/24', [|'fd00:db8:0:1::/96'|]] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'ipv6' }],
    },
    {
      name: 'four private endpoints in a /29 (3 usable addresses)',
      code: withEndpoints("'10.1.0.0/29'", 4).replace(
        "addressPrefix: '10.1.0.0/29'",
        "addressPrefix: [|'10.1.0.0/29'|]",
      ),
      errors: [
        {
          messageId: 'endpoints',
          level: 'error',
          message: /has 3 usable addresses \(Azure reserves 5 per subnet\) but 4 private endpoints/,
        },
      ],
    },
  ],
};

const arm = (subnets: string) =>
  armTemplate(
    armVnetWithSubnets(subnets, { name: 'vnet-hub', space: '"10.0.0.0/16", "fd00:db8::/48"', api: '2024-05-01' }),
  );
const armSubnet = (name: string, prefix: string) =>
  `          { "name": "${name}", "properties": { "addressPrefix": ${prefix} } }`;

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: a /29 and GatewaySubnet /27',
      code: arm(`${armSubnet('snet-a', '"10.0.0.0/29"')},\n${armSubnet('GatewaySubnet', '"10.0.1.0/27"')}`),
    },
    { name: 'ARM: an IPv6 /64', code: arm(armSubnet('snet-a', '"fd00:db8:0:1::/64"')) },
  ],
  invalid: [
    { name: 'ARM: a /30', code: arm(armSubnet('snet-a', '[|"10.0.0.0/30"|]')), errors: [{ messageId: 'tooSmall' }] },
    {
      name: 'ARM: AzureBastionSubnet /27',
      code: arm(armSubnet('AzureBastionSubnet', '[|"10.0.1.0/27"|]')),
      errors: [{ messageId: 'dedicated' }],
    },
    {
      name: 'ARM: GatewaySubnet /29 is a warning',
      code: arm(armSubnet('GatewaySubnet', '[|"10.0.1.0/29"|]')),
      errors: [{ messageId: 'recommended', level: 'warning' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
