// The resolution explainer (engine/resolve.ts) on examples/ — every endpoint from every VNet of its
// deployment, answers worked out by hand from the templates and FACTS §1/§5.2 — and on fixtures for
// resolvers, firewalls, unknown servers, FQDNs and zones owned elsewhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveInDocuments, type ResolveOutcome } from '../../server/src/engine';
import { bicepVnet, keyVaultEndpoint, oneLineSubnet } from '../support/bicep-network';
import { fixtureHost, splitFixture } from '../support/fixture';
import { repoRoot } from '../support/paths';

function examplesDocuments() {
  const examples = path.join(repoRoot, 'examples');
  return fs
    .readdirSync(examples, { recursive: true })
    .map(String)
    .sort()
    .filter((file) => /\.(bicep|bicepparam|json)$/.test(file))
    .map((file) => ({
      uri: pathToFileURL(path.join(examples, file)).href,
      text: fs.readFileSync(path.join(examples, file), 'utf8'),
    }));
}

const examplesResolve = (target: string, from: string) =>
  resolveInDocuments(examplesDocuments(), { readFile: async () => undefined }, 'AzureCloud', target, from);

function only(outcome: ResolveOutcome) {
  assert.deepEqual(outcome.problems, []);
  assert.equal(outcome.resolutions.length, 1, JSON.stringify(outcome.resolutions.map((r) => r.answer)));
  return outcome.resolutions[0];
}

const texts = (outcome: ResolveOutcome) => only(outcome).steps.map((step) => `${step.step}: ${step.text}`);

describe('examples/: every endpoint from every VNet', () => {
  // storage (blob): its zone group writes into the blob zone, linked to the hub and to vnet-spoke-orders.
  // keyVault (vault): the vault zone is linked to both, but no zone group writes its record (the planted
  // pe-dns-zone-group-missing). reports (file): the file zone is linked to vnet-spoke-reports only,
  // which asks the hub's forwarder 10.0.2.4 (the planted dns-custom-server-unlinked).
  const expected: [string, string, 'private' | 'public' | 'unknown'][] = [
    ['storage', 'vnet-spoke-orders', 'private'],
    ['storage', 'vnet-hub', 'private'],
    ['storage', 'vnet-spoke-reports', 'unknown'],
    ['keyVault', 'vnet-spoke-orders', 'unknown'],
    ['keyVault', 'vnet-hub', 'unknown'],
    ['keyVault', 'vnet-spoke-reports', 'unknown'],
    ['reports', 'vnet-spoke-orders', 'public'],
    ['reports', 'vnet-hub', 'public'],
    ['reports', 'vnet-spoke-reports', 'public'],
  ];
  for (const [target, from, answer] of expected) {
    test(`${target} from ${from}: ${answer}`, async () => {
      assert.equal(only(await examplesResolve(target, from)).answer, answer);
    });
  }

  test('the blob endpoint from its own VNet: Azure-provided DNS, the linked zone, the zone group, its private IP', async () => {
    assert.deepEqual(texts(await examplesResolve('storage', 'vnet-spoke-orders')), [
      "dns: 'vnet-spoke-orders' uses Azure-provided DNS (168.63.129.16): it answers from the private DNS zones linked to 'vnet-spoke-orders'",
      "zone: group id 'blob' is answered from the private DNS zone 'privatelink.blob.core.windows.net' (FACTS §1)",
      "link: 'privatelink.blob.core.windows.net' is linked to 'vnet-spoke-orders'",
      "record: zone group 'pe-storders${uniqueString(…)}-blob/default' (peStorageBlobDns) of private endpoint 'pe-storders${uniqueString(…)}-blob' (peStorageBlob) writes the A record into it",
      "answer: private: private IP of 'pe-storders${uniqueString(…)}-blob' (peStorageBlob) in 'snet-private-endpoints'",
    ]);
  });

  test('the file endpoint from the reports spoke: custom DNS in the hub, whose VNet the zone is not linked to', async () => {
    const steps = texts(await examplesResolve('reports', 'vnet-spoke-reports'));
    assert.equal(
      steps[0],
      "dns: 'vnet-spoke-reports' uses the custom DNS servers 10.0.2.4: the zones linked to 'vnet-spoke-reports' itself are not asked (FACTS §5.2)",
    );
    assert.match(steps[1], /^server: 10\.0\.2\.4 lies in subnet 'snet-shared' of 'vnet-hub'/);
    assert.equal(
      steps.at(-1),
      "answer: public: because zone 'privatelink.file.core.windows.net' is not linked to 'vnet-hub'",
    );
  });

  test('through the forwarder, a linked zone is private only if the forwarder forwards to Azure-provided DNS', async () => {
    assert.match(
      texts(await examplesResolve('storage', 'vnet-spoke-reports')).at(-1)!,
      /^answer: unknown: the private IP of .* if the forwarder 10\.0\.2\.4 forwards to Azure-provided DNS \(168\.63\.129\.16\)$/,
    );
  });

  test('the vault without a zone group: the linked zone holds no record', async () => {
    assert.match(
      texts(await examplesResolve('keyVault', 'vnet-hub')).at(-2)!,
      /^record: no zone group of an endpoint to it writes into 'privatelink\.vaultcore\.azure\.net'/,
    );
  });

  test('FQDNs: a public forwarder zone (vault.azure.net) or the zone without privatelink. name the same target', async () => {
    const byFqdn = only(await examplesResolve('kv-orders-abc123.vault.azure.net', 'vnet-hub'));
    assert.equal(byFqdn.target, 'kv-orders-abc123.vault.azure.net');
    assert.deepEqual(byFqdn.steps, only(await examplesResolve('keyVault', 'vnet-hub')).steps);
    assert.equal(
      only(await examplesResolve('strepordersxyz.file.core.windows.net', 'vnet-spoke-reports')).answer,
      'public',
    );
  });

  test('a name the files do not hold, or a service suffix the target does not serve, is a problem, not a guess', async () => {
    assert.match(
      (await examplesResolve('storders1.file.core.windows.net', 'vnet-hub')).problems[0],
      /no private endpoint of the analysed files connects to/,
    );
    assert.match(
      (await examplesResolve('storage', 'vnet-nowhere')).problems[0],
      /no virtual network named 'vnet-nowhere'/,
    );
    assert.match((await examplesResolve('storage', 'vnet-mgmt')).problems[0], /in different deployments/);
  });
});

