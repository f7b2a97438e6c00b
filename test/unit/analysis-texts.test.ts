// Which file texts the server's main thread holds (issue 16: the corpus's texts were kept twice, once
// per thread): its index keeps open documents' texts only, and the worker sends back, once per
// version, the texts of closed files its findings point into. Driven over a real MessageChannel.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { MirroredWorkspace } from '../../server/src/lsp/mirrored-workspace';
import type { FromWorker, ToWorker } from '../../server/src/lsp/analysis-messages';
import { runAnalysisWorker } from '../../server/src/lsp/analysis-worker';

const zoneUri = 'file:///w/zone.bicep';
const zoneText = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'westeurope'
}
`;

test("the main thread's index keeps open documents' texts, and only names closed files", () => {
  const sent: ToWorker[] = [];
  const open = new Set(['file:///w/open.bicep']);
  const workspace = new MirroredWorkspace(
    (message) => sent.push(message),
    (uri) => open.has(uri),
  );
  assert.equal(workspace.setFile('file:///w/open.bicep', 'param a string'), true);
  assert.equal(
    workspace.setFile('file:///w/open.bicep', 'param a string'),
    false,
    'an unchanged open text is not sent',
  );
  assert.equal(workspace.setFile(zoneUri, zoneText), true);
  assert.equal(workspace.file('file:///w/open.bicep')?.text, 'param a string');
  assert.equal(workspace.file(zoneUri), undefined, 'no text of a closed file');
  assert.ok(workspace.has(zoneUri));
  assert.deepEqual(workspace.uris().sort(), ['file:///w/open.bicep', zoneUri]);
  assert.equal(workspace.fileCount, 2);
  assert.deepEqual(
    sent.map((message) => (message.kind === 'set' ? [message.uri, message.version] : message.kind)),
    [
      ['file:///w/open.bicep', 1],
      [zoneUri, 2],
    ],
  );
  // Opened, the file's text is kept; closed again, it is dropped.
  open.add(zoneUri);
  assert.equal(workspace.setFile(zoneUri, zoneText), true);
  assert.equal(workspace.file(zoneUri)?.text, zoneText);
  open.delete(zoneUri);
  workspace.setFile(zoneUri, zoneText);
  assert.equal(workspace.file(zoneUri), undefined);
  workspace.removeFile(zoneUri);
  assert.equal(workspace.has(zoneUri), false);
  assert.equal(workspace.fileCount, 1);
  // A file of the folder scan: the worker reads it; no text is sent.
  sent.length = 0;
  workspace.readFromDisk(zoneUri);
  assert.ok(workspace.has(zoneUri) && workspace.file(zoneUri) === undefined);
  assert.deepEqual(sent, [{ kind: 'read', uri: zoneUri, version: workspace.versionOf(zoneUri) }]);
});

test('the worker reads a file of the folder scan from disk and indexes it; an unreadable one is not indexed', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-read-'));
  const { port1, port2 } = new MessageChannel();
  runAnalysisWorker(port1);
  try {
    fs.writeFileSync(path.join(folder, 'zone.bicep'), zoneText);
    const uri = pathToFileURL(path.join(folder, 'zone.bicep')).href;
    const result = new Promise<Extract<FromWorker, { kind: 'result' }>>((resolve) =>
      port2.on('message', (message: FromWorker) => {
        if (message.kind === 'result') resolve(message);
      }),
    );
    port2.postMessage({ kind: 'read', uri, version: 3 });
    port2.postMessage({ kind: 'read', uri: pathToFileURL(path.join(folder, 'missing.bicep')).href, version: 4 });
    port2.postMessage({ kind: 'analyse', run: 1, uris: [], configuration: { cloud: 'AzureCloud', rules: {} } });
    const message = await result;
    assert.ok(
      message.files
        .flatMap(([, findings]) => findings)
        .some((finding) => finding.uri === uri && finding.ruleId === 'dns-zone-location'),
    );
    assert.deepEqual(message.texts, [[uri, zoneText, 3]]);
  } finally {
    port1.close();
    port2.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the worker sends the text of a closed file with findings once per version, then names it', async () => {
  const { port1, port2 } = new MessageChannel();
  runAnalysisWorker(port1);
  const results: Extract<FromWorker, { kind: 'result' }>[] = [];
  let arrived: () => void = () => undefined;
  port2.on('message', (message: FromWorker) => {
    if (message.kind === 'result') {
      results.push(message);
      arrived();
    }
  });
  const analyse = (run: number) => {
    const next = new Promise<void>((resolve) => (arrived = resolve));
    port2.postMessage({ kind: 'analyse', run, uris: [], configuration: { cloud: 'AzureCloud', rules: {} } });
    return next;
  };
  try {
    port2.postMessage({ kind: 'set', uri: zoneUri, text: zoneText, version: 7 });
    await analyse(1);
    assert.ok(
      results[0].files.flatMap(([, findings]) => findings).some((finding) => finding.uri === zoneUri),
      'the closed file has a finding',
    );
    assert.deepEqual(results[0].texts, [[zoneUri, zoneText, 7]]);
    assert.deepEqual(results[0].keptTexts, []);
    await analyse(2);
    assert.deepEqual(results[1].texts, [], 'the main thread holds it already');
    assert.deepEqual(results[1].keptTexts, [zoneUri]);
    // The same text set again is a new version: the main thread dropped its copy's currency.
    port2.postMessage({ kind: 'set', uri: zoneUri, text: zoneText, version: 9 });
    await analyse(3);
    assert.deepEqual(results[2].texts, [[zoneUri, zoneText, 9]]);
  } finally {
    port1.close();
    port2.close();
  }
});
