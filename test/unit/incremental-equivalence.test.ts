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
