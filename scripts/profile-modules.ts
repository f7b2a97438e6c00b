// Where the analysis bench's module time goes (issue 16): analyses the 494 corpus AVM modules exactly as
// bench/analysis.bench.ts does (a fresh Workspace of the module's own Bicep files, analyzeWorkspace),
// warms every module, then profiles warm rounds with the inspector and prints the self time by stage
// (the source folder a function lives in) and the functions with the most self time.
//
//   node --import tsx scripts/profile-modules.ts                  all modules, 2 profiled rounds of 5 runs each
//   node --import tsx scripts/profile-modules.ts --near-median    only the modules whose ratio to
//                                                                 JSON.parse is near the median (40th–60th)
//   node --import tsx scripts/profile-modules.ts --network        only the modules declaring network types
//   node --import tsx scripts/profile-modules.ts --module service/policy   the modules whose folder names it
//                                                                 (a,b,c: any of them)
//   node --import tsx scripts/profile-modules.ts --census         no profile: each module's CPU ratio to
//                                                                 JSON.parse, whether it declares network
//                                                                 types, its files, Bicep and JSON sizes
//   node --import tsx scripts/profile-modules.ts --rounds 8 --top 50
//   node --import tsx scripts/profile-modules.ts --allocation --module virtual-network-peering
//                                                                 no CPU profile: the bytes each chosen module's
//                                                                 analysis allocates (sampled, collected objects
//                                                                 included) beside its JSON.parse's, and where
//   node --import tsx scripts/profile-modules.ts --as-bench --network   no warm rounds: all 494 modules in
//                                                                 the bench's order, each analysed once and
//                                                                 then 5 times with its JSON.parse, as the
//                                                                 bench does; only the chosen modules' runs
//                                                                 are tallied (code that only some modules
//                                                                 run is still cold there, as in the bench)
//
// Run as the bench runs, bundled: run from source, the script bundles itself into out/ and runs that; a
// function's stage is the source file esbuild's bundle comments put its line in. Shares count samples
// (the machine is shared: a sample's time delta includes time the process waited for a core). The
// profile stays in the folder printed, for DevTools.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../server/src/engine/analyze';
import { Workspace } from '../server/src/engine/workspace';
import { corpusRoot, percentile } from '../bench/support';
import { nodeBundle } from './node-bundle.mjs';
import { forEachSample, type CpuProfile, type ProfileNode } from './cpu-profile';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const rounds = option('--rounds', 2);
const top = option('--top', 40);
const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

interface Module {
  dir: string;
  files: { uri: string; text: string }[];
  json: string;
  network: boolean;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => path.join(dir, file))
    .filter((file) => file.endsWith('.bicep') && !/[\\/]tests[\\/]/.test(file) && fs.statSync(file).isFile());
}

function loadModules(): Module[] {
  return fs
    .readdirSync(path.join(corpusRoot, 'broad'), { recursive: true })
    .map(String)
    .filter((file) => /[\\/]avm[\\/]res[\\/]/.test(file) && file.endsWith(`${path.sep}main.json`))
    .map((file) => path.join(corpusRoot, 'broad', path.dirname(file)))
    .filter((dir) => fs.existsSync(path.join(dir, 'main.bicep')))
    .map((dir) => {
      const files = filesUnder(dir).map((file) => ({
        uri: pathToFileURL(file).href,
        text: fs.readFileSync(file, 'utf8'),
      }));
      const json = fs.readFileSync(path.join(dir, 'main.json'), 'utf8');
      return { dir, files, json, network: files.some((file) => /microsoft\.network\//i.test(file.text)) };
    });
}

async function analyse(module: Module): Promise<void> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const file of module.files) workspace.setFile(file.uri, file.text);
  await analyzeWorkspace(
    workspace,
    module.files.map((file) => file.uri),
    options,
  );
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Each module's CPU ratio to JSON.parse of its main.json, the median of 5 interleaved runs. */
async function ratios(modules: Module[]): Promise<number[]> {
  const result: number[] = [];
  for (const module of modules) {
    const analysis: number[] = [];
    const parse: number[] = [];
    for (let run = 0; run < 5; run++) {
      let start = process.cpuUsage();
      await analyse(module);
      analysis.push(cpuMs(start));
      start = process.cpuUsage();
      JSON.parse(module.json);
      parse.push(cpuMs(start));
    }
    result.push(percentile(analysis, 50) / Math.max(percentile(parse, 50), 0.001));
  }
  return result;
}

/** The source file of each line of this bundle, from the `// path` comment esbuild puts before each module. */
function bundleSources(): (line: number) => string {
  const starts: { line: number; file: string }[] = [];
  fs.readFileSync(__filename, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const match = /^\/\/ ((?:server|bench|scripts|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(text);
      if (match) starts.push({ line, file: match[1] });
    });
  return (line) => {
    let found = '';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.file;
    }
    return found;
  };
}

// The stage a function's source file belongs to: its folder under server/src, finer for Bicep syntax.
function stageOf(file: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName.startsWith('(')) return functionName;
  if (!file.startsWith('server/src/')) return file ? file.split('/')[0] : 'node/builtin';
  const rel = file.slice('server/src/'.length);
  if (rel.startsWith('syntax/bicep/')) {
    const file = path.basename(rel, '.ts');
    if (file.startsWith('outline')) return 'syntax/bicep outline';
    if (file.startsWith('lexer')) return 'syntax/bicep lexer';
    if (file.startsWith('parse')) return 'syntax/bicep parse';
    return 'syntax/bicep other';
  }
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length === 2 ? `${parts[0]}/${parts[1]}` : rel;
}

