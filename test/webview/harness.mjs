// The topology page outside VS Code, as the browser suite and the render benchmark load it: the
// extension's own HTML (client/src/topology-html.ts, same Content Security Policy and nonce) served from
// 127.0.0.1 with dist/webview/topology.js, a stub for acquireVsCodeApi that records what the page posts,
// and VS Code's dark theme variables set the way the workbench sets them.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { topologyHtml } from '../../client/src/topology-html.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const defaultScript = path.join(repoRoot, 'dist/webview/topology.js');

export const darkTheme = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-red': '#f14c4c',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-sideBar-background': '#181818',
};
export const lightTheme = {
  ...darkTheme,
  '--vscode-editor-background': '#ffffff',
  '--vscode-editor-foreground': '#3b3b3b',
  '--vscode-foreground': '#3b3b3b',
  '--vscode-descriptionForeground': '#3b3b3b',
  '--vscode-charts-blue': '#1a85ff',
  '--vscode-charts-green': '#388a34',
  '--vscode-charts-purple': '#652d90',
  '--vscode-charts-yellow': '#bf8803',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorError-foreground': '#e51400',
  '--vscode-editorWarning-foreground': '#bf8803',
  '--vscode-editorInfo-foreground': '#1a85ff',
  '--vscode-button-background': '#005fb8',
  '--vscode-button-secondaryBackground': '#e5e5e5',
  '--vscode-button-secondaryForeground': '#3b3b3b',
  '--vscode-panel-border': '#e5e5e5',
  '--vscode-sideBar-background': '#f8f8f8',
};

/** The nonce the harness gives topologyHtml (the extension makes a fresh one per page). */
export const nonce = 'harnessNonce0123456789';
/** Runs before the page script: the parts of a webview the page relies on. */
const stub = (theme) => `
window.__posted = []; window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state, setState: (state) => { window.__state = state; },
});
for (const [name, value] of Object.entries(${JSON.stringify(theme)})) document.documentElement.style.setProperty(name, value);
`;

/**
 * Serves the page; `csp: false` drops the policy, to show that escaping alone keeps names inert.
 * `inject` is HTML put at the end of the body, under the page's own policy (the CSP tests' probes).
 * `script` serves another bundle under the same HTML (scripts/topology-ab.mjs: another tree's build).
 */
export async function startPageServer({ csp = true, inject = '', script = defaultScript } = {}) {
  if (!fs.existsSync(script)) throw new Error(`missing ${script}: run npm run build`);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/topology.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(fs.readFileSync(script));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (url.pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    const origin = `http://127.0.0.1:${server.address().port}`;
    let html = topologyHtml({ cspSource: origin, scriptUri: `${origin}/topology.js`, nonce });
    if (!csp) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const theme = url.searchParams.get('theme') === 'light' ? lightTheme : darkTheme;
    html = html
      .replace('<body>', `<body class="${url.searchParams.get('theme') === 'light' ? 'vscode-light' : 'vscode-dark'}">`)
      .replace('</head>', `<script nonce="${nonce}">${stub(theme)}</script>\n</head>`)
      .replace('</body>', `${inject}</body>`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium, headless, flags as in test/vscode/lib.mjs: no name resolves but localhost. */
export async function launchBrowser() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-webview-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
    },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A fresh page on the harness, with the page's `ready` received. */
export async function openPage(browser, server, { theme = 'dark', viewport = { width: 1400, height: 900 } } = {}) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}?theme=${theme}`);
  await page.waitForFunction(() => window.__posted.some((message) => message.type === 'ready'));
  return { page, errors };
}

let seq = 0;
/** Posts a model the way the extension does and waits for the page's `rendered` answer. */
export async function postModel(page, model, { scope = 'workspace', title = 'test' } = {}) {
  const current = ++seq;
  await page.evaluate((message) => window.postMessage(message, '*'), {
    type: 'model',
    model,
    scope,
    title,
    seq: current,
  });
  await page.waitForFunction(
    (s) => window.__posted.some((message) => message.type === 'rendered' && message.seq === s),
    current,
    { timeout: 60_000 },
  );
  return page.evaluate(
    (s) => window.__posted.find((message) => message.type === 'rendered' && message.seq === s),
    current,
  );
}

export const describe = (page) => page.evaluate(() => window.vnetLensTopology.describe());
export const posted = (page, type) =>
  page.evaluate((t) => window.__posted.filter((message) => message.type === t), type);
