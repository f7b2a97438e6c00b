// peering-remote-gateway-order through the Azure Verified Modules virtual-network module (FACTS §17): a
// spoke's peering the module writes waits for what the module call waits for, and for nothing of the
// caller's besides (evaluate/order.ts `opaque`). The module sets doNotVerifyRemoteGateways to true
// unless told otherwise, whose effect is unverified (FACTS §10): such a peering is not judged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from '../../../server/src/rules/peering-remote-gateway-order';
import { gatewayInHub, hubWithGatewaySubnet } from '../../support/bicep-network';
import { findingsOf } from '../../support/rule-test';

const hubWithGateway = hubWithGatewaySubnet + gatewayInHub();

const spokeModule = (
  peeringExtra: string,
  callExtra = '',
) => `module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'spoke'${callExtra}
  params: {
    name: 'vnet-spoke'
    addressPrefixes: ['10.1.0.0/16']
    peerings: [
      {
        remoteVirtualNetworkResourceId: hub.id
        useRemoteGateways: true${peeringExtra}
      }
    ]
  }
}
`;

const findings = async (code: string) =>
  (await findingsOf(rule, new Map([['file:///fixture/main.bicep', hubWithGateway + code]]))).map(
    (finding) => finding.messageId,
  );

test('AVM: a peering the module writes with verification on, nothing ordering the call after the gateway', async () => {
  assert.deepEqual(await findings(spokeModule('\n        doNotVerifyRemoteGateways: false')), ['notOrdered']);
});

test('AVM: the call waits for the gateway; or the module skips verification by default', async () => {
  assert.deepEqual(
    await findings(spokeModule('\n        doNotVerifyRemoteGateways: false', '\n  dependsOn: [\n    gw\n  ]')),
    [],
  );
  assert.deepEqual(await findings(spokeModule('')), []);
});
