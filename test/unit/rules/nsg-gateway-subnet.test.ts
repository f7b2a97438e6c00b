import rule from '../../../server/src/rules/nsg-gateway-subnet';
import { arm as armTemplate, armVnetWithSubnets } from '../../support/arm-fixtures';
import {
  bicepChildSubnet,
  bicepVnet,
  inlineSubnetItem,
  vnetWithChildSubnet,
  type VnetOptions,
} from '../../support/bicep-network';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

const nsg = `resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: 'nsg-hub'
  location: 'westeurope'
}
`;
/** A hub VNet with one inline subnet named `name` (Bicep expression, may carry a marker) with `extra` properties. */
const hub = (name: string, extra: string, options: VnetOptions = {}) =>
  hubWithLines(name, ["addressPrefix: '10.0.0.0/27'", extra], options);
const hubWithLines = (name: string, properties: string[], options: VnetOptions = {}) =>
  bicepVnet(inlineSubnetItem(name, properties), { name: 'vnet-hub', space: "'10.0.0.0/16'", ...options });

ruleTests(rule, {
  valid: [
    { name: 'GatewaySubnet without an NSG', code: hub("'GatewaySubnet'", '') },
    {
      name: 'GatewaySubnet with networkSecurityGroup: null',
      code: hub("'GatewaySubnet'", 'networkSecurityGroup: null'),
    },
    { name: 'an NSG on another subnet', code: nsg + hub("'snet-shared'", 'networkSecurityGroup: { id: nsg.id }') },
    {
      name: 'names match exactly: gatewaysubnet',
      code: nsg + hub("'gatewaysubnet'", 'networkSecurityGroup: { id: nsg.id }'),
    },
    {
      name: 'an NSG that may be null',
      code:
        nsg +
        hub("'GatewaySubnet'", 'networkSecurityGroup: withNsg ? { id: nsg.id } : null', {
          head: 'param withNsg bool\n',
        }),
    },
    {
      name: 'a subnet name from a parameter without default',
      code: nsg + hub('subnetName', 'networkSecurityGroup: { id: nsg.id }', { head: 'param subnetName string\n' }),
    },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code:
        nsg +
        hub("'GatewaySubnet'", 'networkSecurityGroup: { id: nsg.id }', {
          head: 'param deploy bool\n',
          condition: 'if (deploy) ',
        }),
    },
  ],
  invalid: [
    {
      name: 'an NSG on an inline GatewaySubnet',
      code: nsg + hub("[|'GatewaySubnet'|]", 'networkSecurityGroup: { id: nsg.id }'),
      errors: [
        {
          messageId: 'attached',
          level: 'error',
          message: /GatewaySubnet of VNet 'vnet-hub' has NSG 'nsg-hub' attached/,
        },
      ],
      output: edited([
        `          networkSecurityGroup: { id: nsg.id }
`,
        '',
      ]),
    },
    {
      // Was "has NSG an NSG attached" (review of enterprise patterns).
      name: "an NSG given only by its id: named by the id's last segment",
      code: hub(
        "[|'GatewaySubnet'|]",
        "networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityGroups/nsg-default-deny' }",
      ),
      errors: [{ messageId: 'attached', message: /has NSG 'nsg-default-deny' attached;/ }],
      output: edited([
        "          networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityGroups/nsg-default-deny' }\n",
        '',
      ]),
    },
    {
      name: 'a name from a variable',
      code:
        nsg +
        hub(
          '[|gatewaySubnetName|]',
          "networkSecurityGroup: { id: resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-other') }",
          { head: "var gatewaySubnetName = 'GatewaySubnet'\n" },
        ),
      errors: [{ messageId: 'attached' }],
      output: edited([
        `          networkSecurityGroup: { id: resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-other') }
`,
        '',
      ]),
    },
    {
      name: 'a child GatewaySubnet resource',
      code:
        nsg +
        vnetWithChildSubnet(
          "'GatewaySubnet'",
          "addressPrefix: '10.0.0.0/27', networkSecurityGroup: { id: nsg.id }",
          { name: 'vnet-hub', space: "'10.0.0.0/16'" },
          { symbol: '[|gw|]' },
        ),
      errors: [{ messageId: 'attached' }],
      output: edited([', networkSecurityGroup: { id: nsg.id }', '']),
    },
  ],
});

// ARM JSON: a hub VNet with an inline subnet named `name` whose NSG is given by `nsgId` (a JSON value).
const arm = (name: string, nsgId: string, parameters = '{}') =>
  armTemplate(
    `    { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2025-09-01", "name": "nsg-hub", "location": "westeurope" },
${armVnetWithSubnets(
  `          { "name": ${name}, "properties": { "addressPrefix": "10.0.0.0/27", "networkSecurityGroup": { "id": ${nsgId} } } }`,
  armHub,
)}`,
    parameters,
  );
const armHub = { name: 'vnet-hub', space: '"10.0.0.0/16"' };
const nsgId = `"[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-hub')]"`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'ARM: an NSG on another subnet', code: arm('"snet-shared"', nsgId) },
    {
      name: 'ARM: an NSG id from a parameter without default',
      code: arm('"GatewaySubnet"', `"[parameters('nsgId')]"`, '{ "nsgId": { "type": "string" } }'),
    },
  ],
  invalid: [
    {
      name: 'ARM: an NSG on GatewaySubnet',
      code: arm('[|"GatewaySubnet"|]', nsgId),
      errors: [{ messageId: 'attached', message: /NSG 'nsg-hub'/ }],
      output: edited([
        `, "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-hub')]" }`,
        '',
      ]),
    },
  ],
};
ruleTests(rule, armCases);

// remove-subnet-nsg: the association removed with its comment and the comma before it.
const gatewayVnet = (name: string, nsgLines: string) => hubWithLines(name, [`addressPrefix: '10.0.0.0/27'${nsgLines}`]);

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: the association lines are removed, with their comment',
      code:
        nsg +
        gatewayVnet(
          "[|'GatewaySubnet'|]",
          '\n          networkSecurityGroup: { // not allowed here\n            id: nsg.id\n          }',
        ),
      errors: [{ messageId: 'attached' }],
      fixTitle: /^Remove the network security group association$/,
      output: nsg + gatewayVnet("'GatewaySubnet'", ''),
    },
    {
      name: 'Bicep: a child GatewaySubnet resource with a single-line association',
      code: bicepChildSubnet("'GatewaySubnet'", "addressPrefix: '10.0.0.0/27', networkSecurityGroup: { id: nsg.id }", {
        symbol: '[|gw|]',
        head: `${nsg}resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-hub'\n}\n`,
      }),
      errors: [{ messageId: 'attached' }],
      output: edited([', networkSecurityGroup: { id: nsg.id }', '']),
    },
    {
      name: 'ARM: the last property goes, and the comma before it',
      code: armTemplate(
        armVnetWithSubnets(
          `          {
            "name": [|"GatewaySubnet"|],
            "properties": {
              "addressPrefix": "10.0.0.0/27", // the gateway
              "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-hub')]" }
            }
          }`,
          armHub,
        ),
      ),
      errors: [{ messageId: 'attached' }],
      output: edited([
        `"10.0.0.0/27", // the gateway\n              "networkSecurityGroup": { "id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-hub')]" }`,
        '"10.0.0.0/27" // the gateway',
      ]),
    },
  ],
});
