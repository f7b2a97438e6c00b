// The JSON tree builder gives jsonc-parser's own tree and errors, node for node and error for error, on
// well-formed, broken and randomly damaged text (jsonc-parser's parseTree is the oracle, in tests only).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { buildJsonTree } from '../../server/src/syntax/arm/json-builder';
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
    const built = buildJsonTree(text);
    assert.deepEqual(built.errors, [], text);
    const errors: unknown[] = [];
    const expected = parseTree(text, errors as never[], options);
    assert.deepEqual(errors, [], text);
    assert.equal(treeDifference(built.root, expected), undefined, text);
  }
});

test("broken JSON: jsonc-parser's recovery, its tree and its errors (codes, offsets, lengths)", () => {
  for (const text of [
    '{"a":1 "b":2}',
    '{"a":}',
    '[1 2]',
    '{,}',
    '[,]',
    '{"a"}',
    '{"a":01}',
    '{"a":.5}',
    '{"a":1}}',
    '{"a":tru}',
    '/* open',
    '{"a": "x\\q"}',
    '{"a":1} x',
    '',
    '{"a" "b": 1}',
    '{"a": [1 }',
    '{"a":1,',
    '[1,',
    '{"a": {"b": [',
    '{1: 2}',
    '{"a": , "b": 1}',
    '{, "a": 1}',
    '[, 1]',
    '{"a": 1,, "b": 2}',
    '[1,, 2]',
    '{"a": 1 ,}, 2',
    '[}, [}, 1]',
    '{"a": 1 // c\n "b" /* d */ 2}',
    '{"a" /* open',
    '{"a": 1} /* open',
    '"s" 1',
    '-',
    '{"a": -}',
    '{"a": 1e}',
    '{"a": "\\u12"}',
    '\ufeff{"a" 1}',
    '{"a":1 /* open',
    '{"a": [1, 2 "b": {"c": 3}], "d": 4}',
    '{"a": {"b": 1 "c": 2}, "d": [1, 2,, 3] "e": true}',
  ]) {
    const tree = readJsonTree(text);
    const built = buildJsonTree(text);
    const errors: { offset: number; length: number }[] = [];
    const expected = parseTree(text.replace(/^\ufeff/, ' '), errors as never[], options);
    assert.ok(tree.errors.length > 0, text);
    assert.deepEqual(built.errors, errors, text);
    assert.deepEqual(
      tree.errors.map((e) => [e.start, e.end]),
      errors.map((e) => [e.offset, e.offset + e.length]),
      text,
    );
    assert.equal(treeDifference(tree.root, expected), undefined, text);
  }
});

test("on random damage to templates (seeded), the tree and the errors are jsonc-parser's", () => {
  const template = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { name: { type: 'string', defaultValue: 'vnet-1' }, count: { type: 'int', defaultValue: 2 } },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: "[parameters('name')]",
          properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16', '[variables(1)]'] }, flag: true },
          tags: { none: null, ratio: -1.5e3, list: [[], {}, [1, [2]]] },
        },
      ],
    },
    null,
    2,
  )
    .replace('"flag"', '/* c */ "flag"')
    .replace('"none"', '// c\n    "none"')
    .replace('vnet-1', 'v\\u0041\\n');
  // Damage: characters that matter to JSON's grammar, inserted, deleted or replaced at random places.
  const pieces = [
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '/',
    '*',
    '\n',
    ' ',
    '1',
    '-',
    '.',
    'e',
    't',
    'x',
    '\\u',
    '//',
  ];
  let seed = 20261205;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const failures: string[] = [];
  let withErrors = 0;
  for (let round = 0; round < 4000; round++) {
    let text = template;
    for (let edits = 1 + random(4); edits > 0; edits--) {
      const at = random(text.length + 1);
      const piece = pieces[random(pieces.length)];
      const action = random(3);
      text =
        action === 0
          ? text.slice(0, at) + piece + text.slice(at)
          : action === 1
            ? text.slice(0, at) + text.slice(at + 1 + random(4))
            : text.slice(0, at) + piece + text.slice(at + 1);
    }
    const built = buildJsonTree(text);
    const errors: { error: number }[] = [];
    const expected = parseTree(text, errors as never[], options);
    // The one leniency (control characters in strings, code 16) aside, the errors are jsonc-parser's.
    const expectedErrors = errors.filter((e) => e.error !== 16);
    if (expectedErrors.length > 0) withErrors++;
    const difference =
      JSON.stringify(built.errors) !== JSON.stringify(expectedErrors)
        ? `errors ${JSON.stringify(built.errors)} != ${JSON.stringify(expectedErrors)}`
        : treeDifference(built.root, expected);
    if (difference !== undefined) failures.push(`${JSON.stringify(text)}: ${difference}`);
  }
  assert.deepEqual(failures.slice(0, 3), []);
  assert.ok(withErrors > 1500, `${withErrors} damaged texts had errors`);
});

