// Interleaved A/B of the server bench's keystroke figures (bench/server.bench.ts) between trees'
// built servers (each tree's dist/server.js; build them first): runs A, B, B, A, A, B… (more trees:
// forwards, then backwards), each run a fresh server that types the bench's 30 edits into the
// 5,000-line hub-and-spoke file with no folder open, then (a fresh server again) with all of
// ../shared/corpus open. Prints per run the load, the p50, p95 and worst latencies (the debounce
// subtracted), the analysis worker's CPU per edit (its thread's time on a CPU, /proc schedstat) and the
// resident memory after indexing the corpus, then the medians per tree. Wall-time latencies swing with
// the load of a shared machine; the worker's CPU swings less.
//
//   node --import tsx scripts/keystroke-ab.ts --runs 4 /work/base .     tree A, tree B (4 runs each)
//   node --import tsx scripts/keystroke-ab.ts --alone /work/base .      only the file alone
//   node --import tsx scripts/keystroke-ab.ts --latencies A B           each run's 30 latencies too
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rssMb, typeInto, whenIdle, writeKeystrokeFile } from '../bench/keystrokes';
import { corpusRoot, median, percentile } from '../bench/support';
import { startServer } from '../test/support/lsp-client';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 4);
const aloneOnly = args.includes('--alone');
const workspaceOnly = args.includes('--workspace');
const latenciesToo = args.includes('--latencies');
const trees = args.filter((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--runs'));
if (trees.length < 2) {
  console.error('usage: keystroke-ab.ts [--runs N] [--alone|--workspace] [--latencies] treeA treeB [treeC…]');
  process.exit(2);
}

/** Milliseconds each thread of `pid` has spent on a CPU, by thread id. */
function threadCpuMs(pid: number): Map<number, number> {
  const times = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      times.set(Number(tid), Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

interface Figures {
  load: number;
  p50: number;
  p95: number;
  max: number;
  workerCpuMs: number;
  rssMb?: number;
  latencies: number[];
}

async function typed(tree: string, uri: string, text: string, workspace: boolean): Promise<Figures> {
  const session = await startServer(workspace ? pathToFileURL(corpusRoot).href : undefined, null, [], tree);
  const pid = session.child.pid!;
  const start = threadCpuMs(pid);
  let rss: number | undefined;
  if (workspace) {
    await whenIdle(session);
    rss = rssMb(pid);
  }
  let opened = start;
  let edited = start;
  const { latencies } = await typeInto(session, uri, text, (version) => {
    if (version === 1) opened = threadCpuMs(pid);
    if (version === 31) edited = threadCpuMs(pid);
  });
  const load = os.loadavg()[0];
  await session.close();
  // The worker: the thread other than the main one that worked most up to the open's diagnostics.
  const [worker] = [...opened]
    .filter(([tid]) => tid !== pid)
    .map(([tid, ms]) => [tid, ms - (start.get(tid) ?? 0)])
    .sort((a, b) => b[1] - a[1])[0];
  return {
    load,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    workerCpuMs: ((edited.get(worker) ?? 0) - (opened.get(worker) ?? 0)) / latencies.length,
    rssMb: rss,
    latencies,
  };
}

const fixed = (value: number | undefined) => (value === undefined ? '' : value.toFixed(1)).padStart(7);

async function main(): Promise<void> {
  const { folder, text, uri } = writeKeystrokeFile('vnet-lens-keystroke-ab-');
  const modes = aloneOnly ? [false] : workspaceOnly ? [true] : [false, true];
  const results = new Map<string, Figures[]>();
  console.log(`${'run'.padEnd(4)} ${'tree'.padEnd(28)} mode       load    p50    p95    max  worker   rss`);
  try {
    for (let run = 0; run < runs; run++) {
      const order = trees.map((_, index) => index);
      if (run % 2 === 1) order.reverse();
      for (const which of order)
        for (const workspace of modes) {
          const tree = trees[which];
          const figures = await typed(tree, uri, text, workspace);
          const key = `${'ABCDEFGH'[which]} ${workspace ? 'workspace' : 'alone'}`;
          results.set(key, [...(results.get(key) ?? []), figures]);
          console.log(
            `${String(run + 1).padEnd(4)} ${`${'ABCDEFGH'[which]} ${path.basename(path.resolve(tree))}`.slice(0, 28).padEnd(28)} ${(workspace ? 'workspace' : 'alone').padEnd(9)}` +
              `${fixed(figures.load)}${fixed(figures.p50)}${fixed(figures.p95)}${fixed(figures.max)}${fixed(figures.workerCpuMs)}${fixed(figures.rssMb)}`,
          );
          if (latenciesToo) console.log('  ', figures.latencies.map((ms) => ms.toFixed(0)).join(' '));
        }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log('medians:');
  for (const [key, all] of [...results].sort()) {
    const m = (pick: (f: Figures) => number | undefined) => {
      const values = all.map(pick).filter((v): v is number => v !== undefined);
      return values.length ? median(values) : undefined;
    };
    console.log(
      `  ${key.padEnd(14)} load${fixed(m((f) => f.load))} p50${fixed(m((f) => f.p50))} p95${fixed(m((f) => f.p95))} max${fixed(m((f) => f.max))} worker${fixed(m((f) => f.workerCpuMs))} rss${fixed(m((f) => f.rssMb))}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
