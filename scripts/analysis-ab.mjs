#!/usr/bin/env node
// In-process CPU-time A/B of the analysis bench's module analyses (bench/analysis.bench.ts: a fresh
// Workspace of an AVM module's own Bicep files, then analyzeWorkspace) between two trees of this
// repository. The bench's wall-time ratios swing too much on a shared machine to see a few percent:
// each run loads both trees' engines (bundled as they ship) into one process, warms both, then
// alternates rounds A, B, A, B… over the 494 modules, each module analysed 5 times in a row as the
// bench does, and times each module's analyses with process.cpuUsage(). Runs alternate which tree
// goes first, each in a fresh process.
//
//   node scripts/analysis-ab.mjs /tmp/old-tree             this tree (B) against /tmp/old-tree (A)
//   node scripts/analysis-ab.mjs --runs 6 --rounds 6 A B   two trees, 6 runs of 6 rounds each
//   node scripts/analysis-ab.mjs --network /tmp/old-tree   only the modules declaring Microsoft.Network
//                                                         types (networkAnalysisVsJsonParse's): more
//                                                         rounds in the same time
//   node scripts/analysis-ab.mjs --network --show virtual-network-peering,private-dns-zone/a /tmp/old-tree
//                                                         also each named module's own B/A (the modules
//                                                         whose folder contains one of the names): the
//                                                         p95 keys move with a few modules, which a
//                                                         median over all of them does not show
//
//   node scripts/analysis-ab.mjs --wall --network --show virtual-network-peering /tmp/old-tree
//                                                         wall-clock time instead, the trees taking turns
//                                                         module by module (both meet the same load): the
//                                                         CPU time the kernel accounts comes in ticks,
//                                                         coarser than the ~0.1 ms a small module takes.
//                                                         Even so, a small module's own B/A swings 0.6–1.6
//                                                         in an A/A run (each tree's copy of the code is
//                                                         optimised apart): read the medians over modules,
//                                                         and the bench itself for the p95 keys
//
// Prints per run the load and two ratios B/A: of the CPU (or wall) time of all modules, and the median over
// modules of each module's ratio (the bench's median key moves with the latter). Below 1: B is faster.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeBundleDir, median, orderOfRun, readCommandLine, root, runChildProcess, sum } from './ab-support.mjs';
import { nodeBundle } from './node-bundle.mjs';

const args = process.argv.slice(2);
const runsPerModule = 5;

if (args[0] === '--child') await runChild(args.slice(1));
else await runParent(args);

async function runParent(argv) {
  const { options, trees } = readCommandLine(argv, {
    defaults: { runs: 6, rounds: 6, network: false, wall: false, show: '' },
    usage:
      'node scripts/analysis-ab.mjs [--runs N] [--rounds N] [--network] [--wall] [--show name,name] treeA [treeB = this tree]',
  });
  const bundleDir = makeBundleDir('analysis-ab');
  const bundles = await Promise.all(trees.map((tree, i) => bundleEngine(tree, i, bundleDir)));
  const totals = [];
  const medians = [];
  // The modules the bench's networkAnalysisVsJsonParse keys are over (they declare Microsoft.Network types).
  const networkMedians = [];
  const shownNames = options.show.split(',').filter(Boolean);
  /** Each shown module's B/A per run, by its folder. */
  const shown = new Map();
  for (let run = 0; run < options.runs; run++) {
    const order = orderOfRun(run);
    const load = os.loadavg()[0].toFixed(1);
    const timed = runChildProcess(
      fileURLToPath(import.meta.url),
      [String(options.rounds), String(options.network), String(options.wall), ...order.map((i) => bundles[i])],
      1 << 26,
    );
    const [a, b] = order[0] === 0 ? timed.perModule : [timed.perModule[1], timed.perModule[0]];
    const total = sum(b) / sum(a);
    const perModule = median(a.map((msA, i) => b[i] / msA));
    const network = timed.network.map((declares, i) => (declares ? b[i] / a[i] : undefined)).filter(Boolean);
    totals.push(total);
    medians.push(perModule);
    timed.dirs.forEach((dir, i) => {
      if (!shownNames.some((name) => dir.includes(name))) return;
      if (!shown.has(dir)) shown.set(dir, []);
      shown.get(dir).push(b[i] / a[i]);
    });
    networkMedians.push(median(network));
    console.log(
      `run ${run} (${order[0] === 0 ? 'A first' : 'B first'}) load ${load}: all modules A ${sum(a).toFixed(0)} ms, ` +
        `B ${sum(b).toFixed(0)} ms ${options.wall ? 'wall' : 'CPU'}; B/A ${total.toFixed(3)}, median module B/A ${perModule.toFixed(3)} (${a.length} modules), ` +
        `median network module B/A ${median(network).toFixed(3)} (${network.length})`,
    );
  }
  for (const [dir, ratios] of shown)
    console.log(`${dir}: B/A ${median(ratios).toFixed(3)} (runs ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')})`);
  console.log(`A = ${trees[0]}\nB = ${trees[1]}`);
  console.log(
    `median over ${options.runs} runs: all modules B/A ${median(totals).toFixed(3)}, median module B/A ` +
      `${median(medians).toFixed(3)}, median network module B/A ${median(networkMedians).toFixed(3)}; load now ${os.loadavg()[0].toFixed(1)}`,
  );
  fs.rmSync(bundleDir, { recursive: true, force: true });
}

