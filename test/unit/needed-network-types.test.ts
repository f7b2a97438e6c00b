// Which Microsoft.Network types the analysis evaluates on its own (engine/network-types-read.ts):
// those some reader names, and no other. A module declaring only unread network types (public IPs,
// public DNS records, load balancers…) builds no model; one declaring a read type still does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeDocuments } from '../../server/src/engine/analyze';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { networkPropertiesRead, networkTypesRead } from '../../server/src/engine/network-types-read';
import { Workspace } from '../../server/src/engine/workspace';
import { declaresNothingNeeded } from '../../server/src/evaluate/arm/skim';
import { groupIdTypes, publicAccessTypes } from '../../server/src/facts';
import { routeServerTypes } from '../../server/src/facts/peering-hubs';
import { networkRuleTypes } from '../../server/src/model';
import { repoRoot } from '../support/paths';

const listFile = path.join(repoRoot, 'server/src/engine/network-types-read.ts');

/** Every `Microsoft.Network/...` type written in the TypeScript under `folder`, lower case, with where. */
function networkTypesNamedUnder(folder: string): Map<string, string> {
  const named = new Map<string, string>();
  for (const file of fs.readdirSync(folder, { recursive: true }).map(String)) {
    const full = path.join(folder, file);
    if (!file.endsWith('.ts') || full === listFile) continue;
    for (const match of fs.readFileSync(full, 'utf8').matchAll(/microsoft\.network\/[a-z0-9/]*[a-z0-9]/gi))
      named.set(match[0].toLowerCase(), path.relative(repoRoot, full));
  }
  return named;
}

test('every Microsoft.Network type a server or webview source names is needed', () => {
  const named = new Map([
    ...networkTypesNamedUnder(path.join(repoRoot, 'server/src')),
    ...networkTypesNamedUnder(path.join(repoRoot, 'client/webview')),
  ]);
  assert.ok(named.size > 10, 'the scan finds the readers');
  for (const [type, where] of named) assert.ok(needsResourceType(type), `${where} names ${type}, which is not needed`);
});

test('every type on the list is named by some source (no entry outlives its reader)', () => {
  const named = networkTypesNamedUnder(path.join(repoRoot, 'server/src'));
  for (const type of Object.keys(networkTypesRead)) assert.ok(named.has(type), `nothing names ${type}`);
});

test('a type read in part is a read type, and some server source names each key read', () => {
  const sources = fs
    .readdirSync(path.join(repoRoot, 'server/src'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && path.join(repoRoot, 'server/src', file) !== listFile)
    .map((file) => fs.readFileSync(path.join(repoRoot, 'server/src', file), 'utf8'))
    .join('\n');
  for (const [type, keys] of Object.entries(networkPropertiesRead)) {
    assert.ok(type in networkTypesRead, `${type} is read`);
    for (const key of keys) assert.ok(new RegExp(`\\b${key}\\b`).test(sources), `nothing names ${type} ${key}`);
  }
});

test('each needed network type brings its parent types, and route servers stay needed (they silence a rule)', () => {
  for (const type of [...Object.keys(networkTypesRead), ...routeServerTypes]) {
    const segments = type.split('/');
    for (let length = 2; length <= segments.length; length++)
      assert.ok(needsResourceType(segments.slice(0, length).join('/')), `${type}: parent ${length}`);
  }
});

test('unread network types are not needed; read ones are, also as written and when existing', () => {
  for (const type of [
    'Microsoft.Network/publicIPAddresses',
    'Microsoft.Network/dnsZones',
    'Microsoft.Network/dnsZones/A',
    'Microsoft.Network/loadBalancers',
    'Microsoft.Network/natGateways',
    'Microsoft.Network/firewallPolicies',
    'Microsoft.Network/privateDnsZones/CNAME',
  ])
    assert.equal(needsResourceType(type), false, type);
  for (const type of ['Microsoft.Network/virtualNetworks', 'Microsoft.Network/privateDnsZones/A'])
    assert.equal(needsResourceType(type, true), true, type);
});

test('a needed type is needed however it is written (the first look at a few characters never says no to one)', () => {
  const needed = [
    ...Object.keys(networkTypesRead),
    ...groupIdTypes(),
    ...publicAccessTypes,
    ...networkRuleTypes,
  ].flatMap((type) =>
    type
      .split('/')
      .map((_, i, segments) => segments.slice(0, i + 1).join('/'))
      .slice(1),
  );
  assert.ok(needed.length > 100);
  for (const type of needed) {
    const network = type.toLowerCase().startsWith('microsoft.network/');
    // The Kelvin sign lower-cases to `k` (toLowerCase), as in `Microsoft.Networ\u212a/…`.
    for (const written of [type, type.toLowerCase(), type.toUpperCase(), type.replace(/k/gi, '\u212a')]) {
      assert.equal(needsResourceType(written), true, written);
      assert.equal(needsResourceType(written, true), network, `${written} existing`);
    }
  }
  for (const type of [
    'Microsoft.Resources/deployments',
    'Microsoft.Authorization/locks',
    'microsoft.storage/storageaccountz',
  ])
    assert.equal(needsResourceType(type), false, type);
});

const publicOnly = `param location string = resourceGroup().location

resource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'pip-web'
  location: location
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}

resource zone 'Microsoft.Network/dnsZones@2018-05-01' = {
  name: 'contoso.com'
  location: 'global'
}

resource record 'Microsoft.Network/dnsZones/A@2018-05-01' = {
  parent: zone
  name: 'www'
  properties: { TTL: 300, targetResource: { id: ip.id } }
}
`;

const privateZone = `resource blobZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
`;

async function resourcesOf(text: string): Promise<number> {
  const uri = 'file:///w/main.bicep';
  const workspace = new Workspace({ readFile: async () => undefined });
  workspace.setFile(uri, text);
  const results = await workspace.evaluate();
  return results.reduce((count, result) => count + result.resources.length, 0);
}

test('a Bicep module of public IPs and public DNS records evaluates no resource; a private DNS zone is one', async () => {
  assert.equal(await resourcesOf(publicOnly), 0);
  assert.equal(await resourcesOf(publicOnly + privateZone), 1);
});

test('an ARM template of a public IP is not read; one with a route table is', () => {
  const template = (type: string) =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type, apiVersion: '2023-09-01', name: 'x', location: 'westeurope', properties: {} }],
    });
  assert.equal(declaresNothingNeeded(template('Microsoft.Network/publicIPAddresses'), needsResourceType), true);
  assert.equal(declaresNothingNeeded(template('Microsoft.Network/routeTables'), needsResourceType), false);
});

