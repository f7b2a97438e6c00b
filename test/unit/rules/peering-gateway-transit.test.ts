import rule from '../../../server/src/rules/peering-gateway-transit';
import { arm, armHubAndSpoke, armPeering, armVnet, vnetId } from '../../support/arm-fixtures';
import { bicepPeering, spokesUsingHubGateway } from '../../support/bicep-network';
import { edited, ruleTests, type RuleCases } from '../../support/rule-test';

const vnet = (
  symbol: string,
  name: string,
  octet: number,
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.${octet}.0.0/16'] } }
}
`;
const peering = (
  symbol: string,
  parent: string,
  remote: string,
  flags: string,
  opts: { condition?: string; mark?: boolean } = {},
) =>
  bicepPeering(symbol, parent, `${remote}.id`, {
    ...opts,
    properties: `\n    allowVirtualNetworkAccess: true\n    ${flags}`,
  });
const two = vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1);
const uses = 'useRemoteGateways: true';
const allows = 'allowGatewayTransit: true';

const bicepCases: RuleCases = {
  valid: [
    {
      name: 'the spoke uses the gateway the hub allows',
      code: two + peering('hubToSpoke', 'hub', 'spoke', allows) + peering('spokeToHub', 'spoke', 'hub', uses),
    },
    {
      name: 'no reverse peering: peering-reverse-missing speaks',
      code: two + peering('spokeToHub', 'spoke', 'hub', uses),
    },
    {
      name: 'the reverse flag from a parameter without default may allow transit',
      code: `param transit bool\n${two}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: transit')}${peering('spokeToHub', 'spoke', 'hub', uses)}`,
    },
    {
      name: 'useRemoteGateways from a parameter without default',
      code: `param useGw bool\n${two}${peering('hubToSpoke', 'hub', 'spoke', '')}${peering('spokeToHub', 'spoke', 'hub', 'useRemoteGateways: useGw')}`,
    },
    {
      name: 'a peering whose condition is unknown cannot cause a finding',
      code: `param peer bool\n${two}${peering('hubToSpoke', 'hub', 'spoke', '')}${peering('spokeToHub', 'spoke', 'hub', uses, { condition: 'if (peer) ' })}`,
    },
    {
      name: 'a second reverse that may deploy may allow transit',
      code: `param extra bool\n${two}${peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: false')}${peering('hubToSpoke2', 'hub', 'spoke', allows, { condition: 'if (extra) ' })}${peering('spokeToHub', 'spoke', 'hub', uses)}`,
    },
    {
      name: 'an existing reverse peering: its flags are unknown',
      code: `${two}resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' existing = {\n  parent: hub\n  name: 'hub-to-spoke'\n}\n${peering('spokeToHub', 'spoke', 'hub', uses)}`,
    },
    {
      name: 'a second peering using remote gateways may not deploy',
      code: `param second bool\n${two}${vnet('hub2', 'vnet-hub2', 2)}${peering('hubToSpoke', 'hub', 'spoke', allows)}${peering('hub2ToSpoke', 'hub2', 'spoke', allows)}${peering('spokeToHub', 'spoke', 'hub', uses)}${peering('spokeToHub2', 'spoke', 'hub2', uses, { condition: 'if (second) ' })}`,
    },
    {
      name: 'two templates analysed together, each with its own spoke using the hub gateway',
      code: `//- /a.bicep\n${two}${peering('hubToSpoke', 'hub', 'spoke', allows)}${peering('spokeToHub', 'spoke', 'hub', uses)}//- /b.bicep\n${two}${peering('hubToSpokeB', 'hub', 'spoke', allows)}${peering('spokeToHubB', 'spoke', 'hub', uses)}`,
    },
  ],
  invalid: [
    {
      name: 'the reverse peering does not enable allowGatewayTransit',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke', 'allowForwardedTraffic: true') +
        peering('spokeToHub', 'spoke', 'hub', uses, { mark: true }),
      errors: [
        {
          messageId: 'noTransit',
          level: 'error',
          message:
            /Peering 'vnet-spoke\/spokeToHub' sets useRemoteGateways, but the reverse peering 'vnet-hub\/hubToSpoke' from 'vnet-hub' does not enable allowGatewayTransit/,
        },
      ],
      output: edited([
        `allowForwardedTraffic: true
`,
        `allowForwardedTraffic: true
    allowGatewayTransit: true
`,
      ]),
    },
    {
      name: 'the reverse peering sets allowGatewayTransit: false',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke', 'allowGatewayTransit: false') +
        peering('spokeToHub', 'spoke', 'hub', uses, { mark: true }),
      errors: [{ messageId: 'noTransit' }],
      output: edited(['allowGatewayTransit: false', 'allowGatewayTransit: true']),
    },
    {
      name: 'both sides use remote gateways: each peering is reported',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke', `${allows}\n    ${uses}`, { mark: true }) +
        peering('spokeToHub', 'spoke', 'hub', `${allows}\n    ${uses}`, { mark: true }),
      errors: [{ messageId: 'bothSides' }, { messageId: 'bothSides' }],
      output: null,
    },
    {
      name: 'both sides use remote gateways, neither allows transit: no fix can choose the side',
      code:
        two +
        peering('hubToSpoke', 'hub', 'spoke', uses, { mark: true }) +
        peering('spokeToHub', 'spoke', 'hub', uses, { mark: true }),
      errors: [{ messageId: 'bothSides' }, { messageId: 'bothSides' }],
      output: null,
    },
    {
      name: 'two peerings of the spoke use remote gateways: the later one',
      code:
        two +
        vnet('hub2', 'vnet-hub2', 2) +
        peering('hubToSpoke', 'hub', 'spoke', allows) +
        peering('hub2ToSpoke', 'hub2', 'spoke', allows) +
        peering('spokeToHub', 'spoke', 'hub', uses) +
        peering('spokeToHub2', 'spoke', 'hub2', uses, { mark: true }),
      errors: [
        {
          messageId: 'tooMany',
          message: /peering 'vnet-spoke\/spokeToHub' of the same VNet 'vnet-spoke' already does/,
        },
      ],
    },
    {
      name: 'an inline reverse peering without transit',
      code: `resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    virtualNetworkPeerings: [
      { name: 'hub-to-spoke', properties: { remoteVirtualNetwork: { id: spoke.id } } }
    ]
  }
}
${vnet('spoke', 'vnet-spoke', 1)}${peering('spokeToHub', 'spoke', 'hub', uses, { mark: true })}`,
      errors: [{ messageId: 'noTransit' }],
      output: edited(['spoke.id }', 'spoke.id }, allowGatewayTransit: true']),
    },
    {
      name: 'spokes in a loop that use the gateway of a hub that allows none: one finding',
      code: `${vnet('hub', 'vnet-hub', 0)}${spokesUsingHubGateway('[|spokesToHub|]')}resource hubToSpokes 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = [for i in range(0, 2): {
  parent: hub
  name: 'hub-to-spoke\${i}'
  properties: { remoteVirtualNetwork: { id: spokes[i].id } }
}]
`,
      errors: [{ messageId: 'noTransit' }],
      output: edited(['i].id }', 'i].id }, allowGatewayTransit: true']),
    },
  ],
};

