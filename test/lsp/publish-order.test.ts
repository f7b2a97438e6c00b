// Publishing answers the open documents first (lsp/publishing.ts): in an analysis that also changes
// a closed file's diagnostics, the document the user types in is not kept waiting behind it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer } from '../support/lsp-client';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-publish-order-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

// A private DNS zone outside `global`: a dns-zone-location finding whose message names the location.
const zoneAt = (location: string) =>
  `resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: '${location}'\n}\n`;

test('an open document is published before a closed file whose diagnostics changed', { timeout: 60_000 }, async () => {
  const zoneFile = path.join(root, 'dns.bicep');
  const mainFile = path.join(root, 'main.bicep');
  fs.writeFileSync(zoneFile, zoneAt('westeurope'));
  fs.writeFileSync(mainFile, "param name string = 'a'\n");
  const zoneUri = pathToFileURL(zoneFile).href;
  const mainUri = pathToFileURL(mainFile).href;

  const session = await startServer(pathToFileURL(root).href);
  // Closed on failure too: a server left running keeps the test process alive.
  let exitCode: number | null = null;
  try {
    // Publications and status changes in the order the client receives them.
    const events: string[] = [];
    session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const eastus = params.diagnostics.some(
        (diagnostic) => typeof diagnostic.message === 'string' && diagnostic.message.includes('eastus'),
      );
      events.push(
        params.uri === zoneUri ? (eastus ? 'zone:eastus' : 'zone') : params.uri === mainUri ? 'main' : 'other',
      );
    });
    session.connection.onNotification('vnetLens/status', (status: { state: string }) => {
      events.push(status.state);
    });
    const idleAfter = async (count: number) => {
      for (let waited = 0; events.filter((event) => event === 'idle').length <= count; waited += 20) {
        if (waited > 20_000) throw new Error('the server did not finish an analysis');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await idleAfter(0);

    // The document opens first, so any analysis that sees the new zone file also sees it open.
    session.open(mainUri, fs.readFileSync(mainFile, 'utf8'));
    fs.writeFileSync(zoneFile, zoneAt('eastus'));
    void session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: zoneUri, type: 2 }],
    });
    for (let waited = 0; !events.includes('zone:eastus'); waited += 20) {
      if (waited > 20_000) throw new Error('the changed zone file was not published');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const changedAt = events.indexOf('zone:eastus');
    const analysisStart = events.lastIndexOf('analysing', changedAt);
    assert.deepEqual(
      events.slice(analysisStart, changedAt + 1),
      ['analysing', 'main', 'zone:eastus'],
      `the open document first, in the same analysis: ${events.join(' ')}`,
    );
  } finally {
    exitCode = await session.close();
  }
  assert.equal(exitCode, 0);
});
