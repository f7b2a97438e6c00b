// Subnet facts: network policy values per API version and their effect, dedicated subnets, address limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  forbiddenIpv4Ranges,
  reservedSubnet,
  subnetNamePattern,
  subnetPrefixLimits,
  usableIpv4Addresses,
} from '../../server/src/facts/address-space';
import {
  checkPolicyValue,
  policyDefault,
  policySchemaValues,
  privateEndpointPolicyEffect,
  privateEndpointPolicyFor,
  privateLinkServiceSubnetPolicy,
} from '../../server/src/facts/subnet-policies';

const pe = 'privateEndpointNetworkPolicies' as const;
const pls = 'privateLinkServiceNetworkPolicies' as const;

test('privateEndpointNetworkPolicies values per API version', () => {
  assert.deepEqual(checkPolicyValue(pe, '2020-07-01', 'Enabled'), { status: 'valid' });
  assert.deepEqual(checkPolicyValue(pe, '2019-04-01', 'Disabled'), { status: 'valid' });
  assert.deepEqual(checkPolicyValue(pe, '2020-07-01', 'NetworkSecurityGroupEnabled'), {
    status: 'newer-api',
    since: '2023-09-01',
  });
  assert.deepEqual(checkPolicyValue(pe, '2023-06-01', 'RouteTableEnabled'), {
    status: 'newer-api',
    since: '2023-09-01',
  });
  assert.deepEqual(checkPolicyValue(pe, '2023-09-01', 'NetworkSecurityGroupEnabled'), { status: 'valid' });
  assert.deepEqual(checkPolicyValue(pe, '2025-09-01', 'RouteTableEnabled'), { status: 'valid' });
  assert.deepEqual(checkPolicyValue(pe, '2017-10-01', 'Enabled'), {
    status: 'property-not-in-api',
    since: '2018-10-01',
  });
  assert.deepEqual(checkPolicyValue(pe, '2023-09-01-preview', 'Enabled'), { status: 'unknown' });
  assert.deepEqual(checkPolicyValue(pe, 'latest', 'Enabled'), { status: 'unknown' });
});

test('case-only differences, and invalid values with the valid one they nearly spell, if any', () => {
  assert.deepEqual(checkPolicyValue(pe, '2024-05-01', 'enabled'), { status: 'case-differs', canonical: 'Enabled' });
  assert.deepEqual(checkPolicyValue(pe, '2024-05-01', 'Enable'), { status: 'invalid', closest: 'Enabled' });
  assert.deepEqual(checkPolicyValue(pe, '2024-05-01', 'RouteTablesEnabled'), {
    status: 'invalid',
    closest: 'RouteTableEnabled',
  });
  // What it nearly spells is newer than 2022-01-01, and 'Enabled' would turn on the NSG policies too.
  assert.deepEqual(checkPolicyValue(pe, '2022-01-01', 'RouteTablesEnabled'), { status: 'invalid' });
  assert.deepEqual(checkPolicyValue(pls, '2024-05-01', 'RouteTableEnabled'), { status: 'invalid' });
  // Booleans and words misspell no value: nearest by letters ('Enabled') would turn the policies on.
  for (const value of ['false', 'off', 'none', 'true'])
    assert.deepEqual(checkPolicyValue(pe, '2024-05-01', value), { status: 'invalid' }, value);
  assert.deepEqual(checkPolicyValue(pls, '2024-05-01', 'Disabled'), { status: 'valid' });
});

test('schema enums and defaults', () => {
  assert.deepEqual(policySchemaValues(pe, '2019-04-01'), []);
  assert.deepEqual(policySchemaValues(pe, '2020-07-01'), ['Enabled', 'Disabled']);
  assert.deepEqual(policySchemaValues(pe, '2023-11-01'), [
    'Enabled',
    'Disabled',
    'NetworkSecurityGroupEnabled',
    'RouteTableEnabled',
  ]);
  assert.equal(policySchemaValues(pe, '2017-03-01'), undefined);
  assert.equal(policyDefault(pe), 'Disabled');
  assert.equal(policyDefault(pls), 'Enabled');
  assert.equal(privateLinkServiceSubnetPolicy, 'Disabled');
});

test('what a private endpoint policy applies, and the value a fix writes', () => {
  assert.deepEqual(privateEndpointPolicyEffect(undefined), { nsg: false, routeTable: false });
  assert.deepEqual(privateEndpointPolicyEffect('Enabled'), { nsg: true, routeTable: true });
  assert.deepEqual(privateEndpointPolicyEffect('NetworkSecurityGroupEnabled'), { nsg: true, routeTable: false });
  assert.deepEqual(privateEndpointPolicyEffect('RouteTableEnabled'), { nsg: false, routeTable: true });
  assert.equal(privateEndpointPolicyEffect('enabled'), undefined);
  assert.equal(privateEndpointPolicyFor({ nsg: true, routeTable: false }, '2023-11-01'), 'NetworkSecurityGroupEnabled');
  assert.equal(privateEndpointPolicyFor({ nsg: false, routeTable: true }, '2025-09-01'), 'RouteTableEnabled');
  assert.equal(privateEndpointPolicyFor({ nsg: true, routeTable: false }, '2022-05-01'), 'Enabled');
  assert.equal(privateEndpointPolicyFor({ nsg: true, routeTable: true }, '2025-09-01'), 'Enabled');
});

test('dedicated subnets: exact names, sizes with evidence, private endpoints and NSGs', () => {
  const gateway = reservedSubnet('GatewaySubnet')!;
  assert.equal(gateway.minimum.maxPrefixLength, 29);
  assert.equal(gateway.recommended?.maxPrefixLength, 27);
  assert.equal(gateway.nsgForbidden?.evidence, 'verified');
  assert.equal(reservedSubnet('gatewaysubnet'), undefined);
  assert.equal(reservedSubnet('AzureBastionSubnet')?.privateEndpoints.evidence, 'verified');
  assert.equal(reservedSubnet('AzureFirewallSubnet')?.minimum.maxPrefixLength, 26);
  assert.equal(reservedSubnet('AzureFirewallManagementSubnet')?.minimum.evidence, 'unverified');
  assert.equal(reservedSubnet('RouteServerSubnet')?.privateEndpoints.evidence, 'inferred');
  assert.equal(reservedSubnet('snet-pe'), undefined);
});

test('address limits, reserved addresses and forbidden ranges', () => {
  assert.equal(usableIpv4Addresses(29), 3);
  assert.equal(usableIpv4Addresses(24), 251);
  assert.equal(usableIpv4Addresses(32), 0);
  assert.equal(usableIpv4Addresses(33), 0);
  assert.deepEqual(subnetPrefixLimits, {
    ipv4SmallestPrefixLength: 29,
    ipv4LargestPrefixLength: 2,
    ipv6PrefixLength: 64,
  });
  assert.deepEqual(forbiddenIpv4Ranges.map((r) => r.cidr).sort(), [
    '127.0.0.0/8',
    '168.63.129.16/32',
    '169.254.0.0/16',
    '224.0.0.0/4',
    '255.255.255.255/32',
  ]);
  assert.ok(subnetNamePattern.test('snet-pe_01'));
  assert.ok(!subnetNamePattern.test('-snet'));
  assert.ok(!subnetNamePattern.test('snet.'));
});
