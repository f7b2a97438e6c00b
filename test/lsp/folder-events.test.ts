// A folder deleted, moved or created inside the workspace reaches the server as one watched-file event
// for the folder (the editor sends none for the templates in it): the server takes it as the folder's,
// so a deleted folder's files lose their diagnostics and stop driving a module's findings, and a
// folder that appears is analysed. Symbolic links are not followed out of the workspace.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, watchPublished } from '../support/lsp-client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-folder-events-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const deleted = 3;
const created = 1;

// A VNet module whose subnet prefix is the caller's; the caller in `sub/` passes one outside the VNet.
const module = `param prefix string
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-app'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.9.0.0/16' ] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: prefix } } ]
  }
}
`;
const caller = "module app '../vnet.bicep' = {\n  name: 'app'\n  params: { prefix: '10.8.0.0/24' }\n}\n";
const zone =
  "resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'eastus'\n}\n";

test(
  "a deleted folder's templates lose their findings, and a created folder's are analysed",
  { timeout: 60_000 },
  async () => {
    const ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'vnet.bicep'), module);
    fs.writeFileSync(path.join(ws, 'sub', 'caller.bicep'), caller);
    fs.writeFileSync(path.join(ws, 'sub', 'zone.bicep'), zone);
    const uri = (...parts: string[]) => pathToFileURL(path.join(ws, ...parts)).href;
    const session = await startServer(uri());
    // A failed assertion must not leave the server running (its pipes would keep the test alive).
    let exitCode: number | null = null;
    try {
      const { published, idle } = watchPublished(session);
      const codes = (file: string) =>
        published
          .filter((params) => params.uri === file)
          .at(-1)
          ?.diagnostics.map((d) => d.code);
      await idle();
      assert.deepEqual(codes(uri('vnet.bicep')), ['subnet-outside-vnet'], 'the caller in sub/ drives the module');
      assert.deepEqual(codes(uri('sub', 'zone.bicep')), ['dns-zone-location']);

      // Moved out of the workspace: one Deleted event for the folder.
      fs.renameSync(path.join(ws, 'sub'), path.join(root, 'moved'));
      void session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri('sub'), type: deleted }],
      });
      await idle();
      assert.deepEqual(codes(uri('vnet.bicep')), [], 'no caller is left to pass the prefix');
      assert.deepEqual(codes(uri('sub', 'zone.bicep')), [], "the deleted folder's diagnostics are cleared");

      // Moved back under another name: one Created event for the folder.
      fs.renameSync(path.join(root, 'moved'), path.join(ws, 'back'));
      void session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: uri('back'), type: created }],
      });
      await idle();
      assert.deepEqual(codes(uri('vnet.bicep')), ['subnet-outside-vnet']);
      assert.deepEqual(codes(uri('back', 'zone.bicep')), ['dns-zone-location']);

      // A link to a folder outside the workspace is not followed, and a plain file's event changes nothing.
      const outside = path.join(root, 'outside');
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'zone.bicep'), zone);
      fs.symlinkSync(outside, path.join(ws, 'linked'));
      fs.writeFileSync(path.join(ws, 'notes.txt'), 'not a template\n');
      void session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uri('linked'), type: created },
          { uri: uri('notes.txt'), type: created },
        ],
      });
      await idle();
      assert.equal(
        published.some((params) => params.uri.startsWith(uri('linked'))),
        false,
        'nothing under the link is analysed',
      );
    } finally {
      exitCode = await session.close();
    }
    assert.equal(exitCode, 0);
  },
);
