// Bad input: truncated JSON, strings that look like expressions, very deep nesting and very large files.
// Never a throw, never a stack overflow; clear errors where the file is an ARM file. (Timeouts here only
// guard against hangs; nothing asserts a time.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { armExpressions, maxJsonDepth, readArmFile } from '../../server/src/syntax/arm';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const hangGuard = { timeout: 60_000 };

test('truncated templates give syntax errors and keep what was read', () => {
  const full =
    `{ "$schema": "${schema}", "resources": [ { "type": "Microsoft.Network/virtualNetworks", "name": "[parameters('n')]" },` +
    ' { "type": "Microsoft.Network/privateDnsZones", "name": "z" } ] }';
  for (let cut = full.indexOf('"resources"'); cut < full.length; cut += 7) {
    const text = full.slice(0, cut);
    const file = readArmFile(text);
    assert.equal(file.kind, 'arm-template', text);
    assert.ok(file.errors.length > 0, text);
    for (const error of file.errors) {
      assert.ok(
        error.start >= 0 && error.start <= error.end && error.end <= text.length,
        `${text}: ${JSON.stringify(error)}`,
      );
      assert.match(error.message, /^[A-Z].*\.$/, 'errors are sentences');
    }
  }
  const file = readArmFile(full.slice(0, full.indexOf('{ "type": "Microsoft.Network/privateDnsZones"')));
  assert.deepEqual(
    file.template?.resources.map((r) => r.fullType),
    ['Microsoft.Network/virtualNetworks'],
  );
  assert.deepEqual(
    file.errors.map((e) => e.message),
    ['Value expected.', "Closing bracket ']' expected.", "Closing brace '}' expected."],
  );
});

test('syntax errors are named in words', () => {
  const cases: [string, string][] = [
    ['"a" 1', "Colon ':' expected."],
    ['"a": 1 "b": 2', "Comma ',' expected."],
    ['"a": "unterminated\n', 'String is not closed with a double quote.'],
    ['"a": 01', "Comma ',' expected."],
    ['"a": tru', 'Invalid symbol.'],
    ['"a": "\\x"', 'Invalid escape character in string.'],
    ['"a": "\\u12"', "Invalid unicode escape: '\\u' must be followed by four hex digits."],
    ['"a": 1 /* open comment', "Block comment is not closed with '*/'."],
  ];
  for (const [body, message] of cases) {
    const file = readArmFile(`{ "$schema": "${schema}", ${body} }`);
    assert.ok(
      file.errors.some((error) => error.message === message),
      `${body}: ${file.errors.map((e) => e.message).join(' | ')}`,
    );
  }
});

test('strings that start with [ but are not expressions are literals; broken expressions are errors', () => {
  const text = JSON.stringify({
    $schema: schema,
    variables: {
      a: '[[escaped]',
      b: '[not closed',
      c: '[two] [brackets',
      d: '[[',
      e: '[',
      f: '[concat(]',
      g: '[Required] the name [x]',
    },
  });
  const file = readArmFile(text);
  const sites = armExpressions(file.template!);
  assert.deepEqual(
    sites.map((site) => site.node.value),
    ['[concat(]', '[Required] the name [x]'],
  );
  assert.ok(sites.every((site) => site.expression === undefined));
  assert.equal(file.errors.length, 2);
  for (const error of file.errors) assert.ok(text.slice(error.start, error.end).length > 0);
});

test(`nesting deeper than ${maxJsonDepth} is one clear error, not a stack overflow`, hangGuard, () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const template = readArmFile(`{ "$schema": "${schema}", "variables": { "v": ${deep(10_000)} } }`);
  assert.equal(template.kind, 'arm-template');
  assert.equal(template.root, undefined);
  assert.equal(template.errors.length, 1);
  assert.match(template.errors[0].message, /nested more than 256 levels deep/);
  // Deep and broken: the parser that recovers from errors recurses, so it must not see this either.
  const broken = readArmFile(`{ "$schema": "${schema}", "x": ,, "variables": { "v": ${'{"a":'.repeat(10_000)} } }`);
  assert.equal(broken.kind, 'arm-template');
  assert.match(broken.errors[0].message, /nested more than/);
  // Deep JSON that is not ARM is ignored quietly, as any other JSON.
  assert.deepEqual(readArmFile(deep(100_000)), { kind: 'other', root: undefined, errors: [], skipped: [] });
  // Just within the limit is read.
  const within = readArmFile(`{ "$schema": "${schema}", "variables": { "v": ${deep(maxJsonDepth - 3)} } }`);
  assert.deepEqual(within.errors, []);
  assert.equal(within.template?.variables.length, 1);
});

test('a 10 MB template is read whole', hangGuard, () => {
  const resource = (i: number) => ({
    type: 'Microsoft.Network/privateEndpoints',
    apiVersion: '2023-04-01',
    name: `[format('pe-{0}', ${i})]`,
    location: '[resourceGroup().location]',
    properties: {
      subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('vnet'), 'pe')]" },
      privateLinkServiceConnections: [
        { name: 'c', properties: { privateLinkServiceId: "[parameters('target')]", groupIds: ['blob'] } },
      ],
    },
  });
  const resources = Array.from({ length: 20_000 }, (_, i) => resource(i));
  const text = JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', resources }, null, 2);
  assert.ok(text.length > 10_000_000, `${text.length} characters`);
  const file = readArmFile(text);
  assert.deepEqual(file.errors, []);
  assert.equal(file.template!.resources.length, 20_000);
  assert.equal(armExpressions(file.template!).length, 80_000);
});

test('odd input never throws', () => {
  for (const text of [
    '',
    ' ',
    '\ufeff',
    'null',
    '{',
    '}',
    '{"$schema":',
    `{"$schema": "${schema}"`,
    `{"$schema": "${schema}", "resources": [,]}`,
    `{"$schema": "${schema}", "resources": [{"type": "a", "resources": [{"type": "b", "resources": [1]}]}]}`,
    '\u0000',
    '"\\u"',
    '[1,,2]',
  ]) {
    const file = readArmFile(text);
    assert.ok(['arm-template', 'arm-parameters', 'other'].includes(file.kind), text);
  }
});