test('recovery over `[}` repeated 20,000 times: read with errors, or stopped at the depth limit, never a crash', () => {
  // Without commas, recovery skips every `[` after the first (jsonc-parser skips to `]`, `,` or the end).
  const skipped = '[}'.repeat(20_000);
  const errors: unknown[] = [];
  const expected = parseTree(skipped, errors as never[], options);
  const built = buildJsonTree(skipped);
  assert.deepEqual(built.errors, errors);
  assert.equal(treeDifference(built.root, expected), undefined);
  // With commas, each `[` opens an array inside the last (jsonc-parser's own parser recurses once per level
  // here and overflows the stack): the tree stops where it gets too deep, with one clear error.
  const nesting = '[}, '.repeat(20_000);
  const tree = readJsonTree(nesting);
  assert.equal(tree.root, undefined);
  assert.deepEqual(
    tree.errors.map((e) => [e.start, e.message]),
    [[4 * 256, 'JSON is nested more than 256 levels deep here; the file is not read.']],
  );
  // Within the limit, the same text reads with jsonc-parser's errors.
  const shallow = '[}, '.repeat(100);
  const shallowErrors: unknown[] = [];
  const shallowExpected = parseTree(shallow, shallowErrors as never[], options);
  assert.deepEqual(buildJsonTree(shallow).errors, shallowErrors);
  assert.equal(treeDifference(buildJsonTree(shallow).root, shallowExpected), undefined);
});

test('the one leniency: a raw tab or other control character inside a string is taken as it stands', () => {
  for (const text of ['{"a":"tab\there"}', '{"a":"bell\u0007"}']) {
    const tree = readJsonTree(text);
    assert.deepEqual(tree.errors, [], text);
    const errors: unknown[] = [];
    assert.equal(treeDifference(tree.root, parseTree(text, errors as never[], options)), undefined, text);
    assert.equal(errors.length, 1, 'jsonc-parser reports it, with the same tree');
  }
  // The builder ends a string at a line break, as jsonc-parser does; readJsonTree then reads it again
  // with the break inside the string as a space (ARM accepts it: the next test).
  assert.equal(buildJsonTree('{"a":"line\nbreak"}').errors[0].error, 12);
  assert.deepEqual(readJsonTree('{"a":"line\nbreak"}').errors, []);
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

test('a line break inside a string, which ARM accepts (a long expression over lines): no error, offsets kept', () => {
  const text = `{\n  "a": "[if(\n      equals(1, 1),\n      'x',\n      'y')]",\n  "b": "after"\n}\n`;
  const tree = readJsonTree(text);
  assert.deepEqual(tree.errors, []);
  const [a, b] = tree.root!.children!;
  assert.equal(a.children![1].value, "[if(       equals(1, 1),       'x',       'y')]");
  assert.equal(text.slice(b.children![1].offset, b.children![1].offset + b.children![1].length), '"after"');
  assert.equal(tree.bracketStrings.length, 1);
  // A string that is not closed is still an error, and CRLF inside a string is read the same way.
  assert.equal(readJsonTree('{ "a": "open\n}').errors.length > 0, true);
  assert.deepEqual(readJsonTree('{ "a": "[concat(\r\n  \'x\')]", // "not\n "b": 1 }').errors, []);
});
