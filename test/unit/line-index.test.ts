// Offsets to 0-based lines and columns, for LF, CRLF and lone CR line ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/syntax/line-index';

test('positions in LF, CRLF and CR text round-trip through offsets', () => {
  for (const text of ['ab\ncd\n\nef', 'ab\r\ncd\r\n\r\nef', 'ab\rcd\r\ref']) {
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, column: 0 });
    assert.deepEqual(index.positionAt(text.indexOf('cd') + 1), { line: 1, column: 1 });
    assert.deepEqual(index.positionAt(text.indexOf('ef')), { line: 3, column: 0 });
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      assert.equal(index.offsetAt(index.positionAt(offset)), offset);
    }
  }
});

test('out-of-range offsets and positions are clamped', () => {
  const index = new LineIndex('ab\ncd');
  assert.deepEqual(index.positionAt(-5), { line: 0, column: 0 });
  assert.deepEqual(index.positionAt(99), { line: 1, column: 2 });
  assert.equal(index.offsetAt({ line: 7, column: 0 }), 5);
  assert.equal(index.offsetAt({ line: 0, column: 99 }), 5);
});
