// add-reverse-peering (peering-reverse-missing): B→A where B is declared — a child resource after B,
// beside the local peering when B is `existing` there, an item of B's inline peerings, or in B's module
// with A's id threaded in — with the flags mirrored (gateway transit and remote gateways swapped).
import rule from '../../../server/src/rules/peering-reverse-missing';
import { ruleTests } from '../../support/rule-test';

const vnet = (symbol: string, name: string, octet: number, extra = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.${octet}.0.0/16'] }${extra}
  }
}
`;
const peering = (symbol: string, parent: string, remoteId: string, flags = '') => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: ${parent}
  name: '${symbol}'
  properties: {
    remoteVirtualNetwork: { id: ${remoteId} }${flags}
  }
}
`;
const flags = '\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: false\n    allowGatewayTransit: true\n    useRemoteGateways: false';
const reverse = (parent: string, id: string, mirrored: string, symbol = 'peerVnetSpokeToVnetHub', api = '2024-05-01') => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@${api}' = {
  parent: ${parent}
  name: 'vnet-spoke-to-vnet-hub'
  properties: {
    remoteVirtualNetwork: {
      id: ${id}
    }${mirrored}
  }
}
`;
const mark = (text: string, symbol: string) => text.replace(`resource ${symbol} `, `resource [|${symbol}|] `);

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'both VNets in the file: after the remote VNet, flags mirrored (transit ⇄ remote gateways)',
      code: vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1) + mark(peering('hubToSpoke', 'hub', 'spoke.id', flags), 'hubToSpoke'),
      errors: [{ messageId: 'missing' }],
      fixTitle: /^Add the reverse peering 'vnet-spoke-to-vnet-hub'$/,
      output: vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1)
        + reverse('spoke', 'hub.id', '\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: false\n    allowGatewayTransit: false\n    useRemoteGateways: true')
        + peering('hubToSpoke', 'hub', 'spoke.id', flags),
    },
    {
      name: 'an existing remote VNet of the same scope: beside the local peering, no flags written',
      code: `${vnet('hub', 'vnet-hub', 0)}resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-spoke'\n}\n\n${mark(peering('hubToSpoke', 'hub', 'spoke.id'), 'hubToSpoke')}`,
      errors: [{ messageId: 'missing' }],
      output: `${vnet('hub', 'vnet-hub', 0)}resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-spoke'\n}\n\n${peering('hubToSpoke', 'hub', 'spoke.id')}\n${reverse('spoke', 'hub.id', '')}`,
    },
    {
      name: 'the remote VNet lists its peerings inline: one more item there',
      code: vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1, "\n    virtualNetworkPeerings: [\n      { name: 'spoke-to-other', properties: { remoteVirtualNetwork: { id: other.id } } }\n    ]")
        + vnet('other', 'vnet-other', 2, "\n    virtualNetworkPeerings: [ { name: 'other-to-spoke', properties: { remoteVirtualNetwork: { id: spoke.id } } } ]")
        + mark(peering('hubToSpoke', 'hub', 'spoke.id'), 'hubToSpoke'),
      errors: [{ messageId: 'missing' }],
      output: vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1, "\n    virtualNetworkPeerings: [\n      { name: 'spoke-to-other', properties: { remoteVirtualNetwork: { id: other.id } } }\n      {\n        name: 'vnet-spoke-to-vnet-hub'\n        properties: {\n          remoteVirtualNetwork: {\n            id: hub.id\n          }\n        }\n      }\n    ]")
        + vnet('other', 'vnet-other', 2, "\n    virtualNetworkPeerings: [ { name: 'other-to-spoke', properties: { remoteVirtualNetwork: { id: spoke.id } } } ]")
        + peering('hubToSpoke', 'hub', 'spoke.id'),
    },
    {
      name: "the spoke VNet of a module (as in examples/): the hub's id is passed in through a new parameter",
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {
  name: 'spoke'
}
${mark(peering('peerHubToSpoke', 'hub', 'spoke.outputs.vnetId', '\n    allowForwardedTraffic: true'), 'peerHubToSpoke')}//- /spoke.bicep
@description('Region.')
param location string = 'westeurope'

${vnet('vnet', 'vnet-spoke', 1)}
output vnetId string = vnet.id
`,
      errors: [{ messageId: 'missing' }],
      output: `//- /main.bicep
${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {
  name: 'spoke'
  params: {
    vnetHubId: hub.id
  }
}
${peering('peerHubToSpoke', 'hub', 'spoke.outputs.vnetId', '\n    allowForwardedTraffic: true')}//- /spoke.bicep
@description('Region.')
param location string = 'westeurope'

@description('Resource id of the virtual network vnet-hub, peered with vnet-spoke.')
param vnetHubId string

${vnet('vnet', 'vnet-spoke', 1)}
${reverse('vnet', 'vnetHubId', '\n    allowForwardedTraffic: true', 'peerVnetSpokeToVnetHub', '2025-09-01')}
output vnetId string = vnet.id
`,
    },
    {
      name: 'a conditional local peering (deployed for certain), CRLF and tabs: the reverse takes the same condition',
      code: `param peer bool = true\n${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1)}${mark(peering('hubToSpoke', 'hub', 'spoke.id'), 'hubToSpoke').replace('= {', '= if (peer) {')}`
        .replace(/ {2}/g, '\t').replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missing' }],
      output: `param peer bool = true\n${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1)}${reverse('spoke', 'hub.id', '').replace('= {', '= if (peer) {')}${peering('hubToSpoke', 'hub', 'spoke.id').replace('= {', '= if (peer) {')}`
        .replace(/ {2}/g, '\t').replace(/\n/g, '\r\n'),
    },
    {
      name: 'spokes in a loop: no single declaration to write the reverse beside',
      code: `${vnet('hub', 'vnet-hub', 0)}resource spokes 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(1, 2): {
  name: 'vnet-spoke\${i}'
  properties: { addressSpace: { addressPrefixes: ['10.\${i}.0.0/16'] } }
}]
resource [|hubToSpokes|] 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for i in range(0, 2): {
  parent: hub
  name: 'hub-to-spoke\${i}'
  properties: { remoteVirtualNetwork: { id: spokes[i].id } }
}]
`,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
  ],
});

const arm = (resources: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${resources}
  ]
}
`;
const armVnet = (name: string, space: string, extra = '') => `    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "${name}",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": [${space}] }${extra}
      }
    }`;
