// The server survives (issue 10, item 3): a request handler that throws on malformed parameters
// answers with a neutral result and logs why; notifications about documents it never saw, hostile
// documents and cancelled requests leave it answering normal requests, and it still exits cleanly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { ModelJson } from '../../server/src/protocol';
import { startServer, type LspSession } from '../support/lsp-client';
import { repoRoot } from '../support/paths';

const examples = path.join(repoRoot, 'examples');
const mainUri = pathToFileURL(path.join(examples, 'main.bicep')).href;
const unknownUri = pathToFileURL(path.join(examples, 'never-opened.bicep')).href;
const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('language server survival', () => {
  let session: LspSession;
  const logs: string[] = [];

  /** The server still works: the model of main.bicep (across its modules) has its VNets. */
  async function stillAnswers(): Promise<void> {
    const model = await session.connection.sendRequest<ModelJson>('vnetLens/model', { uri: mainUri });
    assert.ok(
      model.entities.some((entity) => entity.kind === 'vnet' && entity.name === 'vnet-hub'),
      'vnetLens/model still answers with the network',
    );
  }

  before(async () => {
    session = await startServer(pathToFileURL(examples).href);
    session.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
    });
    void session.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: mainUri,
        languageId: 'bicep',
        version: 1,
        text: fs.readFileSync(path.join(examples, 'main.bicep'), 'utf8'),
      },
    });
    await session.nextDiagnostics(mainUri);
  });

  after(() => {
    if (session.child.exitCode === null) session.child.kill();
  });

  test('a code action request without a document answers [] and logs the failure', async () => {
    assert.deepEqual(await session.connection.sendRequest('textDocument/codeAction', {}), []);
    await stillAnswers();
    assert.ok(
      logs.some((line) => line.startsWith('code actions failed')),
      `a log line names the failed handler: ${logs.join('\n')}`,
    );
  });

  test('hover and completion with malformed parameters answer null and []', async () => {
    assert.equal(await session.connection.sendRequest('textDocument/hover', { position: 'nowhere' }), null);
    assert.deepEqual(
      await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: mainUri } }),
      [],
    );
    await stillAnswers();
  });

  test('a model request with a malformed or unknown uri answers a model', async () => {
    for (const params of [{ uri: { not: 'a string' } }, { uri: unknownUri }, 'not an object', null]) {
      const model = await session.connection.sendRequest<ModelJson>('vnetLens/model', params);
      assert.ok(
        Array.isArray(model.entities) && Array.isArray(model.references),
        `answers for ${JSON.stringify(params)}`,
      );
    }
    await stillAnswers();
  });

  test('a code action for a document the server never saw answers []', async () => {
    const actions = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: unknownUri },
      range: zeroRange,
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    await stillAnswers();
  });

  test('changes to a never-opened document and a hostile document leave it answering', async () => {
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: unknownUri, version: 2 },
      contentChanges: [{ range: zeroRange, text: 'x' }],
    });
    const hostileUri = pathToFileURL(path.join(examples, 'hostile.bicep')).href;
    const hostile = `resource r 'Microsoft.Network/virtualNetworks@2025-09-01' = ${'{ a: ['.repeat(5_000)}\u0000\uD800'''`;
    void session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: hostileUri, languageId: 'bicep', version: 1, text: hostile },
    });
    const published = await session.nextDiagnostics(hostileUri, 30_000);
    assert.ok(Array.isArray(published.diagnostics), 'the hostile document is analysed and answered');
    void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: hostileUri } });
    await stillAnswers();
  });

  test('a document over the size limit keeps its text, gets one information diagnostic and no findings', async () => {
    const largeUri = pathToFileURL(path.join(examples, 'large.bicep')).href;
    // A finding at the top (a private DNS zone outside global), then 5 MB of comment: over the 4 MB limit.
    const zone =
      "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";
    const text = `${zone}${'// padding padding padding padding padding padding padding padding\n'.repeat(80_000)}`;
    void session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: largeUri, languageId: 'bicep', version: 1, text },
    });
    const published = await session.nextDiagnostics(largeUri, 30_000);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.severity, d.code, d.message]),
      [[3, undefined, 'VNet Lens did not analyse this file: it is 5.1 MB, over the 4.0 MB limit.']],
    );
    void session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: largeUri, version: 2 },
      contentChanges: [{ text: zone }],
    });
    const smaller = await session.nextDiagnostics(largeUri, 30_000);
    assert.deepEqual(
      smaller.diagnostics.map((d) => d.code),
      ['dns-zone-location'],
      'cut to size, the same file is analysed',
    );
    void session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: largeUri } });
    await stillAnswers();
  });

  test('a cancelled request settles and the server goes on', async () => {
    const source = new CancellationTokenSource();
    const pending = session.connection.sendRequest<ModelJson>('vnetLens/model', { uri: mainUri }, source.token);
    source.cancel();
    // Cancelled: either the neutral model or a RequestCancelled error; never no answer.
    await pending.then(
      (model) => assert.ok(Array.isArray(model.entities)),
      (error: { code?: number }) => assert.equal(error.code, -32800),
    );
    await stillAnswers();
  });

  test('exits cleanly after all that', async () => {
    assert.equal(await session.close(), 0);
    assert.doesNotMatch(session.stderr(), /Error/);
  });
});
