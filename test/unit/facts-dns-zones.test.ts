// The private DNS zone tables and their lookups: per cloud, case-insensitive, multi-zone group ids,
// placeholders, legacy names, records, unverified rows, and the zone names fixes write.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { bicepZoneNameExpression, clouds, parseCloud, type Cloud } from '../../server/src/facts/cloud';
import {
  classifyZone,
  expectedZones,
  fillZoneName,
  isPrivatelinkZoneName,
  missingRequiredZones,
  targetsUsingZone,
  zoneNameMatches,
  zonesForNewGroup,
  zoneTables,
} from '../../server/src/facts/dns-zones';
import { zoneGroupLimits } from '../../server/src/facts/private-endpoint';
import { placeholderKinds, placeholdersOf } from '../../server/src/facts/zone-table';
import { sharedRoot } from '../support/paths';

interface SharedEntry {
  resourceType: string;
  groupId: string;
  zones: Record<'public' | 'usgov' | 'china', string[]>;
  chinaUnverified?: { zones: string[] };
  inferred?: string[];
}

const shared: SharedEntry[] = JSON.parse(
  fs.readFileSync(path.join(sharedRoot, 'azure/dns-zones.json'), 'utf8'),
).entries;
const cloudKey: Record<Cloud, 'public' | 'usgov' | 'china'> = {
  AzureCloud: 'public',
  AzureUSGovernment: 'usgov',
  AzureChinaCloud: 'china',
};
// FACTS App. A #35 flags this row as a suspected doc typo ("flag, don't enforce"); dns-zones.json keeps it plain.
const extraUnverified = new Set(['AzureUSGovernment|microsoft.devices/iothubs|iothub']);

test('the tables hold exactly the zones and verified flags of dns-zones.json, per cloud', () => {
  assert.equal(shared.length, 104);
  for (const cloud of clouds) {
    let rows = 0;
    for (const entry of shared) {
      const unverifiedChina = cloud === 'AzureChinaCloud' && entry.zones.china.length === 0 && entry.chinaUnverified;
      const zones = unverifiedChina ? entry.chinaUnverified!.zones : entry.zones[cloudKey[cloud]];
      const found = expectedZones(cloud, entry.resourceType, entry.groupId, { includeUnverified: true });
      if (zones.length === 0) {
        assert.equal(found, undefined, `${cloud} ${entry.resourceType} ${entry.groupId}: no zone expected`);
        continue;
      }
      rows++;
      assert.ok(found, `${cloud} ${entry.resourceType} ${entry.groupId} missing`);
      for (const zone of zones)
        assert.ok(
          found.zones.some((z) => z.name === zone),
          `${cloud} ${entry.groupId}: ${zone}`,
        );
      const unverified =
        Boolean(unverifiedChina) ||
        (entry.inferred ?? []).includes(cloudKey[cloud]) ||
        extraUnverified.has(`${cloud}|${entry.resourceType.toLowerCase()}|${entry.groupId.toLowerCase()}`);
      assert.equal(found.verified, !unverified, `${cloud} ${entry.resourceType} ${entry.groupId} verified flag`);
    }
    const tableGroupIds = zoneTables[cloud].reduce((n, row) => n + row.groupIds.length, 0);
    assert.equal(tableGroupIds, rows, `${cloud}: every table group id comes from dns-zones.json`);
  }
});

test('table invariants: lower-case names, known placeholders, privatelink labels, required sets fit a zone group', () => {
  for (const cloud of clouds) {
    for (const row of zoneTables[cloud]) {
      for (const name of [...row.zones, ...(row.legacy ?? []).map((l) => l.name)]) {
        const outsidePlaceholders = name.replace(/\{\w+\}/g, '');
        assert.equal(outsidePlaceholders, outsidePlaceholders.toLowerCase(), name);
        assert.ok(isPrivatelinkZoneName(name), `${name} is a privatelink zone`);
        for (const match of name.matchAll(/\{(\w+)\}/g))
          assert.ok((placeholderKinds as readonly string[]).includes(match[1]!), name);
      }
      for (const record of row.records ?? []) assert.ok(row.zones.includes(record), record);
      if (row.needsAll) assert.ok(row.zones.length <= zoneGroupLimits.maxConfigsPerGroup, row.service);
    }
  }
});

test('storage blob resolves to each cloud’s own zone', () => {
  const blob = (cloud: Cloud) =>
    expectedZones(cloud, 'Microsoft.Storage/storageAccounts', 'blob')?.zones.map((z) => z.name);
  assert.deepEqual(blob('AzureCloud'), ['privatelink.blob.core.windows.net']);
  assert.deepEqual(blob('AzureUSGovernment'), ['privatelink.blob.core.usgovcloudapi.net']);
  assert.deepEqual(blob('AzureChinaCloud'), ['privatelink.blob.core.chinacloudapi.cn']);
});