const vnetId = (name: string) => `"[resourceId('Microsoft.Network/virtualNetworks', '${name}')]"`;
const armPeering = (type: string) => `    {
      "type": ${type},
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "dependsOn": ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"],
      "properties": {
        "remoteVirtualNetwork": { "id": ${vnetId('vnet-spoke')} },
        "useRemoteGateways": true
      }
    }`;
const peeringType = '"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"';

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM: a child resource after the remote VNet, depending on both VNets',
      code: arm([armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"'), armPeering(`[|${peeringType}|]`)].join(',\n')),
      errors: [{ messageId: 'missing' }],
      output: arm([armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"'), `    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/vnet-spoke-to-vnet-hub",
      "dependsOn": [
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
      ],
      "properties": {
        "remoteVirtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
        },
        "allowGatewayTransit": true
      }
    }`, armPeering(peeringType)].join(',\n')),
    },
    {
      name: 'ARM: the remote VNet lists its peerings inline',
      code: arm([armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"', ',\n        "virtualNetworkPeerings": []'), armPeering(`[|${peeringType}|]`)].join(',\n')),
      errors: [{ messageId: 'missing' }],
      output: arm([armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"', `,
        "virtualNetworkPeerings": [
          {
            "name": "vnet-spoke-to-vnet-hub",
            "properties": {
              "remoteVirtualNetwork": {
                "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
              },
              "allowGatewayTransit": true
            }
          }
        ]`), armPeering(peeringType)].join(',\n')),
    },
    {
      name: 'ARM languageVersion 2.0 with an existing remote: beside the local peering, by symbolic name',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "hub": {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } }
    },
    "spoke": {
      "existing": true,
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke"
    },
    "hubToSpoke": {
      "type": [|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|],
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "dependsOn": ["hub"],
      "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    }
  }
}
`,
      errors: [{ messageId: 'missing' }],
      output: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "hub": {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub",
      "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } }
    },
    "spoke": {
      "existing": true,
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke"
    },
    "hubToSpoke": {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "dependsOn": ["hub"],
      "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" } }
    },
    "peerVnetSpokeToVnetHub": {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/vnet-spoke-to-vnet-hub",
      "dependsOn": [
        "hub"
      ],
      "properties": {
        "remoteVirtualNetwork": {
          "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"
        }
      }
    }
  }
}
`,
    },
  ],
});