const base = [armVnet('vnet-hub', '"10.0.0.0/16"'), armVnet('vnet-spoke', '"10.1.0.0/16"')];
/** hub → spoke, allowing gateway transit when `allows` (a JSON value) is given. */
const armHubToSpoke = (allows?: string) =>
  armPeering('vnet-hub', 'hub-to-spoke', vnetId('vnet-spoke'), {
    flags: allows === undefined ? undefined : `,\n        "allowGatewayTransit": ${allows}`,
  });
/** spoke → hub, using the hub's gateways. */
const armSpokeUsesHub = (mark = false) =>
  armPeering('vnet-spoke', 'spoke-to-hub', vnetId('vnet-hub'), { flags: ',\n        "useRemoteGateways": true', mark });
// The same rule on ARM JSON templates.
const armCases: RuleCases = {
  valid: [
    {
      name: 'ARM: the hub allows the transit the spoke uses',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.1.0.0/16"', armHubToSpoke('true'), armSpokeUsesHub()),
    },
    {
      name: 'ARM: the reverse flag from a parameter without default',
      code: arm(
        [...base, armHubToSpoke(`"[parameters('transit')]"`), armSpokeUsesHub()].join(',\n'),
        '{ "transit": { "type": "bool" } }',
      ),
    },
  ],
  invalid: [
    {
      name: 'ARM: the reverse lacks allowGatewayTransit',
      code: armHubAndSpoke('"10.0.0.0/16"', '"10.1.0.0/16"', armHubToSpoke(), armSpokeUsesHub(true)),
      errors: [{ messageId: 'noTransit' }],
      output: edited([
        `vnet-spoke')]" }`,
        `vnet-spoke')]" },
        "allowGatewayTransit": true`,
      ]),
    },
  ],
};
ruleTests(rule, {
  valid: [...bicepCases.valid, ...armCases.valid],
  invalid: [...bicepCases.invalid, ...armCases.invalid],
});

// set-allow-gateway-transit: the flag set on the reverse peering, written where the properties end.
const flaggedPeering = (
  symbol: string,
  parent: string,
  remote: string,
  flags: string,
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: ${parent}
  name: '${symbol.replace(/[[|\]]/g, '')}'
  properties: {
    remoteVirtualNetwork: { id: ${remote}.id }
    allowVirtualNetworkAccess: true${flags}
  }
}
`;

/** The hub's peering with `hubFlags` and the spoke's using its gateways; the fix sets the hub's flag to true. */
const hubFlagsFixed = (hubFlags: string) => ({
  code:
    two +
    flaggedPeering('hubToSpoke', 'hub', 'spoke', hubFlags) +
    flaggedPeering('[|spokeToHub|]', 'spoke', 'hub', '\n    useRemoteGateways: true'),
  output:
    two +
    flaggedPeering('hubToSpoke', 'hub', 'spoke', '\n    allowGatewayTransit: true') +
    flaggedPeering('spokeToHub', 'spoke', 'hub', '\n    useRemoteGateways: true'),
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: allowGatewayTransit added to the reverse peering',
      ...hubFlagsFixed(''),
      errors: [{ messageId: 'noTransit' }],
      fixTitle: /^Set allowGatewayTransit to true on the reverse peering$/,
    },
    {
      name: 'Bicep: false on the reverse becomes true',
      ...hubFlagsFixed('\n    allowGatewayTransit: false'),
      errors: [{ messageId: 'noTransit' }],
    },
    {
      name: 'ARM: the reverse peering gets allowGatewayTransit',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] } } },
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-spoke", "location": "westeurope", "properties": { "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] } } },
    {
      "type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      "apiVersion": "2024-05-01",
      "name": "vnet-hub/hub-to-spoke",
      "properties": {
        "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" }
      }
    },
    {
      "type": [|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|],
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/spoke-to-hub",
      "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" }, "useRemoteGateways": true }
    }
  ]
}
`,
      errors: [{ messageId: 'noTransit' }],
      output: edited([`'vnet-spoke')]" }\n`, `'vnet-spoke')]" },\n        "allowGatewayTransit": true\n`]),
    },
  ],
});
