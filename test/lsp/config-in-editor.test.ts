// vnetlens.json open in the editor: its unsaved text rules while it is open, its own problems stay on it
// (the analysis's answer to open documents must not clear them), and once it is closed without saving,
// the file on disk rules again (DESIGN §8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, watchPublished } from '../support/lsp-client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-config-editor-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

// A private DNS zone outside `global`: a certain dns-zone-location finding (a warning by default).
const zone =
  "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";

test(
  'vnetlens.json edited in the editor: its problems stay shown, and closed unsaved, the disk rules again',
  {
    timeout: 60_000,
  },
  async () => {
    const onDisk = JSON.stringify({ rules: { 'dns-zone-location': 'error' } });
    fs.writeFileSync(path.join(root, 'dns.bicep'), zone);
    fs.writeFileSync(path.join(root, 'vnetlens.json'), onDisk);
    const dnsUri = pathToFileURL(path.join(root, 'dns.bicep')).href;
    const configUri = pathToFileURL(path.join(root, 'vnetlens.json')).href;

    const session = await startServer(pathToFileURL(root).href);
    // Closed even when an assertion fails: a server left running keeps the test process alive.
    let exitCode: number | null;
    try {
      const { published: seen, idle } = watchPublished(session);
      const zoneLevel = () =>
        seen
          .filter((params) => params.uri === dnsUri)
          .at(-1)
          ?.diagnostics.map((d) => d.severity);
      const configProblems = () =>
        seen
          .filter((params) => params.uri === configUri)
          .at(-1)
          ?.diagnostics.map((d) => d.message) ?? [];
      await idle();
      assert.deepEqual(zoneLevel(), [1], 'the level on disk: error');

      // Opened, then a bad level typed and not saved: the file's problem is shown and stays after the analysis.
      session.open(configUri, onDisk, 'json');
      await idle();
      void session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: configUri, version: 2 },
        contentChanges: [{ text: JSON.stringify({ rules: { 'dns-zone-location': 'loud' } }) }],
      });
      await idle();
      assert.match(configProblems().join('\n'), /'rules\.dns-zone-location' must be one of/);
      assert.deepEqual(zoneLevel(), [2], 'the unsaved text rules while open: default levels, a warning');

      // Closed without saving: the file on disk rules again, and its text has no problem.
      void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: configUri } });
      await idle();
      assert.deepEqual(zoneLevel(), [1], 'the level on disk again: error');
      assert.deepEqual(configProblems(), []);
    } finally {
      exitCode = await session.close();
    }
    assert.equal(exitCode, 0);
  },
);
