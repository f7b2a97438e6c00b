// What the analysis worker posts to the server's main thread about findings (lsp/analysis-worker.ts):
// the findings as plain data, without the fix requests that hold model entities (model/fix-contract.ts),
// and for open documents the fixes already built. Driven over a real MessageChannel, as the server does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import type { FromWorker } from '../../server/src/lsp/analysis-messages';
import { runAnalysisWorker } from '../../server/src/lsp/analysis-worker';

const uri = 'file:///w/zone.bicep';
const text = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'westeurope'
}
`;

test('the worker posts findings without their fix requests, and the fixes built for open documents', async () => {
  const { port1, port2 } = new MessageChannel();
  runAnalysisWorker(port1);
  try {
    const result = new Promise<FromWorker>((resolve) =>
      port2.on('message', (message: FromWorker) => {
        if (message.kind !== 'log' && message.kind !== 'model') resolve(message);
      }),
    );
    port2.postMessage({ kind: 'set', uri, text });
    port2.postMessage({ kind: 'analyse', run: 1, uris: [uri], configuration: { cloud: 'AzureCloud', rules: {} } });
    const message = await result;
    assert.equal(message.kind, 'result', JSON.stringify(message));
    if (message.kind !== 'result') return;
    const findings = message.files.flatMap(([, found]) => found);
    const index = findings.findIndex((finding) => finding.ruleId === 'dns-zone-location');
    assert.ok(index >= 0, 'the zone in a region is found');
    assert.ok(
      findings.every((finding) => !('fix' in finding)),
      'no request crosses the thread',
    );
    const [, fixes] =
      message.fixes.find(([at]) => at === index) ?? assert.fail('the finding of the open document has its fix');
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      ["Set location to 'global'"],
    );
  } finally {
    port1.close();
    port2.close();
  }
});

test('a closed file whose findings did not change is not sent again; an open document always is', async () => {
  const { port1, port2 } = new MessageChannel();
  runAnalysisWorker(port1);
  const results: Extract<FromWorker, { kind: 'result' }>[] = [];
  let arrived: () => void = () => undefined;
  port2.on('message', (message: FromWorker) => {
    if (message.kind !== 'result') return;
    results.push(message);
    arrived();
  });
  const openUri = 'file:///w/main.bicep';
  const analyse = (run: number) => {
    const next = new Promise<void>((resolve) => (arrived = resolve));
    port2.postMessage({ kind: 'analyse', run, uris: [openUri], configuration: { cloud: 'AzureCloud', rules: {} } });
    return next;
  };
  const sentUris = (index: number) => results[index].files.map(([sent]) => sent);
  try {
    port2.postMessage({ kind: 'set', uri, text });
    port2.postMessage({ kind: 'set', uri: openUri, text: "param name string = 'a'\n" });
    await analyse(1);
    assert.deepEqual(sentUris(0).sort(), [openUri, uri].sort());
    await analyse(2);
    assert.deepEqual(sentUris(1), [openUri], 'the zone file is held as it was');
    port2.postMessage({ kind: 'set', uri, text: text.replace('westeurope', 'global') });
    await analyse(3);
    assert.deepEqual(
      results[2].files.find(([sent]) => sent === uri),
      [uri, [], []],
      'its finding is gone: sent with none',
    );
  } finally {
    port1.close();
    port2.close();
  }
});
