// peering-gateway-transit through the Azure Verified Modules virtual-network module (FACTS §17) when the
// hub is no analysed file's: a spoke peered to a hub in another subscription, known by its id. With
// `remotePeeringEnabled` the module also writes the hub's peering back, so whether that one allows gateway
// transit is known although the hub VNet is not declared; without it, nothing here says. Another root of
// the workspace that may write the hub's peering back with transit keeps it silent (maybe-joins).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from '../../../server/src/rules/peering-gateway-transit';
import { findingsOf } from '../../support/rule-test';

const hubId =
  '/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';

const spoke = (peering: string) => `param hubVnetId string = '${hubId}'
module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'spoke'
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.1.0.0/16']
    peerings: [
      {
        remoteVirtualNetworkResourceId: hubVnetId
        useRemoteGateways: true${peering}
      }
    ]
  }
}
`;

const findings = async (peering: string) =>
  (await findingsOf(rule, new Map([['file:///fixture/main.bicep', spoke(peering)]]))).map(
    (finding) => `${finding.messageId}: ${finding.message}`,
  );

test('AVM: the module writes the hub peering back without gateway transit, the hub known by id only', async () => {
  const found = await findings('\n        remotePeeringEnabled: true\n        remotePeeringAllowGatewayTransit: false');
  assert.equal(found.length, 1);
  assert.match(
    found[0],
    /^noTransit: Peering 'vnet-spoke\/\S+' sets useRemoteGateways, but the reverse peering '\S+' from 'vnet-hub' does not enable allowGatewayTransit/,
  );
});

test('AVM: the reverse allows transit, or the module writes no reverse: nothing here says it is missing', async () => {
  assert.deepEqual(
    await findings('\n        remotePeeringEnabled: true\n        remotePeeringAllowGatewayTransit: true'),
    [],
  );
  assert.deepEqual(await findings(''), []);
});

test("a hub repository's peering back with transit, to a spoke it is given, may be the spoke's: silent", async () => {
  const hubRoot = `param spokeVnetId string
resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'
}
resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: {
    remoteVirtualNetwork: { id: spokeVnetId }
    allowGatewayTransit: true
  }
}
`;
  const files = (hub: string) =>
    new Map([
      [
        'file:///fixture/spoke.bicep',
        spoke('\n        remotePeeringEnabled: true\n        remotePeeringAllowGatewayTransit: false'),
      ],
      ['file:///fixture/hub.bicep', hub],
    ]);
  assert.deepEqual(
    (await findingsOf(rule, files(hubRoot))).map((finding) => finding.messageId),
    [],
  );
  // A hub peering to another spoke, named, is not this spoke's way back.
  const toOther = hubRoot
    .replace('param spokeVnetId string\n', '')
    .replace('id: spokeVnetId', "id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-other')");
  assert.deepEqual(
    (await findingsOf(rule, files(toOther))).map((finding) => finding.messageId),
    ['noTransit'],
  );
});

test('AVM: the module writes the hub peering back using remote gateways too: both sides', async () => {
  const found = await findings(
    '\n        remotePeeringEnabled: true\n        remotePeeringAllowGatewayTransit: true\n        remotePeeringUseRemoteGateways: true',
  );
  assert.equal(found.length, 1);
  assert.match(found[0], /^bothSides: .*at most one of 'vnet-spoke' and 'vnet-hub' can/);
});
