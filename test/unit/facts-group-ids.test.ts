// Group ids per target type: known ids, completeness, and the replacement a fix proposes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestGroupId, groupIdFacts, groupIdValidity } from '../../server/src/facts/group-ids';

test('ids come from every cloud’s table, first spelling kept', () => {
  const storage = groupIdFacts('microsoft.storage/STORAGEACCOUNTS')!;
  for (const id of ['blob', 'blob_secondary', 'table', 'queue', 'file', 'file_secondary', 'web', 'dfs', 'dfs_secondary']) {
    assert.ok(storage.groupIds.includes(id), id);
  }
  assert.deepEqual(groupIdFacts('Microsoft.SignalRService/SignalR')?.groupIds, ['signalr']);
  assert.equal(groupIdFacts('Microsoft.Example/things'), undefined);
});

test('no list from the DNS tables is complete, so their ids are never invalid', () => {
  assert.equal(groupIdFacts('Microsoft.KeyVault/vaults')?.complete, false);
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'vault'), 'valid');
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'VAULT'), 'valid');
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'vaults'), 'unknown');
  assert.equal(groupIdValidity('Microsoft.Example/things', 'x'), 'unknown');
});

test('Web Apps slots use sites-<slotName>', () => {
  assert.equal(groupIdValidity('Microsoft.Web/sites', 'sites-staging'), 'valid');
  assert.equal(groupIdValidity('Microsoft.Web/sites', 'sites-'), 'unknown');
});

test('a customer Private Link service takes no group id (complete, empty list)', () => {
  const pls = groupIdFacts('Microsoft.Network/privateLinkServices')!;
  assert.equal(pls.complete, true);
  assert.deepEqual(pls.groupIds, []);
  assert.equal(groupIdValidity('Microsoft.Network/privateLinkServices', 'blob'), 'invalid');
  assert.equal(closestGroupId('Microsoft.Network/privateLinkServices', 'blob'), undefined);
});

test('closest known id by edit distance', () => {
  assert.equal(closestGroupId('Microsoft.Storage/storageAccounts', 'blobs'), 'blob');
  assert.equal(closestGroupId('Microsoft.Sql/servers', 'sqlserver'), 'sqlServer');
  assert.equal(closestGroupId('Microsoft.DocumentDB/databaseAccounts', 'mongo'), 'MongoDB');
});
