#!/usr/bin/env node
// Interleaved A/B of the topology page's first drawing (the bench key topologyRenderMs) between page
// bundles: each run opens a fresh page per bundle, in turns (A, B, B, A, ...), posts the bench's
// 300-node model and times it as bench/topology-render.bench.ts does (from the model message to the
// frame after the page said it drew). On a shared 2-core machine the wall time follows the load more
// than the code, so beside it each run reports CPU: the page process's (Chromium's ProcessTime), its
// main thread's (ThreadTime), and with --threads the CPU of every Chromium thread this script started
// (from /proc), summed by process type and thread name: how much went to V8's background threads
// (compiling, collecting garbage) and to the compositor. Each run then times a redraw after an edit on
// the same page (the bench key topologyRedrawMs: one resource added), wall and page CPU.
//
//   node --import tsx scripts/topology-ab.mjs /tmp/base-tree .            two trees' dist/webview builds
//   node --import tsx scripts/topology-ab.mjs --pairs 7 --threads A B      7 turns, per-thread CPU
//   node --import tsx scripts/topology-ab.mjs /tmp/page.js?mode=fit
//                                             a bundle (a path ending in .js), with a query for the page
//
// Each argument is a tree (its dist/webview/topology.js, `node scripts/build.mjs` first) or a bundle;
// all are served under this tree's page HTML and harness. Medians per bundle at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startPageServer } from '../test/webview/harness.mjs';
import { largeModel, withTargetAdded } from '../test/webview/large-model.mjs';
import { renderInPage } from '../bench/render-in-page.ts';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index < 0 ? fallback : args.splice(index, 2)[1];
};
const pairs = Number(option('--pairs', '5'));
const threads = args.includes('--threads');
const targets = args
  .filter((arg) => !arg.startsWith('--'))
  .map((arg) => {
    const [where, query = ''] = arg.split('?');
    const script = where.endsWith('.js') ? path.resolve(where) : path.resolve(where, 'dist/webview/topology.js');
    return { name: arg, script, query: query ? `?${query}` : '' };
  });
if (targets.length === 0) {
  console.error('usage: topology-ab.mjs [--pairs N] [--threads] TREE-OR-BUNDLE[?query] ...');
  process.exit(2);
}

/** CPU milliseconds of every thread of the processes this script started, by pid/tid. */
function threadTimes() {
  const clockTick = 10; // ms: Linux's USER_HZ of 100
  const statFields = (file) => {
    const text = fs.readFileSync(file, 'utf8');
    return {
      name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
      fields: text.slice(text.lastIndexOf(')') + 2).split(' '),
    };
  };
  const parents = new Map();
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      parents.set(Number(pid), Number(statFields(`/proc/${pid}/stat`).fields[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid) => {
    for (let at = pid, depth = 0; at > 1 && depth < 20; at = parents.get(at) ?? 0, depth++)
      if (at === process.pid) return true;
    return false;
  };
  const times = new Map();
  for (const pid of [...parents.keys()].filter((pid) => pid !== process.pid && ours(pid))) {
    try {
      const type = /--type=([\w-]+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const { name, fields } = statFields(`/proc/${pid}/task/${tid}/stat`);
        times.set(`${pid}/${tid}`, {
          key: `${type}: ${name}`,
          ms: (Number(fields[11]) + Number(fields[12])) * clockTick,
        });
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return times;
}

async function metric(session, name) {
  const { metrics } = await session.send('Performance.getMetrics');
  return (metrics.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000;
}

const model = largeModel(300);
// The bench's edit (bench/topology-render.bench.ts).
const edited = withTargetAdded(model);
const launched = await launchBrowser();
const servers = await Promise.all(targets.map((target) => startPageServer({ script: target.script })));
const results = targets.map(() => ({
  ms: [],
  cpu: [],
  redrawMs: [],
  redrawCpu: [],
  redrawSteps: new Map(),
  mainThread: [],
  load: [],
  steps: new Map(),
  threads: new Map(),
}));
try {
  for (let pair = 0; pair < pairs; pair++) {
    for (let turn = 0; turn < targets.length; turn++) {
      const index = pair % 2 === 0 ? turn : targets.length - 1 - turn;
      const page = await launched.browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(servers[index].url + targets[index].query);
      await page.waitForFunction("window.__posted.some((message) => message.type === 'ready')");
      const session = await page.context().newCDPSession(page);
      await session.send('Performance.enable');
      const before = { cpu: await metric(session, 'ProcessTime'), main: await metric(session, 'ThreadTime') };
      const threadsBefore = threads ? threadTimes() : new Map();
      const run = await page.evaluate(`(${renderInPage})(${JSON.stringify({ model, seq: 1, title: 'ab' })})`);
      const result = results[index];
      result.cpu.push((await metric(session, 'ProcessTime')) - before.cpu);
      result.mainThread.push((await metric(session, 'ThreadTime')) - before.main);
      result.ms.push(run.ms);
      result.load.push(os.loadavg()[0]);
      for (const [step, ms] of Object.entries(run.steps))
        result.steps.set(step, [...(result.steps.get(step) ?? []), ms]);
      if (threads)
        for (const [id, { key, ms }] of threadTimes()) {
          const spent = ms - (threadsBefore.get(id)?.ms ?? 0);
          if (spent > 0) result.threads.set(key, (result.threads.get(key) ?? 0) + spent);
        }
      const beforeRedraw = await metric(session, 'ProcessTime');
      const redraw = await page.evaluate(
        `(${renderInPage})(${JSON.stringify({ model: edited, seq: 2, title: 'ab' })})`,
      );
      result.redrawCpu.push((await metric(session, 'ProcessTime')) - beforeRedraw);
      result.redrawMs.push(redraw.ms);
      for (const [step, ms] of Object.entries(redraw.steps))
        result.redrawSteps.set(step, [...(result.redrawSteps.get(step) ?? []), ms]);
      console.error(
        `${targets[index].name}: ${run.ms.toFixed(0)} ms, CPU ${result.cpu.at(-1).toFixed(0)} ms (main thread ${result.mainThread.at(-1).toFixed(0)}), redraw ${redraw.ms.toFixed(0)} ms, CPU ${result.redrawCpu.at(-1).toFixed(0)} ms, ${run.nodes} nodes, load ${os.loadavg()[0].toFixed(1)}`,
      );
      await page.close();
    }
  }
} finally {
  await launched.close();
  await Promise.all(servers.map((server) => server.close()));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
targets.forEach((target, index) => {
  const result = results[index];
  const load = `${Math.min(...result.load).toFixed(1)}-${Math.max(...result.load).toFixed(1)}`;
  console.log(
    `${target.name}: wall ${median(result.ms).toFixed(0)} ms, CPU ${median(result.cpu).toFixed(0)} ms, main thread ${median(result.mainThread).toFixed(0)} ms (medians of ${pairs}, load ${load})`,
  );
  console.log(
    `  redraw after an edit: wall ${median(result.redrawMs).toFixed(0)} ms, CPU ${median(result.redrawCpu).toFixed(0)} ms; steps: ${[...result.redrawSteps].map(([step, values]) => `${step} ${median(values).toFixed(1)}`).join(', ')}`,
  );
  console.log(
    `  steps: ${[...result.steps].map(([step, values]) => `${step} ${median(values).toFixed(0)}`).join(', ')}`,
  );
  for (const [key, ms] of [...result.threads].sort((a, b) => b[1] - a[1]))
    if (ms / pairs >= 10) console.log(`  ${key}: ${(ms / pairs).toFixed(0)} ms per run`);
});
