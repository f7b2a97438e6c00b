// FACTS §9 as data: which endpoint names serve which service, and which settings make rules grant nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  endpointServes,
  ineffectiveSettings,
  makesRulesIneffective,
  serviceEndpointFacts,
} from '../../server/src/facts';

test('endpoint names (FACTS §9.1): Storage takes the regional and the cross-region endpoint, names compare case-insensitively', () => {
  assert.equal(endpointServes('storage', 'Microsoft.Storage'), true);
  assert.equal(endpointServes('storage', 'Microsoft.Storage.Global'), true);
  assert.equal(endpointServes('storage', 'microsoft.storage'), true);
  assert.equal(endpointServes('storage', 'Microsoft.Sql'), false);
  assert.equal(endpointServes('cosmosDb', 'Microsoft.AzureCosmosDB'), true);
  assert.equal(endpointServes('appService', 'Microsoft.Web'), true);
  assert.equal(serviceEndpointFacts('storage').endpoints[0], 'Microsoft.Storage', 'the fix adds the regional endpoint');
});

test('bypass flags (FACTS §9.2): none on Storage, App Service and Container Registry', () => {
  assert.deepEqual(
    (
      ['storage', 'keyVault', 'sql', 'cosmosDb', 'eventHubs', 'serviceBus', 'appService', 'containerRegistry'] as const
    ).filter((service) => serviceEndpointFacts(service).bypassFlag),
    ['keyVault', 'sql', 'cosmosDb', 'eventHubs', 'serviceBus'],
  );
  assert.equal(serviceEndpointFacts('containerRegistry').publicCloudOnly, true);
});

test('overriding settings (FACTS §9.3): enum values exactly, Key Vault case-insensitively, Event Hubs from API 2021-06-01', () => {
  const [storageAccess, storageDefault] = ineffectiveSettings('storage');
  assert.equal(makesRulesIneffective(storageAccess, 'Disabled', '2026-04-01'), true);
  assert.equal(makesRulesIneffective(storageAccess, 'disabled', '2026-04-01'), false);
  assert.equal(makesRulesIneffective(storageAccess, 'SecuredByPerimeter', '2026-04-01'), false);
  assert.equal(makesRulesIneffective(storageDefault, 'Allow', undefined), true);
  const [vaultAccess] = ineffectiveSettings('keyVault');
  assert.equal(makesRulesIneffective(vaultAccess, 'disabled', '2026-02-01'), true);
  const eventHubsDefault = ineffectiveSettings('eventHubs').find((setting) => setting.setting === 'defaultAction')!;
  assert.equal(makesRulesIneffective(eventHubsDefault, 'Allow', '2021-06-01-preview'), true);
  assert.equal(makesRulesIneffective(eventHubsDefault, 'Allow', '2021-01-01-preview'), false);
  assert.equal(
    makesRulesIneffective(eventHubsDefault, 'Allow', undefined),
    false,
    'an unknown API version is not judged',
  );
  assert.deepEqual(
    ineffectiveSettings('containerRegistry'),
    [],
    'FACTS §9.3 states no override for Container Registry',
  );
  assert.deepEqual(
    ineffectiveSettings('sql').map((setting) => setting.rules),
    ['vnet'],
    'SQL: only virtual network rules',
  );
});
