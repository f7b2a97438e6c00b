// peering-reverse-missing, and its fix add-reverse-peering: B→A where B is declared — a child resource
// after B, beside the local peering when B is `existing` there, an item of B's inline peerings, or in
// B's module with A's id threaded in — with the flags mirrored (gateway transit and remote gateways
// swapped); no fix when a flag is unknown or subnet peering is written.
import rule from '../../../server/src/rules/peering-reverse-missing';
import { arm, armPeering, armReverse, armVnet, vnetId } from '../../support/arm-fixtures';
import { bicepPeering } from '../../support/bicep-network';
import { edited, ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  symbol: string,
  name: string,
  octet: number,
  opts: { condition?: string; extra?: string } = {},
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = ${opts.condition ?? ''}{
  name: '${name}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.${octet}.0.0/16'] }${opts.extra ?? ''}
  }
}
`;
const existingVnet = (
  symbol: string,
  name: string,
  scope = '',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: '${name}'${scope ? `\n  scope: ${scope}` : ''}
}
`;
const peering = (
  symbol: string,
  parent: string,
  remoteId: string,
  opts: { flags?: string; condition?: string; mark?: boolean } = {},
) => bicepPeering(symbol, parent, remoteId, { ...opts, properties: opts.flags });
const two = vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1);
const flags =
  '\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: false\n    allowGatewayTransit: true\n    useRemoteGateways: false';
/** The reverse peering add-reverse-peering writes (spoke → hub unless told), with `mirrored` flags. */
const reverse = (
  parent = 'spoke',
  id = 'hub.id',
  mirrored = '',
  symbol = 'peerVnetSpokeToVnetHub',
  api = '2024-05-01',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@${api}' = {
  parent: ${parent}
  name: 'vnet-spoke-to-vnet-hub'
  properties: {
    remoteVirtualNetwork: {
      id: ${id}
    }${mirrored}
  }
}
`;
/** The reverse written right after the VNet `after` (its declaration's text). */
const reverseAfter = (after: string, reverseText = reverse()) => edited([after, after + reverseText]);
const spokeVnet = vnet('spoke', 'vnet-spoke', 1);
const appended = (text: string) => (code: string) => code + text;
const hubIdParam =
  "@description('Resource id of the virtual network vnet-hub, peered with vnet-spoke.')\nparam vnetHubId string\n";
const spokeInline =
  "\n    virtualNetworkPeerings: [\n      { name: 'spoke-to-other', properties: { remoteVirtualNetwork: { id: other.id } } }\n    ]";
const otherInline = vnet('other', 'vnet-other', 2, {
  extra:
    "\n    virtualNetworkPeerings: [ { name: 'other-to-spoke', properties: { remoteVirtualNetwork: { id: spoke.id } } } ]",
});

/** A module call of `path` given `params` (a Bicep object body). */
const call = (path: string, params: string) =>
  `module back '${path}' = {\n  name: 'back'\n  params: { ${params} }\n}\n`;

/** Hub → spoke written out; peerings back made by a module looped over `items` (`reversePeerings`). */
const reversesByModule = (items: string, mark = false) =>
  `//- /main.bicep\n${items}\n${two}${peering('hubToSpoke', 'hub', 'spoke.id', { mark })}module reverses 'peer.bicep' = [for r in reversePeerings: {\n  name: 'peer-\${r.local}'\n  params: { localVnetName: r.local, remoteVnetId: r.remote }\n}]\n//- /peer.bicep\nparam localVnetName string\nparam remoteVnetId string\nresource local 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: localVnetName\n}\nresource back 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {\n  parent: local\n  name: 'back'\n  properties: { remoteVirtualNetwork: { id: remoteVnetId } }\n}\n`;
