// Isolation (issue 20, item 3): each protocol message and each file in its own failure boundary. A
// vnetlens.json nested 100,000 deep gets a diagnostic and the workspace is still indexed; a didOpen
// whose text is not a string, a change whose range is not numbers, an out-of-range edit, malformed
// JSON-RPC and requests for documents never opened leave the server answering, with its state intact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startServer, type LspSession } from '../support/lsp-client';

const zoneInWrongLocation =
  "resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'westeurope'\n}\n";

describe('language server isolation', () => {
  let root: string;
  let session: LspSession;
  const logs: string[] = [];
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).href;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-isolation-')));
    fs.writeFileSync(path.join(root, 'vnetlens.json'), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    fs.writeFileSync(path.join(root, 'zone.bicep'), zoneInWrongLocation);
    session = await startServer(pathToFileURL(root).href);
    session.connection.onNotification('window/logMessage', (params: { message: string }) => {
      logs.push(params.message);
    });
  });

  after(() => {
    if (session.child.exitCode === null) session.child.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const open = (name: string, text: unknown, version = 1) =>
    session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(name), languageId: 'bicep', version, text },
    });

  test('a vnetlens.json nested 100,000 deep gets a clear diagnostic, and the workspace is still indexed', async () => {
    const config = await session.nextDiagnostics(uriOf('vnetlens.json'), 30_000);
    assert.deepEqual(
      config.diagnostics.map((d) => d.message),
      ['vnetlens.json is nested more than 32 levels deep; default rule levels apply.'],
    );
    const zone = await session.nextDiagnostics(uriOf('zone.bicep'), 30_000);
    assert.deepEqual(
      zone.diagnostics.map((d) => d.code),
      ['dns-zone-location'],
      'the file on disk was indexed and analysed',
    );
  });

  test('a didOpen whose text is not a string is ignored with a log; later documents are analysed', async () => {
    await open('number.bicep', 12345);
    await open('object.bicep', { text: zoneInWrongLocation });
    await open('fine.bicep', zoneInWrongLocation);
    const fine = await session.nextDiagnostics(uriOf('fine.bicep'), 30_000);
    assert.deepEqual(
      fine.diagnostics.map((d) => d.code),
      ['dns-zone-location'],
    );
    assert.ok(
      logs.some(
        (line) => line.startsWith('Ignored textDocument/didOpen: the text of') && line.includes('number.bicep'),
      ),
      logs.join('\n'),
    );
    const hover = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf('number.bicep') },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null, 'the ignored document is unknown: hover answers null');
  });

  test('a change whose range is not numbers is ignored; an out-of-range edit is clamped to the document', async () => {
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf('fine.bicep'), version: 2 },
      contentChanges: [{ range: { start: { line: 'x', character: null }, end: {} }, text: 'garbage' }],
    });
    // Past the end: appended at the end, where it changes nothing the rules see.
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf('fine.bicep'), version: 3 },
      contentChanges: [
        {
          range: { start: { line: 10_000, character: 5 }, end: { line: 20_000, character: 0 } },
          text: '// appended\n',
        },
      ],
    });
    const after = await session.nextDiagnostics(uriOf('fine.bicep'), 30_000);
    assert.equal(after.version, 3);
    const locationLine = zoneInWrongLocation.split('\n').findIndex((line) => line.includes('location:'));
    assert.deepEqual(
      after.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['dns-zone-location', locationLine]],
      'the text is the original plus the appended line',
    );
    assert.ok(
      logs.some((line) => line.startsWith('Ignored textDocument/didChange')),
      logs.join('\n'),
    );
  });

  test('malformed JSON-RPC and unknown methods get errors or are dropped; the server keeps serving', async () => {
    const raw = (body: string) =>
      session.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    raw('{this is not json');
    raw('{"jsonrpc":"2.0","id":"x"}');
    raw('[1, 2, 3]');
    await assert.rejects(
      session.connection.sendRequest('vnetLens/noSuchMethod', {}),
      (error: { code?: number }) => error.code === -32601,
    );
    const hover = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uriOf('never-opened.bicep') },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
    const completion = await session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uriOf('never-opened.bicep') },
      position: { line: 0, character: 0 },
    });
    assert.ok(completion === null || (Array.isArray(completion) && completion.length === 0));
    await open('after.bicep', zoneInWrongLocation);
    assert.deepEqual(
      (await session.nextDiagnostics(uriOf('after.bicep'), 30_000)).diagnostics.map((d) => d.code),
      ['dns-zone-location'],
    );
  });

  test('exits cleanly after all that', async () => {
    assert.equal(await session.close(), 0);
    assert.doesNotMatch(session.stderr(), /Error|Maximum call stack/);
  });
});

test('workspace folders a client sends broken (null, no uri, a malformed file URI) cost themselves, not the session', async () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-folders-bad-')));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.writeFileSync(path.join(root, 'zone.bicep'), zoneInWrongLocation);
  const good = pathToFileURL(root).href;
  const session = await startServer(undefined, null, [], undefined, {
    rootUri: good,
    workspaceFolders: [null, { name: 'no uri' }, { uri: 'file://%zz/bad', name: 'bad' }, { uri: good, name: 'good' }],
  });
  try {
    const zone = await session.nextDiagnostics(pathToFileURL(path.join(root, 'zone.bicep')).href, 30_000);
    assert.deepEqual(
      zone.diagnostics.map((d) => d.code),
      ['dns-zone-location'],
    );
  } finally {
    assert.equal(await session.close(), 0);
  }
});
