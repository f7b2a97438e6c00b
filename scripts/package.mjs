#!/usr/bin/env node
// Builds the bundles and packages them as dist/vnet-lens.vsix with @vscode/vsce (no node_modules
// inside: everything the extension runs is bundled).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(['scripts/build.mjs', '--production']);
run([
  'node_modules/@vscode/vsce/vsce',
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '--out',
  'dist/vnet-lens.vsix',
]);
