// Workspace folders added or removed after start (workspace/didChangeWorkspaceFolders): the index,
// the folder's vnetlens.json and the inside/outside boundary follow, so a folder added later is
// analysed like one opened at start, and a removed folder's files lose their diagnostics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, watchPublished } from '../support/lsp-client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-folders-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

// A private DNS zone outside `global`: a certain dns-zone-location finding.
const zone =
  "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";

test(
  'a folder added after start is indexed and analysed; removed, its files lose their diagnostics',
  { timeout: 60_000 },
  async () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    fs.mkdirSync(first);
    fs.mkdirSync(second);
    fs.writeFileSync(path.join(first, 'main.bicep'), "param name string = 'a'\n");
    fs.writeFileSync(path.join(second, 'dns.bicep'), zone);
    // The second folder turns the rule to error through its own vnetlens.json.
    fs.writeFileSync(path.join(second, 'vnetlens.json'), JSON.stringify({ rules: { 'dns-zone-location': 'error' } }));
    const dnsUri = pathToFileURL(path.join(second, 'dns.bicep')).href;
    const secondFolder = { uri: pathToFileURL(second).href, name: 'second' };

    const session = await startServer(pathToFileURL(first).href);
    const { published: seen, idle } = watchPublished(session);
    await idle();
    assert.equal(
      seen.some((params) => params.uri === dnsUri),
      false,
      'a folder not yet in the workspace is not read',
    );

    void session.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [secondFolder], removed: [] },
    });
    await idle();
    const added = seen.filter((params) => params.uri === dnsUri).at(-1);
    assert.deepEqual(
      added?.diagnostics.map((d) => [d.code, d.severity]),
      [['dns-zone-location', 1]],
      "analysed, at the level of the folder's vnetlens.json",
    );

    void session.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [secondFolder] },
    });
    await idle();
    assert.deepEqual(
      seen.filter((params) => params.uri === dnsUri).at(-1)?.diagnostics,
      [],
      'its diagnostics are cleared',
    );
    assert.equal(await session.close(), 0);
  },
);