test('type, group id and zone name compare case-insensitively', () => {
  const vault = expectedZones('AzureCloud', 'microsoft.keyvault/VAULTS', 'VAULT');
  assert.ok(vault);
  assert.equal(vault.resourceType, 'Microsoft.KeyVault/vaults');
  assert.equal(vault.groupId, 'vault');
  assert.equal(classifyZone(vault, 'PrivateLink.VaultCore.Azure.NET').kind, 'recommended');
  assert.equal(classifyZone(vault, 'privatelink.vault.azure.net').kind, 'not-recommended');
  assert.ok(expectedZones('AzureChinaCloud', 'Microsoft.SignalRService/signalR', 'signalr'));
});

test('Azure Monitor private link scope needs all 5 zones in AzureCloud, not in US Government (6 zones)', () => {
  const ampls = expectedZones('AzureCloud', 'Microsoft.Insights/privateLinkScopes', 'azuremonitor')!;
  assert.equal(ampls.needsAll, 'verified');
  assert.equal(ampls.zones.length, 5);
  const four = ampls.zones.slice(0, 4).map((z) => z.name);
  assert.deepEqual(
    missingRequiredZones(ampls, four).map((z) => z.name),
    ['privatelink.blob.core.windows.net'],
  );
  assert.deepEqual(
    missingRequiredZones(
      ampls,
      ampls.zones.map((z) => z.name.toUpperCase()),
    ),
    [],
  );
  const gov = expectedZones('AzureUSGovernment', 'Microsoft.Insights/privateLinkScopes', 'azuremonitor')!;
  assert.equal(gov.zones.length, 6);
  assert.equal(gov.needsAll, false);
  assert.deepEqual(missingRequiredZones(gov, []), []);
  assert.equal(zonesForNewGroup(gov), undefined, 'six zones do not fit one zone group');
});

test('inferred multi-zone sets never count as certainly incomplete', () => {
  const adx = expectedZones('AzureCloud', 'Microsoft.Kusto/clusters', 'cluster')!;
  assert.equal(adx.needsAll, 'inferred');
  assert.deepEqual(missingRequiredZones(adx, []), []);
  const cognitive = expectedZones('AzureCloud', 'Microsoft.CognitiveServices/accounts', 'account')!;
  assert.equal(cognitive.needsAll, false);
  assert.deepEqual(missingRequiredZones(cognitive, ['privatelink.cognitiveservices.azure.com']), []);
});

test('placeholders match exactly one DNS label', () => {
  const adx = expectedZones('AzureCloud', 'Microsoft.Kusto/Clusters', 'cluster')!;
  assert.equal(classifyZone(adx, 'privatelink.westeurope.kusto.windows.net').kind, 'recommended');
  assert.equal(classifyZone(adx, 'privatelink.kusto.windows.net').kind, 'not-recommended');
  assert.equal(classifyZone(adx, 'privatelink.a.b.kusto.windows.net').kind, 'not-recommended');
  assert.ok(zoneNameMatches('privatelink.{dnsPrefix}.database.windows.net', 'privatelink.abc123.database.windows.net'));
  assert.deepEqual(placeholdersOf('{subzone}.privatelink.{regionName}.azmk8s.io'), ['subzone', 'regionName']);
  assert.equal(
    fillZoneName('privatelink.{region}.prometheus.monitor.azure.com', { regionName: 'EastUS' }),
    'privatelink.eastus.prometheus.monitor.azure.com',
  );
  assert.equal(fillZoneName('privatelink.{regionName}.azmk8s.io', {}), undefined);
  assert.equal(fillZoneName('privatelink.{regionName}.azmk8s.io', { regionName: 'east.us' }), undefined);
});

test('legacy names are recognised per cloud, with their replacement', () => {
  const batch = expectedZones('AzureCloud', 'Microsoft.Batch/batchAccounts', 'nodeManagement')!;
  const verdict = classifyZone(batch, 'westeurope.service.privatelink.batch.azure.com');
  assert.equal(verdict.kind, 'legacy');
  assert.equal(verdict.kind === 'legacy' && verdict.legacy.replacedBy, 'privatelink.batch.azure.com');
  const search = expectedZones('AzureUSGovernment', 'Microsoft.Search/searchServices', 'searchService')!;
  assert.equal(classifyZone(search, 'privatelink.search.windows.us').kind, 'legacy');
  const commercialSearch = expectedZones('AzureCloud', 'Microsoft.Search/searchServices', 'searchService')!;
  assert.equal(classifyZone(commercialSearch, 'privatelink.search.windows.us').kind, 'not-recommended');
});

test('record names are accepted but never created', () => {
  const acr = expectedZones('AzureCloud', 'Microsoft.ContainerRegistry/registries', 'registry')!;
  const verdict = classifyZone(acr, 'eastus.data.privatelink.azurecr.io');
  assert.ok(verdict.kind === 'recommended' && verdict.zone.record);
  assert.deepEqual(zonesForNewGroup(acr, { regionName: 'eastus' }), ['privatelink.azurecr.io']);
  const web = expectedZones('AzureCloud', 'Microsoft.Web/sites', 'sites')!;
  assert.deepEqual(zonesForNewGroup(web), ['privatelink.azurewebsites.net']);
});

