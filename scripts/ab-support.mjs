// What the in-process A/B scripts (analysis-ab, outline-ab) share: their command line (two trees, the
// second this one by default, and numeric options), a bundle folder of the run's own, the child
// process that times the bundles, and the statistics they print.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The trees and options of `script [--runs N] [--rounds N] [--flag…] treeA [treeB]`: the options are
 * the keys of `defaults`, a number takes a positive value, a string the word after it and a boolean
 * is a flag; exits with the usage on anything else.
 */
export function readCommandLine(argv, { defaults, usage }) {
  const options = { ...defaults };
  const trees = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].slice(2);
    if (argv[i].startsWith('--') && typeof defaults[name] === 'number') options[name] = Number(argv[++i]);
    else if (argv[i].startsWith('--') && typeof defaults[name] === 'string') options[name] = argv[++i] ?? '';
    else if (argv[i].startsWith('--') && typeof defaults[name] === 'boolean') options[name] = true;
    else trees.push(path.resolve(argv[i]));
  }
  if (trees.length === 1) trees.push(root);
  const numbersValid = Object.keys(defaults).every((name) => typeof defaults[name] !== 'number' || options[name] > 0);
  if (trees.length !== 2 || !numbersValid) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { options, trees };
}

/** A folder of this run's own under out/: two A/Bs started from one tree must not share bundles. */
export function makeBundleDir(prefix) {
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  return fs.mkdtempSync(path.join(root, 'out', `${prefix}-`));
}

/** Runs `script --child …args` in a fresh process and returns what it printed, as JSON. */
export function runChildProcess(script, args, maxBuffer) {
  const child = spawnSync(process.execPath, [script, '--child', ...args], { encoding: 'utf8', maxBuffer });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  return JSON.parse(child.stdout);
}

/** Even runs put tree A first, odd runs tree B: which goes first moves the timings. */
export function orderOfRun(run) {
  return run % 2 === 0 ? [0, 1] : [1, 0];
}

export function cpuMilliseconds(work) {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}

export function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
