// dns-custom-server-unlinked through Azure Verified Modules (FACTS §17): the virtual-network module's
// `dnsServers` parameter and the private-dns-zone module's `virtualNetworkLinks` reach the rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from '../../../server/src/rules/dns-custom-server-unlinked';
import { findingsOf } from '../../support/rule-test';
// private-dns-zone module's `virtualNetworkLinks` reach the rule through the interface models.
const avmVnet = (
  symbol: string,
  name: string,
  octet: number,
  extra = '',
) => `module ${symbol} 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: '${symbol}'
  params: {
    name: '${name}'
    addressPrefixes: ['10.${octet}.0.0/16']${extra}
    subnets: [ { name: 'snet-a', addressPrefix: '10.${octet}.1.0/24' } ]
  }
}
`;
const avmZone = (linked: string) => `module zone 'br/public:avm/res/network/private-dns-zone:0.8.0' = {
  name: 'zone'
  params: {
    name: 'privatelink.vaultcore.azure.net'
    virtualNetworkLinks: [ { virtualNetworkResourceId: ${linked}.outputs.resourceId } ]
  }
}
module kv 'br/public:avm/res/key-vault/vault:0.11.0' = {
  name: 'kv'
  params: {
    name: 'kv-demo'
    privateEndpoints: [
      { subnetResourceId: spoke.outputs.subnetResourceIds[0], privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: zone.outputs.resourceId } ] } }
    ]
  }
}
`;
const avm = (linked: string) =>
  new Map([
    [
      'file:///fixture/main.bicep',
      avmVnet('hub', 'vnet-hub', 0) +
        avmVnet('spoke', 'vnet-spoke', 1, "\n    dnsServers: ['10.0.1.4']") +
        avmZone(linked),
    ],
  ]);

test('AVM: a spoke module with dnsServers in the hub, the zone module linked to the spoke only', async () => {
  const findings = await findingsOf(rule, avm('spoke'));
  assert.deepEqual(
    findings.map((finding) => finding.messageId),
    ['unlinked'],
  );
  assert.match(
    findings[0].message,
    /is not linked to 'vnet-hub', where the custom DNS servers 10\.0\.1\.4 of 'vnet-spoke' live/,
  );
  assert.deepEqual(await findingsOf(rule, avm('hub')), []);
});
