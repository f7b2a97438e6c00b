// The publisher's line documents (lsp/line-documents.ts): a text keeps its document, and with it the
// line offsets computed once, from one publication to the next; a changed text gets a new document
// whose positions are the new text's; a file no publication asked for is let go.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineDocuments } from '../../server/src/lsp/line-documents';

const uri = 'file:///w/main.bicep';

test('the same text keeps its document across publications', () => {
  const documents = new LineDocuments();
  const first = documents.of(uri, 'a\nb\nc');
  assert.equal(documents.of(uri, 'a\nb\nc'), first);
  documents.endRound();
  assert.equal(documents.of(uri, 'a\nb\nc'), first);
  assert.deepEqual(first.positionAt(4), { line: 2, character: 0 });
});

test('a changed text gets a document of the new text', () => {
  const documents = new LineDocuments();
  const first = documents.of(uri, 'a\nb\nc');
  documents.endRound();
  const changed = documents.of(uri, 'a\n\nb\nc');
  assert.notEqual(changed, first);
  assert.deepEqual(changed.positionAt(4), { line: 2, character: 1 });
});

test('a file one publication did not ask for is not kept', () => {
  const documents = new LineDocuments();
  const first = documents.of(uri, 'x');
  documents.endRound();
  documents.of('file:///w/other.bicep', 'y');
  documents.endRound();
  assert.notEqual(documents.of(uri, 'x'), first);
});
