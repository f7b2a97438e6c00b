// The public forwarder zones per target (facts/zone-forwarders.ts) are exactly dns-zones.json's
// `forwarders`, per cloud (FACTS §1), and answer case-insensitively.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { forwarderZones } from '../../server/src/facts';
import { forwarderTable } from '../../server/src/facts/zone-forwarders';
import { sharedRoot } from '../support/paths';

interface SharedEntry {
  resourceType: string;
  groupId: string;
  forwarders: Record<'public' | 'usgov' | 'china', string[]>;
}
const entries: SharedEntry[] = JSON.parse(
  fs.readFileSync(path.join(sharedRoot, 'azure/dns-zones.json'), 'utf8'),
).entries;

test('every (type, group id) of dns-zones.json has its forwarders, per cloud', () => {
  const clouds = { public: 'AzureCloud', usgov: 'AzureUSGovernment', china: 'AzureChinaCloud' } as const;
  const expected = new Map<string, Record<string, Set<string>>>();
  for (const entry of entries) {
    const key = `${entry.resourceType.toLowerCase()}|${entry.groupId.toLowerCase()}`;
    const row = expected.get(key) ?? {
      AzureCloud: new Set(),
      AzureUSGovernment: new Set(),
      AzureChinaCloud: new Set(),
    };
    for (const [shared, cloud] of Object.entries(clouds))
      for (const zone of entry.forwarders[shared as keyof typeof clouds] ?? []) row[cloud].add(zone);
    expected.set(key, row);
  }
  assert.deepEqual(new Set(Object.keys(forwarderTable)), new Set(expected.keys()));
  for (const [key, row] of expected) {
    for (const cloud of Object.values(clouds))
      assert.deepEqual(new Set(forwarderTable[key][cloud] ?? []), row[cloud], `${key} ${cloud}`);
  }
});

test('lookups ignore case; a type without a row has none', () => {
  assert.deepEqual(forwarderZones('AzureCloud', 'Microsoft.KeyVault/Vaults', 'VAULT'), [
    'vault.azure.net',
    'vaultcore.azure.net',
  ]);
  assert.deepEqual(forwarderZones('AzureCloud', 'Microsoft.Nothing/things', 'x'), []);
});
