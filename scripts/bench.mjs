#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (through tsx, one process each so one bench's heap
// does not skew another's), prints a table and writes bench-results.json.
//
// Contract for a bench file: print one line per measurement, `BENCH {"name", "value", "unit",
// "budget"?, "note"?}`; `budget` is the limit from DESIGN §10 or the issue, compared as value <= budget.
// Benches measure; they never fail the build (speed is not a test).
import { spawnSync } from 'node:child_process';
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
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join('bench', file)], {
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
