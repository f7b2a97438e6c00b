import rule from '../../../server/src/rules/peering-remote-gateway-order';
import { arm, armVnet, vnetId } from '../../support/arm-fixtures';
import {
  gatewayInHub as gateway,
  hubWithGatewaySubnet as hub,
  spokesUsingHubGateway,
} from '../../support/bicep-network';
import { ruleTests } from '../../support/rule-test';

const spoke = (extra = '') => `resource spoke 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
  }${extra}
}
`;
const peering = (
  opts: { mark?: boolean; props?: string; extra?: string } = {},
) => `resource ${opts.mark ? '[|spokeToHub|]' : 'spokeToHub'} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: spoke
  name: 'spoke-to-hub'
  properties: {
    remoteVirtualNetwork: { id: hub.id }
    useRemoteGateways: true${opts.props ?? ''}
  }${opts.extra ?? ''}
}
`;
const fixed = (code: string) => code.replace('[|spokeToHub|]', 'spokeToHub');

const armGateway = (dependsOn = '') => `    {
      "type": "Microsoft.Network/virtualNetworkGateways",
      "apiVersion": "2024-05-01",
      "name": "[parameters('gatewayName')]",
      "location": "westeurope",${dependsOn}
      "properties": {
        "gatewayType": "Vpn",
        "ipConfigurations": [
          { "name": "default", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet')]" } } }
        ]
      }
    }`;
const armHub = armVnet(
  'vnet-hub',
  '"10.0.0.0/16"',
  `,
        "subnets": [ { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.0.0/27" } } ]`,
);
const armSpokePeering = (mark: boolean, dependsOn: string) => `    {
      "type": ${mark ? '[|"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"|]' : '"Microsoft.Network/virtualNetworks/virtualNetworkPeerings"'},
      "apiVersion": "2024-05-01",
      "name": "vnet-spoke/spoke-to-hub",
      "dependsOn": [${dependsOn}],
      "properties": {
        "remoteVirtualNetwork": { "id": ${vnetId('vnet-hub')} },
        "useRemoteGateways": true
      }
    }`;
const armParams = `{ "gatewayName": { "type": "string", "defaultValue": "gw-hub" } }`;
const armCase = (dependsOn: string, mark: boolean) =>
  arm(
    [armHub, armGateway(), armVnet('vnet-spoke', '"10.1.0.0/16"'), armSpokePeering(mark, dependsOn)].join(',\n'),
    armParams,
  );
const onSpoke = `"[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]"`;

