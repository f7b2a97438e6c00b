// A worker thread of `npm run fuzz`: checks the inputs the main thread names by index, one at a
// time, and answers with the problems found. The main thread terminates it when an input hangs.
import { parentPort, workerData } from 'node:worker_threads';
import { checkInput, fuzzInput } from '../test/support/fuzz';

const { seed } = workerData as { seed: number };

parentPort?.on('message', async (index: number) => {
  const input = fuzzInput(seed, index);
  const problems = await checkInput(input);
  parentPort?.postMessage({ index, label: input.label, problems });
});
parentPort?.postMessage('ready');
