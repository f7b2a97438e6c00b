// Public network access per private-endpoint target: property paths, what a value means, the fix values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicAccessFacts, publicAccessFix, publicAccessState } from '../../server/src/facts/public-access';

const pna = 'properties.publicNetworkAccess';

test('enum-backed types: Enabled keeps public access, Disabled and SecuredByPerimeter turn it off', () => {
  assert.equal(publicAccessState('Microsoft.Storage/storageAccounts', pna, 'Enabled'), 'enabled');
  assert.equal(publicAccessState('microsoft.storage/storageaccounts', pna, 'disabled'), 'disabled');
  assert.equal(publicAccessState('Microsoft.Storage/storageAccounts', pna, 'SecuredByPerimeter'), 'disabled');
  assert.equal(publicAccessState('Microsoft.Storage/storageAccounts', pna, 'Sometimes'), 'unknown');
  assert.equal(publicAccessState('Microsoft.Search/searchServices', pna, 'enabled'), 'enabled');
  assert.equal(publicAccessState('Microsoft.KeyVault/vaults', pna, 'Enabled'), 'enabled');
  assert.equal(publicAccessState('Microsoft.Web/sites', pna, 'Enabled'), 'enabled');
});

test('types whose enabling value no source states never read as enabled', () => {
  assert.equal(publicAccessState('Microsoft.DataFactory/factories', pna, 'Enabled'), 'unknown');
  assert.equal(publicAccessState('Microsoft.DataFactory/factories', pna, 'Disabled'), 'disabled');
  assert.equal(
    publicAccessState('Microsoft.Insights/privateLinkScopes', 'properties.accessModeSettings.queryAccessMode', 'Open'),
    'unknown',
  );
  assert.equal(publicAccessState('Microsoft.Example/things', pna, 'Enabled'), 'unknown');
  assert.equal(
    publicAccessState('Microsoft.Storage/storageAccounts', 'properties.networkAcls.defaultAction', 'Allow'),
    'unknown',
  );
});

test("Redis, Redis Enterprise and Synapse: 'Enabled' is enabling (their REST specifications' enums)", () => {
  for (const type of ['Microsoft.Cache/redis', 'Microsoft.Cache/redisEnterprise', 'Microsoft.Synapse/workspaces']) {
    assert.equal(publicAccessState(type, pna, 'Enabled'), 'enabled', type);
    assert.equal(publicAccessState(type, pna, 'Disabled'), 'disabled', type);
  }
});

test('boolean and nested paths', () => {
  assert.equal(
    publicAccessState('Microsoft.Sql/managedInstances', 'properties.publicDataEndpointEnabled', true),
    'enabled',
  );
  assert.equal(
    publicAccessState('Microsoft.Sql/managedInstances', 'properties.publicDataEndpointEnabled', 'true'),
    'unknown',
  );
  assert.equal(publicAccessState('Microsoft.Automation/automationAccounts', pna, false), 'disabled');
  assert.equal(
    publicAccessFacts('Microsoft.DBforPostgreSQL/flexibleServers')?.settings[0]?.path,
    'properties.network.publicNetworkAccess',
  );
});

test('fix values, including Search’s lower-case era and AMPLS’s two properties', () => {
  assert.deepEqual(publicAccessFix('Microsoft.KeyVault/vaults', '2023-07-01'), [{ path: pna, value: 'Disabled' }]);
  assert.deepEqual(publicAccessFix('Microsoft.Sql/managedInstances', '2025-01-01'), [
    { path: 'properties.publicDataEndpointEnabled', value: false },
  ]);
  assert.deepEqual(publicAccessFix('Microsoft.Search/searchServices', '2023-11-01'), [
    { path: pna, value: 'disabled' },
  ]);
  assert.deepEqual(publicAccessFix('Microsoft.Search/searchServices', '2025-05-01'), [
    { path: pna, value: 'Disabled' },
  ]);
  assert.equal(publicAccessFix('Microsoft.Search/searchServices', '2024-06-01-preview'), undefined);
  assert.equal(publicAccessFix('Microsoft.Search/searchServices', '2024-03-01'), undefined);
  assert.deepEqual(publicAccessFix('Microsoft.Insights/privateLinkScopes', '2021-09-01'), [
    { path: 'properties.accessModeSettings.ingestionAccessMode', value: 'PrivateOnly' },
    { path: 'properties.accessModeSettings.queryAccessMode', value: 'PrivateOnly' },
  ]);
  assert.equal(publicAccessFix('Microsoft.Example/things', '2024-01-01'), undefined);
});
