// `npm run fuzz`: checks 100,000 inputs (issue 10, DESIGN §10 "hostile input") — mutated corpus
// files and generated Bicep/ARM workspaces (test/support/fuzz.ts) — in worker threads, and fails
// (exit 1) when parsing, evaluation, a rule or a fix throws, a fix breaks the syntax, or one input
// takes longer than the time bound (the worker is terminated and the input reported as a hang).
// Failing inputs are written to test-results/fuzz/<seed>-<index>/ (emptied first) with what went wrong.
//
//   npm run fuzz -- --count 5000 --seed 7 --workers 2 --timeout 5000
//   npm run fuzz -- --seed 7 --only 1234      re-check one input in this process and print it
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkInput, fuzzInput, type FuzzInput } from '../test/support/fuzz';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('count', 100_000);
const seed = option('seed', 1);
const timeoutMs = option('timeout', 5_000);
const workers = Math.max(1, option('workers', Math.min(2, os.availableParallelism())));
const only = option('only', -1);
const outDir = path.resolve(__dirname, '..', 'test-results', 'fuzz');

interface Failure {
  index: number;
  label: string;
  problems: string[];
}

if (only >= 0) {
  const input = fuzzInput(seed, only);
  void checkInput(input).then((problems) => {
    console.log(input.label);
    for (const [uri, text] of Object.entries(input.files))
      console.log(`--- ${uri}\n${text.length > 4000 ? `${text.slice(0, 4000)}\n… (${text.length} characters)` : text}`);
    console.log(problems.length === 0 ? 'no problem' : problems.join('\n'));
    process.exitCode = problems.length === 0 ? 0 : 1;
  });
} else {
  void main();
}

async function main(): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true }); // only this run's failures are left there
  const started = Date.now();
  const failures: Failure[] = [];
  let next = 0;
  let done = 0;
  let lastReport = started;
  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${done} inputs in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)}/s), ${failures.length} failing`,
    );
  };
  const record = (failure: Failure) => {
    failures.push(failure);
    save(failure);
    console.log(`FAIL #${failure.index} ${failure.label}\n  ${failure.problems.slice(0, 5).join('\n  ')}`);
  };

  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      if (next >= count) {
        if (running === 0) resolve();
        return;
      }
      running++;
      // A worker does not inherit the tsx loader: register its CommonJS hook first.
      const boot = `require('tsx/cjs/api').register(); require(${JSON.stringify(path.join(__dirname, 'fuzz-worker.ts'))});`;
      const worker = new Worker(boot, { eval: true, workerData: { seed } });
      let current = -1;
      let answered = false; // the worker has loaded and said 'ready'
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (next >= count) {
          void worker.terminate();
          return;
        }
        current = next++;
        timer = setTimeout(() => {
          record({
            index: current,
            label: fuzzInput(seed, current).label,
            problems: [`hang: no answer within ${timeoutMs} ms`],
          });
          done++;
          current = -1;
          void worker.terminate();
        }, timeoutMs);
        worker.postMessage(current);
      };
      worker.on('message', (result: Failure | 'ready') => {
        if (result === 'ready') {
          answered = true;
          feed();
          return;
        }
        clearTimeout(timer);
        current = -1;
        done++;
        if (result.problems.length > 0) record(result);
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          report();
        }
        feed();
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        if (!answered) {
          // A worker that fails before it is ready cannot load: stop rather than respawn forever.
          console.error(`fuzz: a worker failed to start: ${error.stack ?? error.message}`);
          process.exit(2);
        }
        if (current >= 0) {
          record({
            index: current,
            label: fuzzInput(seed, current).label,
            problems: [`worker crashed: ${error.stack ?? error.message}`],
          });
          done++;
          current = -1;
        }
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        running--;
        start(); // replaces a terminated worker, or resolves when every input is done
      });
    };
    for (let i = 0; i < workers; i++) start();
  });

  report();
  console.log(
    `fuzz: seed ${seed}, ${done} inputs, ${workers} workers, ${failures.length} failing${failures.length > 0 ? ` (written to ${path.relative(process.cwd(), outDir)})` : ''}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

function save(failure: Failure): void {
  const input: FuzzInput = fuzzInput(seed, failure.index);
  const dir = path.join(outDir, `${seed}-${failure.index}`);
  fs.mkdirSync(dir, { recursive: true });
  const names: Record<string, string> = {};
  for (const [uri, text] of Object.entries(input.files)) {
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    names[name] = uri;
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(
    path.join(dir, 'failure.json'),
    `${JSON.stringify({ seed, index: failure.index, label: failure.label, uris: names, problems: failure.problems, reproduce: `npm run fuzz -- --seed ${seed} --only ${failure.index}` }, null, 2)}\n`,
  );
}
