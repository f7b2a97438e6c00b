// Imports point one way (DESIGN §1, STYLE §1), checked twice. The compiler: each layer is a TypeScript
// project (`server/src/<layer>/tsconfig.json`, built by `tsc -b tsconfig.layers.json`) that references
// only the layers it may import, so a wrong import is a build error. This test: every source file's
// imports against the finer table below (top-level files are layers of their own here), plus the
// packages only one layer may use. Both checkers are run on a planted violation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { importsOf, typeScriptFiles } from '../support/import-graph';
import { repoRoot } from '../support/paths';

const syntax = ['syntax', 'syntax/bicep', 'syntax/arm'];

/** Layer → the layers of ours it may import (its own layer is always allowed): DESIGN §1's table. */
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
  evaluate: [...syntax],
  model: ['evaluate'],
  rules: ['model', 'facts'],
  fixes: [...syntax, 'model', 'facts'],
  engine: [...syntax, 'evaluate', 'model', 'facts', 'rules', 'fixes', 'protocol', 'version'],
  // Completion and hover logic (editor terms, no LSP): the cursor from syntax, answers from the model and facts.
  assist: [...syntax, 'evaluate', 'model', 'facts', 'engine'],
  lsp: [
    'package-root',
    'candidate-files',
    'read-scope',
    'engine',
    'assist',
    ...syntax,
    'evaluate',
    'model',
    'facts',
    'rules',
    'fixes',
    'protocol',
    'version',
  ],
  cli: [
    'package-root',
    'candidate-files',
    'read-scope',
    'engine',
    ...syntax,
    'evaluate',
    'model',
    'facts',
    'rules',
    'fixes',
    'protocol',
    'version',
  ],
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

/** The one shared package: client, server and webview import the protocol by this name. */
const protocolPackage = '@vnet-lens/protocol';

function layerOf(root: string, file: string): string | undefined {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.startsWith('client/webview/')) return 'webview';
  if (relative.startsWith('client/src/')) return 'client';
  const match = /^server\/src\/([^/]+)(?:\/([^/]+)\/)?/.exec(relative);
  if (!match) return undefined;
  if (['version.ts', 'package-root.ts', 'candidate-files.ts', 'read-scope.ts'].includes(match[1]))
    return match[1].replace(/\.ts$/, '');
  if (match[1] === 'syntax' && (match[2] === 'bicep' || match[2] === 'arm')) return `syntax/${match[2]}`;
  return match[1].replace(/\.ts$/, '');
}

/** Every import under `root` that breaks the table, as `file imports 'x': why`. */
function layerViolations(root: string): string[] {
  const files = ['server/src', 'client'].flatMap((folder) => typeScriptFiles(path.join(root, folder)));
  const violations: string[] = [];
  for (const file of files) {
    const from = layerOf(root, file);
    if (!from) continue;
    for (const { specifier } of importsOf(file)) {
      const where = `${path.relative(root, file)} imports '${specifier}'`;
      const allowed = (target: string) => target === from || (mayImport[from] ?? []).includes(target);
      if (specifier.startsWith('.') && specifier.endsWith('/package.json')) {
        if (from !== 'version') violations.push(`${where}: only version.ts reads the package manifest`);
      } else if (specifier.startsWith('.') && /\/schemas\/[\w.-]+\.json$/.test(specifier)) {
        // The configuration schema the extension ships is data the engine validates against.
        if (from !== 'engine') violations.push(`${where}: only the engine reads the shipped schemas`);
      } else if (specifier.startsWith('.')) {
        const target = layerOf(root, path.resolve(path.dirname(file), specifier));
        if (!target) violations.push(`${where}, outside the layered source`);
        else if ((from === 'client' || from === 'webview') && target === 'protocol')
          violations.push(`${where}: import '${protocolPackage}' instead of reaching into the server`);
        else if (!allowed(target)) violations.push(`${where}: ${from} may not import ${target}`);
      } else if (specifier === protocolPackage) {
        if (!allowed('protocol')) violations.push(`${where}: ${from} may not import protocol`);
      } else {
        const packageName = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        const owners = packageOwners[packageName];
        if (owners && !owners.includes(from))
          violations.push(`${where}: only ${owners.join(', ')} may use ${packageName}`);
      }
    }
  }
  return violations;
}

