// Typed views and helpers for later layers: resources, modules, property lookup, string decoding,
// decorators and position lookups. Views return undefined for anything missing or broken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarations,
  decoratorArguments,
  decoratorName,
  findDecorator,
  findProperty,
  isMultiLineString,
  literalString,
  moduleView,
  nameOf,
  nodePathAt,
  objectProperties,
  parseBicep,
  propertyKey,
  propertyValue,
  resourceView,
  splitResourceType,
  stringSegments,
  stringValue,
  tokenAt,
  type Expression,
  type ModuleDeclaration,
  type ResourceDeclaration,
  type StringLiteral,
  type VariableDeclaration,
} from '../../server/src/syntax/bicep';

const template = `@description('The hub')
param hubName string = 'hub'

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: hubName
  location: resourceGroup().location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.0.0.0/16']
    }
    'dhcpOptions': {}
  }
  resource subnet 'subnets' = {
    name: 'pe'
  }
}

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' existing = if (useZone) {
  name: 'privatelink.vaultcore.azure.net'
}

module spokes './spoke.bicep' = [for (spoke, i) in spokeList: if (spoke.enabled) {
  name: 'spoke-\${i}'
}]
`;

const tree = parseBicep(template).tree;
const all = declarations(tree);
const vnet = all[1] as ResourceDeclaration;
const zone = all[2] as ResourceDeclaration;
const spokes = all[3] as ModuleDeclaration;

function stringOf(expression: string): StringLiteral {
  const result = parseBicep(`var x = ${expression}\n`);
  assert.deepEqual(result.errors, []);
  const value = (declarations(result.tree)[0] as VariableDeclaration).value;
  assert.equal(value.kind, 'String');
  return value as StringLiteral;
}

test('resourceView: name, type, existing flag, body, condition, children', () => {
  const view = resourceView(vnet);
  assert.equal(view.name?.text, 'vnet');
  assert.equal(view.type, 'Microsoft.Network/virtualNetworks@2024-05-01');
  assert.equal(view.existing, false);
  assert.equal(view.condition, undefined);
  assert.equal(view.loop, undefined);
  assert.equal(view.children.length, 1);
  assert.equal(resourceView(view.children[0]).type, 'subnets');
  const zoneView = resourceView(zone);
  assert.equal(zoneView.existing, true);
  assert.equal(zoneView.condition?.kind, 'VariableAccess');
  assert.ok(zoneView.object);
});

test('moduleView: path, loop and condition inside the loop', () => {
  const view = moduleView(spokes);
  assert.equal(view.path, './spoke.bicep');
  assert.equal(view.loop?.kind, 'For');
  assert.equal(view.condition?.kind, 'PropertyAccess');
  assert.ok(view.object);
});

test('property lookup: keys by identifier or string, case-insensitive by default, nested paths', () => {
  const body = resourceView(vnet).object!;
  assert.deepEqual(objectProperties(body).map(propertyKey), ['name', 'location', 'properties']);
  assert.ok(findProperty(body, 'NAME'));
  assert.equal(findProperty(body, 'NAME', { ignoreCase: false }), undefined);
  assert.equal(propertyValue(body, ['properties', 'dhcpOptions'])?.kind, 'Object');
  const prefixes = propertyValue(body, ['properties', 'addressSpace', 'addressPrefixes']);
  assert.equal(prefixes?.kind, 'Array');
  assert.equal(propertyValue(body, ['properties', 'nope']), undefined);
  assert.equal(propertyValue(body, ['name', 'deeper']), undefined);
});

test('views of broken declarations return undefined parts', () => {
  const broken = declarations(parseBicep("resource r = {\n  name: 'x'\n}\n").tree);
  const declaration = broken[0] as ResourceDeclaration | undefined;
  if (declaration) {
    const view = resourceView(declaration);
    assert.equal(view.type, undefined);
  }
  const noName = declarations(parseBicep('param\nvar = 1\n').tree);
  for (const d of noName) assert.equal(nameOf(d as { name?: never }), undefined);
});

test('string values decode escapes; interpolated strings decode into segments', () => {
  assert.equal(stringValue(stringOf("'a\\'b\\\\c\\nd\\t\\$e\\u{41}\\u{1F600}'")), "a'b\\c\nd\t$eA\u{1F600}");
  assert.equal(stringValue(stringOf("'x${y}'")), undefined);
  const segments = stringSegments(stringOf("'pre${a}mid\\${no}${b.c}post'"));
  assert.deepEqual(segments?.segments, ['pre', 'mid${no}', 'post']);
  assert.equal(segments?.expressions.length, 2);
  assert.deepEqual(stringSegments(stringOf("'${a}${b}'"))?.segments, ['', '', '']);
});

test('multi-line strings are verbatim, drop one leading line break, and may interpolate', () => {
  assert.equal(stringValue(stringOf("'''\nline \\n ${x}\n'''")), 'line \\n ${x}\n');
  assert.equal(stringValue(stringOf("'''\r\ncrlf'''")), 'crlf');
  assert.equal(stringValue(stringOf("''''quoted''''")), "'quoted'");
  assert.equal(stringValue(stringOf("''''''")), '');
  assert.ok(isMultiLineString(stringOf("'''a'''")));
  assert.ok(!isMultiLineString(stringOf("'a'")));
  assert.deepEqual(stringSegments(stringOf("$'''\nHello ${name}!\n'''"))?.segments, ['Hello ', '!\n']);
  assert.deepEqual(stringSegments(stringOf("$$'''${a}$${b}c'''"))?.segments, ['${a}', 'c']);
});

test('unterminated strings decode to undefined', () => {
  const result = parseBicep("var x = 'abc\n");
  const value = (declarations(result.tree)[0] as VariableDeclaration).value as Expression;
  if (value.kind === 'String') assert.equal(stringValue(value), undefined);
  const multi = parseBicep("var x = '''abc");
  const multiValue = (declarations(multi.tree)[0] as VariableDeclaration).value as Expression;
  if (multiValue.kind === 'String') assert.equal(stringValue(multiValue), undefined);
});

test('decorators: names with namespaces and arguments', () => {
  const declaration = declarations(
    parseBicep("@sys.description('d')\n@secure()\n@batchSize\nparam p string\n").tree,
  )[0];
  assert.deepEqual(declaration.decorators.map(decoratorName), ['sys.description', 'secure', 'batchSize']);
  const description = findDecorator(declaration, 'description');
  assert.ok(description);
  assert.equal(literalString(decoratorArguments(description)[0]), 'd');
  assert.equal(findDecorator(declaration, 'minLength'), undefined);
});

test('splitResourceType separates the API version', () => {
  assert.deepEqual(splitResourceType('Microsoft.Network/virtualNetworks/subnets@2024-05-01'), {
    type: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2024-05-01',
  });
  assert.deepEqual(splitResourceType('subnets'), { type: 'subnets', apiVersion: undefined });
});

test('position lookups: the token and node path at an offset', () => {
  const offset = template.indexOf('addressPrefixes');
  assert.equal(tokenAt(tree, offset).text, 'addressPrefixes');
  assert.equal(tokenAt(tree, template.length).kind, tree.endOfFile.kind);
  const path = nodePathAt(tree, offset).map((node) => node.kind);
  assert.deepEqual(path.slice(0, 3), ['SourceFile', 'ResourceDeclaration', 'Object']);
  assert.equal(path.at(-1), 'ObjectProperty');
});
