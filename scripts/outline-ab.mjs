#!/usr/bin/env node
// In-process CPU-time A/B of the lazy Bicep outline (the bench key bicepOutlineMBps) between two trees
// of this repository: wall time on a shared machine swings too much to see a few percent, so each run
// loads both trees' Bicep syntax (bundled as it ships) into one process, warms each as the bench does
// (full parse rounds, then outline rounds), then alternates outline rounds A, B, A, B… and times each
// with process.cpuUsage(). Runs alternate which tree goes first, each in a fresh process (fresh JIT).
//
//   node scripts/outline-ab.mjs /tmp/old-tree                 this tree (B) against /tmp/old-tree (A)
//   node scripts/outline-ab.mjs --runs 6 --rounds 24 A B      two trees, 6 runs of 24 rounds each
//   node scripts/outline-ab.mjs --parse A                     the full parse (bicepParseMBps) instead,
//                                                             each tree in its own process (see below)
//   node scripts/outline-ab.mjs --small A                     only the AVM modules' Bicep files under
//                                                             8,000 characters: the single-file modules
//                                                             near the analysis bench's median (issue 16),
//                                                             whose skim is mostly `param` lines
//
// Prints per run the load, the medians and the median of the per-round ratios B/A; then the median of
// the runs' ratios. A ratio below 1 means B takes less CPU than A. Corpus: ../shared/corpus of this tree.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cpuMilliseconds,
  makeBundleDir,
  median,
  orderOfRun,
  readCommandLine,
  root,
  runChildProcess,
} from './ab-support.mjs';
import { nodeBundle } from './node-bundle.mjs';

const args = process.argv.slice(2);
let corpusSize = ''; // as the last child process reported it

if (args[0] === '--child') runChild(args.slice(1));
else await runParent(args);

async function runParent(argv) {
  const { options, trees } = readCommandLine(argv, {
    defaults: { runs: 6, rounds: 24, parse: false, small: false },
    usage: 'node scripts/outline-ab.mjs [--runs N] [--rounds N] [--parse] [--small] treeA [treeB = this tree]',
  });
  const bundleDir = makeBundleDir('outline-ab');
  const bundles = await Promise.all(trees.map((tree, i) => bundleSyntax(tree, i, bundleDir)));
  const ratios = [];
  for (let run = 0; run < options.runs; run++) {
    const order = orderOfRun(run);
    const load = os.loadavg()[0].toFixed(1);
    // The parse runs one tree a process: a second bundle's full parse ran 4x slower in the same
    // process, even a copy of the first (seen on Node 20).
    const groups = options.parse ? order.map((i) => [bundles[i]]) : [order.map((i) => bundles[i])];
    const measured = options.parse ? 'parse' : options.small ? 'small' : 'outline';
    const rounds = groups.flatMap((group) => timeRounds(measured, options.rounds, group));
    const [a, b] = order[0] === 0 ? rounds : [rounds[1], rounds[0]];
    // Rounds in one process pair up; across processes only the medians compare.
    const ratio = options.parse ? median(b) / median(a) : median(a.map((msA, round) => b[round] / msA));
    ratios.push(ratio);
    console.log(
      `run ${run} (${order[0] === 0 ? 'A first' : 'B first'}) load ${load}: A ${median(a).toFixed(1)} ms, ` +
        `B ${median(b).toFixed(1)} ms CPU a round; B/A ${ratio.toFixed(3)} (${corpusSize})`,
    );
  }
  console.log(`A = ${trees[0]}\nB = ${trees[1]}`);
  console.log(
    `median B/A over ${options.runs} runs: ${median(ratios).toFixed(3)}; load now ${os.loadavg()[0].toFixed(1)}`,
  );
  fs.rmSync(bundleDir, { recursive: true, force: true });
}

// Runs the bundles' rounds in one child process; their CPU times a round, in the bundles' order.
function timeRounds(measured, rounds, bundles) {
  const timed = runChildProcess(fileURLToPath(import.meta.url), [measured, String(rounds), ...bundles], 1 << 24);
  corpusSize = `${timed.files} files, ${timed.megabytes} MB`;
  return timed.rounds;
}

// The tree's Bicep syntax as one CommonJS bundle, built like the bench's bundles.
async function bundleSyntax(tree, index, directory) {
  const outfile = path.join(directory, `syntax-${index}.cjs`);
  await esbuild.build({
    ...nodeBundle,
    entryPoints: [path.join(tree, 'server', 'src', 'syntax', 'bicep', 'index.ts')],
    outfile,
  });
  return outfile;
}

function runChild([measured, rounds, ...bundles]) {
  const require = createRequire(import.meta.url);
  const libraries = bundles.map((bundle) => require(bundle));
  const texts = corpusTexts(path.join(root, '..', 'shared', 'corpus'), measured === 'small');
  const outlineAll = (library) => {
    for (const text of texts) library.outlineBicep(text, 'bicep');
  };
  const parseAll = (library) => {
    for (const text of texts) library.parseBicep(text);
  };
  // Small files are many more rounds of little work each: repeated so that a round is not a tick of the clock.
  const repeats = measured === 'small' ? 20 : 1;
  const outlineRepeated = (library) => {
    for (let i = 0; i < repeats; i++) outlineAll(library);
  };
  const timedWork = measured === 'parse' ? parseAll : outlineRepeated;
  // Warmed as the bench warms (parse rounds, then an outline round), the trees taking turns: a tree
  // warmed wholly before the other ran its rounds 10-15% slower, in either order.
  for (let round = 0; round < 8; round++) libraries.forEach(parseAll);
  for (let round = 0; round < 2; round++) libraries.forEach(outlineAll);
  const timed = libraries.map(() => []);
  for (let round = 0; round < Number(rounds); round++) {
    libraries.forEach((library, i) => timed[i].push(cpuMilliseconds(() => timedWork(library))));
  }
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  console.log(JSON.stringify({ files: texts.length, megabytes: megabytes.toFixed(1), rounds: timed }));
}

function corpusTexts(corpus, small) {
  const files = [];
  const walk = (directory) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.bicep') && (!small || /[\\/]avm[\\/]res[\\/]/.test(full))) files.push(full);
    }
  };
  walk(corpus);
  const texts = files.sort().map((file) => fs.readFileSync(file, 'utf8'));
  return small ? texts.filter((text) => text.length < 8000) : texts;
}
