import rule from '../../../server/src/rules/pe-subnet-reserved';
import { arm as armTemplate, armEndpointIn, armSubnetId } from '../../support/arm-fixtures';
import { bicepEndpoint, bicepVnet, oneLineSubnet, vnetWithChildSubnet } from '../../support/bicep-network';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

const hub = { name: 'vnet-hub', space: "'10.0.0.0/16'" };
/** A VNet with one inline subnet named `subnet` and an endpoint in it (the subnet id marked by `mark`). */
const inline = (subnet: string, mark = (text: string) => text, head = '', endpointIf = '') =>
  bicepVnet(oneLineSubnet(subnet, '10.0.0.0/26'), { ...hub, head }) +
  bicepEndpoint(mark('vnet.properties.subnets[0].id'), [], { condition: endpointIf });
const marked = (text: string) => `[|${text}|]`;

ruleTests(rule, {
  valid: [
    { name: 'an ordinary subnet', code: inline('snet-private-endpoints') },
    { name: 'names match exactly: gatewaysubnet is not GatewaySubnet', code: inline('gatewaysubnet') },
    {
      name: 'a subnet id from a parameter',
      code: `param subnetId string\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe'\n  location: 'westeurope'\n  properties: { subnet: { id: subnetId } }\n}\n`,
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: inline('GatewaySubnet', undefined, 'param deploy bool\n', 'if (deploy) '),
    },
    {
      name: 'a subnet whose name is a parameter without default',
      code: `param subnetName string\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe'\n  location: 'westeurope'\n  properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', subnetName) } }\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'GatewaySubnet is an error',
      code: inline('GatewaySubnet', marked),
      errors: [{ messageId: 'reserved', level: 'error', message: /'pe-kv' is placed in 'GatewaySubnet'/ }],
    },
    ...(
      [
        ['AzureFirewallSubnet', 'error'],
        ['AzureBastionSubnet', 'error'],
        ['AzureFirewallManagementSubnet', 'warning'],
      ] as const
    ).map(([subnet, level]) => ({
      name: `${subnet} is ${level === 'error' ? 'an error' : 'a warning'}`,
      code: inline(subnet, marked),
      errors: [{ messageId: 'reserved', level }],
    })),
    {
      name: 'RouteServerSubnet is a warning',
      code: inline('RouteServerSubnet', marked),
      errors: [{ messageId: 'reserved', level: 'warning', message: /Azure Route Server/ }],
    },
    {
      name: 'a child subnet resource',
      code:
        vnetWithChildSubnet("'AzureBastionSubnet'", "addressPrefix: '10.0.1.0/26'", hub, { symbol: 'bastion' }) +
        bicepEndpoint('[|bastion.id|]'),
      errors: [{ messageId: 'reserved', level: 'error' }],
    },
    {
      name: 'a VNet outside the analysed files: the id still names the subnet',
      code: `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: { subnet: { id: [|resourceId('rg-hub', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet')|] } }
}
`,
      errors: [{ messageId: 'reserved', level: 'error' }],
    },
  ],
});

// ARM JSON: a VNet with a child subnet resource (nested) and an endpoint in it.
const arm = (subnet: string, idMark = (text: string) => text) =>
  armTemplate(`    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2025-09-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] } },
      "resources": [
        { "type": "subnets", "apiVersion": "2025-09-01", "name": "${subnet}", "properties": { "addressPrefix": "10.0.0.0/26" } }
      ]
    },
${armEndpointIn(idMark(armSubnetId('vnet-hub', subnet)))}`);

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [{ name: 'ARM: an ordinary subnet', code: arm('snet-pe') }],
  invalid: [
    {
      name: 'ARM: AzureBastionSubnet is an error',
      code: arm('AzureBastionSubnet', marked),
      errors: [{ messageId: 'reserved', level: 'error' }],
    },
    {
      name: 'ARM: RouteServerSubnet is a warning',
      code: arm('RouteServerSubnet', marked),
      errors: [{ messageId: 'reserved', level: 'warning' }],
    },
  ],
};
ruleTests(rule, armCases);