// The tree's engine entry points the bench uses, as one CommonJS bundle built like the bench's.
async function bundleEngine(tree, index, directory) {
  const entry = path.join(directory, `entry-${index}.ts`);
  fs.writeFileSync(
    entry,
    `export { analyzeWorkspace } from ${JSON.stringify(path.join(tree, 'server/src/engine/analyze'))};\n` +
      `export { Workspace } from ${JSON.stringify(path.join(tree, 'server/src/engine/workspace'))};\n`,
  );
  const outfile = path.join(directory, `engine-${index}.cjs`);
  await esbuild.build({ ...nodeBundle, entryPoints: [entry], outfile });
  return outfile;
}

async function runChild([rounds, networkOnly, wall, ...bundles]) {
  const require = createRequire(import.meta.url);
  const engines = bundles.map((bundle) => require(bundle));
  const broad = path.join(root, '..', 'shared', 'corpus', 'broad');
  const chosen = corpusModules(broad).filter(({ files }) => networkOnly !== 'true' || declaresNetwork(files));
  const modules = chosen.map(({ files }) => files);
  const options = { cloud: 'AzureCloud', ruleLevels: {} };
  const analyse = async (engine, files) => {
    const workspace = new engine.Workspace({ readFile: async () => undefined });
    for (const file of files) workspace.setFile(file.uri, file.text);
    await engine.analyzeWorkspace(
      workspace,
      files.map((file) => file.uri),
      options,
    );
  };
  // Warmed in turns, as a tree warmed wholly before the other ran slower (outline-ab's finding).
  for (let round = 0; round < 2; round++)
    for (const engine of engines) for (const files of modules) await analyse(engine, files);
  // Each module's time per round; the median of its rounds is its time (a collection that lands in one
  // round, a millisecond, is more than a small module's five analyses and must not count as its cost).
  const rounded = engines.map(() => modules.map(() => []));
  const timeOf = async (engine, files) => {
    if (wall === 'true') {
      const start = process.hrtime.bigint();
      for (let run = 0; run < runsPerModule; run++) await analyse(engine, files);
      return Number(process.hrtime.bigint() - start) / 1e6;
    }
    const start = process.cpuUsage();
    for (let run = 0; run < runsPerModule; run++) await analyse(engine, files);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e3;
  };
  for (let round = 0; round < Number(rounds); round++) {
    if (wall === 'true') {
      // Module by module, the trees in turns: each module's pair meets the same moment's load.
      for (const [m, files] of modules.entries())
        for (const [e, engine] of engines.entries()) rounded[e][m].push(await timeOf(engine, files));
    } else {
      for (const [e, engine] of engines.entries())
        for (const [m, files] of modules.entries()) rounded[e][m].push(await timeOf(engine, files));
    }
  }
  const perModule = rounded.map((times) => times.map(median));
  const network = modules.map(declaresNetwork);
  const dirs = chosen.map(({ dir }) => path.relative(broad, dir));
  console.log(JSON.stringify({ perModule, network, dirs }));
}

// The bench's modules: each AVM resource module's folder and own Bicep files (its tests excluded).
function corpusModules(broad) {
  return fs
    .readdirSync(broad, { recursive: true })
    .map(String)
    .filter((file) => /[\\/]avm[\\/]res[\\/]/.test(file) && file.endsWith(`${path.sep}main.json`))
    .map((file) => path.join(broad, path.dirname(file)))
    .filter((dir) => fs.existsSync(path.join(dir, 'main.bicep')))
    .map((dir) => ({
      dir,
      files: fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .map((file) => path.join(dir, file))
        // Tested on the whole path, as the bench does: a path relative to the module starts `tests/`.
        .filter((file) => file.endsWith('.bicep') && !/[\\/]tests[\\/]/.test(file))
        .map((file) => ({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') })),
    }));
}

/** As the bench tells the modules its networkAnalysisVsJsonParse keys are over. */
function declaresNetwork(files) {
  return files.some((file) => /microsoft\.network\//i.test(file.text));
}
