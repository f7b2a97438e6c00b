// A rule's `startsFrom` (the model collections its findings start from) lets the engine skip its check
// on a model without such entities (issue 16: a module of DNS records runs few of the ~35 checks). The
// skip must never cost a finding: the same case reports through a rule that starts from what the model
// holds, and every rule test's invalid case runs through the engine with the skip (test/support/rule-test.ts).
// A `pairwise` rule (its findings are about two entities: a duplicate, an overlap between peers) is
// skipped unless its collections hold two entities in all.
import assert from 'node:assert/strict';
import test from 'node:test';
import rule from '../../server/src/rules/pe-location-mismatch';
import { allRules } from '../../server/src/rules';
import type { EntityCollection } from '../../server/src/rules/support/rule';
import { bicepEndpoint, bicepVnet, oneLineSubnet } from '../support/bicep-network';
import { findingsOf, stripMarkers } from '../support/rule-test';

// A VNet in westeurope and an endpoint in its subnet placed in eastus: no peering, no route table.
const { files } = stripMarkers(
  bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24')) +
    bicepEndpoint('vnet.properties.subnets[0].id', [], { location: "'eastus'" }),
);

const messageIds = async (startsFrom: readonly EntityCollection[] | undefined, pairwise?: true) =>
  (await findingsOf({ ...rule, startsFrom, pairwise }, files)).map((finding) => finding.messageId);

test('a rule runs when the model holds an entity of a collection it starts from, or when it names none', async () => {
  assert.deepEqual(rule.startsFrom, ['privateEndpoints']);
  assert.deepEqual(await messageIds(['privateEndpoints']), ['mismatch']);
  assert.deepEqual(await messageIds(['peerings', 'subnets']), ['mismatch'], 'one collection with entities is enough');
  assert.deepEqual(await messageIds(undefined), ['mismatch']);
});

test('a rule whose collections are all empty in the model runs no check', async () => {
  assert.deepEqual(await messageIds(['peerings', 'routeTables']), []);
});

test('a pairwise rule runs only when its collections hold two entities in all', async () => {
  // The model holds one endpoint, one VNet and one subnet.
  assert.deepEqual(await messageIds(['privateEndpoints'], true), [], 'one endpoint: no pair');
  assert.deepEqual(await messageIds(['privateEndpoints', 'routeTables'], true), []);
  assert.deepEqual(await messageIds(['privateEndpoints', 'subnets'], true), ['mismatch'], 'an endpoint and a subnet');
  assert.deepEqual(await messageIds(['privateEndpoints']), ['mismatch'], 'not pairwise: one is enough');
});

test('a pairwise rule runs when one of its collections holds two entities', async () => {
  // Two endpoints in eastus, and nothing of the other collection named.
  const { files: twoEndpoints } = stripMarkers(
    bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24')) +
      bicepEndpoint('vnet.properties.subnets[0].id', [], { location: "'eastus'" }) +
      bicepEndpoint('vnet.properties.subnets[0].id', [], { location: "'eastus'", symbol: 'pe2', name: 'pe-two' }),
  );
  const pairs = await findingsOf(
    { ...rule, startsFrom: ['privateEndpoints', 'routeTables'], pairwise: true },
    twoEndpoints,
  );
  assert.deepEqual(
    pairs.map((finding) => finding.messageId),
    ['mismatch', 'mismatch'],
  );
});

test('every pairwise rule names the collections its pairs are of', () => {
  for (const { id, startsFrom, pairwise } of allRules) if (pairwise) assert.ok(startsFrom && startsFrom.length > 0, id);
  assert.deepEqual(
    allRules.filter((candidate) => candidate.pairwise).map((candidate) => candidate.id),
    ['dns-zone-duplicate-link', 'subnet-overlap', 'peering-duplicate', 'peering-spokes-overlap'],
  );
});

test('no rule names an empty list of collections (it would never run)', () => {
  for (const { id, startsFrom } of allRules) assert.notDeepEqual(startsFrom, [], id);
});