// Fixtures: a spoke on custom DNS whose server is `server`, a Key Vault endpoint there, the zone linked to `linked`.
const vnet = (symbol: string, name: string, octet: number, extra = '', subnet = 'snet-a') =>
  bicepVnet(oneLineSubnet(subnet, `10.${octet}.1.0/24`), {
    symbol,
    name,
    space: `'10.${octet}.0.0/16'`,
    extra: extra ? [extra] : [],
  });
const endpoint = (zone = 'zone.id', ip = '') => `${keyVaultEndpoint('spoke.properties.subnets[0].id', {
  properties: ip
    ? [
        `ipConfigurations: [ { name: 'ip', properties: { groupId: 'vault', memberName: 'default', privateIPAddress: '${ip}' } } ]`,
      ]
    : [],
})}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: ${zone} } } ] }
}
`;
const zone = (linked: string[]) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
${linked
  .map(
    (id, index) => `resource link${index} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link${index}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${id} } }
}
`,
  )
  .join('')}`;
const resolver = `resource resolver 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: 'dnspr-hub'
  location: 'westeurope'
  properties: { virtualNetwork: { id: hub.id } }
}
resource inbound 'Microsoft.Network/dnsResolvers/inboundEndpoints@2025-05-01' = {
  parent: resolver
  name: 'inbound'
  location: 'westeurope'
  properties: { ipConfigurations: [ { privateIpAllocationMethod: 'Static', privateIpAddress: '10.0.1.4', subnet: { id: hub.properties.subnets[0].id } } ] }
}
`;
const customSpoke = (servers = "'10.0.1.4'") =>
  vnet('spoke', 'vnet-spoke', 1, `dhcpOptions: { dnsServers: [ ${servers} ] }`);

async function fixture(code: string, target = 'kv-prod', from = 'vnet-spoke') {
  const files = splitFixture(code);
  const documents = [...files].map(([uri, text]) => ({ uri, text }));
  return only(await resolveInDocuments(documents, fixtureHost(files), 'AzureCloud', target, from));
}

describe('fixtures', () => {
  test('a DNS Private Resolver inbound endpoint in the linked hub: private, with the static IP', async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0) + customSpoke() + resolver + endpoint('zone.id', '10.1.1.10') + zone(['hub.id']),
    );
    assert.equal(resolution.answer, 'private');
    assert.equal(
      resolution.steps[1].text,
      "10.0.1.4 is inbound endpoint 'inbound' of DNS Private Resolver 'dnspr-hub' in 'vnet-hub': it answers from the zones linked to 'vnet-hub'",
    );
    assert.equal(resolution.steps.at(-1)!.text, "private: private IP of 'pe-kv' in 'snet-a' (10.1.1.10)");
    assert.deepEqual(
      { endpoint: resolution.names[0].endpoint, address: resolution.names[0].address },
      { endpoint: 'pe-kv', address: '10.1.1.10' },
    );
  });

  test("the resolver's VNet is not linked, the spoke is: public", async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0) + customSpoke() + resolver + endpoint() + zone(['spoke.id']),
    );
    assert.equal(resolution.answer, 'public');
  });

  test('a server in AzureFirewallSubnet: unknown, the firewall policy decides', async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0, '', 'AzureFirewallSubnet') + customSpoke() + endpoint() + zone(['hub.id']),
    );
    assert.equal(resolution.answer, 'unknown');
    assert.match(resolution.steps[1].text, /firewall DNS proxy forwards where its policy says/);
  });

  test("a forwarder whose own VNet asks another server (a firewall's DNS proxy): unknown, saying so", async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0, "dhcpOptions: { dnsServers: [ '10.9.0.4' ] }") +
        customSpoke() +
        endpoint() +
        zone(['spoke.id']),
    );
    assert.equal(resolution.answer, 'unknown');
    assert.match(
      resolution.steps[1].text,
      /'vnet-hub', which uses the DNS servers 10\.9\.0\.4: a forwarder there may forward to them/,
    );
  });

  test('DNS servers from a parameter: unknown, saying so', async () => {
    const resolution = await fixture(
      `param servers array\n${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1, 'dhcpOptions: { dnsServers: servers }')}${endpoint()}${zone(['hub.id'])}`,
    );
    assert.equal(resolution.answer, 'unknown');
    assert.match(resolution.steps[0].text, /the DNS servers of 'vnet-spoke' are not known/);
  });

  test("168.63.129.16 as the only server is Azure-provided DNS (FACTS §5.2): the spoke's own link answers", async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0) + customSpoke("'168.63.129.16'") + endpoint() + zone(['spoke.id']),
    );
    assert.equal(resolution.answer, 'private');
    assert.match(resolution.steps[0].text, /'vnet-spoke' uses Azure-provided DNS \(168\.63\.129\.16\)/);
  });

  test('a VNet linked to a DNS forwarding ruleset: unknown, saying so', async () => {
    const resolution = await fixture(
      `${vnet('hub', 'vnet-hub', 0)}${vnet('spoke', 'vnet-spoke', 1)}${endpoint()}${zone(['hub.id'])}resource rulesetLink 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2025-05-01' = {
  name: 'dnsfrs-hub/spoke'
  properties: { virtualNetwork: { id: spoke.id } }
}
`,
    );
    assert.equal(resolution.answer, 'unknown');
    assert.ok(
      resolution.steps.some((step) =>
        /'vnet-spoke' may be linked to a DNS forwarding ruleset whose rules send 'privatelink\.vaultcore\.azure\.net' to other servers/.test(
          step.text,
        ),
      ),
    );
  });

  test('a server outside the analysed VNets (on-premises): unknown', async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0) + customSpoke("'192.168.0.4'") + endpoint() + zone(['hub.id']),
    );
    assert.equal(resolution.answer, 'unknown');
    assert.match(resolution.steps[1].text, /192\.168\.0\.4 lies in no virtual network of the analysed files/);
  });

  test('a conditional link may join the zone: unknown', async () => {
    const code = `param linkIt bool\n${vnet('spoke', 'vnet-spoke', 1)}${endpoint()}${zone([])}resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (linkIt) {\n  parent: zone\n  name: 'l'\n  location: 'global'\n  properties: { registrationEnabled: false, virtualNetwork: { id: spoke.id } }\n}\n`;
    assert.equal((await fixture(code)).answer, 'unknown');
  });

  test('a zone declared existing is linked elsewhere: unknown', async () => {
    const code = `${vnet('spoke', 'vnet-spoke', 1)}${endpoint()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n`;
    const resolution = await fixture(code);
    assert.equal(resolution.answer, 'unknown');
    assert.match(resolution.steps.at(-2)!.text, /declared existing: its links may be made elsewhere/);
  });

  test('Azure-provided DNS and a zone linked elsewhere only: public, naming the missing link', async () => {
    const resolution = await fixture(
      vnet('hub', 'vnet-hub', 0) + vnet('spoke', 'vnet-spoke', 1) + endpoint() + zone(['hub.id']),
    );
    assert.equal(resolution.answer, 'public');
    assert.equal(
      resolution.steps.at(-1)!.text,
      "public: because zone 'privatelink.vaultcore.azure.net' is not linked to 'vnet-spoke'",
    );
  });

  test("a zone FACTS writes with a placeholder, linked and written: unknown, since it may be another region's", async () => {
    const code = `resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] }
    subnets: [ { name: 'snet-a', properties: { addressPrefix: '10.1.1.0/24' } } ]
  }
}
resource cluster 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'kusto-prod'
  location: 'westeurope'
  sku: { name: 'Standard_E2ads_v5', tier: 'Standard' }
}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.northeurope.kusto.windows.net'
  location: 'global'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: spoke.id } }
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kusto'
  location: 'westeurope'
  properties: {
    subnet: { id: spoke.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: cluster.id, groupIds: [ 'cluster' ] } } ]
  }
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'z', properties: { privateDnsZoneId: zone.id } } ] }
}
`;
    const outcome = await resolveInDocuments(
      [{ uri: 'file:///w/main.bicep', text: code }],
      { readFile: async () => undefined },
      'AzureCloud',
      'kusto-prod',
      'vnet-spoke',
    );
    const kustoZone = only(outcome).names.find((name) => name.zone === 'privatelink.{regionName}.kusto.windows.net')!;
    assert.equal(kustoZone.answer, 'unknown');
    assert.deepEqual(kustoZone.steps.map((step) => step.text).slice(1), [
      "FACTS §1 writes that zone with a placeholder: whether 'privatelink.northeurope.kusto.windows.net' is the one for this target is not known",
      'unknown: the answer depends on the step above',
    ]);
  });

  test('an ARM template, the target by FQDN', async () => {
    const arm = `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2025-09-01", "name": "vnet-a", "location": "westeurope",
      "properties": { "addressSpace": { "addressPrefixes": [ "10.1.0.0/16" ] }, "subnets": [ { "name": "snet-a", "properties": { "addressPrefix": "10.1.1.0/24" } } ] } },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-kv", "location": "westeurope",
      "properties": { "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-a', 'snet-a')]" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ] } },
    { "type": "Microsoft.Network/privateDnsZones", "apiVersion": "2024-06-01", "name": "privatelink.vaultcore.azure.net", "location": "global" },
    { "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "apiVersion": "2025-09-01", "name": "pe-kv/default",
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } } ] } },
    { "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "apiVersion": "2024-06-01", "name": "privatelink.vaultcore.azure.net/l", "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-a')]" } } }
  ]
}
`;
    const resolution = await fixture(arm, 'kv-prod.vault.azure.net', 'vnet-a');
    assert.equal(resolution.answer, 'private');
    assert.equal(resolution.steps.at(-1)!.text, "private: private IP of 'pe-kv' in 'snet-a'");
  });
});