const bicepCases: RuleCases = {
  valid: [
    {
      name: 'a peering with its reverse',
      code: two + peering('hubToSpoke', 'hub', 'spoke.id') + peering('spokeToHub', 'spoke', 'hub.id'),
    },
    {
      // Absence is judged over every value a caller may pass (DESIGN §2).
      name: 'peerings back from a module looped over a parameter that defaults to none: a caller may pass some',
      code: reversesByModule('param reversePeerings array = []'),
    },
    // DESIGN §2: a module nobody can read may create anything under what it is given.
    {
      name: 'a module whose file is missing, given the remote VNet, may write the reverse',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke.id') +
        call('peer-back.bicep', 'localVnetName: spoke.name, remoteVnetId: hub.id'),
    },
    {
      name: "a registry module neither cached nor modelled, given the local VNet's id, may write the reverse",
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke.id') +
        call('br:contoso.azurecr.io/bicep/peer-back:1.0.0', 'hubVnetId: hub.id'),
    },
    {
      name: 'the reverse written inline in the remote VNet',
      code:
        vnet('hub', 'vnet-hub', 0) +
        vnet('spoke', 'vnet-spoke', 1, {
          extra:
            "\n    virtualNetworkPeerings: [\n      { name: 'spoke-to-hub', properties: { remoteVirtualNetwork: { id: hub.id } } }\n    ]",
        }) +
        peering('hubToSpoke', 'hub', 'spoke.id'),
    },
    {
      name: 'a remote outside the analysed files',
      code:
        vnet('hub', 'vnet-hub', 0) +
        peering(
          'hubToFar',
          'hub',
          "'/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/far'",
        ),
    },
    {
      name: 'a remote reached only through an unknown id',
      code: `param remoteId string\n${vnet('hub', 'vnet-hub', 0)}${peering('hubToRemote', 'hub', 'remoteId')}`,
    },
    {
      name: 'an existing remote in another resource group: not ours to write',
      code:
        vnet('hub', 'vnet-hub', 0) +
        existingVnet('spoke', 'vnet-spoke', "resourceGroup('rg-spoke')") +
        peering('hubToSpoke', 'hub', 'spoke.id'),
    },
    {
      name: 'an existing remote in an unknown scope',
      code: `param spokeRg string\n${vnet('hub', 'vnet-hub', 0)}${existingVnet('spoke', 'vnet-spoke', 'resourceGroup(spokeRg)')}${peering('hubToSpoke', 'hub', 'spoke.id')}`,
    },
    {
      name: 'a reverse whose condition is unknown may exist',
      code: `param back bool\n${two}${peering('hubToSpoke', 'hub', 'spoke.id')}${peering('spokeToHub', 'spoke', 'hub.id', { condition: 'if (back) ' })}`,
    },
    {
      name: 'a peering whose condition is unknown cannot cause a finding',
      code: `param peer bool\n${two}${peering('hubToSpoke', 'hub', 'spoke.id', { condition: 'if (peer) ' })}`,
    },
    {
      name: 'a remote VNet whose condition is unknown cannot cause a finding',
      code: `param deploySpoke bool\n${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1, { condition: 'if (deploySpoke) ' })}${peering('hubToSpoke', 'hub', 'spoke.id')}`,
    },
    {
      name: 'a peering of the remote to an unknown id may be the reverse',
      code: `param backId string\n${two}${peering('hubToSpoke', 'hub', 'spoke.id')}${peering('spokeBack', 'spoke', 'backId')}`,
    },
    {
      name: 'an existing reverse peering',
      code: `${two}${peering('hubToSpoke', 'hub', 'spoke.id')}resource back 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' existing = {\n  parent: spoke\n  name: 'spoke-to-hub'\n}\n`,
    },
    {
      name: "a self-peering is peering-self's",
      code: vnet('hub', 'vnet-hub', 0) + peering('hubToHub', 'hub', 'hub.id'),
    },
  ],
  invalid: [
    {
      name: 'peerings back from a module looped over a variable with none: reported (nobody can pass any), no fix beside the loop, as for a resource loop',
      code: reversesByModule('var reversePeerings = []', true),
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      name: 'hub to spoke, both created here, no way back: the reverse after the remote VNet',
      code: two + peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [
        {
          messageId: 'missing',
          level: 'warning',
          message:
            /Peering 'vnet-hub\/hubToSpoke' connects 'vnet-hub' to 'vnet-spoke', but no peering connects 'vnet-spoke' back to 'vnet-hub'/,
        },
      ],
      fixTitle: /^Add the reverse peering 'vnet-spoke-to-vnet-hub'$/,
      output: reverseAfter(spokeVnet),
    },
    {
      name: 'a module nobody can read, given neither VNet, writes no peering of theirs',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }) +
        call('tags.bicep', "owner: 'network-team', vnetCount: 2"),
      errors: [{ messageId: 'missing' }],
      output: reverseAfter(spokeVnet),
    },
    {
      name: 'flags mirrored (transit ⇄ remote gateways)',
      code: two + peering('hubToSpoke', 'hub', 'spoke.id', { flags, mark: true }),
      errors: [{ messageId: 'missing' }],
      output: reverseAfter(
        spokeVnet,
        reverse(
          'spoke',
          'hub.id',
          '\n    allowVirtualNetworkAccess: true\n    allowForwardedTraffic: false\n    allowGatewayTransit: false\n    useRemoteGateways: true',
        ),
      ),
    },
    {
      name: 'an existing remote with no scope of its own: beside the local peering',
      code:
        vnet('hub', 'vnet-hub', 0) +
        existingVnet('spoke', 'vnet-spoke') +
        peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [{ messageId: 'missing' }],
      output: appended(reverse()),
    },
    {
      name: 'an existing remote in the same scope as the peering',
      code:
        vnet('hub', 'vnet-hub', 0) +
        existingVnet('spoke', 'vnet-spoke', 'resourceGroup()') +
        peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [{ messageId: 'missing' }],
      output: appended(reverse()),
    },
    {
      name: 'an existing remote of the same scope after a blank line: no flags written',
      code: `${vnet('hub', 'vnet-hub', 0)}${existingVnet('spoke', 'vnet-spoke')}\n${peering('hubToSpoke', 'hub', 'spoke.id', { mark: true })}`,
      errors: [{ messageId: 'missing' }],
      output: appended(`\n${reverse()}`),
    },
    {
      name: 'the remote peers elsewhere, not back',
      code:
        two +
        vnet('other', 'vnet-other', 2) +
        peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }) +
        peering('spokeToOther', 'spoke', 'other.id') +
        peering('otherToSpoke', 'other', 'spoke.id'),
      errors: [{ messageId: 'missing' }],
      output: reverseAfter(spokeVnet),
    },
    {
      name: 'an inline peering without reverse: anchored at its name',
      code:
        vnet('hub', 'vnet-hub', 0, {
          extra:
            "\n    virtualNetworkPeerings: [\n      { name: [|'hub-to-spoke'|], properties: { remoteVirtualNetwork: { id: spoke.id } } }\n    ]",
        }) + spokeVnet,
      errors: [{ messageId: 'missing' }],
      output: appended(reverse('spoke', 'hub.id', '', undefined, '2025-09-01')),
    },
    {
      name: 'the remote VNet lists its peerings inline: one more item there',
      code:
        vnet('hub', 'vnet-hub', 0) +
        vnet('spoke', 'vnet-spoke', 1, { extra: spokeInline }) +
        otherInline +
        peering('hubToSpoke', 'hub', 'spoke.id', { mark: true }),
      errors: [{ messageId: 'missing' }],
      output: edited([
        spokeInline,
        spokeInline.replace(
          '} }\n    ]',
          "} }\n      {\n        name: 'vnet-spoke-to-vnet-hub'\n        properties: {\n          remoteVirtualNetwork: {\n            id: hub.id\n          }\n        }\n      }\n    ]",
        ),
      ]),
    },
    {
      name: 'the spoke VNet comes from a module (as in examples/main.bicep): the hub id through a new parameter',
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {
  name: 'spoke'
}
${peering('peerHubToSpoke', 'hub', 'spoke.outputs.vnetId', { mark: true })}//- /spoke.bicep
${vnet('vnet', 'vnet-spoke', 1)}output vnetId string = vnet.id
`,
      errors: [{ messageId: 'missing' }],
      output: edited(
        ["name: 'spoke'\n", "name: 'spoke'\n  params: {\n    vnetHubId: hub.id\n  }\n"],
        ['//- /spoke.bicep\n', `//- /spoke.bicep\n${hubIdParam}\n`],
        ['output vnetId', `${reverse('vnet', 'vnetHubId', '', undefined, '2025-09-01')}output vnetId`],
      ),
    },
    {
      // Written into the shared module, the reverse peering would be every VNet's, naming the module's
      // own VNet as remote for the hub (review of fixes: a self-peering, added again by each --fix).
      name: 'one module declares hub and spoke: found, with no fix',
      code: `//- /main.bicep
module hubNet 'vnet.bicep' = {
  name: 'hub'
  params: { name: 'vnet-hub', prefix: '10.0.0.0/16' }
}
module spokeNet 'vnet.bicep' = {
  name: 'spoke'
  params: { name: 'vnet-spoke', prefix: '10.1.0.0/16' }
}
${existingVnet('hub', 'vnet-hub')}${peering('hubToSpoke', 'hub', 'spokeNet.outputs.id', { mark: true })}//- /vnet.bicep
param name string
param prefix string
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: name
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ prefix ] } }
}
output id string = vnet.id
`,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      name: 'a spoke module with a parameter already, and a flag: the new parameter after it, the flag mirrored',
      code: `//- /main.bicep
${vnet('hub', 'vnet-hub', 0)}module spoke 'spoke.bicep' = {
  name: 'spoke'
}
${peering('peerHubToSpoke', 'hub', 'spoke.outputs.vnetId', { flags: '\n    allowForwardedTraffic: true', mark: true })}//- /spoke.bicep
@description('Region.')
param location string = 'westeurope'

${vnet('vnet', 'vnet-spoke', 1)}
output vnetId string = vnet.id
`,
      errors: [{ messageId: 'missing' }],
      output: edited(
        ["name: 'spoke'\n", "name: 'spoke'\n  params: {\n    vnetHubId: hub.id\n  }\n"],
        ["param location string = 'westeurope'\n\n", `param location string = 'westeurope'\n\n${hubIdParam}\n`],
        [
          '\noutput vnetId',
          `\n${reverse('vnet', 'vnetHubId', '\n    allowForwardedTraffic: true', undefined, '2025-09-01')}\noutput vnetId`,
        ],
      ),
    },
    {
      name: 'a conditional local peering (deployed for certain), CRLF and tabs: the reverse takes the same condition',
      code: `param peer bool = true\n${two}${peering('hubToSpoke', 'hub', 'spoke.id', { condition: 'if (peer) ', mark: true })}`
        .replace(/ {2}/g, '\t')
        .replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missing' }],
      output:
        `param peer bool = true\n${two}${reverse().replace('= {', '= if (peer) {')}${peering('hubToSpoke', 'hub', 'spoke.id', { condition: 'if (peer) ' })}`
          .replace(/ {2}/g, '\t')
          .replace(/\n/g, '\r\n'),
    },
    {
      name: 'hub to spokes in a loop: one finding for the declaration, no single declaration to write the reverse beside',
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
    {
      name: 'no fix when a flag is unknown',
      code: `param fwd bool\n${two}${peering('p', 'hub', 'spoke.id', { flags: '\n    allowForwardedTraffic: fwd', mark: true })}`,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      name: 'no fix when subnet peering is written',
      code:
        two +
        peering('p', 'hub', 'spoke.id', {
          flags: "\n    peerCompleteVnets: false\n    localSubnetNames: ['a']",
          mark: true,
        }),
      errors: [{ messageId: 'missing' }],
      output: null,
    },
  ],
};

