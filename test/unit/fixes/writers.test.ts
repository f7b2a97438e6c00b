// The writers' building blocks: the layout read from a file (line ends, indentation unit), members
// added to and removed from containers without touching their neighbours, values printed in Bicep and
// JSON, and edits applied and merged. Rule-level fixes are tested through the rule harness.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { applyTextEdits, combineChanges, mergeFixes } from '../../../server/src/fixes/apply';
import { jsonContainer } from '../../../server/src/fixes/arm-editor';
import { arr, expr, obj, print } from '../../../server/src/fixes/gen';
import { insertMember, removeMember, styleOf, type Container } from '../../../server/src/fixes/layout';
import { parsePath } from '../../../server/src/fixes/paths';

const json = (text: string, path: (string | number)[] = []): Container => {
  let node = parseTree(text)!;
  for (const step of path)
    node =
      typeof step === 'number'
        ? node.children![step]
        : node.children!.find((p) => p.children![0].value === step)!.children![1];
  return jsonContainer(node);
};
const member = (text: string) => (indent: string) => text.replace(/\n/g, `\n${indent}`);

describe('layout', () => {
  test('line ends and indentation come from the file', () => {
    assert.deepEqual(styleOf('a {\n  b\n    c\n}\n'), { eol: '\n', unit: '  ' });
    assert.deepEqual(styleOf('a {\r\n    b\r\n}\r\n'), { eol: '\r\n', unit: '    ' });
    assert.deepEqual(styleOf('a {\n\tb\n\t\tc\n}\n'), { eol: '\n', unit: '\t' });
    assert.deepEqual(styleOf('one line'), { eol: '\n', unit: '  ' });
  });

  test('a member after the last one of a multi-line object: comma kept before a trailing comment', () => {
    const text = '{\n  "a": 1, // one\n  "b": 2 // two\n}';
    const edits = insertMember(text, styleOf(text), json(text), member('"c": 3'), '"c": 3')!;
    assert.equal(applyTextEdits(text, edits), '{\n  "a": 1, // one\n  "b": 2, // two\n  "c": 3\n}');
  });

  test('a member in the middle of a JSON array carries its own comma', () => {
    const text = '[\n    1,\n    2\n]';
    const edits = insertMember(text, styleOf(text), json(text), member('9'), '9', { after: 0 })!;
    assert.equal(applyTextEdits(text, edits), '[\n    1,\n    9,\n    2\n]');
  });

  test('single-line containers get `, member`; empty ones ` member `, or expanded lines for big members', () => {
    const text = '{ "a": { "b": 1 }, "c": [] }';
    assert.equal(
      applyTextEdits(text, insertMember(text, styleOf(text), json(text, ['a']), member('"x": 2'), '"x": 2')!),
      '{ "a": { "b": 1, "x": 2 }, "c": [] }',
    );
    assert.equal(
      applyTextEdits(text, insertMember(text, styleOf(text), json(text, ['c']), member('1'), '1')!),
      '{ "a": { "b": 1 }, "c": [ 1 ] }',
    );
    const multi = '{\n  "c": []\n}';
    const expanded = insertMember(multi, styleOf(multi), json(multi, ['c']), member('{\n  "k": 1\n}'), '{ "k": 1 }', {
      expandEmpty: true,
    })!;
    assert.equal(applyTextEdits(multi, expanded), '{\n  "c": [\n    {\n      "k": 1\n    }\n  ]\n}');
  });

  test('CRLF and tabs are kept on inserted lines', () => {
    const text = '{\r\n\t"a": 1\r\n}';
    const edits = insertMember(text, styleOf(text), json(text), member('"b": {\r\n\t"c": 2\r\n}'), '"b": { "c": 2 }')!;
    assert.equal(applyTextEdits(text, edits), '{\r\n\t"a": 1,\r\n\t"b": {\r\n\t\t"c": 2\r\n\t}\r\n}');
  });

  test('a member sharing its line with the next one is not split', () => {
    const text = '[\n  { "a": 1 }, { "b": 2 }\n]';
    assert.equal(insertMember(text, styleOf(text), json(text), member('3'), '3', { after: 0 }), undefined);
  });

  test('removing members: whole lines in a multi-line layout (and the comma before the last), else the member and a comma', () => {
    const text = '{\n  "a": 1,\n  "b": 2 // gone too\n}';
    assert.equal(applyTextEdits(text, removeMember(text, json(text), 1)!), '{\n  "a": 1\n}');
    assert.equal(applyTextEdits(text, removeMember(text, json(text), 0)!), '{\n  "b": 2 // gone too\n}');
    const inline = '{ "a": 1, "b": 2, "c": 3 }';
    assert.equal(applyTextEdits(inline, removeMember(inline, json(inline), 1)!), '{ "a": 1, "c": 3 }');
    assert.equal(applyTextEdits(inline, removeMember(inline, json(inline), 2)!), '{ "a": 1, "b": 2 }');
  });
});