/** A hub with a gateway, and a spoke peering that uses it; `chain` orders the peering after a public IP that waits for the gateway. */
function gatewayOrderTemplate(chain: boolean): string {
  const id = (type: string, ...names: string[]) =>
    `[resourceId('Microsoft.Network/${type}', ${names.map((name) => `'${name}'`).join(', ')})]`;
  const base = { apiVersion: '2023-09-01', location: 'westeurope' };
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        ...base,
        type: 'Microsoft.Network/virtualNetworks',
        name: 'hub',
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          subnets: [{ name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/24' } }],
        },
      },
      {
        ...base,
        type: 'Microsoft.Network/virtualNetworks',
        name: 'spoke',
        properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } },
      },
      {
        ...base,
        type: 'Microsoft.Network/virtualNetworkGateways',
        name: 'gw',
        dependsOn: [id('virtualNetworks', 'hub')],
        properties: {
          gatewayType: 'Vpn',
          ipConfigurations: [
            { name: 'c', properties: { subnet: { id: id('virtualNetworks/subnets', 'hub', 'GatewaySubnet') } } },
          ],
        },
      },
      {
        ...base,
        type: 'Microsoft.Network/publicIPAddresses',
        name: 'pip',
        dependsOn: [id('virtualNetworkGateways', 'gw')],
        properties: { publicIPAllocationMethod: 'Static' },
      },
      {
        apiVersion: base.apiVersion,
        type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        name: 'spoke/to-hub',
        dependsOn: [...(chain ? [id('publicIPAddresses', 'pip')] : []), id('virtualNetworks', 'spoke')],
        properties: { useRemoteGateways: true, remoteVirtualNetwork: { id: id('virtualNetworks', 'hub') } },
      },
    ],
  });
}

test('a dependsOn chain through an unread network resource (a public IP) still orders a peering after its gateway', async () => {
  const ruleIds = async (chain: boolean) => {
    const documents = [{ uri: 'file:///w/hub.json', text: gatewayOrderTemplate(chain) }];
    const result = await analyzeDocuments(documents, { readFile: async () => undefined });
    return result.findings.map((finding) => finding.ruleId);
  };
  assert.ok((await ruleIds(false)).includes('peering-remote-gateway-order'), 'without the chain: reported');
  assert.ok(!(await ruleIds(true)).includes('peering-remote-gateway-order'), 'through the public IP: ordered');
});
