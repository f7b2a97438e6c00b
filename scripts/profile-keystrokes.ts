// Where the keystroke bench's time goes (issue 16): runs the built server (dist/server.js; `npm run
// build` first) with `--cpu-prof`, types the bench's 30 edits (bench/keystrokes.ts) into the
// 5,000-line hub-and-spoke file, and prints, for the main thread and the analysis worker apart, the
// functions with the most self and total time in the samples taken while the edits ran (opening the
// file, and indexing the corpus, are left out). Profiles stay in the folder printed, for DevTools.
//
//   node --import tsx scripts/profile-keystrokes.ts               no folder open
//   node --import tsx scripts/profile-keystrokes.ts --workspace   all of ../shared/corpus open
//   node --import tsx scripts/profile-keystrokes.ts --top 60      more functions per list
//   node --import tsx scripts/profile-keystrokes.ts --first 5     stages of the first 5 edits and the rest apart
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { typeInto, whenIdle, writeKeystrokeFile } from '../bench/keystrokes';
import { corpusRoot, percentile } from '../bench/support';
import { startServer } from '../test/support/lsp-client';
import { forEachSample, printTop, tallySample, type CpuProfile } from './cpu-profile';

const args = process.argv.slice(2);
const workspace = args.includes('--workspace');
const top = Number(args[args.indexOf('--top') + 1]) || 30;
const first = args.includes('--first') ? Number(args[args.indexOf('--first') + 1]) : 0;

/** The pipeline's stages, each named by functions that run it: a sample counts for the innermost one on its stack. */
const stageFunctions: [string, string[]][] = [
  ['gc', ['(garbage collector)']],
  ['outline', ['outlineBicep', 'skimBicep']],
  ['parse', ['parseSlice', 'parseStatementSlice', 'parseBicep', 'parseBicepDeclaration']],
  ['model', ['buildModel', 'modelOf']],
  ['rules', ['runRules']],
  ['fixes', ['fixesOf']],
  ['codec model', ['postModel', 'encodeDeployment']],
  ['evaluation', ['evaluateBicepDeployment', 'evaluateArmDeployment', 'evaluateAll']],
  ['post result', ['postMessage']],
];
const stageOf = new Map(stageFunctions.flatMap(([stage, names]) => names.map((name) => [name, stage] as const)));

/** Milliseconds of self and total time by function, over the samples inside `window` (monotonic µs). */
function timeByFunction(profile: CpuProfile, window: { start: number; end: number }) {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  forEachSample(profile, (sample) => {
    if (sample.time < window.start || sample.time > window.end) return;
    busy += sample.ms;
    tallySample(sample, self, total);
  });
  return { busy, self, total };
}

/** Milliseconds per edit by stage, for the edits before `first` and the others (`starts` monotonic µs). */
function stagesBySpan(profile: CpuProfile, starts: number[], end: number) {
  const spans = [new Map<string, number>(), new Map<string, number>()];
  forEachSample(profile, ({ time, ms, stack }) => {
    if (time < starts[0] || time > end) return;
    const staged = stack().find((node) => stageOf.has(node.callFrame.functionName));
    const stage = staged ? stageOf.get(staged.callFrame.functionName)! : 'other';
    const span = spans[time < starts[first] ? 0 : 1];
    span.set(stage, (span.get(stage) ?? 0) + ms);
    span.set('busy', (span.get('busy') ?? 0) + ms);
  });
  const perEdit = (span: Map<string, number>, count: number) =>
    [...span]
      .sort((a, b) => b[1] - a[1])
      .map(([stage, ms]) => `${stage} ${(ms / count).toFixed(1)}`)
      .join(', ');
  console.log(`  first ${first} edits, ms per edit: ${perEdit(spans[0], first)}`);
  console.log(`  later ${starts.length - first} edits, ms per edit: ${perEdit(spans[1], starts.length - first)}`);
}

async function main(): Promise<void> {
  const { folder, text, uri } = writeKeystrokeFile('vnet-lens-profile-');
  const profiles = path.join(folder, 'profiles');
  const session = await startServer(workspace ? pathToFileURL(corpusRoot).href : undefined, null, [
    '--cpu-prof',
    `--cpu-prof-dir=${profiles}`,
    '--cpu-prof-interval=250',
  ]);
  if (workspace) await whenIdle(session);
  const { latencies, cpuMsPerEdit, window, editStarts } = await typeInto(session, uri, text);
  await session.close(); // the profiles are written as the threads end
  console.log(
    `keystroke ms p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}; ` +
      `server CPU ${cpuMsPerEdit.toFixed(1)} ms per edit; load ${os.loadavg()[0].toFixed(1)} (profiling slows it)`,
  );
  // Node names a thread's profile CPU.<date>.<time>.<pid>.<thread id>.<sequence>: thread 0 is the main one.
  for (const name of fs.readdirSync(profiles).sort()) {
    const thread = name.split('.')[4] === '0' ? 'main thread' : 'analysis worker';
    const profile = JSON.parse(fs.readFileSync(path.join(profiles, name), 'utf8')) as CpuProfile;
    const { busy, self, total } = timeByFunction(profile, window);
    console.log(`\n${thread}: ${busy.toFixed(0)} ms busy during the edits (${path.join(profiles, name)})`);
    if (first > 0) {
      stagesBySpan(profile, editStarts, window.end);
      continue;
    }
    printTop('self', self, busy, top);
    printTop('total', total, busy, top);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
