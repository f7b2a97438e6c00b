// Group ids per target type: known ids, completeness, and the replacement a fix proposes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestGroupId, groupIdFacts, groupIdValidity, nearMissGroupId } from '../../server/src/facts/group-ids';

test('ids come from every cloud’s table, first spelling kept', () => {
  const storage = groupIdFacts('microsoft.storage/STORAGEACCOUNTS')!;
  for (const id of [
    'blob',
    'blob_secondary',
    'table',
    'queue',
    'file',
    'file_secondary',
    'web',
    'dfs',
    'dfs_secondary',
  ]) {
    assert.ok(storage.groupIds.includes(id), id);
  }
  assert.deepEqual(groupIdFacts('Microsoft.SignalRService/SignalR')?.groupIds, ['signalr']);
  assert.equal(groupIdFacts('Microsoft.Example/things'), undefined);
});

test('no list from the DNS tables is complete: only a near miss of a documented id is invalid (FACTS §12)', () => {
  assert.equal(groupIdFacts('Microsoft.KeyVault/vaults')?.complete, false);
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'vault'), 'valid');
  // Another case of a documented id is not judged (FACTS §1 compares group ids without case).
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'VAULT'), 'unknown');
  assert.equal(groupIdValidity('Microsoft.Sql/servers', 'SqlServer'), 'unknown');
  assert.equal(nearMissGroupId('Microsoft.KeyVault/vaults', 'Vault'), 'vault');
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'vaults'), 'invalid');
  assert.equal(groupIdValidity('Microsoft.KeyVault/vaults', 'managedhsm'), 'unknown');
  assert.equal(groupIdValidity('Microsoft.Example/things', 'x'), 'unknown');
});

test('near misses: one edit per four letters, a unique nearest id, and Cosmos DB without case', () => {
  assert.equal(nearMissGroupId('Microsoft.Storage/storageAccounts', 'blobs'), 'blob');
  assert.equal(nearMissGroupId('Microsoft.Storage/storageAccounts', 'blob'), undefined);
  assert.equal(nearMissGroupId('Microsoft.Storage/storageAccounts', 'blob_secundary'), 'blob_secondary');
  assert.equal(nearMissGroupId('Microsoft.Storage/storageAccounts', 'archive'), undefined);
  assert.equal(nearMissGroupId('Microsoft.Sql/servers', 'sqlservers'), 'sqlServer');
  assert.equal(nearMissGroupId('Microsoft.DocumentDB/databaseAccounts', 'SQL'), undefined);
  assert.equal(groupIdValidity('Microsoft.DocumentDB/databaseAccounts', 'sql'), 'valid');
});

test('Web Apps slots use sites-<slotName>', () => {
  assert.equal(groupIdValidity('Microsoft.Web/sites', 'sites-staging'), 'valid');
  assert.equal(groupIdValidity('Microsoft.Web/sites', 'sites-'), 'invalid'); // a near miss of 'sites'
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
