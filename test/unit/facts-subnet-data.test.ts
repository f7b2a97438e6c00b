// The subnet facts are read from data/*.json through one checked boundary (facts/subnet-data.ts): the shipped
// files load whole, and an entry that breaks the shape fails loudly, naming the place.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {
  policyHistories,
  readPolicyHistories,
  readReservedSubnets,
  reservedSubnetTable,
} from '../../server/src/facts/subnet-data';

const dataFile = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../server/src/facts/data', name), 'utf8'));

const history = {
  since: '2018-10-01',
  enumSince: '2020-07-01',
  default: 'Enabled',
  values: [{ value: 'Enabled', since: '2018-10-01' }],
};
const histories = (pe: unknown) => ({ privateEndpointNetworkPolicies: pe, privateLinkServiceNetworkPolicies: history });
const gateway = {
  name: 'GatewaySubnet',
  minimum: { maxPrefixLength: 29, evidence: 'verified' },
  privateEndpoints: { allowed: false, evidence: 'inferred' },
};

test('the shipped files load whole, their notes dropped', () => {
  const reserved = dataFile('reserved-subnets.json');
  assert.equal(reservedSubnetTable.length, reserved.length);
  assert.deepEqual(
    reservedSubnetTable.map((s) => s.name),
    reserved.map((s: { name: string }) => s.name),
  );
  assert.ok(reservedSubnetTable.every((s) => !('note' in s)));
  const policies = dataFile('subnet-policies.json');
  assert.deepEqual(
    policyHistories.privateEndpointNetworkPolicies.values,
    policies.privateEndpointNetworkPolicies.values,
  );
  assert.ok(!('note' in policyHistories.privateLinkServiceNetworkPolicies));
});

test('a policy history that breaks the shape throws, naming the property and field', () => {
  assert.deepEqual(readPolicyHistories(histories(history)).privateEndpointNetworkPolicies, history);
  assert.throws(() => readPolicyHistories(histories({ ...history, since: '2018-10-01-preview' })), /Policies\.since/);
  assert.throws(() => readPolicyHistories(histories({ ...history, default: 'Disabled' })), /default: not one of/);
  assert.throws(() => readPolicyHistories(histories({ ...history, value: [] })), /unknown field value/);
  assert.throws(() => readPolicyHistories({ privateLinkServiceNetworkPolicies: history }), /EndpointNetworkPolicies/);
  assert.throws(() => readPolicyHistories({ ...histories(history), otherPolicies: history }), /unknown field other/);
});

test('a dedicated subnet that breaks the shape throws, naming the entry and field', () => {
  assert.deepEqual(readReservedSubnets([{ ...gateway, note: 'why' }]), [gateway]);
  const nsg = { ...gateway, nsgForbidden: { evidence: 'verified' } };
  assert.deepEqual(readReservedSubnets([nsg]), [nsg]);
  assert.throws(() => readReservedSubnets([{ ...gateway, minimum: { maxPrefixLength: '29' } }]), /\[0\]\.minimum/);
  assert.throws(
    () => readReservedSubnets([gateway, { ...gateway, privateEndpoints: { allowed: true, evidence: 'verified' } }]),
    /\[1\]\.privateEndpoints\.allowed/,
  );
  assert.throws(() => readReservedSubnets([{ ...gateway, nsgForbidden: { evidence: 'sure' } }]), /nsgForbidden/);
  assert.throws(() => readReservedSubnets([{ ...gateway, recomended: gateway.minimum }]), /unknown field recomended/);
});
