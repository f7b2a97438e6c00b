#!/usr/bin/env node
// Runs every test suite of the project, in order, and closes with one "N passed, N failed" line.
//
//   npm test                      build, type-check, then every suite
//   npm test -- --only unit,lsp   just those suites (the build still runs)
//
// Suites: unit, corpus, lsp (node:test over TypeScript through tsx), webview (the built topology
// page in headless Chromium), vscode (the in-editor mocha suite and the UI suite in code-server's
// real VS Code). A suite that runs no test counts as a failure: nothing here may pass by being empty.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

const nodeTestSuites = ['unit', 'corpus', 'lsp'];
const suites = [
  ...nodeTestSuites.map((name) => ({ name, run: () => runNodeTests(name) })),
  // The built topology page in headless Chromium (needs Debian's chromium: setup installs it).
  { name: 'webview', run: () => [setupBrowser() ?? runCounted('webview', process.execPath, ['--import', 'tsx', 'test/webview/run.mjs'])] },
  { name: 'vscode', run: runVsCodeSuites },
].filter((suite) => !only || only.has(suite.name));

const started = Date.now();
const totals = { passed: 0, failed: 0 };
const problems = [];

step('build', () => run('node', ['scripts/build.mjs']));
step('typecheck', () => run('node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']));
step('typecheck webview', () => run('node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'client/webview']));
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  for (const result of suite.run()) {
    totals.passed += result.passed;
    totals.failed += result.failed;
    if (result.passed + result.failed === 0) problems.push(`${result.label} ran no test`);
    if (result.exitCode !== 0 && result.failed === 0) problems.push(`${result.label} exited ${result.exitCode}`);
  }
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n=== summary (${minutes} min) ===`);
for (const problem of problems) console.log(`problem: ${problem}`);
if (problems.length > 0) totals.failed += problems.length;
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);

function step(label, fn) {
  const code = fn();
  if (code !== 0) {
    console.log(`${label} failed (exit ${code})`);
    console.log(`0 passed, 1 failed`);
    process.exit(1);
  }
}

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options }).status ?? 1;
}

/** Runs a command, echoes its output, and reads its "label: N passed, N failed" lines. */
function runCounted(label, command, commandArgs, env = {}) {
  const child = spawnSync(command, commandArgs, {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(child.stdout ?? '');
  const counts = [...(child.stdout ?? '').matchAll(/^(?:[\w-]+: )?(\d+) passed, (\d+) failed/gm)];
  const last = counts.at(-1);
  return {
    label,
    passed: last ? Number(last[1]) : 0,
    failed: last ? Number(last[2]) : 0,
    exitCode: child.status ?? 1,
  };
}

function runNodeTests(name) {
  const dir = path.join(root, 'test', name);
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : [])
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join('test', name, file));
  if (files.length === 0) return [{ label: name, passed: 0, failed: 0, exitCode: 0 }];
  return [runCounted(name, process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/summary-reporter.mjs', '--test-reporter-destination=stdout',
    ...files,
  ], { VNET_LENS_SUITE: name })];
}

/** Installs what the browser suites need (idempotent); a failure result, or undefined when ready. */
function setupBrowser() {
  const setup = run('bash', ['scripts/setup-code-server.sh']);
  return setup === 0 ? undefined : { label: 'browser setup', passed: 0, failed: 1, exitCode: setup };
}

function runVsCodeSuites() {
  const setup = run('bash', ['scripts/setup-code-server.sh']);
  if (setup !== 0) return [{ label: 'vscode setup', passed: 0, failed: 1, exitCode: setup }];
  if (run('node', ['scripts/package.mjs']) !== 0) return [{ label: 'vsix', passed: 0, failed: 1, exitCode: 1 }];
  return [
    runCounted('exthost', 'timeout', ['900', process.execPath, 'test/vscode/run-exthost.mjs']),
    runCounted('ui', 'timeout', ['900', process.execPath, 'test/vscode/run-ui.mjs']),
  ];
}
