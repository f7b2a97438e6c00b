// Peering, private DNS, zone group, route and API version facts, and the run-time reader of types.json.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  compareApiVersions,
  isApiVersionAtLeast,
  latestStableApiVersion,
  parseApiVersion,
} from '../../server/src/facts/api-versions';
import {
  mirrorPeeringFlags,
  peeringNamePattern,
  peeringRules,
  reversePeeringFlag,
} from '../../server/src/facts/peering';
import { isGlobalLocation, resolutionPolicy, vnetLinkRules } from '../../server/src/facts/private-dns';
import { defaultZoneGroupName, zoneConfigName, zoneGroupLimits } from '../../server/src/facts/private-endpoint';
import { resourceTypesJsonText } from '../../server/src/facts/resource-types';
import {
  declaredApiVersions,
  enumValues,
  hasProperty,
  isDeclared,
  propertyInfo,
} from '../../server/src/facts/type-facts';
import { repoRoot } from '../support/paths';

test('the generated types.json is current (run: node --import tsx scripts/write-types.ts)', () => {
  const file = fs.readFileSync(path.join(repoRoot, 'server/src/facts/generated/types.json'), 'utf8');
  assert.ok(file === resourceTypesJsonText(), 'server/src/facts/generated/types.json is stale');
});

test('a reverse peering mirrors access and forwarding and swaps the gateway flags', () => {
  assert.equal(reversePeeringFlag('allowGatewayTransit'), 'useRemoteGateways');
  assert.equal(reversePeeringFlag('allowForwardedTraffic'), 'allowForwardedTraffic');
  assert.deepEqual(
    mirrorPeeringFlags({ allowVirtualNetworkAccess: true, allowForwardedTraffic: false, useRemoteGateways: true }),
    {
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
      allowGatewayTransit: true,
    },
  );
  assert.equal(peeringRules.maxUseRemoteGatewaysPerVnet, 1);
  assert.ok(peeringNamePattern.test('hub-to-spoke_1'));
  assert.ok(peeringNamePattern.test('a'));
  assert.ok(!peeringNamePattern.test('hub-to-spoke-'));
  assert.ok(!peeringNamePattern.test('x'.repeat(81)));
});

test('private DNS: global location, link limits, zone group limits and names', () => {
  assert.ok(isGlobalLocation('global'));
  assert.ok(isGlobalLocation('Global'));
  assert.ok(!isGlobalLocation('westeurope'));
  assert.equal(vnetLinkRules.maxLinksPerZoneAndVnet, 1);
  assert.equal(resolutionPolicy.since, '2024-06-01');
  assert.deepEqual(zoneGroupLimits, { maxGroupsPerEndpoint: 1, maxConfigsPerGroup: 5 });
  assert.equal(defaultZoneGroupName, 'default');
  assert.equal(zoneConfigName('privatelink.blob.core.windows.net'), 'privatelink-blob-core-windows-net');
});

test('API versions: newest stable per type and comparisons', () => {
  assert.equal(latestStableApiVersion('microsoft.network/PRIVATEENDPOINTS'), '2025-09-01');
  assert.equal(latestStableApiVersion('Microsoft.Network/privateDnsZones/virtualNetworkLinks'), '2024-06-01');
  assert.equal(latestStableApiVersion('Microsoft.KeyVault/vaults'), '2026-02-01');
  assert.equal(latestStableApiVersion('Microsoft.Example/things'), undefined);
  assert.deepEqual(parseApiVersion('2021-06-01-preview'), { date: '2021-06-01', suffix: 'preview' });
  assert.equal(parseApiVersion('v1'), undefined);
  assert.equal(isApiVersionAtLeast('2023-11-01', '2023-09-01'), true);
  assert.equal(isApiVersionAtLeast('2023-06-01', '2023-09-01'), false);
  assert.equal(isApiVersionAtLeast('2024-01-01-preview', '2023-09-01'), 'unknown');
  assert.ok(compareApiVersions('2023-09-01', '2023-09-01-preview') > 0);
  assert.ok(compareApiVersions('2020-07-01', '2023-11-01') < 0);
  assert.deepEqual(['2023-11-01', 'x', '2020-07-01'].sort(compareApiVersions), ['2020-07-01', '2023-11-01', 'x']);
});

test('types.json reader: declared versions, paths through arrays, enums and flags', () => {
  const peering = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
  assert.deepEqual(declaredApiVersions(peering), ['2020-07-01', '2023-11-01', '2025-09-01']);
  assert.equal(hasProperty(peering, '2020-07-01', 'properties.peerCompleteVnets'), false);
  assert.equal(hasProperty(peering, '2023-11-01', 'properties.peerCompleteVnets'), true);
  assert.equal(hasProperty(peering, '2022-01-01', 'properties.peerCompleteVnets'), undefined);
  assert.equal(
    propertyInfo(
      'microsoft.network/VIRTUALNETWORKS',
      '2025-09-01',
      'properties.subnets[*].properties.networkSecurityGroup.id',
    )?.kind,
    'string',
  );
  assert.equal(
    propertyInfo(
      'Microsoft.Network/privateEndpoints',
      '2025-09-01',
      'properties.privateLinkServiceConnections.properties.groupIds',
    )?.kind,
    'array',
  );
  assert.equal(propertyInfo('Microsoft.Network/privateDnsZones', '2024-06-01', 'name')?.flags, 1);
  assert.deepEqual(
    enumValues('Microsoft.Network/privateDnsZones/virtualNetworkLinks', '2024-06-01', 'properties.resolutionPolicy'),
    {
      values: ['Default', 'NxDomainRedirect'],
      open: true,
    },
  );
  assert.equal(
    enumValues('Microsoft.Network/privateDnsZones/virtualNetworkLinks', '2020-06-01', 'properties.resolutionPolicy'),
    undefined,
  );
  assert.ok(
    enumValues('Microsoft.Network/routeTables/routes', '2025-09-01', 'properties.nextHopType')?.values.includes(
      'VirtualApplianceEcmp',
    ),
  );
  assert.ok(
    !enumValues('Microsoft.Network/routeTables/routes', '2023-11-01', 'properties.nextHopType')?.values.includes(
      'VirtualApplianceEcmp',
    ),
  );
  assert.ok(isDeclared('Microsoft.KeyVault/vaults', '2026-02-01'));
  assert.ok(!isDeclared('Microsoft.KeyVault/vaults', '2023-07-01'));
});