/** A scratch folder inside the repository (so node_modules resolves), removed after the test. */
function scratch(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(repoRoot, 'out', 'layer-check-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

fs.mkdirSync(path.join(repoRoot, 'out'), { recursive: true });

test('every import respects the layer table', () => {
  assert.ok(typeScriptFiles(path.join(repoRoot, 'server/src')).length > 10, 'source files found');
  assert.deepEqual(layerViolations(repoRoot), []);
});

test('the layer check fails on planted wrong imports', (t) => {
  const root = scratch(t);
  write(root, 'server/src/evaluate/value.ts', 'export const value = 1;\n');
  write(root, 'server/src/protocol/index.ts', 'export const method = "m";\n');
  write(
    root,
    'server/src/syntax/bicep/lexer.ts',
    "import { value } from '../../evaluate/value';\nexport const lexer = value;\n",
  );
  write(root, 'server/src/rules/rule.ts', "import { method } from '../protocol';\nexport const rule = method;\n");
  write(
    root,
    'server/src/model/build.ts',
    "import { method } from '@vnet-lens/protocol';\nexport const build = method;\n",
  );
  write(
    root,
    'client/src/status.ts',
    "import type { method } from '../../server/src/protocol';\nexport type Status = typeof method;\n",
  );
  write(
    root,
    'client/src/fine.ts',
    "import { method } from '@vnet-lens/protocol';\nimport * as vscode from 'vscode';\nexport const fine = [method, vscode];\n",
  );
  write(
    root,
    'server/src/engine/lsp-use.ts',
    "import { createConnection } from 'vscode-languageserver/node';\nexport const c = createConnection;\n",
  );
  assert.deepEqual(layerViolations(root).sort(), [
    "client/src/status.ts imports '../../server/src/protocol': import '@vnet-lens/protocol' instead of reaching into the server",
    "server/src/engine/lsp-use.ts imports 'vscode-languageserver/node': only lsp may use vscode-languageserver",
    "server/src/model/build.ts imports '@vnet-lens/protocol': model may not import protocol",
    "server/src/rules/rule.ts imports '../protocol': rules may not import protocol",
    "server/src/syntax/bicep/lexer.ts imports '../../evaluate/value': syntax/bicep may not import evaluate",
  ]);
});

const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** The layer projects' `references`, as layer names, read from their tsconfig.json files. */
function projectReferences(): Map<string, string[]> {
  const projects = new Map<string, string[]>();
  const layers = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tsconfig.layers.json'), 'utf8')) as {
    references: Array<{ path: string }>;
  };
  for (const { path: folder } of layers.references) {
    const dir = path.join(repoRoot, folder);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')) as {
      references?: Array<{ path: string }>;
    };
    const name = (target: string) =>
      path.resolve(target) === path.join(repoRoot, 'server/src')
        ? 'server top-level files'
        : (layerOf(repoRoot, path.join(target, 'x.ts')) ?? target);
    projects.set(
      name(dir),
      (config.references ?? []).map((reference) => name(path.resolve(dir, reference.path))),
    );
  }
  return projects;
}

test('each layer project references only layers the table allows, and every layer folder is a project', () => {
  const projects = projectReferences();
  const topLevel = ['version', 'package-root', 'candidate-files', 'read-scope'];
  for (const layer of Object.keys(mayImport).filter((name) => !topLevel.includes(name))) {
    assert.ok(projects.has(layer), `${layer} has a tsconfig.json in tsconfig.layers.json`);
  }
  for (const [layer, references] of projects) {
    const allowed =
      layer === 'server top-level files'
        ? topLevel.flatMap((name) => mayImport[name])
        : [
            ...mayImport[layer],
            ...(topLevel.some((name) => mayImport[layer].includes(name)) ? ['server top-level files'] : []),
          ];
    for (const reference of references) assert.ok(allowed.includes(reference), `${layer} references ${reference}`);
  }
});

test('the compiler rejects a planted import of a layer the project does not reference', (t) => {
  const root = scratch(t);
  for (const file of ['tsconfig.base.json', 'tsconfig.layer.json'])
    fs.copyFileSync(path.join(repoRoot, file), path.join(root, file));
  fs.cpSync(path.join(repoRoot, 'server/src/syntax'), path.join(root, 'server/src/syntax'), { recursive: true });
  // syntax/bicep may import nothing of ours; plant an import of syntax/arm in its lexer.
  const lexer = path.join(root, 'server/src/syntax/bicep/lexer.ts');
  fs.writeFileSync(
    lexer,
    `import { parseArmExpression } from '../arm/expression';\nexport const planted = parseArmExpression;\n${fs.readFileSync(lexer, 'utf8')}`,
  );
  const build = spawnSync(process.execPath, [tsc, '-b', path.join(root, 'server/src/syntax/bicep')], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.notEqual(build.status, 0, 'the build fails');
  assert.match(
    build.stdout,
    /lexer\.ts.*error TS6307: File '[^']*server\/src\/syntax\/arm\/expression\.ts' is not listed within the file list of project '[^']*server\/src\/syntax\/bicep\/tsconfig\.json'/,
  );
});