test('zones for a new zone group: placeholders need values, ambiguity blocks', () => {
  const adx = expectedZones('AzureCloud', 'Microsoft.Kusto/Clusters', 'cluster')!;
  assert.equal(zonesForNewGroup(adx), undefined);
  assert.deepEqual(zonesForNewGroup(adx, { regionName: 'westeurope' }), [
    'privatelink.westeurope.kusto.windows.net',
    'privatelink.blob.core.windows.net',
    'privatelink.queue.core.windows.net',
    'privatelink.table.core.windows.net',
  ]);
  const aks = expectedZones('AzureCloud', 'Microsoft.ContainerService/managedClusters', 'management')!;
  assert.deepEqual(zonesForNewGroup(aks, { regionName: 'eastus' }), ['privatelink.eastus.azmk8s.io']);
  const redis = expectedZones('AzureCloud', 'Microsoft.Cache/redisEnterprise', 'redisEnterprise')!;
  assert.equal(redis.ambiguous, true);
  assert.equal(classifyZone(redis, 'privatelink.redis.azure.net').kind, 'recommended');
  assert.equal(classifyZone(redis, 'privatelink.redisenterprise.cache.azure.net').kind, 'recommended');
  assert.equal(zonesForNewGroup(redis), undefined);
  assert.equal(
    zonesForNewGroup(expectedZones('AzureCloud', 'Microsoft.CognitiveServices/accounts', 'account')!)?.length,
    3,
  );
});

test('unverified rows are hidden unless asked for', () => {
  assert.equal(expectedZones('AzureChinaCloud', 'Microsoft.ContainerRegistry/registries', 'registry'), undefined);
  const acr = expectedZones('AzureChinaCloud', 'Microsoft.ContainerRegistry/registries', 'registry', {
    includeUnverified: true,
  });
  assert.equal(acr?.verified, false);
  assert.equal(expectedZones('AzureCloud', 'Microsoft.Storage/storageAccounts', 'file_secondary'), undefined);
  assert.ok(expectedZones('AzureUSGovernment', 'Microsoft.Storage/storageAccounts', 'file_secondary'));
  assert.equal(expectedZones('AzureUSGovernment', 'Microsoft.Devices/IotHubs', 'iotHub'), undefined);
});

test('unknown types and group ids have no expectation', () => {
  assert.equal(expectedZones('AzureCloud', 'Microsoft.Web/sites', 'sites-staging'), undefined);
  assert.equal(expectedZones('AzureCloud', 'Microsoft.Network/privateLinkServices', ''), undefined);
  assert.equal(
    expectedZones('AzureUSGovernment', 'Microsoft.ContainerService/managedClusters', 'management'),
    undefined,
  );
});

test('privatelink zone names and the targets that use a zone', () => {
  assert.ok(isPrivatelinkZoneName('privatelink-global.wvd.microsoft.com'));
  assert.ok(isPrivatelinkZoneName('PRIVATELINK.contoso.com'));
  assert.ok(!isPrivatelinkZoneName('contoso.com'));
  assert.ok(!isPrivatelinkZoneName('myprivatelink.contoso.com'));
  const blobUsers = targetsUsingZone('AzureCloud', 'privatelink.blob.core.windows.net').map(
    (t) => `${t.resourceType}|${t.groupId}`,
  );
  for (const user of [
    'Microsoft.Storage/storageAccounts|blob',
    'Microsoft.Compute/diskAccesses|disks',
    'Microsoft.Insights/privateLinkScopes|azuremonitor',
  ]) {
    assert.ok(blobUsers.includes(user), user);
  }
  assert.deepEqual(targetsUsingZone('AzureCloud', 'scm.privatelink.azurewebsites.net'), []);
});

test('clouds and the zone names Bicep fixes write', () => {
  assert.equal(parseCloud('azureusgovernment'), 'AzureUSGovernment');
  assert.equal(parseCloud('AzureGermanCloud'), undefined);
  assert.equal(
    bicepZoneNameExpression('AzureCloud', 'privatelink.blob.core.windows.net'),
    "'privatelink.blob.${environment().suffixes.storage}'",
  );
  assert.equal(
    bicepZoneNameExpression('AzureCloud', 'privatelink.dfs.core.windows.net'),
    "'privatelink.dfs.${environment().suffixes.storage}'",
  );
  assert.equal(
    bicepZoneNameExpression('AzureCloud', 'privatelink.vaultcore.azure.net'),
    "'privatelink.vaultcore.azure.net'",
  );
  assert.equal(
    bicepZoneNameExpression('AzureCloud', 'privatelink.database.windows.net'),
    "'privatelink${environment().suffixes.sqlServerHostname}'",
  );
  assert.equal(
    bicepZoneNameExpression('AzureUSGovernment', 'privatelink.blob.core.usgovcloudapi.net'),
    "'privatelink.blob.core.usgovcloudapi.net'",
  );
});
