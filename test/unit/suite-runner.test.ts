// scripts/suite-runner.mjs, which `npm test` runs every suite through: a hung suite is named, its
// process group (children and grandchildren) killed, and a child left behind cannot hang the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths';

interface SuiteResult {
  stdout: string;
  exitCode: number;
  timedOut: boolean;
  message?: string;
  stillRunning: string[];
  leftBehind: string[];
  elapsedMs: number;
  aliveAfter: number[];
}

/** Runs runSuite in a fresh node process (the module is plain JavaScript for scripts/test.mjs). */
function runSuiteInChild(label: string, childScript: string, timeoutMs: number): SuiteResult {
  const runner = pathToFileURL(path.join(repoRoot, 'scripts/suite-runner.mjs')).href;
  const driver = `
    import { readFileSync } from 'node:fs';
    import { runSuite } from ${JSON.stringify(runner)};
    const started = Date.now();
    const result = await runSuite({ label: ${JSON.stringify(label)}, command: process.execPath,
      args: ['-e', ${JSON.stringify(childScript)}], timeoutMs: ${timeoutMs}, graceMs: 500, echo: false });
    const pids = [...result.stillRunning, ...result.leftBehind].map((line) => Number(line.split(' ')[0]));
    // Still running: in /proc and not a zombie (an ended process its new parent has yet to collect).
    const running = (pid) => { try { const stat = readFileSync('/proc/' + pid + '/stat', 'utf8'); return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'; } catch { return false; } };
    const aliveAfter = pids.filter(running);
    console.log(JSON.stringify({ ...result, elapsedMs: Date.now() - started, aliveAfter }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', driver], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as SuiteResult;
}

// A child that starts a grandchild (marked in its command line) and then both wait. They give up
// after 20 s by themselves, so a runner that fails to kill them fails these tests instead of hanging.
const hangingWithGrandchild = `
  require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000) /* hung-grandchild */'], { stdio: 'inherit' });
  console.log('started');
  setTimeout(() => {}, 20000);`;

describe('suite runner', () => {
  test('a suite that hangs is stopped at its timeout, named, and its whole process group killed', () => {
    const result = runSuiteInChild('lsp', hangingWithGrandchild, 1_500);
    assert.equal(result.timedOut, true);
    assert.equal(result.exitCode, 1);
    assert.match(result.message ?? '', /^lsp timed out after 0\.03 min and was killed; still running:/);
    assert.match(result.message ?? '', /hung-grandchild/, 'the message names the hung grandchild');
    assert.equal(result.stillRunning.length, 2, result.stillRunning.join('\n'));
    assert.deepEqual(result.aliveAfter, [], 'no process of the group survives');
    assert.equal(result.stdout, 'started\n');
    assert.ok(result.elapsedMs < 15_000, `took ${result.elapsedMs} ms`);
  });

  test('a child left behind holding the output pipe cannot hang a suite that ended', () => {
    const leaves = `
      require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000) /* left-server */'], { stdio: 'inherit' }).unref();
      console.log('unit: 3 passed, 0 failed');
      setTimeout(() => process.exit(0), 200);`;
    const result = runSuiteInChild('unit', leaves, 30_000);
    assert.equal(result.timedOut, false);
    assert.equal(result.exitCode, 0);
    assert.equal(result.message, undefined);
    assert.equal(result.leftBehind.length, 1);
    assert.match(result.leftBehind[0] ?? '', /left-server/);
    assert.deepEqual(result.aliveAfter, []);
    assert.ok(result.elapsedMs < 15_000, `the run waited ${result.elapsedMs} ms for the left-behind child`);
  });

  test('a suite that ends in time keeps its exit code and output', () => {
    const result = runSuiteInChild(
      'corpus',
      "console.log('corpus: 1 passed, 1 failed'); process.exitCode = 1;",
      30_000,
    );
    assert.equal(result.timedOut, false);
    assert.equal(result.exitCode, 1);
    assert.equal(result.stdout, 'corpus: 1 passed, 1 failed\n');
    assert.deepEqual(result.leftBehind, []);
  });
});
