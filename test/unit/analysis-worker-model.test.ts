// The model message of the analysis worker (lsp/analysis-worker.ts): it follows each result, unless
// before it was written a newer analysis was announced and every open document the run saw was edited
// (no request could read it: an edited document waits for the run that sees its text); then the worker
// says it skipped it. Driven over a real MessageChannel, as the server does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import type { FromWorker } from '../../server/src/lsp/analysis-messages';
import { runAnalysisWorker } from '../../server/src/lsp/analysis-worker';

const vnet = (name: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`;
const first = 'file:///w/first.bicep';
const second = 'file:///w/second.bicep';
const configuration = { cloud: 'AzureCloud', rules: {} };

/** Runs analysis 1 over the open `uris`; `afterResult` runs when its result arrives. The messages after it. */
async function afterAnalysis(uris: string[], afterResult: (post: (message: unknown) => void) => void) {
  const { port1, port2 } = new MessageChannel();
  runAnalysisWorker(port1);
  const seen: FromWorker[] = [];
  try {
    await new Promise<void>((resolve) => {
      port2.on('message', (message: FromWorker) => {
        if (message.kind === 'log') return;
        seen.push(message);
        if (message.kind === 'result') afterResult((next) => port2.postMessage(next));
        if (message.kind === 'model' || message.kind === 'model-skipped' || message.kind === 'failed') resolve();
      });
      for (const uri of uris) port2.postMessage({ kind: 'set', uri, text: vnet('hub') });
      port2.postMessage({ kind: 'analyse', run: 1, uris, configuration });
    });
  } finally {
    port1.close();
    port2.close();
  }
  return seen.map((message) => ({ kind: message.kind, run: 'run' in message ? message.run : undefined, message }));
}

/** After the result: the first document is edited and run 2 announced (as the main thread does on a keystroke). */
const editFirstThenAnnounceRun2 = (post: (message: unknown) => void) => {
  post({ kind: 'set', uri: first, text: vnet('hubx') });
  post({ kind: 'cancel', run: 2 });
};

const kindsAndRuns = (messages: { kind: string; run?: number }[]) => messages.map(({ kind, run }) => [kind, run]);

test('the model follows the result when nothing newer is announced', async () => {
  const [result, model] = await afterAnalysis([first], () => undefined);
  assert.deepEqual([result?.kind, model?.kind, model?.run], ['result', 'model', 1]);
  const message = model!.message as Extract<FromWorker, { kind: 'model' }>;
  assert.deepEqual(message.uris, [first]);
  assert.ok(message.deployments.some((entry) => entry.files.includes(first) && entry.text !== undefined));
});

test('the model is skipped when a newer analysis is announced and the open document was edited', async () => {
  const messages = await afterAnalysis([first], editFirstThenAnnounceRun2);
  assert.deepEqual(kindsAndRuns(messages), [
    ['result', 1],
    ['model-skipped', 1],
  ]);
});

test('the model is written when an open document the run saw is unchanged, though a newer run is announced', async () => {
  const messages = await afterAnalysis([first, second], editFirstThenAnnounceRun2);
  assert.deepEqual(kindsAndRuns(messages), [
    ['result', 1],
    ['model', 1],
  ]);
});
