// Workspace.changes (engine/workspace.ts): the analysis worker builds fixes only when the index did not
// change while the analysis ran, and tells so by this count instead of copying every text twice.
// Each change to the texts counts; setting a file to the text it has does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine';

test('setting a new text, removing a file and forgetting outside reads count as changes; the same text does not', () => {
  const workspace = new Workspace({ readFile: async () => undefined });
  const start = workspace.changes;
  workspace.setFile('file:///w/a.bicep', "param a string = 'x'");
  assert.equal(workspace.changes, start + 1);
  workspace.setFile('file:///w/a.bicep', "param a string = 'x'");
  assert.equal(workspace.changes, start + 1, 'the same text is no change');
  workspace.setFile('file:///w/a.bicep', "param a string = 'y'");
  assert.equal(workspace.changes, start + 2);
  workspace.removeFile('file:///w/a.bicep');
  assert.equal(workspace.changes, start + 3);
  workspace.forgetOutsideFiles();
  assert.equal(workspace.changes, start + 4);
  assert.equal(workspace.fileCount, 0);
});
