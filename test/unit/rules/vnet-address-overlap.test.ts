import rule from '../../../server/src/rules/vnet-address-overlap';
import { arm, armHubAndSpoke, armVnet, hubToSpoke, spokeToHub, vnetId } from '../../support/arm-fixtures';
import { bicepPeering } from '../../support/bicep-network';
import { ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  symbol: string,
  name: string,
  space: string,
  extra = '',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [${space}] }${extra}
  }
}
`;
const peering = (
  symbol: string,
  parent: string,
  remote: string,
  opts: { props?: string; condition?: string; mark?: boolean } = {},
) =>
  bicepPeering(symbol, parent, `${remote}.id`, {
    ...opts,
    properties: `\n    allowVirtualNetworkAccess: true${opts.props ?? ''}`,
  });
const pair = (a: string, b: string) => vnet('hub', 'vnet-hub', a) + vnet('spoke', 'vnet-spoke', b);

const bicepCases: RuleCases = {
  valid: [
    {
      name: 'peered VNets with separate address spaces',
      code:
        pair("'10.0.0.0/16'", "'10.1.0.0/16'") +
        peering('hubToSpoke', 'hub', 'spoke') +
        peering('spokeToHub', 'spoke', 'hub'),
    },
    { name: 'overlapping VNets that are not peered', code: pair("'10.0.0.0/16'", "'10.0.0.0/16'") },
    {
      name: "a self-peering is peering-self's",
      code: vnet('hub', 'vnet-hub', "'10.0.0.0/16'") + peering('hubToHub', 'hub', 'hub'),
    },
    {
      name: 'an existing remote VNet: its address space is unknown',
      code: `${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-spoke'\n}\n${peering('hubToSpoke', 'hub', 'spoke')}`,
    },
    {
      name: 'an address space from a parameter without default',
      code: `param space string\n${pair("'10.0.0.0/16'", 'space')}${peering('hubToSpoke', 'hub', 'spoke')}`,
    },
    {
      name: 'a peering whose condition is unknown cannot cause a finding',
      code: `param peer bool\n${pair("'10.0.0.0/16'", "'10.0.0.0/16'")}${peering('hubToSpoke', 'hub', 'spoke', { condition: 'if (peer) ' })}`,
    },
    {
      name: 'a subnet peering may connect VNets whose other ranges overlap',
      code:
        pair("'10.0.0.0/16'", "'10.0.0.0/16', '10.2.0.0/16'") +
        peering('hubToSpoke', 'hub', 'spoke', {
          props: "\n    peerCompleteVnets: false\n    localSubnetNames: ['a']\n    remoteSubnetNames: ['b']",
        }),
    },
    {
      name: 'a VNet declared twice in one deployment may end with either address space',
      code: `//- /main.bicep\n${pair("'10.0.0.0/16'", "'10.0.0.0/24'")}${peering('hubToSpoke', 'hub', 'spoke')}module again 'mod.bicep' = {\n  name: 'again'\n}\n//- /mod.bicep\n${vnet('spoke', 'vnet-spoke', "'10.1.0.0/16'")}`,
    },
    {
      name: 'a remote given by an id outside the analysed files',
      code: `${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}resource p 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {\n  parent: hub\n  name: 'p'\n  properties: { remoteVirtualNetwork: { id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far' } }\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a one-way peering between overlapping VNets',
      code: pair("'10.0.0.0/16'", "'10.0.128.0/17'") + peering('hubToSpoke', 'hub', 'spoke', { mark: true }),
      errors: [
        {
          messageId: 'overlap',
          level: 'error',
          message:
            /Peering 'vnet-hub\/hubToSpoke' connects VNets whose address spaces overlap \('vnet-hub' has '10\.0\.0\.0\/16', 'vnet-spoke' has '10\.0\.128\.0\/17'\)/,
        },
      ],
    },
    {
      name: 'both peerings of the pair are reported',
      code:
        pair("'10.0.0.0/16', '10.5.0.0/16'", "'10.9.0.0/16', '10.5.4.0/24'") +
        peering('hubToSpoke', 'hub', 'spoke', { mark: true }) +
        peering('spokeToHub', 'spoke', 'hub', { mark: true }),
      errors: [{ messageId: 'overlap' }, { messageId: 'overlap' }],
    },
    {
      name: 'an inline peering: anchored at its name',
      code:
        vnet(
          'hub',
          'vnet-hub',
          "'10.0.0.0/16'",
          "\n    virtualNetworkPeerings: [\n      {\n        name: [|'hub-to-spoke'|]\n        properties: { remoteVirtualNetwork: { id: spoke.id } }\n      }\n    ]",
        ) + vnet('spoke', 'vnet-spoke', "'10.0.0.0/24'"),
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'a whole-VNet peering that says so explicitly',
      code:
        pair("'10.0.0.0/16'", "'10.0.0.0/16'") +
        peering('hubToSpoke', 'hub', 'spoke', { props: '\n    peerCompleteVnets: true', mark: true }),
      errors: [{ messageId: 'overlap' }],
    },
    {
      name: 'the remote VNet is deployed by a module: reported on the peering in the caller',
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}module spoke 'spoke.bicep' = {
  name: 'spoke'
}
resource [|hubToSpoke|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: { remoteVirtualNetwork: { id: spoke.outputs.vnetId } }
}
//- /spoke.bicep
${vnet('vnet', 'vnet-spoke', "'10.0.64.0/18'")}output vnetId string = vnet.id
`,
      errors: [{ messageId: 'overlap' }],
    },
  ],
};

// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: peered VNets with separate spaces',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.1.0.0/16"', hubToSpoke()),
    },
  ],
  invalid: [
    {
      name: 'ARM: both peerings of an overlapping pair',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.0.1.0/24"', hubToSpoke({ mark: true }), spokeToHub({ mark: true })),
      errors: [{ messageId: 'overlap' }, { messageId: 'overlap' }],
    },
    {
      name: 'ARM: an inline peering, anchored at its name',
      code: arm(
        [
          armVnet(
            'vnet-hub',
            '"10.0.0.0/16"',
            `,\n        "virtualNetworkPeerings": [ { "name": [|"hub-to-spoke"|], "properties": { "remoteVirtualNetwork": { "id": ${vnetId('vnet-spoke')} } } } ]`,
          ),
          armVnet('vnet-spoke', '"10.0.0.0/8"'),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'overlap' }],
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
