// Shared by the in-editor and UI runners: a throwaway sandbox (user data, extensions, a copy of
// examples/ as the workspace, XDG and TMP dirs), code-server start/stop, and Debian's Chromium
// through playwright-core. Adapted from the recipe proven in ../shared/vscode-e2e.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const resultsDir = path.join(repoRoot, 'test-results');
const codeServerEntry = path.join(here, 'code-server/node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const started = Date.now();
export const log = (...parts) => console.log(`[vscode +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...parts);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A sandbox for one code-server run. By default it is fresh, in the temp folder, and its
 * workspace is a copy of examples/ so tests may edit it freely; `npm start` passes a lasting
 * `dir` and its own scratch copy of examples/ as `workspace`.
 */
export function makeSandbox({ settings = {}, dir, workspace } = {}) {
  if (!fs.existsSync(codeServerEntry))
    throw new Error('code-server is not installed: run scripts/setup-code-server.sh');
  const tmp = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-vscode-'));
  fs.mkdirSync(tmp, { recursive: true });
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'workspace', 'xdg', 'chromium-profile', 'tmp'].map((name) => [
      name,
      path.join(tmp, name),
    ]),
  );
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  if (workspace) dirs.workspace = workspace;
  else fs.cpSync(path.join(repoRoot, 'examples'), dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  const configFile = path.join(tmp, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const env = { ...process.env };
  for (const name of ['PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'VSCODE_IPC_HOOK_CLI']) delete env[name];
  // No extension gallery: code-server's default (open-vsx.org) is unreachable here.
  env.EXTENSIONS_GALLERY = '{}';
  // code-server, VS Code and the built-in extensions write config, logs, sockets and temp files
  // under these: keep every one of them inside the sandbox.
  for (const [name, sub] of [
    ['XDG_CONFIG_HOME', 'config'],
    ['XDG_DATA_HOME', 'data'],
    ['XDG_CACHE_HOME', 'cache'],
    ['XDG_RUNTIME_DIR', 'runtime'],
  ]) {
    env[name] = path.join(dirs.xdg, sub);
    fs.mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  env.TMPDIR = dirs.tmp;
  const common = ['--config', configFile, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];
  return {
    tmp,
    workspace: dirs.workspace,
    userData: dirs['user-data'],
    browserProfile: dirs['chromium-profile'],
    env,
    common,
  };
}

export function removeSandbox(sandbox) {
  fs.rmSync(sandbox.tmp, { recursive: true, force: true });
}

export function installVsix(sandbox, vsix, extensionId) {
  const install = spawnSync(
    process.execPath,
    [codeServerEntry, ...sandbox.common, '--install-extension', vsix, '--force'],
    { env: sandbox.env, encoding: 'utf8', timeout: 120_000 },
  );
  if (install.status !== 0)
    throw new Error(`--install-extension exited ${install.status}\n${install.stdout}\n${install.stderr}`);
  const list = spawnSync(
    process.execPath,
    [codeServerEntry, ...sandbox.common, '--list-extensions', '--show-versions'],
    { env: sandbox.env, encoding: 'utf8', timeout: 60_000 },
  );
  const line = list.stdout.split('\n').find((entry) => entry.startsWith(`${extensionId}@`));
  if (!line) throw new Error(`${extensionId} is not listed after install:\n${list.stdout}\n${list.stderr}`);
  return line.trim();
}

// code-server runs in its own process group so that stopping it also stops the extension host
// and the language servers it forked; a runner stopped by a signal takes the group along.
const liveGroups = new Set();
const killGroup = (pgid, signal) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
};
const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
const cleanups = new Set();
export const onSignalCleanup = (fn) => cleanups.add(fn);
process.on('exit', () => {
  for (const group of liveGroups) killGroup(group, 'SIGKILL');
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, async () => {
    log(`${signal}: stopping code-server and Chromium`);
    for (const group of liveGroups) killGroup(group, 'SIGKILL');
    setTimeout(() => process.exit(code), 5000).unref();
    for (const fn of cleanups) {
      try {
        await fn();
      } catch {
        /* best effort */
      }
    }
    process.exit(code);
  });
}

export async function startCodeServer(
  sandbox,
  { port: wantedPort, host = '127.0.0.1', timeoutMs = 60_000, inheritOutput = false } = {},
) {
  const port = wantedPort ?? (await freePort());
  const base = `http://${host}:${port}`;
  const output = [];
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      ...sandbox.common,
      '--auth',
      'none',
      '--bind-addr',
      `${host}:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      sandbox.workspace,
    ],
    {
      env: sandbox.env,
      stdio: ['ignore', inheritOutput ? 'inherit' : 'pipe', inheritOutput ? 'inherit' : 'pipe'],
      detached: true,
    },
  );
  liveGroups.add(child.pid);
  if (!inheritOutput) {
    child.stdout.on('data', (chunk) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  }
  const since = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - since > timeoutMs) {
      killGroup(child.pid, 'SIGKILL');
      throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${output.join('')}`);
    }
    await sleep(100);
  }
  return { child, port, base, authority: `${host}:${port}`, output: () => output.join('') };
}