const interval = 0.1; // ms between samples

/** A span of the monotonic clock, in µs, as profile sample times are. */
interface Window {
  start: number;
  end: number;
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

function printProfile(profile: CpuProfile, windows?: readonly Window[]): void {
  const sourceAt = bundleSources();
  const ownUrl = pathToFileURL(__filename).href;
  const nameOf = ({ callFrame }: ProfileNode) => {
    const file = callFrame.url === ownUrl ? sourceAt(callFrame.lineNumber) : '';
    return `${callFrame.functionName || '(anonymous)'} ${file.replace('server/src/', '')}:${callFrame.lineNumber + 1}`;
  };
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  // Counted in samples, not time deltas: on a shared machine a delta includes time spent waiting for a core.
  let window = 0;
  forEachSample(profile, ({ node, stack, time }) => {
    if (windows) {
      while (window < windows.length && windows[window].end < time) window++;
      if (window === windows.length || time < windows[window].start) return;
    }
    const ms = interval;
    total += ms;
    const { callFrame } = node;
    const file = callFrame.url === ownUrl ? sourceAt(callFrame.lineNumber) : '';
    const stage = stageOf(file, callFrame.functionName);
    stages.set(stage, (stages.get(stage) ?? 0) + ms);
    functions.set(nameOf(node), (functions.get(nameOf(node)) ?? 0) + ms);
    // A recursive function counts once per sample in the inclusive time.
    for (const name of new Set(stack().map(nameOf))) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  const print = (title: string, times: Map<string, number>, limit: number) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, limit))
      console.log(`  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
  };
  console.log(`${profile.samples.length} samples (${total.toFixed(0)} ms at ${interval} ms a sample)`);
  print('self time by stage', stages, 60);
  print('self time by function', functions, top);
  print('inclusive time by function', inclusive, top);
}

/** The bench's sequence over every module, profiled; the samples inside the chosen modules' runs are tallied. */
async function profileAsBench(all: readonly Module[], chosen: ReadonlySet<Module>): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: interval * 1000 });
  await session.post('Profiler.start');
  const windows: Window[] = [];
  for (const module of all) {
    const start = nowMicros();
    await analyse(module);
    JSON.parse(module.json);
    for (let run = 0; run < 5; run++) {
      await analyse(module);
      JSON.parse(module.json);
    }
    if (chosen.has(module)) windows.push({ start, end: nowMicros() });
  }
  const { profile } = await session.post('Profiler.stop');
  console.log(
    `${chosen.size} of ${all.length} modules tallied, in the bench's order; load ${os.loadavg()[0].toFixed(1)}`,
  );
  printProfile(profile as never, windows);
}

/** Bytes allocated by `run`, sampled every 256 bytes with the objects collected meanwhile counted, and by whom. */
async function allocated(session: inspector.Session, times: number, run: () => Promise<unknown> | unknown) {
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  for (let i = 0; i < times; i++) await run();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: AllocationNode };
  };
  const byFunction = new Map<string, number>();
  let total = 0;
  const sourceAt = bundleSources();
  const walk = (node: AllocationNode) => {
    const { functionName, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${sourceAt(lineNumber).replace('server/src/', '')}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize / times);
    total += node.selfSize / times;
    node.children.forEach(walk);
  };
  walk(profile.head);
  return { total, byFunction };
}

