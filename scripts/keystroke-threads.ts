// Where each keystroke's server CPU goes, thread by thread (issue 16): runs the built server
// (dist/server.js; `npm run build` first) through the keystroke bench's edits (bench/keystrokes.ts,
// the 5,000-line hub-and-spoke file, no folder open) and reads, after the open and after each edit's
// diagnostics, every thread's time on a CPU (/proc/<pid>/task/<tid>/schedstat, nanoseconds). It
// prints per edit, as medians over the runs: the latency, the main thread's CPU, the analysis
// worker's, and the rest (V8's background threads: TurboFan compiling, parallel GC). The first edits
// after the open are the slow ones; this tells cold code in the worker from compilation beside it.
//
//   node --import tsx scripts/keystroke-threads.ts                    3 runs
//   node --import tsx scripts/keystroke-threads.ts --runs 6 --json runs.jsonl   each run as a JSON line too
//   node --import tsx scripts/keystroke-threads.ts -- --no-concurrent-recompilation   node flags for the server
//   node --import tsx scripts/keystroke-threads.ts --workspace       with ../shared/corpus open as the
//                                                                     workspace (the bench's workspace
//                                                                     keystrokes), edits after its indexing
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { typeInto, whenIdle, writeKeystrokeFile } from '../bench/keystrokes';
import { corpusRoot, median } from '../bench/support';
import { startServer } from '../test/support/lsp-client';

const dash = process.argv.indexOf('--');
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const nodeArgs = dash < 0 ? [] : process.argv.slice(dash + 1);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs') ?? 3);
const jsonPath = option('--json');
const workspace = args.includes('--workspace');

/** Milliseconds each thread of `pid` has spent on a CPU, by thread id. */
function threadCpuMs(pid: number): Map<number, number> {
  const times = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      times.set(Number(tid), ns / 1e6);
    } catch {
      // The thread ended between the listing and the read: it has no more time to give.
    }
  }
  return times;
}

interface Span {
  main: number;
  worker: number;
  background: number;
}

/** The CPU between two readings: the main thread's, the worker's (thread `worker`) and the others'. */
function spanOf(before: Map<number, number>, after: Map<number, number>, pid: number, worker: number): Span {
  const span: Span = { main: 0, worker: 0, background: 0 };
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === pid) span.main += used;
    else if (tid === worker) span.worker += used;
    else span.background += used;
  }
  return span;
}

/** Each thread's CPU between two readings, the main thread left out. */
function* otherThreadsCpu(before: Map<number, number>, after: Map<number, number>, pid: number) {
  for (const [tid, ms] of after) if (tid !== pid) yield [tid, ms - (before.get(tid) ?? 0)] as const;
}

interface Run {
  load: number;
  openMs: number;
  open: Span;
  edits: (Span & { ms: number })[];
}

async function oneRun(uri: string, text: string): Promise<Run> {
  const session = await startServer(workspace ? pathToFileURL(corpusRoot).href : undefined, null, nodeArgs);
  if (workspace) await whenIdle(session);
  const pid = session.child.pid!;
  const readings = [threadCpuMs(pid)];
  const openStart = performance.now();
  let openMs = 0;
  const { latencies } = await typeInto(session, uri, text, (version) => {
    if (version === 1) openMs = performance.now() - openStart;
    readings.push(threadCpuMs(pid));
  });
  await session.close();
  // The worker is the thread, other than the main one, that worked most while the open was analysed.
  const [worker] = [...otherThreadsCpu(readings[0], readings[1], pid)].sort((a, b) => b[1] - a[1])[0];
  const spans = readings.slice(1).map((reading, index) => spanOf(readings[index], reading, pid, worker));
  return {
    load: os.loadavg()[0],
    openMs,
    open: spans[0],
    edits: spans.slice(1).map((span, index) => ({ ms: latencies[index], ...span })),
  };
}

const fixed = (value: number) => value.toFixed(1).padStart(6);

function printMedians(all: Run[]): void {
  const keys = ['ms', 'main', 'worker', 'background'] as const;
  console.log(`edit ${keys.map((key) => key.padStart(11)).join('')}   (medians of ${all.length} runs, ms)`);
  all[0].edits.forEach((_, index) => {
    const cells = keys.map((key) => fixed(median(all.map((run) => run.edits[index][key]))).padStart(11));
    console.log(`${String(index + 1).padStart(4)} ${cells.join('')}`);
  });
  const cpu = (run: Run, from: number, to: number) =>
    run.edits.slice(from, to).reduce((sum, edit) => sum + edit.main + edit.worker + edit.background, 0) / (to - from);
  const count = all[0].edits.length;
  console.log(
    `server CPU per edit: edits 1-4 ${fixed(median(all.map((run) => cpu(run, 0, 4))))}, ` +
      `edits 5-${count} ${fixed(median(all.map((run) => cpu(run, 4, count))))}; ` +
      `open ${fixed(median(all.map((run) => run.openMs)))} ms; ` +
      `load ${Math.min(...all.map((run) => run.load)).toFixed(1)}-${Math.max(...all.map((run) => run.load)).toFixed(1)}`,
  );
}

async function main(): Promise<void> {
  const { folder, text, uri } = writeKeystrokeFile('vnet-lens-threads-');
  const all: Run[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      all.push(await oneRun(uri, text));
      if (jsonPath) fs.appendFileSync(jsonPath, `${JSON.stringify(all[run])}\n`);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  printMedians(all);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
