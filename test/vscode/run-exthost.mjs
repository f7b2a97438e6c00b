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
import { spawnSync } from 'node:child_process';
import {
  installVsix,
  launchChromium,
  log,
  makeSandbox,
  onSignalCleanup,
  removeSandbox,
  repoRoot,
  saveVsCodeLogs,
  startCodeServer,
  stopCodeServer,
  watchExtensionProblems,
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
  // A stand-in for the Azure Resource Manager Tools extension declares the `arm-template` language,
  // installed beside ours, so this suite runs with that language present (the UI suite without).
  log(installVsix(sandbox, packStandIn(), 'vnet-lens-tests.arm-template-language'));
  server = await startCodeServer(sandbox);
  log(`code-server up on ${server.base}`);
  const remote = (file) => `vscode-remote://${server.authority}${file}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsEntry)],
  ]);
  const { context, page } = await launchChromium(sandbox);
  browser = context;
  // With the arm-template stand-in loaded, activation must log no error or warning either. The
  // check covers activation and the arm-template suite; later suites kill the server on purpose.
  const extensionProblems = watchExtensionProblems(page, sandbox);

  let resolveExit;
  const exited = new Promise((resolve) => {
    resolveExit = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    const match = /ext-host tests: (\d+) passed, (\d+) failed/.exec(line);
    if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
    if (line.includes('offers every ARM snippet, with its body, in an arm-template document'))
      extensionProblems.freeze();
    if (verbose || !/^(Creating a socket|Resolv|Ignoring fetching|Updating additional)/.test(line))
      console.log(`  [exthost ${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.goto(
    `${server.base}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(payload)}`,
  );
  const code = await Promise.race([exited, sleepThen(timeoutMs, 'timeout')]);
  if (code === 'timeout') throw new Error(`the extension tests did not finish within ${timeoutMs} ms`);
  log(`extension host tests exited with code ${code}`);
  exitCode = code === 0 && counts && counts.failed === 0 ? 0 : 1;
  const problems = extensionProblems.list();
  if (counts)
    counts = problems.length > 0 ? { ...counts, failed: counts.failed + 1 } : { ...counts, passed: counts.passed + 1 };
  if (problems.length > 0) {
    log(`FAIL VNet Lens logged errors or warnings:\n${problems.join('\n')}`);
    exitCode = 1;
  } else {
    log('ok   VNet Lens logged no error or warning');
  }
} catch (error) {
  log('ERROR', error?.stack ?? error);
  if (server) console.log(`---- code-server output (tail) ----\n${server.output().slice(-3000)}`);
} finally {
  await browser?.close().catch(() => {});
  await stopCodeServer(server);
  if (exitCode !== 0) saveVsCodeLogs(sandbox, 'vscode-logs-exthost');
  if (!keep) removeSandbox(sandbox);
  else log('kept', sandbox.tmp);
  console.log(`exthost: ${counts?.passed ?? 0} passed, ${counts?.failed ?? (exitCode ? 1 : 0)} failed`);
  process.exit(exitCode);
}

function sleepThen(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** Packages test/vscode/fixtures/arm-template-language into the sandbox with vsce. */
function packStandIn() {
  const vsix = path.join(sandbox.tmp, 'arm-template-language.vsix');
  const packed = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'),
      'package',
      '--allow-missing-repository',
      '--skip-license',
      '--out',
      vsix,
    ],
    {
      cwd: path.join(repoRoot, 'test/vscode/fixtures/arm-template-language'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    },
  );
  if (packed.status !== 0)
    throw new Error(`packaging the arm-template stand-in failed:\n${packed.stdout}\n${packed.stderr}`);
  return vsix;
}