describe('printing values', () => {
  const value = obj(
    ['name', "it's"],
    ['id', expr('zone.id')],
    ['flags', arr(true, 1, null)],
    ['$key', '${x}'],
    ['nested', obj(['k', '[literal'])],
  );
  test('Bicep: quoted keys where needed, escaped strings, expressions as written', () => {
    assert.equal(
      print(value, 'bicep', { unit: '  ', eol: '\n' }),
      "{\n  name: 'it\\'s'\n  id: zone.id\n  flags: [\n    true\n    1\n    null\n  ]\n  '$key': '\\${x}'\n  nested: {\n    k: '[literal'\n  }\n}",
    );
    assert.equal(
      print(value, 'bicep', { unit: '  ', eol: '\n', inline: true }),
      "{ name: 'it\\'s', id: zone.id, flags: [ true, 1, null ], '$key': '\\${x}', nested: { k: '[literal' } }",
    );
  });
  test('JSON: expressions in brackets, a literal starting with [ escaped as [[', () => {
    assert.equal(
      print(value, 'arm', { unit: '\t', eol: '\r\n', inline: true }),
      '{ "name": "it\'s", "id": "[zone.id]", "flags": [ true, 1, null ], "$key": "${x}", "nested": { "k": "[[literal" } }',
    );
    assert.equal(
      print(obj(['a', obj(['b', 1])]), 'arm', { unit: '\t', eol: '\r\n' }, '\t'),
      '{\r\n\t\t"a": {\r\n\t\t\t"b": 1\r\n\t\t}\r\n\t}',
    );
  });
  test('paths', () => {
    assert.deepEqual(parsePath('properties.subnets[2].properties.x'), ['properties', 'subnets', 2, 'properties', 'x']);
    assert.deepEqual(parsePath('a[0][1]'), ['a', 0, 1]);
  });
});

describe('applying and merging edits', () => {
  test('edits apply from the end', () => {
    assert.equal(
      applyTextEdits('abcdef', [
        { start: 1, end: 2, newText: 'X' },
        { start: 4, end: 4, newText: 'Y' },
      ]),
      'aXcdYef',
    );
  });
  test('fix-all leaves out a fix that touches an edit already taken, whole', () => {
    const fix = (title: string, start: number, end: number) => ({
      title,
      isPreferred: true,
      changes: [{ uri: 'u', edits: [{ start, end, newText: title }] }],
    });
    const { edits, taken } = mergeFixes([fix('a', 0, 2), fix('b', 1, 3), fix('c', 2, 2), fix('d', 2, 2)]);
    assert.deepEqual(
      taken.map((f) => f.title),
      ['a', 'c'],
    );
    assert.deepEqual(
      edits.get('u')!.map((e) => e.newText),
      ['a', 'c'],
    );
  });
  test('one fix: insertions at one offset join in order, an overlap is refused', () => {
    assert.deepEqual(
      combineChanges([
        { uri: 'u', edits: [{ start: 3, end: 3, newText: 'a' }] },
        { uri: 'u', edits: [{ start: 3, end: 3, newText: 'b' }] },
      ]),
      [{ uri: 'u', edits: [{ start: 3, end: 3, newText: 'ab' }] }],
    );
    assert.equal(
      combineChanges([
        {
          uri: 'u',
          edits: [
            { start: 1, end: 4, newText: '' },
            { start: 2, end: 2, newText: 'x' },
          ],
        },
      ]),
      undefined,
    );
  });
});
