// The zone data files are read through one checked boundary (facts/zone-data.ts): the shipped files load,
// and a file that breaks the row shape fails loudly, naming the place, instead of feeding rules bad facts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { forwarderTable, readForwarders, readZoneTables, zoneTables } from '../../server/src/facts/zone-data';

const row = { resourceType: 'Microsoft.KeyVault/vaults', groupIds: ['vault'], service: 'Key Vault', zones: ['z'] };
const tables = (rows: unknown[]) => ({ AzureCloud: rows, AzureUSGovernment: [], AzureChinaCloud: [] });

test('the shipped tables load for every cloud, every row of the file kept', () => {
  const file = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../server/src/facts/data/private-dns-zones.json'), 'utf8'),
  );
  for (const cloud of ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const) {
    assert.ok(zoneTables[cloud].length > 0, cloud);
    assert.equal(zoneTables[cloud].length, file[cloud].length, cloud);
  }
  assert.deepEqual(forwarderTable['microsoft.keyvault/vaults|vault']?.AzureCloud, [
    'vault.azure.net',
    'vaultcore.azure.net',
  ]);
});

test('a row is read with its optional fields, and its note is not kept', () => {
  const read = readZoneTables(tables([{ ...row, needsAll: 'inferred', unverified: true, note: 'why' }]));
  assert.deepEqual(read.AzureCloud, [{ ...row, needsAll: 'inferred', unverified: true }]);
});

test('a row that breaks the shape throws, naming the row and field', () => {
  assert.throws(() => readZoneTables(tables([{ ...row, needsAll: 'yes' }])), /AzureCloud\[0\]\.needsAll/);
  assert.throws(() => readZoneTables(tables([{ ...row, zones: ['ok', 3] }])), /AzureCloud\[0\]\.zones\[1\]/);
  assert.throws(() => readZoneTables(tables([{ ...row, needAll: 'verified' }])), /unknown field needAll/);
  assert.throws(() => readZoneTables({ AzureCloud: [] }), /AzureUSGovernment is not a list/);
});

test('a forwarder entry with an unknown cloud or a mixed-case key throws', () => {
  assert.throws(() => readForwarders({ 'a/b|c': { AzureMoon: ['x'] } }), /unknown cloud AzureMoon/);
  assert.throws(() => readForwarders({ 'A/b|c': { AzureCloud: ['x'] } }), /is not type\|groupid/);
  assert.deepEqual(readForwarders({ 'a/b|c': { AzureCloud: ['x'] } }), { 'a/b|c': { AzureCloud: ['x'] } });
});
