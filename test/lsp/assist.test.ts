// Completion and hover through the built server over stdio on examples/: group ids, policy values, peering
// flags and zone names complete where they are typed; endpoints, subnets, peerings and zones hover with
// what the model knows across modules. ARM templates are opened with a small edit made in the editor only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../support/lsp-client';
import { repoRoot } from '../support/paths';

const examples = path.join(repoRoot, 'examples');
const uriOf = (relative: string) => pathToFileURL(path.join(examples, relative)).href;
const read = (relative: string) => fs.readFileSync(path.join(examples, relative), 'utf8');

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The offset just after the `nth` occurrence of `marker` (1-based), plus `delta`. */
function offsetAfter(text: string, marker: string, delta = 0, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(marker, at + 1);
  assert.ok(at >= 0, `${marker} is in the text`);
  return at + marker.length + delta;
}

describe('completion and hover over stdio on examples/', () => {
  let session: LspSession;
  const opened = new Map<string, string>();

  async function open(
    relative: string,
    text = read(relative),
    languageId = relative.endsWith('.json') ? 'json' : 'bicep',
  ): Promise<string> {
    const uri = uriOf(relative);
    if (opened.has(uri)) {
      void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await session.nextDiagnostics(uri);
    }
    opened.set(uri, text);
    void session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    await session.nextDiagnostics(uri);
    return uri;
  }

  async function completion(relative: string, offset: number): Promise<CompletionItem[]> {
    const uri = uriOf(relative);
    const result = await session.connection.sendRequest<CompletionItem[] | CompletionList | null>(
      'textDocument/completion',
      {
        textDocument: { uri },
        position: positionAt(opened.get(uri)!, offset),
      },
    );
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async function hover(relative: string, offset: number): Promise<string | undefined> {
    const uri = uriOf(relative);
    const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionAt(opened.get(uri)!, offset),
    });
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  before(async () => {
    session = await startServer(pathToFileURL(examples).href);
    for (const file of ['main.bicep', 'modules/data.bicep', 'modules/spoke.bicep', 'modules/private-dns.bicep'])
      await open(file);
  });

  after(async () => {
    if (session.child.exitCode === null) await session.close();
  });

  test('completes the group ids of the endpoint target inside groupIds (storage, Key Vault)', async () => {
    const text = opened.get(uriOf('modules/data.bicep'))!;
    const blob = await completion('modules/data.bicep', offsetAfter(text, "groupIds: [\n            'bl"));
    const labels = blob.map((item) => item.label);
    for (const id of ['blob', 'file', 'queue', 'table', 'dfs', 'web']) assert.ok(labels.includes(id), id);
    const item = blob.find((i) => i.label === 'blob')!;
    assert.ok(item.textEdit && 'range' in item.textEdit);
    assert.equal(item.textEdit.newText, "'blob'");
    assert.deepEqual(item.textEdit.range.start, positionAt(text, offsetAfter(text, 'groupIds: [\n            ')));
    const vault = await completion('modules/data.bicep', offsetAfter(text, "groupIds: [\n            'va"));
    assert.deepEqual(
      vault.map((i) => i.label),
      ['vault'],
    );
  });

  test('completes subnet policy values for the API version, and peering flags', async () => {
    const spoke = opened.get(uriOf('modules/spoke.bicep'))!;
    const policies = await completion('modules/spoke.bicep', offsetAfter(spoke, "privateEndpointNetworkPolicies: 'En"));
    assert.deepEqual(
      policies.map((i) => i.label),
      ['Enabled', 'Disabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'],
    );
    const main = opened.get(uriOf('main.bicep'))!;
    const flags = await completion('main.bicep', offsetAfter(main, 'allowGatewayTransit: fa'));
    assert.deepEqual(
      flags.map((i) => i.label),
      ['false', 'true'],
    );
  });

  test('completes privatelink zone names with environment() for storage', async () => {
    const dns = opened.get(uriOf('modules/private-dns.bicep'))!;
    const zones = await completion('modules/private-dns.bicep', offsetAfter(dns, "name: 'privatelink.va"));
    const vault = zones.find((i) => i.label === 'privatelink.vaultcore.azure.net');
    assert.ok(vault, 'the Key Vault zone is offered');
    const blob = zones.find((i) => i.label === 'privatelink.blob.core.windows.net')!;
    assert.equal(blob.textEdit?.newText, "'privatelink.blob.${environment().suffixes.storage}'");
  });

  test('completes in ARM templates: a policy value typed into the subnet of arm/dns.json', async () => {
    const original = read('arm/dns.json');
    const edited = original.replace(
      '"addressPrefix": "[parameters(\'vmSubnetPrefix\')]"',
      '"addressPrefix": "[parameters(\'vmSubnetPrefix\')]",\n              "privateLinkServiceNetworkPolicies": ""',
    );
    assert.notEqual(edited, original);
    await open('arm/dns.json', edited);
    const items = await completion('arm/dns.json', offsetAfter(edited, '"privateLinkServiceNetworkPolicies": "'));
    assert.deepEqual(
      items.map((i) => i.label),
      ['Enabled', 'Disabled'],
    );
    assert.equal(items[1]!.textEdit?.newText, '"Disabled"');
  });

  test('hovers a private endpoint with target, group id, expected zone, zone group and subnet', async () => {
    const data = opened.get(uriOf('modules/data.bicep'))!;
    const blob = await hover('modules/data.bicep', offsetAfter(data, 'resource peStor'));
    assert.match(blob ?? '', /\*\*Private endpoint\*\*/);
    assert.match(blob ?? '', /\(`Microsoft\.Storage\/storageAccounts`\), group id `blob`/);
    assert.match(blob ?? '', /Expected zone\(s\) in AzureCloud:\*\* `privatelink\.blob\.core\.windows\.net`/);
    assert.match(blob ?? '', /`default` → `privatelink\.blob\.core\.windows\.net` \(✓ recommended\)/);
    assert.match(
      blob ?? '',
      /\*\*Subnet:\*\* `snet-private-endpoints` in VNet `vnet-spoke-orders` \(`10\.1\.1\.0\/24`\)/,
    );
    const vault = await hover('modules/data.bicep', offsetAfter(data, 'resource peKey'));
    assert.match(vault ?? '', /`privatelink\.vaultcore\.azure\.net`/);
    assert.match(vault ?? '', /\*\*DNS zone group:\*\* none in the analysed files/);
  });

  test("hovers a private endpoint's target with how its name resolves from each VNet that reaches it", async () => {
    const data = opened.get(uriOf('modules/data.bicep'))!;
    const storage = await hover('modules/data.bicep', offsetAfter(data, 'resource stor'));
    assert.match(storage ?? '', /^\*\*Name resolution\*\* of `st/);
    assert.match(storage ?? '', /- \*\*from `vnet-spoke-orders`:\*\* \*\*private\*\*/);
    assert.match(
      storage ?? '',
      /`private: private IP of 'pe-storders\$\{uniqueString\(…\)\}-blob' \(peStorageBlob\) in 'snet-private-endpoints'`/,
    );
    await open('modules/spoke-reports.bicep');
    const reports = opened.get(uriOf('modules/spoke-reports.bicep'))!;
    const onId = await hover('modules/spoke-reports.bicep', offsetAfter(reports, 'privateLinkServiceId: repo'));
    assert.match(onId ?? '', /- \*\*from `vnet-spoke-reports`:\*\* \*\*public\*\*/);
    assert.match(
      onId ?? '',
      /`public: because zone 'privatelink\.file\.core\.windows\.net' is not linked to 'vnet-hub'`/,
    );
  });

  test('hovers a subnet with its range, usable addresses and endpoints; a peering with its missing reverse', async () => {
    const spoke = opened.get(uriOf('modules/spoke.bicep'))!;
    const subnet = await hover('modules/spoke.bicep', offsetAfter(spoke, 'name: privateEndpointSub'));
    assert.match(subnet ?? '', /\*\*Subnet\*\* `snet-private-endpoints` in VNet `vnet-spoke-orders`/);
    assert.match(subnet ?? '', /`10\.1\.1\.4` to `10\.1\.1\.254`: 251 addresses \(Azure reserves 5\)/);
    assert.match(subnet ?? '', /\*\*Private endpoints \(2\):\*\*/);
    const main = opened.get(uriOf('main.bicep'))!;
    const peering = await hover('main.bicep', offsetAfter(main, 'resource peerHub'));
    assert.match(peering ?? '', /\*\*From → to:\*\* `vnet-hub` → `vnet-spoke-orders`/);
    assert.match(peering ?? '', /\*\*Reverse peering:\*\* ✗ none/);
    assert.match(peering ?? '', /\| `allowForwardedTraffic` \| true \| — \|/);
  });

  test('hovers private DNS zones with links and zone groups, in Bicep and ARM', async () => {
    const dns = opened.get(uriOf('modules/private-dns.bicep'))!;
    const zone = await hover('modules/private-dns.bicep', offsetAfter(dns, 'resource zoneBl'));
    assert.match(zone ?? '', /\*\*Private DNS zone\*\* `privatelink\.blob\.core\.windows\.net`/);
    assert.match(zone ?? '', /\*\*Linked VNets \(2\):\*\* `vnet-hub`, `vnet-spoke-orders`/);
    assert.match(zone ?? '', /\*\*Used by zone groups \(1\):\*\* `default` of `peStorageBlob`/);
    await open('arm/dns.json');
    const text = read('arm/dns.json');
    const armZone = await hover('arm/dns.json', offsetAfter(text, '"type": "Microsoft.Network/privateDns'));
    assert.match(armZone ?? '', /\*\*Private DNS zone\*\* `contoso\.internal`/);
    assert.match(armZone ?? '', /\*\*Linked VNets \(1\):\*\* `vnet-mgmt` \(auto-registration\)/);
  });

  test('shuts down cleanly with no handler errors logged', async () => {
    assert.equal(await session.close(), 0);
    assert.doesNotMatch(session.stderr(), /Error/);
  });
});
