// Where indexing the corpus goes (issue 16, corpusIndexSeconds and corpusRssMb): starts the built
// server (dist/server.js; `node scripts/build.mjs` first) with all of ../shared/corpus as its
// workspace, waits for the first finished analysis, and prints the wall time, the server's CPU
// seconds and resident memory then. With --profile, both threads run with --cpu-prof and the script
// prints, per thread, its busy time per 250 ms of the wall time (do the threads overlap, or does one
// wait for the other?) and the functions with the most self and total time.
//
//   node --import tsx scripts/profile-index.ts              the figures only
//   node --import tsx scripts/profile-index.ts --profile    and where each thread spends them
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuSeconds, whenIdle } from '../bench/keystrokes';
import { corpusRoot } from '../bench/support';
import { startServer } from '../test/support/lsp-client';
import { forEachSample, printTop, tallySample, type CpuProfile } from './cpu-profile';

const args = process.argv.slice(2);
const profiling = args.includes('--profile');
const top = Number(args[args.indexOf('--top') + 1]) || 25;

function statusKb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
}

/** Busy milliseconds per bucket of wall time from `start` (monotonic µs), and by function. */
function summarise(profile: CpuProfile, start: number, bucketMs: number) {
  const buckets: number[] = [];
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  forEachSample(profile, (sample) => {
    busy += sample.ms;
    const bucket = Math.max(0, Math.floor((sample.time - start) / 1000 / bucketMs));
    buckets[bucket] = (buckets[bucket] ?? 0) + sample.ms;
    tallySample(sample, self, total);
  });
  return { busy, buckets, self, total };
}

async function main(): Promise<void> {
  const profiles = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-index-profile-'));
  const nodeArgs = profiling ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=500'] : [];
  const started = process.hrtime.bigint();
  const startMicros = Number(started / 1000n);
  const session = await startServer(pathToFileURL(corpusRoot).href, null, nodeArgs);
  await whenIdle(session);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const pid = session.child.pid!;
  const cpu = cpuSeconds(pid);
  const rss = statusKb(pid, 'VmRSS') / 1024;
  const anon = statusKb(pid, 'RssAnon') / 1024;
  const fileBacked = statusKb(pid, 'RssFile') / 1024;
  await session.close();
  console.log(
    `index ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, RSS ${rss.toFixed(1)} MB ` +
      `(anon ${anon.toFixed(1)}, file ${fileBacked.toFixed(1)}); load ${os.loadavg()[0].toFixed(2)}`,
  );
  if (!profiling) return;
  const bucketMs = 250;
  for (const name of fs.readdirSync(profiles).sort()) {
    const thread = name.split('.')[4] === '0' ? 'main thread' : 'analysis worker';
    const profile = JSON.parse(fs.readFileSync(path.join(profiles, name), 'utf8')) as CpuProfile;
    const { busy, buckets, self, total } = summarise(profile, startMicros, bucketMs);
    console.log(`\n${thread}: ${busy.toFixed(0)} ms busy (${path.join(profiles, name)})`);
    console.log(`  busy ms per ${bucketMs} ms: ${Array.from(buckets, (ms) => (ms ?? 0).toFixed(0)).join(' ')}`);
    printTop('self', self, busy, top);
    printTop('total', total, busy, top);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
