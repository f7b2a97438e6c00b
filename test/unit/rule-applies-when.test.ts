// A rule's `appliesWhen` (the FACTS it rests on, declared beside its metadata) is honoured by the engine:
// the same case that gets a finding gets none when the rule's facts are marked as not holding.
import assert from 'node:assert/strict';
import test from 'node:test';
import rule from '../../server/src/rules/pe-location-mismatch';
import { findingsOf, stripMarkers } from '../support/rule-test';

const { files } = stripMarkers(`resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'eastus'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
  }
}
`);

test('a rule whose facts hold reports; the same rule with appliesWhen false runs no check', async () => {
  assert.equal(rule.appliesWhen, true, 'FACTS §2.3: a private endpoint sits in its VNet region');
  assert.deepEqual(
    (await findingsOf(rule, files)).map((finding) => finding.messageId),
    ['mismatch'],
  );
  assert.deepEqual(await findingsOf({ ...rule, appliesWhen: false }, files), []);
});
