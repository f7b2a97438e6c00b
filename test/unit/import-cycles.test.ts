// No import cycles among our sources (issue 19): a cycle makes a module's exports undefined while
// its circle loads, and hides which way a layer depends. Runtime imports count; an import the
// compiler erases (`import type`, or every name marked `type`) may close a circle of types only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importCycles, importsOf, typeScriptFiles } from '../support/import-graph';
import { repoRoot } from '../support/paths';

const sourceFolders = ['server/src', 'client/src', 'client/webview'];
const runtimeOnly = (edge: { typeOnly: boolean }) => !edge.typeOnly;

test('no runtime import cycle among the sources', () => {
  const files = sourceFolders.flatMap((folder) => typeScriptFiles(path.join(repoRoot, folder)));
  assert.ok(files.length > 200, `source files found: ${files.length}`);
  const cycles = importCycles(files, runtimeOnly).map((cycle) => cycle.map((file) => path.relative(repoRoot, file)));
  assert.deepEqual(cycles, []);
});

test('the rules folder is not one import circle, even counting type-only imports', () => {
  const files = typeScriptFiles(path.join(repoRoot, 'server/src/rules'));
  const cycles = importCycles(files, () => true).map((cycle) => cycle.map((file) => path.relative(repoRoot, file)));
  assert.deepEqual(cycles, []);
});

function plant(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnet-lens-cycles-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

test('the cycle check finds a planted runtime cycle, through a re-export and a require too', (t) => {
  const dir = plant({
    'a.ts': "import { b } from './b';\nexport const a = () => b;\n",
    'b.ts': "export { c as b } from './c';\n",
    'c.ts': "const { a } = require('./a');\nexport const c = a;\n",
    'd.ts': "import { a } from './a';\nexport const d = a;\n",
  });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cycles = importCycles(typeScriptFiles(dir), runtimeOnly);
  assert.deepEqual(
    cycles.map((cycle) => cycle.map((file) => path.basename(file))),
    [['a.ts', 'b.ts', 'c.ts']],
  );
});

test('the cycle check finds a file importing itself and a side-effect import', (t) => {
  const dir = plant({
    'self.ts': "import './self';\nexport const self = 1;\n",
    'x.ts': "import './y';\n",
    'y.ts': "import * as x from './x';\nexport const y = x;\n",
  });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cycles = importCycles(typeScriptFiles(dir), runtimeOnly).map((cycle) =>
    cycle.map((file) => path.basename(file)),
  );
  assert.deepEqual(cycles.sort(), [['self.ts'], ['x.ts', 'y.ts']]);
});

test('imports the compiler erases close no runtime cycle, and one runtime name among types does', (t) => {
  const dir = plant({
    'a.ts': "import type { B } from './b';\nexport interface A { b?: B }\nexport const a = 1;\n",
    'b.ts': "import { a, type A } from './a';\nexport interface B { a?: A }\nexport const b = a;\n",
    'c.ts': "import { type D } from './d';\nexport type C = D;\nexport const c = 1;\n",
    'd.ts': "import { c } from './c';\nexport type D = number;\nexport const d = c;\nexport type { C } from './c';\n",
  });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = typeScriptFiles(dir);
  assert.deepEqual(importCycles(files, runtimeOnly), []);
  assert.equal(importCycles(files, () => true).length, 2, 'both circles exist when types count');
  const bImports = importsOf(path.join(dir, 'b.ts'));
  assert.deepEqual(
    bImports.map((edge) => edge.typeOnly),
    [false],
    'a named value beside a type keeps the import',
  );
});
