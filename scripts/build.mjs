#!/usr/bin/env node
// Writes the resource-type facts (types.json) and the JSON Schema validators, then bundles the extension client, the language server, the CLI and the topology page with esbuild,
// and compiles the in-editor test suite without bundling (mocha loads it inside VS Code).
// Type checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// The resource-type facts are authored in TypeScript and read at run time as Bicep type data.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/write-types.ts'], { cwd: root, stdio: 'inherit' });
// JSON Schema validators are compiled here, not at run time: the bundles must hold no `new Function`.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/write-validators.ts'], { cwd: root, stdio: 'inherit' });
const production = process.argv.includes('--production');
const node = { ...nodeBundle, sourcemap: true, minify: production };

await Promise.all([
  esbuild.build({
    ...node,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...node, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...node, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: true,
    minify: production,
    logLevel: 'warning',
    entryPoints: ['client/webview/topology.ts'],
    outfile: 'dist/webview/topology.js',
  }),
  esbuild.build({
    entryPoints: fs
      .readdirSync('test/vscode/suite')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `test/vscode/suite/${f}`),
    outdir: 'out/test/vscode/suite',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  }),
]);
