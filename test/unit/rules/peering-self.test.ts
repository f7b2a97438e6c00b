import rule from '../../../server/src/rules/peering-self';
import { armHubAndSpoke, armPeering, bicepVnet, hubToSpoke, vnetId } from '../../support/arm-fixtures';
import { bicepPeering } from '../../support/bicep-network';
import { ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = bicepVnet;
const peering = bicepPeering;

const bicepCases: RuleCases = {
  valid: [
    {
      name: 'a peering to another VNet',
      code: vnet('hub', 'vnet-hub') + vnet('spoke', 'vnet-spoke1') + peering('hubToSpoke', 'hub', 'spoke.id'),
    },
    {
      name: 'a remote id from a parameter without default may be another VNet',
      code: `param remoteId string\n${vnet('hub', 'vnet-hub')}${peering('hubToRemote', 'hub', 'remoteId')}`,
    },
    {
      name: 'a self-peering whose condition is unknown cannot cause a finding',
      code: `param peer bool\n${vnet('hub', 'vnet-hub')}${peering('hubToHub', 'hub', 'hub.id', { condition: 'if (peer) ' })}`,
    },
    {
      name: 'the same name in another resource group is another VNet',
      code: `${vnet('hub', 'vnet-hub')}${peering('hubToOther', 'hub', "resourceId('other-rg', 'Microsoft.Network/virtualNetworks', 'vnet-hub')")}`,
    },
  ],
  invalid: [
    {
      name: 'a child peering whose remote is its parent',
      code: vnet('hub', 'vnet-hub') + peering('hubToHub', 'hub', 'hub.id', { mark: true }),
      errors: [
        {
          messageId: 'self',
          level: 'error',
          message: /Peering 'vnet-hub\/hubToHub' points back at its own VNet 'vnet-hub'/,
        },
      ],
    },
    {
      name: 'an inline peering to its own VNet by resourceId',
      code: vnet(
        'hub',
        'vnet-hub',
        "\n    virtualNetworkPeerings: [\n      {\n        name: [|'loop'|]\n        properties: { remoteVirtualNetwork: { id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub') } }\n      }\n    ]",
      ),
      errors: [{ messageId: 'self' }],
    },
    {
      name: 'the id differs only in letter case (Azure ids ignore case)',
      code:
        vnet('hub', 'vnet-hub') +
        peering('hubToHub', 'hub', "resourceId('Microsoft.Network/virtualNetworks', 'VNET-HUB')", { mark: true }),
      errors: [{ messageId: 'self' }],
    },
  ],
};

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: a peering to another VNet',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.1.0.0/16"', hubToSpoke()),
    },
  ],
  invalid: [
    {
      name: 'ARM: a peering to its own VNet',
      code: armHubAndSpoke(
        '"10.0.0.0/16"',
        undefined,
        armPeering('vnet-hub', 'hub-to-hub', vnetId('vnet-hub'), { mark: true }),
      ),
      errors: [{ messageId: 'self' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
