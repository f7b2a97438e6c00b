// The fast JSON tree builder gives jsonc-parser's own tree, node for node, and hands anything it does not
// accept to jsonc-parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { buildFastTree } from '../../server/src/syntax/arm/json-fast-tree';
import { readJsonTree } from '../../server/src/syntax/arm/json-tree';

/** The first difference between two jsonc trees (fields, children, parent links), or `undefined`. */
function treeDifference(actual: Node | undefined, expected: Node | undefined): string | undefined {
  const stack: [Node | undefined, Node | undefined][] = [[actual, expected]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (a === undefined || b === undefined) {
      if (a !== b) return `missing node: ${JSON.stringify(a?.offset ?? b?.offset)}`;
      continue;
    }
    for (const key of ['type', 'offset', 'length', 'value', 'colonOffset'] as const) {
      if (!Object.is(a[key], b[key])) return `${key} at ${b.offset}: ${String(a[key])} != ${String(b[key])}`;
    }
    if ('parent' in a !== 'parent' in b) return `parent key at ${b.offset}`;
    if (a.parent?.offset !== b.parent?.offset || a.parent?.type !== b.parent?.type) return `parent at ${b.offset}`;
    if ((a.children === undefined) !== (b.children === undefined)) return `children at ${b.offset}`;
    if (a.children && b.children) {
      if (a.children.length !== b.children.length) return `children length at ${b.offset}`;
      a.children.forEach((child, i) => {
        if (child.parent !== a) stack.push([undefined, child]);
        stack.push([child, b.children![i]]);
      });
    }
  }
  return undefined;
}

const options = { allowTrailingComma: true };

test('well-formed JSON gives the tree parseTree gives', () => {
  for (const text of [
    '{}',
    '[]',
    '1',
    '-0',
    '1.5e-3',
    '-12E+2',
    '"s"',
    'true',
    'false',
    'null',
    ' \t\r\n{ } ',
    '{"a":1,"b":[1,2,{"c":null}],"d":{"e":"f"}}',
    '{ "a" : [ ] , "b" : { } }',
    '{"a":1,}',
    '[1,2,]',
    '[[],[[]],{}]',
    '// line comment\n{ /* block */ "a": /* before value */ 1 // after\n, "b": 2 }',
    '{"esc":"q\\"b\\\\s\\/f\\b\\f\\n\\r\\t\\u0041\\u00e9"}',
    '{"\\u0041key": "v", "": ""}',
    '{"a":"ü € 𝄞"}',
    '{"dup":1,"dup":2}',
  ]) {
    const fast = buildFastTree(text);
    assert.ok(fast.ok, text);
    const errors: unknown[] = [];
    const expected = parseTree(text, errors as never[], options);
    assert.deepEqual(errors, [], text);
    assert.equal(treeDifference(fast.root, expected), undefined, text);
  }
});

test('anything else goes to jsonc-parser, which recovers and names the errors', () => {
  for (const text of [
    '{"a":1 "b":2}',
    '{"a":}',
    '[1 2]',
    '{,}',
    '[,]',
    '{"a"}',
    '{"a":01}',
    '{"a":"\n"}',
    '{"a":.5}',
    '{"a":1}}',
    '{"a":tru}',
    '/* open',
    '{"a": "x\\q"}',
    '{"a":1} x',
    '',
  ]) {
    const fast = buildFastTree(text);
    assert.equal(fast.ok, false, text);
    const tree = readJsonTree(text);
    const errors: unknown[] = [];
    const expected = parseTree(text, errors as never[], options);
    assert.ok(tree.errors.length > 0, text);
    assert.equal(tree.errors.length, errors.length, text);
    assert.equal(treeDifference(tree.root, expected), undefined, text);
  }
});

test('the one leniency: a raw tab or other control character inside a string is taken as it stands', () => {
  for (const text of ['{"a":"tab\there"}', '{"a":"bell\u0007"}']) {
    const tree = readJsonTree(text);
    assert.deepEqual(tree.errors, [], text);
    const errors: unknown[] = [];
    assert.equal(treeDifference(tree.root, parseTree(text, errors as never[], options)), undefined, text);
    assert.equal(errors.length, 1, 'jsonc-parser reports it, with the same tree');
  }
  // A line break still ends the string, as in jsonc-parser.
  assert.equal(readJsonTree('{"a":"line\nbreak"}').errors[0].message, 'String is not closed with a double quote.');
});

test('a byte order mark is read as nothing, offsets unchanged', () => {
  const text = '\ufeff{"a": 1}';
  const tree = readJsonTree(text);
  assert.deepEqual(tree.errors, []);
  assert.equal(tree.root?.offset, 1);
  assert.equal(tree.root?.children?.[0].children?.[1].offset, 7);
  const broken = readJsonTree('\ufeff{"a": }');
  assert.deepEqual(
    broken.errors.map((e) => [e.start, e.message]),
    [[7, 'Value expected.']],
  );
});
