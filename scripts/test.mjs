#!/usr/bin/env node
// Runs every test suite of the project, in order, and closes with one "N passed, N failed" line.
//
//   npm test                      build, type-check, format check, then every suite
//   npm test -- --only unit,lsp   just those suites (the build still runs)
//
// Suites: unit, corpus, lsp (node:test over TypeScript through tsx), webview (the built topology
// page in headless Chromium), vscode (the in-editor mocha suite and the UI suite in code-server's
// real VS Code). A suite that runs no test counts as a failure: nothing here may pass by being empty.
// Each suite runs in its own process group under an overall timeout (VNET_LENS_SUITE_TIMEOUT_MIN
// overrides it): when it fires, the run names what still ran and kills it, and moves on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from './suite-runner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

const minutes = (fallback) => Number(process.env.VNET_LENS_SUITE_TIMEOUT_MIN ?? fallback) * 60_000;
// Budgets several times a normal run's length on 2 cores (unit takes over 10 min when the machine
// is shared by several runs), so only a hang reaches them.
const timeouts = {
  unit: minutes(25),
  corpus: minutes(20),
  lsp: minutes(20),
  webview: minutes(20),
  exthost: minutes(20),
  ui: minutes(20),
};

const nodeTestSuites = ['unit', 'corpus', 'lsp'];
const suites = [
  ...nodeTestSuites.map((name) => ({ name, run: () => runNodeTests(name) })),
  // The built topology page in headless Chromium (needs Debian's chromium: setup installs it).
  {
    name: 'webview',
    run: async () => [
      setupBrowser() ?? (await runCounted('webview', process.execPath, ['--import', 'tsx', 'test/webview/run.mjs'])),
    ],
  },
  { name: 'vscode', run: runVsCodeSuites },
].filter((suite) => !only || only.has(suite.name));

const started = Date.now();
const totals = { passed: 0, failed: 0 };
const problems = [];

step('build', () => run('node', ['scripts/build.mjs']));
step('typecheck', () => run('node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']));
// One TypeScript project per layer (the webview's among them), each referencing only the layers it may
// import: a wrong import fails here. Declarations go to out/layers, so a second run checks only what changed.
step('typecheck layers', () => run('node', ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.layers.json']));
// One layout for all code (prettier at width 120, .prettierrc.json): `npm run format` writes it.
step('format check', () =>
  run('node', ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']),
);
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  for (const result of await suite.run()) {
    totals.passed += result.passed;
    totals.failed += result.failed;
    if (result.timeoutMessage) problems.push(result.timeoutMessage);
    else if (result.passed + result.failed === 0) problems.push(`${result.label} ran no test`);
    else if (result.exitCode !== 0 && result.failed === 0) problems.push(`${result.label} exited ${result.exitCode}`);
  }
}

const elapsed = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n=== summary (${elapsed} min) ===`);
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

/**
 * Runs a command under the suite's timeout, echoes its output, and reads its "label: N passed,
 * N failed" lines. A timeout or a process left behind is reported under the suite's name.
 */
async function runCounted(label, command, commandArgs, env = {}) {
  const result = await runSuite({
    label,
    command,
    args: commandArgs,
    cwd: root,
    env: { ...process.env, ...env },
    timeoutMs: timeouts[label],
  });
  if (result.message) console.log(`\n${result.message}`);
  if (result.leftBehind.length > 0) {
    console.log(
      `\n${label} left processes behind (killed):\n${result.leftBehind.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  const counts = [...result.stdout.matchAll(/^(?:[\w-]+: )?(\d+) passed, (\d+) failed/gm)];
  const last = counts.at(-1);
  return {
    label,
    passed: last ? Number(last[1]) : 0,
    failed: last ? Number(last[2]) : 0,
    exitCode: result.exitCode,
    timeoutMessage: result.message,
  };
}

async function runNodeTests(name) {
  const dir = path.join(root, 'test', name);
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) : [])
    .map(String)
    .filter((file) => file.endsWith('.test.ts'))
    .sort()
    .map((file) => path.join('test', name, file));
  if (files.length === 0) return [{ label: name, passed: 0, failed: 0, exitCode: 0 }];
  return [
    await runCounted(
      name,
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=./test/support/summary-reporter.mjs',
        '--test-reporter-destination=stdout',
        ...files,
      ],
      { VNET_LENS_SUITE: name },
    ),
  ];
}

/** Installs what the browser suites need (idempotent); a failure result, or undefined when ready. */
function setupBrowser() {
  const setup = run('bash', ['scripts/setup-code-server.sh']);
  return setup === 0 ? undefined : { label: 'browser setup', passed: 0, failed: 1, exitCode: setup };
}

async function runVsCodeSuites() {
  const setup = run('bash', ['scripts/setup-code-server.sh']);
  if (setup !== 0) return [{ label: 'vscode setup', passed: 0, failed: 1, exitCode: setup }];
  if (run('node', ['scripts/package.mjs']) !== 0) return [{ label: 'vsix', passed: 0, failed: 1, exitCode: 1 }];
  return [
    await runCounted('exthost', process.execPath, ['test/vscode/run-exthost.mjs']),
    await runCounted('ui', process.execPath, ['test/vscode/run-ui.mjs']),
  ];
}
