#!/usr/bin/env node
// The UI suite: the packaged VSIX installed into code-server's real VS Code, the workbench opened
// on a copy of examples/ in headless Chromium, and what a user sees checked step by step.
// Screenshots go to test-results/ui-*.png. Each step counts as one test.
//
//   node test/vscode/run-ui.mjs [--keep]
import fs from 'node:fs';
import path from 'node:path';
import {
  installVsix, launchChromium, log, makeSandbox, onSignalCleanup, removeSandbox, repoRoot, resultsDir,
  saveVsCodeLogs, startCodeServer, stopCodeServer,
} from './lib.mjs';

const keep = process.argv.includes('--keep');
const vsix = path.join(repoRoot, 'dist/vnet-lens.vsix');
const extensionId = 'vnet-lens.vnet-lens';
const results = [];
let server;
let browser;
let page;

const sandbox = makeSandbox();
onSignalCleanup(async () => {
  await browser?.close().catch(() => {});
  if (!keep) removeSandbox(sandbox);
});
fs.mkdirSync(resultsDir, { recursive: true });

/** One step = one test; a failed step stops the run (later steps depend on it). */
async function step(name, fn) {
  const since = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`ok   ${name} (${Date.now() - since} ms)`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    log(`FAIL ${name}: ${error?.message ?? error}`);
    await page?.screenshot({ path: path.join(resultsDir, 'ui-failure.png') }).catch(() => {});
    return false;
  }
}

async function shot(name) {
  await page.screenshot({ path: path.join(resultsDir, `ui-${name}.png`) });
}

async function runCommandPalette(text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${text}`);
}

const steps = [
  ['the VSIX installs into code-server', async () => {
    if (!fs.existsSync(vsix)) throw new Error(`missing ${vsix}: run npm run package`);
    log(installVsix(sandbox, vsix, extensionId));
  }],
  ['the workbench opens examples/', async () => {
    server = await startCodeServer(sandbox);
    ({ context: browser, page } = await launchChromium(sandbox));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:', 'vscode-file:'].includes(url.protocol)) {
        log(`unexpected request to ${url.href}`);
      }
    });
    await page.goto(`${server.base}/?folder=${encodeURIComponent(sandbox.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.bicep' }).first().waitFor({ timeout: 60_000 });
  }],
  ['opening main.bicep gives it the Bicep language', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('main.bicep');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'main.bicep' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'main.bicep' }).waitFor();
    await page.locator('.statusbar-item', { hasText: /^Bicep$/ }).first().waitFor({ timeout: 30_000 });
  }],
  ['the status bar shows the VNet Lens server running', async () => {
    const item = page.locator('.statusbar-item#vnet-lens\\.vnet-lens\\.vnetLens\\.status, .statusbar-item:has-text("VNet Lens")').first();
    await item.waitFor({ timeout: 60_000 });
    // The running state shows the shield icon; starting shows a spinner, stopped an error icon.
    await page.locator('.statusbar-item:has-text("VNet Lens") .codicon-shield').first().waitFor({ timeout: 60_000 });
    await shot('status-bar');
  }],
  ['the command palette lists the VNet Lens commands', async () => {
    await runCommandPalette('VNet Lens');
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    for (const title of ['VNet Lens: Show Topology', 'VNet Lens: Fix All in File', 'VNet Lens: Restart Server']) {
      await rows.filter({ hasText: title }).first().waitFor({ timeout: 15_000 });
    }
    await shot('command-palette');
    await page.keyboard.press('Escape');
  }],
  ['the language server process runs from the installed extension', async () => {
    const extensionsDir = sandbox.common[sandbox.common.indexOf('--extensions-dir') + 1];
    const processes = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map((pid) => {
      try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '); } catch { return ''; }
    });
    const serverProcess = processes.find((line) => line.includes(extensionsDir) && line.includes('dist/server.js'));
    if (!serverProcess) throw new Error('no dist/server.js process from the installed extension');
    log(`server process: ${serverProcess.trim()}`);
  }],
];

try {
  for (const [name, fn] of steps) {
    if (!(await step(name, fn))) break;
  }
} finally {
  const failed = results.filter((result) => !result.ok).length + (steps.length - results.length);
  if (failed > 0) {
    saveVsCodeLogs(sandbox, 'vscode-logs-ui');
    if (server) console.log(`---- code-server output (tail) ----\n${server.output().slice(-3000)}`);
  }
  await browser?.close().catch(() => {});
  await stopCodeServer(server);
  if (!keep) removeSandbox(sandbox); else log('kept', sandbox.tmp);
  console.log(`ui: ${results.filter((result) => result.ok).length} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
