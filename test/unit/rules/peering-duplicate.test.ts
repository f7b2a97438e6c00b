import rule from '../../../server/src/rules/peering-duplicate';
import { armHubAndSpoke, armPeering, bicepVnet, hubToSpoke, spokeToHub, vnetId } from '../../support/arm-fixtures';
import { bicepPeering } from '../../support/bicep-network';
import { ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = bicepVnet;
const peering = bicepPeering;
const two = vnet('hub', 'vnet-hub') + vnet('spoke', 'vnet-spoke1');

const bicepCases: RuleCases = {
  valid: [
    {
      // Each instance's remote is built from its own item: ?? and a ternary on a parameter once gave every
      // instance one unknown, keyed by where it is written (review of Bicep's language features).
      name: "a loop's remotes built with ?? and a ternary from each item are not one remote",
      code: `param explicit bool
var spokes = [ { name: 'vnet-sp-1' }, { name: 'vnet-sp-2', id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/vnet-sp-2' } ]
${vnet('hub', 'vnet-hub')}resource toSpokes 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for s in spokes: {
  parent: hub
  name: 'hub-to-\${s.name}'
  properties: { remoteVirtualNetwork: { id: explicit ? (s.?id ?? resourceId('Microsoft.Network/virtualNetworks', s.name)) : resourceId('Microsoft.Network/virtualNetworks', s.name) } }
}]
`,
    },
    {
      name: 'one peering each way',
      code: two + peering('hubToSpoke', 'hub', 'spoke.id') + peering('spokeToHub', 'spoke', 'hub.id'),
    },
    {
      name: 'two peerings of one VNet to two remotes',
      code: two + vnet('spoke2', 'vnet-spoke22') + peering('a', 'hub', 'spoke.id') + peering('b', 'hub', 'spoke2.id'),
    },
    {
      name: 'one peering written twice under the same name is one resource',
      code:
        two +
        peering('a', 'hub', 'spoke.id', { name: "'hub-to-spoke'" }) +
        peering('b', 'hub', 'spoke.id', { name: "'hub-to-spoke'" }),
    },
    {
      name: 'a second name from a parameter without default may be the same peering',
      code: `param other string\n${two}${peering('a', 'hub', 'spoke.id')}${peering('b', 'hub', 'spoke.id', { name: 'other' })}`,
    },
    {
      name: 'two blank remote ids name no VNet: each peering fails for its id, not as a duplicate',
      code: two + peering('a', 'hub', "''") + peering('b', 'hub', "''"),
    },
    {
      name: 'two equal remotes that are objects name no VNet either',
      code: two + peering('a', 'hub', "{ i: 'x' }") + peering('b', 'hub', "{ i: 'x' }"),
    },
    {
      name: 'a second remote from a parameter without default may be another VNet',
      code: `param remoteId string\n${two}${peering('a', 'hub', 'spoke.id')}${peering('b', 'hub', 'remoteId')}`,
    },
    {
      name: 'a duplicate whose condition is unknown cannot cause a finding',
      code: `param extra bool\n${two}${peering('a', 'hub', 'spoke.id')}${peering('b', 'hub', 'spoke.id', { condition: 'if (extra) ' })}`,
    },
    {
      name: "a self-peering twice is peering-self's",
      code: two + peering('a', 'hub', 'hub.id') + peering('b', 'hub', 'hub.id'),
    },
    {
      name: 'two templates analysed together, each peering its own vnet-hub to vnet-spoke1 under another name',
      code: `//- /a.bicep\n${two}${peering('a', 'hub', 'spoke.id')}//- /b.bicep\n${two}${peering('b', 'hub', 'spoke.id')}`,
    },
  ],
  invalid: [
    {
      name: 'two child peerings from hub to spoke: on the later one',
      code:
        two + peering('hubToSpoke', 'hub', 'spoke.id') + peering('hubToSpokeAgain', 'hub', 'spoke.id', { mark: true }),
      errors: [
        {
          messageId: 'duplicate',
          level: 'error',
          message:
            /Peering 'vnet-hub\/hubToSpokeAgain' connects 'vnet-hub' to 'vnet-spoke1', which peering 'vnet-hub\/hubToSpoke' already does/,
        },
      ],
    },
    {
      name: 'an inline peering and a child peering to the same remote: the child comes later',
      code:
        vnet(
          'hub',
          'vnet-hub',
          "\n    virtualNetworkPeerings: [\n      {\n        name: 'inline-to-spoke'\n        properties: { remoteVirtualNetwork: { id: spoke.id } }\n      }\n    ]",
        ) +
        vnet('spoke', 'vnet-spoke1') +
        peering('childToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [{ messageId: 'duplicate' }],
    },
    {
      name: 'the remote given once by symbol and once by resourceId',
      code:
        two +
        peering('a', 'hub', 'spoke.id') +
        peering('b', 'hub', "resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke1')", { mark: true }),
      errors: [{ messageId: 'duplicate' }],
    },
    {
      name: 'a remote outside the analysed files, written the same way twice',
      code: `${vnet('hub', 'vnet-hub')}${peering('a', 'hub', "'/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far'")}${peering('b', 'hub', "'/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far'", { mark: true })}`,
      errors: [{ messageId: 'duplicate' }],
    },
  ],
};

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: one peering each way',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.1.0.0/16"', hubToSpoke(), spokeToHub()),
    },
  ],
  invalid: [
    {
      name: 'ARM: two peerings from hub to spoke, on the later one',
      code: armHubAndSpoke(
        '"10.0.0.0/16"',
        '"10.1.0.0/16"',
        hubToSpoke(),
        armPeering('vnet-hub', 'hub-to-spoke-2', vnetId('vnet-spoke'), { mark: true }),
      ),
      errors: [{ messageId: 'duplicate' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
