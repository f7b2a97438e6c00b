// CIDR arithmetic, checked against the examples of Bicep's CIDR function documentation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contains, describeCidr, hostAt, overlaps, parseCidr, size, subnetAt } from '../../server/src/evaluate/cidr';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  assert.ok(parsed, text);
  return parsed;
};

test('parseCidr matches the documented objects', () => {
  assert.deepEqual(describeCidr(cidr('10.144.0.0/20')), {
    network: '10.144.0.0',
    netmask: '255.255.240.0',
    broadcast: '10.144.15.255',
    firstUsable: '10.144.0.1',
    lastUsable: '10.144.15.254',
    cidr: 20,
  });
  assert.deepEqual(describeCidr(cidr('fdad:3236:5555::/48')), {
    network: 'fdad:3236:5555::',
    netmask: 'ffff:ffff:ffff::',
    firstUsable: 'fdad:3236:5555::',
    lastUsable: 'fdad:3236:5555:ffff:ffff:ffff:ffff:ffff',
    cidr: 48,
  });
});

test('cidrSubnet and cidrHost match the documented arrays', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((i) => subnetAt(cidr('10.144.0.0/20'), 24, i)),
    ['10.144.0.0/24', '10.144.1.0/24', '10.144.2.0/24', '10.144.3.0/24', '10.144.4.0/24'],
  );
  assert.deepEqual(
    [0, 1, 2].map((i) => subnetAt(cidr('fdad:3236:5555::/48'), 52, i)),
    ['fdad:3236:5555::/52', 'fdad:3236:5555:1000::/52', 'fdad:3236:5555:2000::/52'],
  );
  assert.deepEqual(
    [0, 1, 4].map((i) => hostAt(cidr('10.144.3.0/24'), i)),
    ['10.144.3.1', '10.144.3.2', '10.144.3.5'],
  );
  assert.deepEqual(
    [0, 4].map((i) => hostAt(cidr('fdad:3236:5555:3000::/52'), i)),
    ['fdad:3236:5555:3000::1', 'fdad:3236:5555:3000::5'],
  );
  assert.equal(subnetAt(cidr('10.0.0.0/24'), 23, 0), undefined);
  assert.equal(subnetAt(cidr('10.0.0.0/24'), 26, 4), undefined);
});

test('malformed ranges are undefined, host bits are noticed', () => {
  for (const bad of ['10.0.0.0', '10.0.0/16', '10.0.0.256/16', '10.0.0.0/33', 'x/8', '::1::/64', '10.0.0.0/-1']) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
  assert.equal(cidr('10.0.0.1/24').hostBitsSet, true);
  assert.equal(cidr('10.0.0.0/24').hostBitsSet, false);
});

test('containment, overlap and size', () => {
  assert.ok(contains(cidr('10.0.0.0/16'), cidr('10.0.3.0/24')));
  assert.ok(!contains(cidr('10.0.0.0/16'), cidr('10.1.0.0/24')));
  assert.ok(!contains(cidr('10.0.0.0/24'), cidr('10.0.0.0/16')));
  assert.ok(overlaps(cidr('10.0.0.0/23'), cidr('10.0.1.0/24')));
  assert.ok(!overlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24')));
  assert.ok(!overlaps(cidr('10.0.0.0/8'), cidr('fd00::/8')));
  assert.equal(size(cidr('10.0.0.0/29')), 8n);
});
