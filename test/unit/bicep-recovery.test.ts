// Error recovery: errors are data, a broken line does not hide the declarations after it, unclosed
// brackets stop at the next column-0 declaration, and the tree always prints back to the input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarations,
  nameOf,
  parseBicep,
  printTree,
  resourceView,
  type ResourceDeclaration,
} from '../../server/src/syntax/bicep';

function parseBroken(text: string, parameterFile = false) {
  const result = parseBicep(text, { parameterFile });
  assert.equal(printTree(result.tree), text, 'lossless even when broken');
  assert.ok(result.errors.length > 0, `expected errors in ${JSON.stringify(text)}`);
  for (const error of result.errors) {
    assert.ok(error.start >= 0 && error.start <= error.end && error.end <= text.length, 'error range inside the text');
  }
  return result;
}

function names(text: string, parameterFile = false): string[] {
  return declarations(parseBroken(text, parameterFile).tree).map(
    (d) => `${d.kind}:${nameOf(d as { name?: never })?.text ?? ''}`,
  );
}

const validResource = "resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {\n  name: 'pe'\n}\n";

test('a broken line followed by a valid resource still yields that resource', () => {
  for (const broken of [
    'var = = =',
    'param',
    'garbage here !!',
    '@@@',
    "var x = concat('a' 'b')",
    'output o string =',
    'var y = {a: }',
  ]) {
    const result = parseBroken(`${broken}\n${validResource}`);
    const resources = declarations(result.tree).filter(
      (d): d is ResourceDeclaration => d.kind === 'ResourceDeclaration',
    );
    assert.equal(resources.length, 1, broken);
    const view = resourceView(resources[0]);
    assert.equal(view.name?.text, 'pe', broken);
    assert.equal(view.type, 'Microsoft.Network/privateEndpoints@2024-05-01', broken);
    assert.ok(view.object, broken);
  }
});

test('an unclosed object stops at the next column-0 declaration', () => {
  const text =
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet'\n  properties: {\n    x: 1\n\n" +
    validResource;
  assert.deepEqual(names(text), ['ResourceDeclaration:vnet', 'ResourceDeclaration:pe']);
  const vnet = declarations(parseBicep(text).tree)[0] as ResourceDeclaration;
  assert.equal(resourceView(vnet).object?.members.length, 2, 'the properties before the break are kept');
});

test('unclosed arrays, calls and parentheses stop at the next declaration too', () => {
  assert.deepEqual(names(`var a = [1, 2\n${validResource}`), ['VariableDeclaration:a', 'ResourceDeclaration:pe']);
  assert.deepEqual(names(`var b = concat('a',\n${validResource}`), ['VariableDeclaration:b', 'ResourceDeclaration:pe']);
  assert.deepEqual(names(`var c = (\n${validResource}`), ['VariableDeclaration:c', 'ResourceDeclaration:pe']);
  assert.deepEqual(names(`var d = [for x in y: \n${validResource}`), [
    'VariableDeclaration:d',
    'ResourceDeclaration:pe',
  ]);
});

test('child resources written without indentation are still children', () => {
  const text =
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'v'\n\nresource subnet 'subnets@2024-05-01' = {\n  name: 's'\n}\n}\n";
  const result = parseBicep(text);
  assert.deepEqual(result.errors, []);
  const vnet = declarations(result.tree)[0] as ResourceDeclaration;
  assert.equal(resourceView(vnet).children.length, 1);
});

test('missing parts become Missing nodes with one error each, not a cascade', () => {
  const result = parseBroken('param\n');
  assert.equal(result.errors.length, 1);
  const missingType = parseBroken('param p\n');
  assert.equal(missingType.errors.length, 1);
  const resource = parseBroken("resource r 'T@1' = \n");
  assert.equal(resource.errors.length, 1);
});

test('unterminated strings and interpolations at the end of the file', () => {
  for (const text of [
    "var a = 'abc",
    "var a = '${b",
    "var a = '${b}",
    "var a = '''abc",
    "var a = $'''${b",
    "var a = '${'${",
    '/* open comment',
  ]) {
    const result = parseBroken(text);
    assert.ok(result.errors.length >= 1, text);
  }
});

test('a string broken by a line break does not take the next line with it', () => {
  assert.deepEqual(names(`var a = 'abc\n${validResource}`), ['VariableDeclaration:a', 'ResourceDeclaration:pe']);
  assert.deepEqual(names(`var a = 'x\${b\n${validResource}`), ['VariableDeclaration:a', 'ResourceDeclaration:pe']);
});

test('two declarations on one line: the second is skipped with an error', () => {
  const result = parseBroken('var a = 1 var b = 2\nvar c = 3\n');
  assert.deepEqual(
    declarations(result.tree).map((d) => nameOf(d as { name?: never })?.text),
    ['a', 'c'],
  );
});

test('stray closers and junk at the top level are skipped line by line', () => {
  assert.deepEqual(names(`}\n]\n)\n${validResource}`), ['ResourceDeclaration:pe']);
  assert.deepEqual(names(`"double quoted"\n${validResource}`), ['ResourceDeclaration:pe']);
});

test('decorators without a declaration are reported and kept', () => {
  const result = parseBroken("@description('x')\n");
  assert.equal(result.tree.statements[0].kind, 'MissingDeclaration');
});

test('the parameter-file parser rejects template-only declarations', () => {
  assert.deepEqual(names(`resource r 'T@1' = {}\nparam a = 1\n`, true), ['ParameterAssignment:a']);
});
