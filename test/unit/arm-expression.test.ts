// The ARM expression parser: the forms ARM reads, the escapes of both languages, and file ranges through
// JSON escapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import {
  forEachArmExprNode,
  maxExpressionDepth,
  parseArmExpression,
  parseArmExpressionText,
  type ArmExpr,
  type ArmStringValue,
} from '../../server/src/syntax/arm';

/** Parses the JSON string token `token` (raw file text, quotes included) as it sits in a small file. */
function parseToken(token: string): {
  text: string;
  value: ArmStringValue;
  raw: (r: { start: number; end: number }) => string;
} {
  const text = `{\n  "value": ${token}\n}`;
  const node = parseTree(text)!.children![0].children![1] as Node;
  return { text, value: parseArmExpression(node, text), raw: (r) => text.slice(r.start, r.end) };
}

function expression(token: string): { expr: ArmExpr; raw: (r: { start: number; end: number }) => string } {
  const { value, raw } = parseToken(token);
  assert.equal(value.kind, 'expression', token);
  if (value.kind !== 'expression') throw new Error('unreachable');
  assert.deepEqual(value.errors, [], token);
  assert.ok(value.expression, token);
  return { expr: value.expression, raw };
}

/** The expression as compact text, to compare structure at a glance. */
function show(expr: ArmExpr): string {
  switch (expr.kind) {
    case 'call':
      return `${expr.namespace ? `${expr.namespace.text}.` : ''}${expr.name.text}(${expr.args.map(show).join(', ')})`;
    case 'string':
      return JSON.stringify(expr.value);
    case 'number':
      return String(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'property':
      return `${show(expr.target)}.${expr.name.text}`;
    case 'index':
      return `${show(expr.target)}[${show(expr.index)}]`;
  }
}

test('what is an expression: "[...]"; "[[...]" and "[x" are literals', () => {
  assert.deepEqual(parseToken('"[[not an expression]"').value, { kind: 'literal', value: '[not an expression]' });
  assert.deepEqual(parseToken('"[[x"').value, { kind: 'literal', value: '[[x' });
  assert.deepEqual(parseToken('"[starts but does not end"').value, {
    kind: 'literal',
    value: '[starts but does not end',
  });
  assert.deepEqual(parseToken('"ends]"').value, { kind: 'literal', value: 'ends]' });
  assert.deepEqual(parseToken('" [leading space]"').value, { kind: 'literal', value: ' [leading space]' });
  assert.deepEqual(parseToken('"["').value, { kind: 'literal', value: '[' });
  assert.deepEqual(parseToken('42').value, { kind: 'literal', value: '' });
  assert.equal(parseToken('"[resourceGroup()]"').value.kind, 'expression');
});

test('calls nest, with properties and indexes chained after them', () => {
  assert.equal(
    show(expression(`"[concat('a', parameters('b'), variables('c')[0])]"`).expr),
    'concat("a", parameters("b"), variables("c")[0])',
  );
  const { expr, raw } = expression(
    `"[reference(resourceId('Microsoft.Network/virtualNetworks', parameters('vnet')), '2023-04-01').subnets[1].id]"`,
  );
  assert.equal(
    show(expr),
    'reference(resourceId("Microsoft.Network/virtualNetworks", parameters("vnet")), "2023-04-01").subnets[1].id',
  );
  assert.equal(
    raw(expr),
    `reference(resourceId('Microsoft.Network/virtualNetworks', parameters('vnet')), '2023-04-01').subnets[1].id`,
  );
  assert.equal(expr.kind, 'property');
  if (expr.kind === 'property') assert.equal(raw(expr.name), 'id');
  assert.equal(show(expression('"[resourceGroup().location]"').expr), 'resourceGroup().location');
  assert.equal(
    show(expression(`"[variables('a')[parameters('i')]['key']]"`).expr),
    'variables("a")[parameters("i")]["key"]',
  );
});

test('user functions are called with their namespace', () => {
  const { expr, raw } = expression(`"[contoso.uniqueName(parameters('prefix'))]"`);
  assert.equal(expr.kind, 'call');
  if (expr.kind !== 'call') return;
  assert.equal(expr.namespace?.text, 'contoso');
  assert.equal(expr.name.text, 'uniqueName');
  assert.equal(raw(expr), `contoso.uniqueName(parameters('prefix'))`);
  assert.equal(raw(expr.name), 'uniqueName');
  assert.equal(raw(expr.namespace!), 'contoso');
});

test("strings escape a quote as '' and keep the range of the whole literal", () => {
  const { expr, raw } = expression(`"[concat('it''s', '''', '')]"`);
  assert.equal(expr.kind, 'call');
  if (expr.kind !== 'call') return;
  assert.deepEqual(
    expr.args.map((arg) => arg.kind === 'string' && arg.value),
    ["it's", "'", ''],
  );
  assert.deepEqual(expr.args.map(raw), [`'it''s'`, `''''`, `''`]);
});

test('numbers are whole and may be negative; true, false and null are literals or calls', () => {
  assert.equal(show(expression('"[add(-1, 22)]"').expr), 'add(-1, 22)');
  assert.equal(show(expression('"[if(true, false, null)]"').expr), 'if(true, false, null)');
  assert.equal(show(expression('"[if(true(), false(), null())]"').expr), 'if(true(), false(), null())');
  assert.equal(show(expression("\"[  concat( 'a' ,'b' )  ]\"").expr), 'concat("a", "b")');
  const { raw, expr } = expression("\"[  concat( 'a' ,'b' )  ]\"");
  assert.equal(raw(expr), "concat( 'a' ,'b' )");
});

test('JSON escapes inside the string map every node to its place in the file', () => {
  // In the file: "[concat('a\"b', '\u0041', 'x\\y', parameters('n\u0061me'))]"
  const token = String.raw`"[concat('a\"b', '\u0041', 'x\\y', parameters('n\u0061me'))]"`;
  const { expr, raw } = expression(token);
  assert.equal(expr.kind, 'call');
  if (expr.kind !== 'call') return;
  assert.deepEqual(expr.args.map(raw), [
    String.raw`'a\"b'`,
    String.raw`'\u0041'`,
    String.raw`'x\\y'`,
    String.raw`parameters('n\u0061me')`,
  ]);
  assert.deepEqual(
    expr.args.slice(0, 3).map((arg) => arg.kind === 'string' && arg.value),
    ['a"b', 'A', 'x\\y'],
  );
  assert.equal(raw(expr), token.slice(2, -2));
  const last = expr.args[3];
  assert.ok(last.kind === 'call' && last.args[0].kind === 'string' && last.args[0].value === 'name');
  // Every node's file text, JSON-decoded, is the node's source text.
  forEachArmExprNode(expr, (node) => {
    const decoded = JSON.parse(`"${raw(node)}"`) as string;
    if (node.kind === 'string') assert.equal(decoded, `'${node.value.replace(/'/g, "''")}'`);
    if (node.kind === 'call') assert.ok(decoded.startsWith(`${node.name.text}(`) && decoded.endsWith(')'), decoded);
  });
});

test('an escape at the very end of a name or string ends the range after the whole escape', () => {
  const { expr, raw } = expression(String.raw`"[concat('\u0041', 'B\u0043')]"`);
  assert.ok(expr.kind === 'call');
  if (expr.kind !== 'call') return;
  assert.deepEqual(expr.args.map(raw), [String.raw`'\u0041'`, String.raw`'B\u0043'`]);
});

test('the lower-level parser takes a decoded value and an offset map', () => {
  const shifted = parseArmExpressionText("[concat('a')]", 100);
  assert.equal(shifted.kind, 'expression');
  if (shifted.kind !== 'expression' || !shifted.expression) return assert.fail('no expression');
  assert.deepEqual([shifted.expression.start, shifted.expression.end], [101, 112]);
  // `[f('"')]` written as "[f('\"')]": the quote takes two characters in the file.
  const table = Int32Array.from([0, 1, 2, 3, 4, 6, 7, 8, 9]);
  const mapped = parseArmExpressionText(`[f('"')]`, table);
  if (mapped.kind !== 'expression' || !mapped.expression || mapped.expression.kind !== 'call')
    return assert.fail('no call');
  assert.deepEqual([mapped.expression.args[0].start, mapped.expression.args[0].end], [3, 7]);
  assert.deepEqual(parseArmExpressionText('[[x]', 0), { kind: 'literal', value: '[x]' });
});

test('parse errors are data: a range in the file and a message', () => {
  const cases: [string, string, RegExp][] = [
    [`"[concat('a)]"`, `'a)`, /not closed with a single quote/],
    [`"[concat('a']"`, `]`, /Expected ',' or '\)' in the arguments of 'concat', found the end/],
    ['"[concat(1,)]"', ')', /Unexpected '\)'/],
    ['"[concat(1 2)]"', '2', /Expected ',' or '\)'/],
    ['"[concat]"', 'concat', /Expected '\(' after the function name 'concat'/],
    ['"[]"', '"[]"'.slice(1, -1), /empty/],
    ['"[ ]"', '[ ]', /empty/],
    ['"[concat() x]"', 'x', /after the end of the expression/],
    ['"[a.b.c()]"', '.', /Expected '\(' after the function name 'a.b'/],
    ['"[add(1.5, 2)]"', '1.', /whole numbers/],
    ['"[f(-)]"', '-', /digits after '-'/],
    ['"[f(#)]"', '#', /Unexpected '#'/],
    ['"[f(1)[0]"', ']', /Expected '\]' to close the index/],
  ];
  for (const [token, at, message] of cases) {
    const { value, raw } = parseToken(token);
    assert.equal(value.kind, 'expression', token);
    if (value.kind !== 'expression') continue;
    assert.equal(value.expression, undefined, token);
    assert.equal(value.errors.length, 1, token);
    assert.match(value.errors[0].message, message, token);
    assert.equal(raw(value.errors[0]), at, token);
  }
});

test('nesting beyond the limit is an error, not a stack overflow', () => {
  const deep = `"[${'f('.repeat(10_000)}1${')'.repeat(10_000)}]"`;
  const { value } = parseToken(deep);
  assert.equal(value.kind, 'expression');
  if (value.kind !== 'expression') return;
  assert.equal(value.expression, undefined);
  assert.match(value.errors[0].message, new RegExp(`more than ${maxExpressionDepth} levels`));
  const fine = `"[${'f('.repeat(maxExpressionDepth)}1${')'.repeat(maxExpressionDepth)}]"`;
  assert.ok(parseToken(fine).value.kind === 'expression');
  const parsed = parseToken(fine).value;
  assert.ok(parsed.kind === 'expression' && parsed.expression !== undefined);
});
