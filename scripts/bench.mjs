#!/usr/bin/env node
// `npm run bench`: bundles every bench/*.bench.ts with esbuild as the product ships (the server and
// CLI run bundled), runs each in its own process so one bench's heap does not skew another's,
// prints a table and writes bench-results.json.
//
// Contract for a bench file: print one line per measurement, `BENCH {"name", "value", "unit",
// "budget"?, "note"?}`; `budget` is the limit from DESIGN §10 or the issue, compared as value <= budget.
// Benches measure; they never fail the build (speed is not a test).
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2];
const files = fs.readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter)))
  .sort();

const results = {};
for (const file of files) {
  process.stderr.write(`bench ${file} ...\n`);
  // The topology bench drives Chromium through playwright and loads the page's test harness: it
  // measures the browser, so it runs from source; the others measure our code as it ships.
  const runsInBrowser = /topology/.test(file);
  const bundle = path.join(root, 'out', 'bench', file.replace(/\.ts$/, '.js'));
  if (!runsInBrowser) {
    await esbuild.build({
      entryPoints: [path.join(root, 'bench', file)], outfile: bundle, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning',
      // Bench files find the repository (and ../shared) from their own folder.
      define: { __dirname: JSON.stringify(path.join(root, 'bench')) },
    });
  }
  const entry = runsInBrowser ? ['--import', 'tsx', path.join('bench', file)] : [bundle];
  const child = spawnSync(process.execPath, ['--expose-gc', ...entry], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of child.stdout.split('\n')) {
    if (!line.startsWith('BENCH ')) continue;
    const measurement = JSON.parse(line.slice('BENCH '.length));
    results[measurement.name] = { ...measurement, file };
  }
  if (child.status !== 0) results[`${file}:error`] = { name: `${file}:error`, value: child.status, unit: 'exit code', file };
}

const rows = Object.values(results).map((r) => [
  r.name, formatNumber(r.value), r.unit ?? '',
  r.budget === undefined ? '' : `${formatNumber(r.budget)} ${r.value <= r.budget ? 'met' : 'MISSED'}`,
  r.note ?? '',
]);
const header = ['measurement', 'value', 'unit', 'budget', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
const format = (row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
console.log(format(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(format(row));
fs.writeFileSync(path.join(root, 'bench-results.json'), JSON.stringify({
  date: new Date().toISOString(), node: process.version, results,
}, null, 2) + '\n');

function formatNumber(value) {
  if (typeof value !== 'number') return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
