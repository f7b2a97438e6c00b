// package.json's contributions name only languages that always exist: VS Code logs an error on
// every activation for a snippet contribution to an unknown language (`arm-template` exists only
// with the ARM Tools extension; client/src/arm-template-snippets.ts serves that language instead).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/paths';

interface Manifest {
  contributes: { languages: { id: string }[]; snippets: { language: string; path: string }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
// Languages VS Code itself declares (its built-in json extension).
const builtIn = ['json', 'jsonc'];

test('snippets are contributed only to languages this extension or VS Code declares', () => {
  const known = new Set([...manifest.contributes.languages.map((language) => language.id), ...builtIn]);
  const unknown = manifest.contributes.snippets
    .filter((snippet) => !known.has(snippet.language))
    .map((snippet) => snippet.language);
  assert.deepEqual(unknown, []);
  for (const snippet of manifest.contributes.snippets)
    assert.ok(fs.existsSync(path.join(repoRoot, snippet.path)), snippet.path);
});
