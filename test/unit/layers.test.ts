// Imports point one way (DESIGN §1, STYLE §1): this walks every source file's imports and checks
// them against the table below. Only client/ may import `vscode`; only server/src/lsp may import
// `vscode-languageserver`; the webview and the engine never import each other.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

/** Layer → the layers of ours it may import (its own layer is always allowed). */
const mayImport: Record<string, readonly string[]> = {
  'syntax/bicep': [],
  'syntax/arm': [],
  syntax: ['syntax/bicep', 'syntax/arm'],
  protocol: [],
  version: [],
  'package-root': [],
  // The disk walk both faces use to find analysable files.
  'candidate-files': ['syntax'],
  // What the faces may read, and reading it without blocking.
  'read-scope': ['syntax'],
  facts: [],
  evaluate: ['syntax', 'syntax/bicep', 'syntax/arm', 'protocol'],
  model: ['syntax', 'syntax/bicep', 'syntax/arm', 'evaluate', 'protocol'],
  rules: ['model', 'facts', 'protocol'],
  fixes: ['syntax', 'syntax/bicep', 'syntax/arm', 'model', 'facts', 'protocol'],
  engine: ['syntax', 'syntax/bicep', 'syntax/arm', 'evaluate', 'model', 'facts', 'rules', 'fixes', 'protocol', 'version'],
  // Completion and hover logic (editor terms, no LSP): the cursor from syntax, answers from the model and facts.
  assist: ['syntax', 'syntax/bicep', 'syntax/arm', 'evaluate', 'model', 'facts', 'engine', 'protocol'],
  lsp: ['package-root', 'candidate-files', 'read-scope', 'engine', 'assist', 'syntax', 'syntax/bicep', 'syntax/arm', 'evaluate', 'model', 'facts', 'rules', 'fixes', 'protocol', 'version'],
  cli: ['package-root', 'candidate-files', 'read-scope', 'engine', 'syntax', 'syntax/bicep', 'syntax/arm', 'evaluate', 'model', 'facts', 'rules', 'fixes', 'protocol', 'version'],
  client: ['protocol'],
  webview: ['protocol'],
};

/** Packages only one layer may use. */
const packageOwners: Record<string, readonly string[]> = {
  vscode: ['client'],
  'vscode-languageclient': ['client'],
  'vscode-languageserver': ['lsp'],
  'vscode-languageserver-textdocument': ['lsp'],
};

function layerOf(file: string): string | undefined {
  const relative = path.relative(repoRoot, file).split(path.sep).join('/');
  if (relative.startsWith('client/webview/')) return 'webview';
  if (relative.startsWith('client/src/')) return 'client';
  const match = /^server\/src\/([^/]+)(?:\/([^/]+)\/)?/.exec(relative);
  if (!match) return undefined;
  if (match[1] === 'version.ts') return 'version';
  if (match[1] === 'package-root.ts') return 'package-root';
  if (match[1] === 'candidate-files.ts') return 'candidate-files';
  if (match[1] === 'read-scope.ts') return 'read-scope';
  if (match[1] === 'syntax' && (match[2] === 'bicep' || match[2] === 'arm')) return `syntax/${match[2]}`;
  return match[1].replace(/\.ts$/, '');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String)
    .filter((file) => file.endsWith('.ts') && !file.includes('node_modules'))
    .map((file) => path.join(dir, file));
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

test('every import respects the layer table', () => {
  const files = [...sourceFiles(path.join(repoRoot, 'server/src')), ...sourceFiles(path.join(repoRoot, 'client'))];
  assert.ok(files.length > 10, 'source files found');
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    if (!from) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      const where = `${path.relative(repoRoot, file)} imports '${specifier}'`;
      if (specifier.startsWith('.') && specifier.endsWith('/package.json')) {
        if (from !== 'version') violations.push(`${where}: only version.ts reads the package manifest`);
      } else if (specifier.startsWith('.') && /\/schemas\/[\w.-]+\.json$/.test(specifier)) {
        // The configuration schema the extension ships is data the engine validates against.
        if (from !== 'engine') violations.push(`${where}: only the engine reads the shipped schemas`);
      } else if (specifier.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), specifier));
        if (!target) {
          violations.push(`${where}, outside the layered source`);
        } else if (target !== from && !(mayImport[from] ?? []).includes(target)) {
          violations.push(`${where}: ${from} may not import ${target}`);
        }
      } else {
        const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        const owners = packageOwners[packageName];
        if (owners && !owners.includes(from)) violations.push(`${where}: only ${owners.join(', ')} may use ${packageName}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the layer check itself catches a wrong import', () => {
  assert.equal(layerOf(path.join(repoRoot, 'server/src/syntax/bicep/parser.ts')), 'syntax/bicep');
  assert.equal(layerOf(path.join(repoRoot, 'server/src/rules/x.ts')), 'rules');
  assert.ok(!(mayImport.rules).includes('lsp'));
  assert.ok(!(mayImport['syntax/bicep']).includes('evaluate'));
});
