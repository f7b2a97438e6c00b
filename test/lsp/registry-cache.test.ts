// The language server reads Bicep's restore cache (FACTS §16) though it lies outside the workspace
// folders (issue 15): a private endpoint deployed through a registry module that only the cache
// knows (no interface model covers its version) gets its finding in the editor. The cache is built
// at test time, under a temporary HOME, from the corpus's compiled AVM module.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../support/lsp-client';
import { corpusRoot } from '../support/paths';

const main = `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [{ name: 'snet-pe', properties: { addressPrefix: '10.0.1.0/24' } }]
  }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-demo'
  location: 'westeurope'
  properties: { tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' }, publicNetworkAccess: 'Disabled' }
}

// 0.13.0 is past the versions the interface model was checked for: only the cache says what it deploys.
module pe 'br/public:avm/res/network/private-endpoint:0.13.0' = {
  name: 'pe'
  params: {
    name: 'pe-kv'
    subnetResourceId: vnet.properties.subnets[0].id
    privateLinkServiceConnections: [
      { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: ['vault'] } }
    ]
  }
}
`;

let root: string;
before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-lsp-cache-')));
  const cached = path.join(root, 'home/.bicep/br/mcr.microsoft.com/bicep$avm$res$network$private-endpoint/0.13.0$');
  fs.mkdirSync(cached, { recursive: true });
  fs.copyFileSync(
    path.join(corpusRoot, 'broad/Azure__bicep-registry-modules/avm/res/network/private-endpoint/main.json'),
    path.join(cached, 'main.json'),
  );
  fs.mkdirSync(path.join(root, 'ws'));
  fs.writeFileSync(path.join(root, 'ws/main.bicep'), main);
  fs.mkdirSync(path.join(root, 'empty-home'));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** The diagnostics main.bicep settles on, with the server's HOME at `home`. */
async function diagnosticsWithHome(home: string): Promise<PublishDiagnosticsParams> {
  const saved = process.env.HOME;
  process.env.HOME = home; // the server is spawned with this environment
  let session: LspSession | undefined;
  try {
    session = await startServer(pathToFileURL(path.join(root, 'ws')).href);
    const uri = pathToFileURL(path.join(root, 'ws/main.bicep')).href;
    void session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'bicep', version: 1, text: main },
    });
    let last = await session.nextDiagnostics(uri, 20_000);
    // Later publications (the workspace scan) may follow the first; take the last within a moment.
    for (;;) {
      const next = await Promise.race([
        session.nextDiagnostics(uri, 20_000),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1500)),
      ]);
      if (!next) return last;
      last = next;
    }
  } finally {
    process.env.HOME = saved;
    await session?.close();
  }
}

test(
  'an AVM endpoint only the restore cache describes gets its finding in the editor, at the module call',
  { timeout: 90_000 },
  async () => {
    const published = await diagnosticsWithHome(path.join(root, 'home'));
    const finding = published.diagnostics.find((d) => d.code === 'pe-dns-zone-group-missing');
    assert.ok(finding, `found: ${published.diagnostics.map((d) => d.code).join(', ')}`);
    assert.equal(finding.range.start.line, 16, 'at the module call in the caller');
    assert.match(String(finding.message), /'pe-kv'/);
  },
);

test('without the cache the same call stays unseen, and says so', { timeout: 90_000 }, async () => {
  const published = await diagnosticsWithHome(path.join(root, 'empty-home'));
  assert.equal(
    published.diagnostics.some((d) => d.code === 'pe-dns-zone-group-missing'),
    false,
  );
  assert.ok(
    published.diagnostics.some((d) => /bicep restore/.test(String(d.message))),
    `the unseen-module notice: ${published.diagnostics.map((d) => d.message).join(' | ')}`,
  );
});
