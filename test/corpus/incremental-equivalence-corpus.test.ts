// Issue 16 item 2 on real repositories: seeded random edits to a few networking repositories of
// the corpus (each one workspace, read in place, edited in memory); after each edit, the workspace
// analysed incrementally answers exactly what a fresh one answers (findings, notices, models).
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  addComment,
  addModuleCall,
  assertIncrementalEqualsFresh,
  breakAndFix,
  changePrefix,
  deleteCharacters,
  deleteDeclaration,
  insertCharacters,
  typeIntoName,
  type Files,
} from '../support/incremental-equivalence';
import { corpusRoot } from '../support/paths';

/** Repositories of several roots, modules and findings, small enough for a fresh analysis per edit. */
const repositories = [
  'Azure__AKS-Landing-Zone-Accelerator',
  'mspnp__aks-baseline',
  'Azure__ARO-Landing-Zone-Accelerator',
];

function repositoryFiles(name: string): Files {
  const dir = path.join(corpusRoot, 'networking', name);
  const files: Files = new Map();
  for (const file of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const full = path.join(dir, file);
    if (/\.(bicep|bicepparam|json|jsonc)$/i.test(file) && fs.statSync(full).isFile())
      files.set(pathToFileURL(full).href, fs.readFileSync(full, 'utf8'));
  }
  return files;
}

for (const [index, repository] of repositories.entries()) {
  test(
    `incremental analysis equals a fresh one over 20 random edits to ${repository}`,
    { timeout: 300_000 },
    async () => {
      const edits = [
        insertCharacters,
        deleteCharacters,
        typeIntoName,
        typeIntoName,
        addComment,
        changePrefix,
        deleteDeclaration,
        addModuleCall,
        breakAndFix(),
      ];
      await assertIncrementalEqualsFresh(repositoryFiles(repository), edits, 20, 16 + index);
    },
  );
}
