// Issue 16 item 2: analysing a workspace again after an edit reuses the evaluations, models and
// findings of the deployments the edit did not touch; the result must equal a fresh analysis.
// Seeded random edit sequences over a small generated workspace of several roots (Bicep and ARM,
// modules, registry calls, a parameter file, roots joined through `existing` and ids written out
// from names).
import { describe, test } from 'node:test';
import {
  addComment,
  addModuleCall,
  addRegistryCall,
  assertIncrementalEqualsFresh,
  breakAndFix,
  changePrefix,
  deleteCharacters,
  deleteDeclaration,
  insertCharacters,
  typeIntoName,
  type Edit,
  type Files,
} from '../support/incremental-equivalence';
import { generatedWorkspace } from '../support/equivalence-workspace';

const edits = (): Edit[] => [
  insertCharacters,
  deleteCharacters,
  typeIntoName,
  typeIntoName,
  addComment,
  changePrefix,
  changePrefix,
  deleteDeclaration,
  addModuleCall,
  addRegistryCall,
  breakAndFix(),
];

describe('incremental analysis equals a fresh one', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`seed ${seed}: 25 random edits over a workspace of five roots`, async () => {
      await assertIncrementalEqualsFresh(generatedWorkspace(), edits(), 25, seed);
    });
  }
});

/**
 * Renames the ARM template's parameter back and forth: its parameter file gives `endpointName`, which
 * the template then does (or does not) declare, so the file does (or does not) bind it.
 */
const renameTemplateParameter: Edit = (files: Files) => {
  const uri = 'file:///ws/arm/azuredeploy.json';
  const text = files.get(uri)!;
  const [from, to] = text.includes("'endpointName'")
    ? ['endpointName', 'endpointLabel']
    : ['endpointLabel', 'endpointName'];
  files.set(uri, text.replaceAll(from, to));
  return `azuredeploy.json: parameter ${from} → ${to}`;
};

test('a template edited so its parameter file no longer binds it, and binds it again, equals a fresh analysis', async () => {
  await assertIncrementalEqualsFresh(generatedWorkspace(), [renameTemplateParameter], 4, 1);
});
