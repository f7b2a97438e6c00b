// The analysis worker starts with a bounded young generation (lsp/analysis-client.ts
// analysisWorkerOptions, issue 16): a worker started with those options reports the limit, and its
// new space stays within two 16 MB semi-spaces while it allocates as an edit does (short-lived objects
// with some survivors).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { analysisWorkerOptions } from '../../server/src/lsp/analysis-client';

/** Allocates ~200 MB of small objects, a tenth of them kept for a while, then reports the heap. */
const churn = `
const { parentPort, resourceLimits } = require('node:worker_threads');
const v8 = require('node:v8');
let kept = [];
for (let index = 0; index < 4e6; index++) {
  const item = { index, name: 'x' + index };
  if (index % 10 === 0) kept.push(item);
  if (kept.length > 2e4) kept = [];
}
const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
parentPort.postMessage({ limits: resourceLimits, newSpaceMb: newSpace.space_size / 1048576 });
`;

test('the analysis worker runs with 16 MB semi-spaces', async () => {
  const worker = new Worker(churn, { ...analysisWorkerOptions, eval: true });
  const report = await new Promise<{ limits: { maxYoungGenerationSizeMb: number }; newSpaceMb: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  assert.ok(report.newSpaceMb <= 32, `new space ${report.newSpaceMb} MB`);
  assert.equal(report.limits.maxYoungGenerationSizeMb, 48);
});
