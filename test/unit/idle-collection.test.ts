// The analysis worker's idle collection (lsp/idle-collection.ts, issue 16): a worker thread started
// after the main thread exposed V8's `gc` to later contexts has one (without `--expose-gc` on the
// command line), whose `{ type: 'minor' }` scavenges only; the worker collects once it has posted a
// run's model and only when nothing waits (lsp/analysis-worker.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel, Worker } from 'node:worker_threads';
import { analysisWorkerOptions } from '../../server/src/lsp/analysis-client';
import type { FromWorker } from '../../server/src/lsp/analysis-messages';
import { runAnalysisWorker } from '../../server/src/lsp/analysis-worker';
import { exposeGcToLaterContexts, youngGenerationCollector } from '../../server/src/lsp/idle-collection';

test('a worker started after gc is exposed has one, which scavenges only; this thread has none', async () => {
  exposeGcToLaterContexts();
  assert.equal(youngGenerationCollector(), undefined);
  // What youngGenerationCollector runs, in a worker with the analysis worker's options (plain
  // JavaScript: the worker evaluates a string).
  const probe = `
const { parentPort } = require('node:worker_threads');
const v8 = require('node:v8');
const profiler = new v8.GCProfiler();
profiler.start();
if (typeof gc === 'function') gc({ type: 'minor' });
parentPort.postMessage({ gc: typeof gc, kinds: profiler.stop().statistics.map((collection) => collection.gcType) });
`;
  const worker = new Worker(probe, { ...analysisWorkerOptions, eval: true });
  const report = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(report, { gc: 'function', kinds: ['Scavenge'] });
});

test('the young generation collector asks gc for a minor collection', () => {
  const calls: unknown[] = [];
  const global = globalThis as { gc?: unknown };
  global.gc = (options: unknown) => calls.push(options);
  try {
    youngGenerationCollector()?.();
  } finally {
    delete global.gc;
  }
  assert.deepEqual(calls, [{ type: 'minor' }]);
});

const vnet = `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`;
const uri = 'file:///w/main.bicep';
const configuration = { cloud: 'AzureCloud', rules: {} };

test('the worker collects after the last queued run has posted its model, and still publishes', async () => {
  const { port1, port2 } = new MessageChannel();
  const events: string[] = [];
  runAnalysisWorker(port1, () => events.push('collect'));
  try {
    await new Promise<void>((resolve) => {
      port2.on('message', (message: FromWorker) => {
        if (message.kind === 'log') return;
        events.push(`${message.kind} ${'run' in message ? message.run : ''}`);
        if (message.kind === 'model' && message.run === 2) setTimeout(resolve, 50);
      });
      port2.postMessage({ kind: 'set', uri, text: vnet });
      // Two analyses queued at once: after the first's model the second still waits, so no collection.
      port2.postMessage({ kind: 'analyse', run: 1, uris: [uri], configuration });
      port2.postMessage({ kind: 'analyse', run: 2, uris: [uri], configuration });
    });
  } finally {
    port1.close();
    port2.close();
  }
  // Both runs published; one collection, after the last model (two models written at once collect once).
  assert.deepEqual(events.filter((event) => event.startsWith('result') || event.startsWith('model')).sort(), [
    'model 1',
    'model 2',
    'result 1',
    'result 2',
  ]);
  assert.deepEqual(
    events.filter((event) => event === 'collect'),
    ['collect'],
  );
  assert.equal(events.at(-1), 'collect');
  assert.ok(events.indexOf('model 2') < events.indexOf('collect'));
});
