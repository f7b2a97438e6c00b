#!/usr/bin/env node
// `npm run bench`: bundles every bench/*.bench.ts with esbuild as the product ships (the server and
// CLI run bundled), runs each in its own process so one bench's heap does not skew another's,
// prints a table with the machine's load beside each part and writes bench-results.json.
//
//   npm run bench                       every part
//   npm run bench -- --only scaling,server   the parts whose file names contain these words
//
// Contract for a bench file: print one line per measurement, `BENCH {"name", "value", "unit",
// "budget"?, "note"?}`; `budget` is the limit from DESIGN §10 or the issue, compared as value <= budget;
// a dotted name (`keystrokeMs.p95`) nests in bench-results.json. Benches take medians of interleaved
// runs, never the best of N. A budget missed does not fail the run (speed is not a test); a part that
// crashes does: the run exits 1.
import { execFileSync, spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : undefined;
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts') && (!only || only.some((word) => file.includes(word))))
  .sort();
if (files.length === 0) {
  console.error(`bench: no bench file matches ${only?.join(', ')}`);
  process.exit(1);
}

// The server and CLI benches run the shipped bundles: build them first, so the figures are today's code.
if (files.some((file) => /server|scaling/.test(file)))
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

const results = {};
const crashed = [];
for (const file of files) {
  process.stderr.write(`bench ${file} ...\n`);
  const loadBefore = os.loadavg()[0];
  // The topology bench drives Chromium through playwright and loads the page's test harness: it
  // measures the browser, so it runs from source; the others measure our code as it ships.
  const runsInBrowser = /topology/.test(file);
  const bundle = path.join(root, 'out', 'bench', file.replace(/\.ts$/, '.js'));
  if (!runsInBrowser) {
    await esbuild.build({
      ...nodeBundle,
      entryPoints: [path.join(root, 'bench', file)],
      outfile: bundle,
      // Bench files find the repository (and ../shared) from their own folder.
      define: { __dirname: JSON.stringify(path.join(root, 'bench')) },
    });
  }
  const entry = runsInBrowser ? ['--import', 'tsx', path.join('bench', file)] : [bundle];
  const child = spawnSync(process.execPath, ['--expose-gc', ...entry], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The one-minute load average before and after the part: other work on the machine slows it.
  const load = `${loadBefore.toFixed(2)}–${os.loadavg()[0].toFixed(2)}`;
  for (const line of child.stdout.split('\n')) {
    if (!line.startsWith('BENCH ')) continue;
    const measurement = JSON.parse(line.slice('BENCH '.length));
    results[measurement.name] = { ...measurement, file, load };
  }
  if (child.status !== 0) {
    crashed.push(file);
    results[`${file}:error`] = {
      name: `${file}:error`,
      value: child.status ?? child.signal,
      unit: 'exit code',
      file,
      load,
    };
  }
}

const rows = Object.values(results).map((r) => [
  r.name,
  formatNumber(r.value),
  r.unit ?? '',
  r.budget === undefined ? '' : `${formatNumber(r.budget)} ${r.value <= r.budget ? 'met' : 'MISSED'}`,
  r.load,
  r.note ?? '',
]);
const header = ['measurement', 'value', 'unit', 'budget', 'load', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const format = (row) =>
  row
    .map((cell, i) => String(cell).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(format(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(format(row));
// Dotted names nest (`keystrokeMs.p95` → keystrokeMs: { p95 }); every measurement keeps its details apart.
const values = {};
for (const r of Object.values(results)) {
  const steps = r.name.split('.');
  let into = values;
  for (const step of steps.slice(0, -1)) into = into[step] ??= {};
  into[steps.at(-1)] = r.value;
}
fs.writeFileSync(
  path.join(root, 'bench-results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      ...values,
      details: results,
    },
    null,
    2,
  ) + '\n',
);
if (crashed.length > 0) {
  console.error(`bench: ${crashed.join(', ')} crashed`);
  process.exit(1);
}

function formatNumber(value) {
  if (typeof value !== 'number') return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
