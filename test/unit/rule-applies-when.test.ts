// A rule's `appliesWhen` (the FACTS it rests on, declared beside its metadata) is honoured by the engine:
// the same case that gets a finding gets none when the rule's facts are marked as not holding.
import assert from 'node:assert/strict';
import test from 'node:test';
import rule from '../../server/src/rules/pe-location-mismatch';
import { bicepEndpoint, bicepVnet, oneLineSubnet } from '../support/bicep-network';
import { findingsOf, stripMarkers } from '../support/rule-test';

// A VNet in westeurope and an endpoint in its subnet placed in eastus.
const { files } = stripMarkers(
  bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24')) +
    bicepEndpoint('vnet.properties.subnets[0].id', [], { location: "'eastus'" }),
);

test('a rule whose facts hold reports; the same rule with appliesWhen false runs no check', async () => {
  assert.equal(rule.appliesWhen, true, 'FACTS §2.3: a private endpoint sits in its VNet region');
  assert.deepEqual(
    (await findingsOf(rule, files)).map((finding) => finding.messageId),
    ['mismatch'],
  );
  assert.deepEqual(await findingsOf({ ...rule, appliesWhen: false }, files), []);
});
