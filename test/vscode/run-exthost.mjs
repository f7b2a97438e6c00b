#!/usr/bin/env node
// The in-editor suite: mocha inside the real VS Code extension host (code-server 4.100.3 = VS Code
// 1.100.3), the extension loaded unpacked from this repository — the @vscode/test-electron
// contract (extensionDevelopmentPath + extensionTestsPath) without a downloaded desktop build.
// The workbench reports the suite's end through window.codeAutomationExit.
//
//   node test/vscode/run-exthost.mjs [--keep] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  launchChromium, log, makeSandbox, onSignalCleanup, removeSandbox, repoRoot, saveVsCodeLogs,
  startCodeServer, stopCodeServer,
} from './lib.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const verbose = args.includes('--verbose');
const testsEntry = path.join(repoRoot, 'out/test/vscode/suite/index.js');
const timeoutMs = 300_000;

let server;
let browser;
let exitCode = 1;
let counts;
const sandbox = makeSandbox();
onSignalCleanup(async () => {
  await browser?.close().catch(() => {});
  if (!keep) removeSandbox(sandbox);
});
try {
  for (const file of [path.join(repoRoot, 'dist/extension.js'), path.join(repoRoot, 'dist/server.js'), testsEntry]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${file}: run npm run build`);
  }
  server = await startCodeServer(sandbox);
  log(`code-server up on ${server.base}`);
  const remote = (file) => `vscode-remote://${server.authority}${file}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(testsEntry)]]);
  const { context, page } = await launchChromium(sandbox);
  browser = context;

  let resolveExit;
  const exited = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    const match = /ext-host tests: (\d+) passed, (\d+) failed/.exec(line);
    if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
    if (verbose || !/^(Creating a socket|Resolv|Ignoring fetching|Updating additional)/.test(line)) console.log(`  [exthost ${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.goto(`${server.base}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(payload)}`);
  const code = await Promise.race([exited, sleepThen(timeoutMs, 'timeout')]);
  if (code === 'timeout') throw new Error(`the extension tests did not finish within ${timeoutMs} ms`);
  log(`extension host tests exited with code ${code}`);
  exitCode = code === 0 && counts && counts.failed === 0 ? 0 : 1;
} catch (error) {
  log('ERROR', error?.stack ?? error);
  if (server) console.log(`---- code-server output (tail) ----\n${server.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => {});
  await stopCodeServer(server);
  if (exitCode !== 0) saveVsCodeLogs(sandbox, 'vscode-logs-exthost');
  if (!keep) removeSandbox(sandbox); else log('kept', sandbox.tmp);
  console.log(`exthost: ${counts?.passed ?? 0} passed, ${counts?.failed ?? (exitCode ? 1 : 0)} failed`);
  process.exit(exitCode);
}

function sleepThen(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