export async function stopCodeServer(server) {
  if (!server) return;
  const pgid = server.child.pid;
  killGroup(pgid, 'SIGTERM');
  let deadline = Date.now() + 10_000;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    killGroup(pgid, 'SIGKILL');
    deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  }
  liveGroups.delete(pgid);
}

/** Debian's Chromium, headless, with a fresh profile; no name resolves but localhost. */
export async function launchChromium(sandbox, viewport = { width: 1600, height: 1000 }) {
  const home = path.join(sandbox.tmp, 'browser-home');
  fs.mkdirSync(home, { recursive: true });
  const context = await chromium.launchPersistentContext(sandbox.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      TMPDIR: sandbox.env.TMPDIR,
    },
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Debian's Chromium still looks up Google hosts with the flags above; resolve nothing but
      // localhost inside Chromium itself, so no lookup leaves the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function saveVsCodeLogs(sandbox, name) {
  const destination = path.join(resultsDir, name);
  try {
    fs.mkdirSync(destination, { recursive: true });
    fs.cpSync(path.join(sandbox.userData, 'logs'), destination, { recursive: true });
    log('VS Code logs copied to', destination);
  } catch (error) {
    log('could not copy VS Code logs:', error.message);
  }
}

/**
 * Collects what the workbench reports as an error or warning about our extension: its browser
 * console (where VS Code logs manifest problems such as an unknown language), failed requests for
 * the extension's files, and [error]/[warning] lines of the extension host logs that name it.
 * Returns `list()`, what was reported so far, and `freeze()`, after which `list()` keeps answering
 * what was reported up to then (a suite that kills the server on purpose freezes it before).
 */
export function watchExtensionProblems(page, sandbox, extensionId = 'vnet-lens.vnet-lens') {
  const ours = (text) => text.includes(extensionId) || /\bvnetLens\b|VNet Lens/.test(text);
  const seen = [];
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && ours(message.text())) {
      seen.push(
        `console ${message.type()}: ${message
          .text()
          .replace(/%c|color: #\w+/g, '')
          .trim()}`,
      );
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes(extensionId))
      seen.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  let frozen;
  const list = () => {
    if (frozen) return frozen;
    const fromLogs = [];
    const logs = path.join(sandbox.userData, 'logs');
    const files = fs.existsSync(logs)
      ? fs
          .readdirSync(logs, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.log'))
      : [];
    for (const file of files) {
      const lines = fs.readFileSync(path.join(logs, file), 'utf8').split('\n');
      const ourChannel = file.includes(`${extensionId}${path.sep}`);
      for (const line of lines) {
        if (/\[(error|warning)\]/.test(line) && (ourChannel || ours(line))) fromLogs.push(`${file}: ${line}`);
      }
    }
    return [...seen, ...fromLogs];
  };
  return {
    list,
    freeze: () => {
      frozen = list();
    },
  };
}
