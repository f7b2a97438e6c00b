// Diagnostic pragmas: `#disable-next-line` silences codes on the next line only; `#disable-diagnostics`
// silences them until `#restore-diagnostics`; pragmas inside strings or after code do not count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBicep, readPragmas } from '../../server/src/syntax/bicep';

function pragmas(text: string) {
  return readPragmas(parseBicep(text).tree, text);
}

test('#disable-next-line applies to the next line only', () => {
  const text =
    "#disable-next-line pe-dns-zone-group-missing dns-zone-location // reason\nresource a 'T@1' = {}\nresource b 'T@1' = {}\n";
  const index = pragmas(text);
  assert.deepEqual([...index.disabledOnLine(1)].sort(), ['dns-zone-location', 'pe-dns-zone-group-missing']);
  assert.equal(index.disabledOnLine(2).size, 0);
  assert.ok(index.isDisabled('dns-zone-location', text.indexOf('resource a')));
  assert.ok(!index.isDisabled('dns-zone-location', text.indexOf('resource b')));
  assert.deepEqual(
    index.directives.map((d) => [d.kind, d.line, d.codes]),
    [['DisableNextLine', 0, ['pe-dns-zone-group-missing', 'dns-zone-location']]],
  );
});

test('indented pragmas inside a resource body count; CRLF lines are counted right', () => {
  const text =
    "resource a 'T@1' = {\r\n  name: 'a'\r\n  #disable-next-line subnet-overlap\r\n  properties: {}\r\n}\r\n";
  const index = pragmas(text);
  assert.ok(index.isDisabled('subnet-overlap', text.indexOf('properties')));
  assert.equal(index.lineOf(text.indexOf('properties')), 3);
});

test('#disable-diagnostics holds until #restore-diagnostics for the same code', () => {
  const text = '#disable-diagnostics a b\nvar x = 1\n#restore-diagnostics a\nvar y = 2\n';
  const index = pragmas(text);
  const x = text.indexOf('var x');
  const y = text.indexOf('var y');
  assert.deepEqual([...index.disabledInRegion(x)].sort(), ['a', 'b']);
  assert.deepEqual([...index.disabledInRegion(y)], ['b']);
  assert.ok(index.isDisabled('b', text.length - 1), 'open to the end of the file');
  assert.ok(!index.isDisabled('a', y));
});

test('pragma text inside strings, comments or after code is not a pragma', () => {
  const text =
    "var s = '#disable-next-line a'\n// #disable-next-line b\nvar t = 1 #disable-next-line c\n/* #disable-diagnostics d */\nvar u = 2\n";
  const index = pragmas(text);
  assert.deepEqual(index.directives, []);
  assert.ok(!index.isDisabled('a', text.indexOf('// #')));
});