interface AllocationNode {
  callFrame: { functionName: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/**
 * Issue 16's other cost: an analysis allocates many times what JSON.parse of the module allocates, and
 * the time ratio is about twice the instruction ratio. Prints, per chosen module, the bytes of one
 * analysis and of one JSON.parse, then the functions that allocate most over all of them.
 */
async function allocation(modules: readonly Module[]): Promise<void> {
  const session = new inspector.Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const runs = option('--runs', 500);
  const byFunction = new Map<string, number>();
  for (const module of modules) {
    const analysis = await allocated(session, runs, () => analyse(module));
    const parse = await allocated(session, runs, () => JSON.parse(module.json));
    for (const [name, bytes] of analysis.byFunction) byFunction.set(name, (byFunction.get(name) ?? 0) + bytes);
    console.log(
      `${(analysis.total / 1024).toFixed(1).padStart(7)} KB an analysis, ${(parse.total / 1024).toFixed(1).padStart(6)} KB a JSON.parse (${(analysis.total / Math.max(parse.total, 1)).toFixed(1)}x)  ${path.relative(corpusRoot, module.dir)}`,
    );
  }
  console.log('\nbytes an analysis, summed over the modules, by function');
  for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${bytes.toFixed(0).padStart(8)}  ${name}`);
}

async function main(): Promise<void> {
  const all = loadModules();
  let modules = all;
  if (args.includes('--network')) modules = modules.filter((module) => module.network);
  if (args.includes('--module')) {
    const names = args[args.indexOf('--module') + 1].split(',');
    modules = modules.filter((module) => names.some((name) => module.dir.includes(name)));
  }
  if (args.includes('--as-bench')) return profileAsBench(all, new Set(modules));
  for (let round = 0; round < 2; round++) for (const module of modules) await analyse(module);
  if (args.includes('--allocation')) return allocation(modules);
  if (args.includes('--census')) {
    const moduleRatios = await ratios(modules);
    for (const [i, module] of modules.entries())
      console.log(
        `${moduleRatios[i].toFixed(2)}\t${module.network ? 'net' : '-'}\t${module.files.length}\t${module.files.reduce((n, f) => n + f.text.length, 0)}\t${module.json.length}\t${path.relative(corpusRoot, module.dir)}`,
      );
    return;
  }
  if (args.includes('--near-median')) {
    const moduleRatios = await ratios(modules);
    const low = percentile(moduleRatios, 40);
    const high = percentile(moduleRatios, 60);
    modules = modules.filter((_, i) => moduleRatios[i] >= low && moduleRatios[i] <= high);
    console.log(`${modules.length} modules with a CPU ratio in ${low.toFixed(2)}–${high.toFixed(2)}`);
  }
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: interval * 1000 });
  await session.post('Profiler.start');
  const start = process.cpuUsage();
  // As the bench does: each module analysed several times in a row, each analysis followed by the JSON.parse
  // it is compared with (which the profile shows as the yardstick).
  for (let round = 0; round < rounds; round++) {
    for (const module of modules) {
      for (let run = 0; run < 5; run++) {
        await analyse(module);
        JSON.parse(module.json);
      }
    }
  }
  const ms = cpuMs(start);
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-modules-')), 'modules.cpuprofile');
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${modules.length} modules × ${rounds} rounds × 5 runs: ${ms.toFixed(0)} ms CPU (${((1000 * ms) / rounds / modules.length / 5).toFixed(0)} µs an analysis and its JSON.parse), load ${os.loadavg()[0].toFixed(1)}; ${file}`,
  );
  printProfile(profile as never);
}

// From source: bundle as the bench does and run the bundle with the same arguments.
async function bundleAndRun(): Promise<void> {
  const bundle = path.resolve(__dirname, '..', 'out', 'profile-modules.cjs');
  await esbuild.build({
    ...nodeBundle,
    entryPoints: [__filename],
    outfile: bundle,
    external: ['esbuild'],
    define: { __dirname: JSON.stringify(path.resolve(__dirname, '..', 'bench')), PROFILE_BUNDLED: 'true' },
  });
  const child = spawnSync(process.execPath, ['--expose-gc', bundle, ...args], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}

declare const PROFILE_BUNDLED: boolean | undefined;
const bundled = typeof PROFILE_BUNDLED !== 'undefined';

(bundled ? main() : bundleAndRun()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