const armPair = [armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"')];
/** A languageVersion 2.0 template (symbolic names, `existing` resources) with hub, an existing spoke, and hub→spoke. */
const armSymbolic = (spokeScope: string, remoteId: string, marked: boolean, after = '') => `//- /main.json
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
      "apiVersion": "2024-05-01",${spokeScope}
      "name": "vnet-spoke"
    },
    "hubToSpoke": {
      "type": ${marked ? '[|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|]' : '"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"'},
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "dependsOn": ["hub"],
      "properties": { "remoteVirtualNetwork": { "id": ${remoteId} } }
    }${after}
  }
}
`;
/** The reverse add-reverse-peering writes in a languageVersion 2.0 template: by symbolic name. */
const symbolicReverse = `,
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
    }`;
const usesGateways = ',\n        "useRemoteGateways": true';
// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: a peering with its reverse',
      code: arm(
        [
          ...armPair,
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke')),
          armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub')),
        ].join(',\n'),
      ),
    },
    {
      name: 'ARM: a template linked by URI, given the remote VNet, may write the reverse',
      code: arm(
        [
          ...armPair,
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke')),
          `{
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "back",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://example.com/templates/peer.json" },
        "parameters": { "localVnetName": { "value": "vnet-spoke" }, "remoteVnetId": { "value": ${vnetId('vnet-hub')} } }
      }
    }`,
        ].join(',\n'),
      ),
    },
    {
      name: 'ARM: a remote outside the template',
      code: arm(
        [armVnet('vnet-hub', '"10.0.0.0/16"'), armPeering('vnet-hub', 'hub-to-far', vnetId('vnet-far'))].join(',\n'),
      ),
    },
    {
      name: 'ARM: an existing remote in another resource group',
      code: armSymbolic(
        '\n      "resourceGroup": "rg-spoke",',
        `"[resourceId('rg-spoke', 'Microsoft.Network/virtualNetworks', 'vnet-spoke')]"`,
        false,
      ),
    },
    {
      name: 'ARM: a reverse whose condition is unknown',
      code: arm(
        [
          ...armPair,
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke')),
          armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub'), { condition: '"[parameters(\'back\')]"' }),
        ].join(',\n'),
        '{ "back": { "type": "bool" } }',
      ),
    },
  ],
  invalid: [
    {
      name: 'ARM languageVersion 2.0, an existing remote in the same resource group: beside the local peering, by symbolic name',
      code: armSymbolic('', vnetId('vnet-spoke'), true),
      errors: [{ messageId: 'missing' }],
      output: armSymbolic('', vnetId('vnet-spoke'), false, symbolicReverse),
    },
    {
      name: 'ARM: a one-way peering between two VNets of the template: a child resource after the remote VNet, depending on both',
      code: arm([...armPair, armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { mark: true })].join(',\n')),
      errors: [{ messageId: 'missing' }],
      output: arm([...armPair, armReverse(), armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'))].join(',\n')),
    },
    {
      name: 'ARM: the local peering uses remote gateways: the reverse allows transit',
      code: arm(
        [
          ...armPair,
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { flags: usesGateways, mark: true }),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'missing' }],
      output: arm(
        [
          ...armPair,
          armReverse(',\n        "allowGatewayTransit": true'),
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { flags: usesGateways }),
        ].join(',\n'),
      ),
    },
    {
      name: 'ARM: an inline one-way peering, anchored at its name',
      code: arm(
        [
          armVnet(
            'vnet-hub',
            '"10.0.0.0/16"',
            `,\n        "virtualNetworkPeerings": [ { "name": [|"hub-to-spoke"|], "properties": { "remoteVirtualNetwork": { "id": ${vnetId('vnet-spoke')} } } } ]`,
          ),
          armVnet('vnet-spoke', '"10.1.0.0/16"'),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'missing' }],
      output: arm(
        [
          armVnet(
            'vnet-hub',
            '"10.0.0.0/16"',
            `,\n        "virtualNetworkPeerings": [ { "name": "hub-to-spoke", "properties": { "remoteVirtualNetwork": { "id": ${vnetId('vnet-spoke')} } } } ]`,
          ),
          armVnet('vnet-spoke', '"10.1.0.0/16"'),
          armReverse('', '2025-09-01'),
        ].join(',\n'),
      ),
    },
    {
      name: 'ARM: the remote VNet lists its peerings inline',
      code: arm(
        [
          ...armPair.slice(0, 1),
          armVnet('vnet-spoke', '"10.1.0.0/16"', ',\n        "virtualNetworkPeerings": []'),
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { flags: usesGateways, mark: true }),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'missing' }],
      output: arm(
        [
          ...armPair.slice(0, 1),
          armVnet(
            'vnet-spoke',
            '"10.1.0.0/16"',
            `,
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
        ]`,
          ),
          armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), { flags: usesGateways }),
        ].join(',\n'),
      ),
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});