// A portal export (review of real ARM templates): the spoke's peering is inline, the hub waits for the
// spoke and the gateway for the hub, so the spoke waiting for the gateway would be a cycle ARM rejects.
const inlineSpokeBeforeHub = `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-spoke", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] },
        "virtualNetworkPeerings": [ { "name": [|"spoke-to-hub"|], "properties": { "remoteVirtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" }, "useRemoteGateways": true } } ] } },
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "vnet-hub", "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" ],
      "properties": { "addressSpace": { "addressPrefixes": [ "10.0.0.0/16" ] }, "subnets": [ { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.0.0/27" } } ] } },
    { "type": "Microsoft.Network/virtualNetworkGateways", "apiVersion": "2024-05-01", "name": "gw-hub", "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" ],
      "properties": { "gatewayType": "Vpn", "ipConfigurations": [ { "name": "default", "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet')]" } } } ] } }
  ]
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the gateway already waits for the VNet holding the peering: found, with no fix that would close a cycle',
      code: inlineSpokeBeforeHub,
      errors: [{ messageId: 'notOrdered' }],
      output: null,
    },
    {
      // A review of real exported templates: a gateway also names its public IP, which is not analysed; the
      // cycle through the hub is known all the same.
      name: 'ARM: the cycle through the hub, the gateway waiting for its public IP too: no fix',
      code: inlineSpokeBeforeHub.replace(
        `"dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" ],`,
        `"dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]", "[resourceId('Microsoft.Network/publicIPAddresses', 'pip-gw')]" ],`,
      ),
      errors: [{ messageId: 'notOrdered' }],
      output: null,
    },
    {
      // The public IP is not analysed, so the gateway's order behind it is not known: no cycle is known,
      // and the fix stays (it was lost for a while, as real gateways name their public IP: a regression review).
      name: 'ARM: the same with the spoke first and a gateway waiting for its public IP too: the fix is offered',
      code: inlineSpokeBeforeHub
        .replace(`"dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" ],\n`, '')
        .replace(
          `"dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" ],`,
          `"dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]", "[resourceId('Microsoft.Network/publicIPAddresses', 'pip-gw')]" ],`,
        ),
      errors: [{ messageId: 'notOrdered' }],
      output: (code: string) =>
        code.replace(
          `"useRemoteGateways": true } } ] } },`,
          `"useRemoteGateways": true } } ] }, "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworkGateways', 'gw-hub')]" ] },`,
        ),
    },
  ],
});

ruleTests(rule, {
  valid: [
    {
      name: 'the peering depends on the gateway',
      code: hub + gateway() + spoke() + peering({ extra: '\n  dependsOn: [\n    gw\n  ]' }),
    },
    {
      name: 'a symbolic reference to the gateway orders the peering after it',
      code:
        hub +
        gateway() +
        spoke() +
        peering({ props: '\n    remoteBgpCommunities: { virtualNetworkCommunity: gw.name }' }),
    },
    {
      name: 'a reference through a variable',
      code: `var gatewayId = gw.id\n${hub}${gateway()}${spoke(`\n  tags: { gateway: gatewayId }`)}${peering()}`,
    },
    {
      name: 'the spoke VNet waits for the gateway, so its peering does too',
      code: hub + gateway() + spoke('\n  dependsOn: [\n    gw\n  ]') + peering(),
    },
    {
      name: 'doNotVerifyRemoteGateways: its effect is not documented',
      code: hub + gateway() + spoke() + peering({ props: '\n    doNotVerifyRemoteGateways: true' }),
    },
    {
      name: 'a gateway that may not be deployed',
      code: `param withGateway bool\n${hub}${gateway('', 'if (withGateway) ')}${spoke()}${peering()}`,
    },
    { name: 'no gateway in this deployment', code: hub + spoke() + peering() },
    {
      name: 'an existing gateway declaration: the gateway may be there already',
      code: `${hub}${gateway()}resource gwBefore 'Microsoft.Network/virtualNetworkGateways@2024-05-01' existing = {\n  name: 'gw-hub'\n}\n${spoke()}${peering()}`,
    },
    {
      name: 'the peering in a module whose call waits for the gateway',
      code: `//- /main.bicep\n${hub}${gateway()}module spokeModule 'spoke.bicep' = {\n  name: 'spoke'\n  params: { hubId: hub.id }\n  dependsOn: [\n    gw\n  ]\n}\n//- /spoke.bicep\nparam hubId string\n${spoke()}${peering().replace('hub.id', 'hubId')}`,
    },
    {
      name: 'the gateway in a module the peering waits for',
      code: `//- /main.bicep\n${hub}module gateway 'gateway.bicep' = {\n  name: 'gateway'\n}\n${spoke()}${peering({ extra: '\n  dependsOn: [\n    gateway\n  ]' })}//- /gateway.bicep\nresource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-hub'\n}\n${gateway('', '', "'${hub.id}/subnets/GatewaySubnet'")}`,
    },
    {
      name: 'ARM: dependsOn the gateway by resourceId',
      code: armCase(
        `${onSpoke}, "[resourceId('Microsoft.Network/virtualNetworkGateways', parameters('gatewayName'))]"`,
        false,
      ),
    },
    { name: 'ARM: dependsOn the gateway by its name', code: armCase(`${onSpoke}, "gw-hub"`, false) },
    {
      name: 'ARM: reference() of the gateway is an implicit dependency',
      code: armCase(onSpoke, false).replace(
        '"useRemoteGateways": true',
        `"useRemoteGateways": true,
        "remoteBgpCommunities": { "virtualNetworkCommunity": "[reference(parameters('gatewayName')).bgpSettings.asn]" }`,
      ),
    },
    {
      name: "ARM: peerings in a copy loop that depend on the gateways' copy loop",
      code: arm(
        [
          armHub,
          armGateway().replace(
            '"name": "[parameters(\'gatewayName\')]",',
            '"name": "[concat(parameters(\'gatewayName\'), copyIndex())]",\n      "copy": { "name": "gateways", "count": 1 },',
          ),
          armVnet('vnet-spoke', '"10.1.0.0/16"'),
          armSpokePeering(false, `${onSpoke}, "gateways"`).replace(
            '"name": "vnet-spoke/spoke-to-hub",',
            '"name": "[concat(\'vnet-spoke/spoke-to-hub\', copyIndex())]",\n      "copy": { "name": "peerings", "count": 2 },',
          ),
        ].join(',\n'),
        armParams,
      ),
    },
  ],
  invalid: [
    {
      name: 'nothing orders the peering after the gateway',
      code: hub + gateway() + spoke() + peering({ mark: true }),
      errors: [
        {
          messageId: 'notOrdered',
          level: 'error',
          message:
            /Peering 'vnet-spoke\/spoke-to-hub' sets useRemoteGateways, but nothing orders it after the gateway 'gw-hub' of 'vnet-hub'.*RemoteVnetHasNoGateways/,
        },
      ],
      fixTitle: /^Add a dependency on 'gw'$/,
      output: fixed(hub + gateway() + spoke() + peering({ extra: '\n  dependsOn: [\n    gw\n  ]' })),
    },
    {
      name: 'an existing dependsOn gains the gateway',
      code: hub + gateway() + spoke() + peering({ mark: true, extra: '\n  dependsOn: [\n    spoke\n  ]' }),
      errors: [{ messageId: 'notOrdered' }],
      output: fixed(hub + gateway() + spoke() + peering({ extra: '\n  dependsOn: [\n    spoke\n    gw\n  ]' })),
    },
    {
      name: 'spokes from a for-loop: one finding, the fix on the loop body',
      code: `${hub}${gateway()}${spokesUsingHubGateway('[|spokesToHub|]')}`,
      errors: [{ messageId: 'notOrdered' }],
      output: `${hub}${gateway()}${spokesUsingHubGateway('spokesToHub', '\n  dependsOn: [\n    gw\n  ]')}`,
    },
    {
      name: 'the gateway in a module nothing waits for: no fix across files',
      code: `//- /main.bicep\n${hub}module gateway 'gateway.bicep' = {\n  name: 'gateway'\n}\n${spoke()}${peering({ mark: true })}//- /gateway.bicep\nresource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-hub'\n}\n${gateway('', '', "'${hub.id}/subnets/GatewaySubnet'")}`,
      errors: [{ messageId: 'notOrdered' }],
      output: null,
    },
    {
      name: 'ARM: the peering depends only on its VNet',
      code: armCase(onSpoke, true),
      errors: [{ messageId: 'notOrdered' }],
      output: armCase(
        `${onSpoke}, "[resourceId('Microsoft.Network/virtualNetworkGateways', parameters('gatewayName'))]"`,
        false,
      ),
    },
  ],
});
