#!/usr/bin/env node
// `npm run test:electron`: the in-editor suite through @vscode/test-electron, which downloads a
// desktop VS Code (1.100.3, the version code-server ships) — for machines with internet access.
// Here, without it, `npm test` runs the same suite in code-server (test/vscode/run-exthost.mjs).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-electron-'));
fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/test/vscode/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
