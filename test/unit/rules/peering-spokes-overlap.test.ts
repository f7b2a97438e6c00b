import rule from '../../../server/src/rules/peering-spokes-overlap';
import { arm, armPeering, armVnet, vnetId } from '../../support/arm-fixtures';
import { bicepPeering } from '../../support/bicep-network';
import { ruleTests } from '../../support/rule-test';

const vnet = (
  symbol: string,
  name: string,
  space: string,
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [${space}] }
  }
}
`;
const peering = (
  symbol: string,
  parent: string,
  remote: string,
  opts: { props?: string; condition?: string; mark?: boolean; dependsOn?: string } = {},
) =>
  bicepPeering(symbol, parent, `${remote}.id`, {
    ...opts,
    properties: opts.props,
    after: opts.dependsOn ? `\n  dependsOn: [${opts.dependsOn}]` : '',
  });
const hubAnd = (one: string, two: string) =>
  vnet('hub', 'vnet-hub', "'10.0.0.0/16'") + vnet('one', 'vnet-one', one) + vnet('two', 'vnet-two', two);

ruleTests(rule, {
  valid: [
    {
      name: 'spokes of one hub that do not overlap',
      code:
        hubAnd("'10.1.0.0/16'", "'10.2.0.0/16'") +
        peering('hubToOne', 'hub', 'one') +
        peering('oneToHub', 'one', 'hub') +
        peering('hubToTwo', 'hub', 'two') +
        peering('twoToHub', 'two', 'hub'),
    },
    {
      name: 'overlapping VNets peered with different hubs',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.0.0/16'") +
        vnet('hub2', 'vnet-hub2', "'10.9.0.0/16'") +
        peering('hubToOne', 'hub', 'one') +
        peering('hub2ToTwo', 'hub2', 'two'),
    },
    {
      name: 'a peering that may not be deployed',
      code: `param peerTwo bool\n${hubAnd("'10.1.0.0/16'", "'10.1.0.0/16'")}${peering('hubToOne', 'hub', 'one')}${peering('hubToTwo', 'hub', 'two', { condition: 'if (peerTwo) ' })}`,
    },
    {
      name: 'a spoke declared again with another address space: which one Azure ends with is not known',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.128.0/17'") +
        "param endStage bool\nresource twoAgain 'Microsoft.Network/virtualNetworks@2024-05-01' = if (endStage) {\n  name: 'vnet-two'\n  location: 'westeurope'\n  properties: {\n    addressSpace: { addressPrefixes: ['10.2.0.0/16'] }\n  }\n}\n" +
        peering('hubToOne', 'hub', 'one') +
        peering('hubToTwo', 'hub', 'two'),
    },
    {
      name: 'an address space from a parameter without default',
      code: `param space string\n${hubAnd("'10.1.0.0/16'", 'space')}${peering('hubToOne', 'hub', 'one')}${peering('hubToTwo', 'hub', 'two')}`,
    },
    {
      name: 'an existing spoke: its address space is unknown',
      code: `${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}${vnet('one', 'vnet-one', "'10.1.0.0/16'")}resource two 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-two'\n}\n${peering('hubToOne', 'hub', 'one')}${peering('hubToTwo', 'hub', 'two')}`,
    },
    {
      name: 'a subnet peering may join overlapping VNets',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.0.0/16'") +
        peering('hubToOne', 'hub', 'one') +
        peering('hubToTwo', 'hub', 'two', {
          props: "\n    peerCompleteVnets: false\n    localSubnetNames: ['a']\n    remoteSubnetNames: ['b']",
        }),
    },
    {
      name: "a spoke that overlaps only the hub is vnet-address-overlap's",
      code:
        hubAnd("'10.0.1.0/24'", "'10.2.0.0/16'") +
        peering('hubToOne', 'hub', 'one') +
        peering('hubToTwo', 'hub', 'two'),
    },
  ],
  invalid: [
    {
      name: 'a spoke declared again under a condition with the same address space (to add its DNS servers later): still reported',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.128.0/17'") +
        "param endStage bool\nresource twoAgain 'Microsoft.Network/virtualNetworks@2024-05-01' = if (endStage) {\n  name: 'vnet-two'\n  location: 'westeurope'\n  properties: {\n    addressSpace: { addressPrefixes: ['10.1.128.0/17'] }\n    dhcpOptions: { dnsServers: [ '10.0.0.4' ] }\n  }\n}\n" +
        peering('hubToOne', 'hub', 'one') +
        peering('hubToTwo', 'hub', 'two', { mark: true }),
      errors: [{ messageId: 'overlapOrderUnknown' }],
    },
    {
      name: "a peering module that names the hub by last(split(hubId, '/')): its peerings belong to the hub",
      code: `//- /main.bicep
${hubAnd("'10.1.0.0/16'", "'10.1.128.0/17'")}module peerOne 'peer.bicep' = {
  name: 'peer-one'
  params: { hubId: hub.id, spokeId: one.id }
}
module peerTwo 'peer.bicep' = {
  name: 'peer-two'
  params: { hubId: hub.id, spokeId: two.id }
}
//- /peer.bicep
param hubId string
param spokeId string
var hubName = last(split(hubId, '/'))
var spokeName = last(split(spokeId, '/'))
resource [|toSpoke|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  name: '\${hubName}/to-\${spokeName}'
  properties: { remoteVirtualNetwork: { id: spokeId } }
}
`,
      errors: [{ messageId: 'overlapOrderUnknown', message: /'vnet-two' \(10\.1\.128\.0\/17\) overlaps 'vnet-one'/ }],
    },
    {
      name: 'two spokes of one hub overlap: reported on the later peering in the file, not naming which fails (no order)',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.128.0/17'") +
        peering('hubToOne', 'hub', 'one') +
        peering('hubToTwo', 'hub', 'two', { mark: true }),
      errors: [
        {
          messageId: 'overlapOrderUnknown',
          level: 'error',
          message:
            /'vnet-two' \(10\.1\.128\.0\/17\) overlaps 'vnet-one' \(10\.1\.0\.0\/16\), which is also peered with 'vnet-hub': Azure rejects whichever of their peerings with 'vnet-hub' is written second, with VnetAddressSpaceOverlapsWithAlreadyPeeredVnet/,
        },
      ],
    },
    {
      name: "peerings both ways: one finding, on the later spoke's first peering",
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.0.0/16'") +
        peering('oneToHub', 'one', 'hub') +
        peering('hubToOne', 'hub', 'one') +
        peering('twoToHub', 'two', 'hub', { mark: true }) +
        peering('hubToTwo', 'hub', 'two'),
      errors: [{ messageId: 'overlapOrderUnknown' }],
    },
    {
      name: 'the deployment order decides which spoke is later, not the file order',
      code:
        hubAnd("'10.1.0.0/16'", "'10.1.0.0/16'") +
        peering('hubToTwo', 'hub', 'two', { mark: true, dependsOn: 'hubToOne' }) +
        peering('hubToOne', 'hub', 'one'),
      errors: [{ messageId: 'overlap', message: /peering 'vnet-hub\/hubToTwo'/ }],
    },
    {
      name: 'spokes from a for-loop with the same range: one finding on the loop',
      code: `${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}resource spokes 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(0, 3): {
  name: 'vnet-spoke-\${i}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } }
}]
resource [|hubToSpokes|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for i in range(0, 3): {
  parent: hub
  name: 'to-spoke-\${i}'
  properties: { remoteVirtualNetwork: { id: spokes[i].id } }
}]
`,
      errors: [{ messageId: 'overlapOrderUnknown' }],
    },
    {
      name: 'a spoke deployed by a module, peered from the hub in the caller',
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', "'10.0.0.0/16'")}${vnet('one', 'vnet-one', "'10.1.0.0/16'")}module two 'spoke.bicep' = {
  name: 'two'
}
${peering('hubToOne', 'hub', 'one')}resource [|hubToTwo|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: hub
  name: 'hub-to-two'
  properties: { remoteVirtualNetwork: { id: two.outputs.vnetId } }
}
//- /spoke.bicep
${vnet('two', 'vnet-two', "'10.1.0.0/24'")}output vnetId string = two.id
`,
      errors: [{ messageId: 'overlapOrderUnknown' }],
    },
    {
      name: 'ARM: spokes peered to the hub from their side',
      code: arm(
        [
          armVnet('vnet-hub', '"10.0.0.0/16"'),
          armVnet('vnet-one', '"10.1.0.0/16"'),
          armVnet('vnet-two', '"10.1.0.0/16"'),
          armPeering('vnet-one', 'to-hub', vnetId('vnet-hub')),
          armPeering('vnet-two', 'to-hub', vnetId('vnet-hub'), { mark: true }),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'overlapOrderUnknown' }],
    },
    {
      name: "ARM: a dependsOn on the later one's peering reverses the file order",
      code: arm(
        [
          armVnet('vnet-hub', '"10.0.0.0/16"'),
          armVnet('vnet-one', '"10.1.0.0/16"'),
          armVnet('vnet-two', '"10.1.0.0/16"'),
          armPeering('vnet-one', 'to-hub', vnetId('vnet-hub'), { mark: true }).replace(
            `"dependsOn": [`,
            `"dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'vnet-two', 'to-hub')]", `,
          ),
          armPeering('vnet-two', 'to-hub', vnetId('vnet-hub')),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'overlap', message: /peering 'vnet-one\/to-hub'/ }],
    },
  ],
});
