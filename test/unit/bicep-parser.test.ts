// The Bicep parser on the whole language: declarations of .bicep and .bicepparam files, expression
// precedence, member access forms, lambdas, loops and conditions, types, imports and extensions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarations,
  parseBicep,
  printTree,
  Token,
  type Child,
  type Declaration,
  type Expression,
  type Node,
  type TypeExpression,
  type VariableDeclaration,
} from '../../server/src/syntax/bicep';

/** Parses and asserts there is no error; the tree must print back to the text. */
function parseClean(text: string, parameterFile = false) {
  const result = parseBicep(text, { parameterFile });
  assert.deepEqual(result.errors, [], `errors in ${JSON.stringify(text)}`);
  assert.equal(printTree(result.tree), text);
  return result.tree;
}

function valueOf(expression: string): Expression {
  const declaration = declarations(parseClean(`var x = ${expression}\n`))[0] as VariableDeclaration;
  return declaration.value;
}

/** A compact S-expression of an expression or type, to check tree shapes. */
function show(child: Child | undefined): string {
  if (child === undefined) return '∅';
  if (child instanceof Token) return child.text;
  const node = child as Node;
  switch (node.kind) {
    case 'Binary':
      return `(${node.operator.text} ${show(node.left)} ${show(node.right)})`;
    case 'Unary':
      return `(${node.operator.text}${show(node.operand)})`;
    case 'Ternary':
      return `(? ${show(node.condition)} ${show(node.whenTrue)} ${show(node.whenFalse)})`;
    case 'Parenthesized':
      return `(paren ${show(node.expression)})`;
    case 'PropertyAccess':
      return `${show(node.base)}.${node.safe ? '?' : ''}${show(node.name)}`;
    case 'ArrayAccess':
      return `${show(node.base)}[${node.safe ? '?' : ''}${node.fromEnd ? '^' : ''}${show(node.index)}]`;
    case 'ResourceAccess':
      return `${show(node.base)}::${show(node.name)}`;
    case 'NonNullAssertion':
      return `${show(node.base)}!`;
    case 'VariableAccess':
      return node.name.text;
    case 'FunctionCall':
      return `${node.name.text}(${node.arguments.map(show).join(', ')})`;
    case 'InstanceFunctionCall':
      return `${show(node.base)}.${show(node.name)}(${node.arguments.map(show).join(', ')})`;
    case 'Lambda':
      return `(=> ${show(node.parameters)} ${show(node.body)})`;
    case 'VariableBlock':
      return `(${node.variables.map(show).join(' ')})`;
    case 'String':
    case 'Integer':
    case 'Boolean':
    case 'Null':
      return node.children.map(show).join('');
    case 'Object':
      return `{${node.members.map(show).join(', ')}}`;
    case 'ObjectProperty':
      return `${show(node.key)}: ${show(node.value)}`;
    case 'Spread':
      return `...${show(node.expression)}`;
    case 'Array':
      return `[${node.items.map(show).join(', ')}]`;
    case 'For':
      return `(for ${show(node.variable)} in ${show(node.iterable)}: ${show(node.body)})`;
    case 'IfCondition':
      return `(if ${show(node.condition)} ${show(node.body)})`;
    case 'TypeReference':
      return node.name.text;
    case 'UnionType':
      return `(| ${node.members.map(show).join(' ')})`;
    case 'NullableType':
      return `${show(node.base)}?`;
    case 'NonNullableType':
      return `${show(node.base)}!`;
    case 'ArrayType':
      return `${show(node.item)}[]`;
    case 'UnaryType':
      return `(${node.operator.text}${show(node.operand)})`;
    case 'ParenthesizedType':
      return `(paren ${show(node.type)})`;
    case 'ObjectType':
      return `{${node.members.map(show).join(', ')}}`;
    case 'ObjectTypeProperty':
      return `${node.decorators.length ? '@' : ''}${show(node.key)}: ${show(node.value)}`;
    case 'ObjectTypeAdditionalProperties':
      return `*: ${show(node.value)}`;
    case 'TupleType':
      return `[${node.items.map(show).join(', ')}]`;
    case 'TupleTypeItem':
      return show(node.value);
    case 'ParameterizedType':
      return `${node.name.text}<${node.arguments.map(show).join(', ')}>`;
    case 'TypePropertyAccess':
      return `${show(node.base)}.${show(node.name)}`;
    case 'TypeAdditionalPropertiesAccess':
      return `${show(node.base)}.*`;
    case 'TypeItemsAccess':
      return `${show(node.base)}[*]`;
    case 'TypeIndexAccess':
      return `${show(node.base)}[${show(node.index)}]`;
    case 'ResourceType':
      return `(resource ${show(node.typeString)})`;
    default:
      return `<${node.kind}>`;
  }
}

test('binary operators follow Bicep precedence, lowest first: ?? || && equality relational additive multiplicative', () => {
  assert.equal(show(valueOf('a ?? b || c && d == e < f + g * h')), '(?? a (|| b (&& c (== d (< e (+ f (* g h)))))))');
  assert.equal(show(valueOf('a * b + c * d - e % f')), '(- (+ (* a b) (* c d)) (% e f))');
  assert.equal(show(valueOf("a =~ 'x' && b !~ 'y' || !c")), "(|| (&& (=~ a 'x') (!~ b 'y')) (!c))");
  assert.equal(show(valueOf('a ?? b ?? c')), '(?? (?? a b) c)');
  assert.equal(show(valueOf('-1 + -x.y')), '(+ (-1) (-x.y))');
});

test('ternaries nest to the right and may span lines', () => {
  assert.equal(show(valueOf('a ? b : c ? d : e')), '(? a b (? c d e))');
  assert.equal(show(valueOf('cond\n  ? 1\n  : 2')), '(? cond 1 2)');
  assert.equal(show(valueOf('(a ? b : c).d')), '(paren (? a b c)).d');
});

test('member access: property, safe access, index, from-end index, nested resource, non-null', () => {
  assert.equal(show(valueOf('a.b.?c[0][?1][^1]')), 'a.b.?c[0][?1][^1]');
  assert.equal(show(valueOf('vnet::subnet.id')), 'vnet::subnet.id');
  assert.equal(show(valueOf('foo[0]!.bar')), 'foo[0]!.bar');
  assert.equal(show(valueOf('!a.b!')), '(!a.b!)');
});

test('calls with namespaces and instance calls', () => {
  assert.equal(show(valueOf('az.resourceGroup().location')), 'az.resourceGroup().location');
  assert.equal(show(valueOf("sys.concat('a', 'b')")), "sys.concat('a', 'b')");
  assert.equal(show(valueOf('storage.listKeys().keys[0].value')), 'storage.listKeys().keys[0].value');
  assert.equal(show(valueOf("concat(\n  'a',\n  'b'\n)")), "concat('a', 'b')");
});

test('lambdas: one name, a list, no parameters, a body on the next line', () => {
  assert.equal(show(valueOf('map(xs, x => x.name)')), 'map(xs, (=> x x.name))');
  assert.equal(
    show(valueOf('reduce(xs, 0, (cur, next) => cur + next)')),
    'reduce(xs, 0, (=> (cur next) (+ cur next)))',
  );
  assert.equal(show(valueOf('sort(xs, () => 1)')), 'sort(xs, (=> () 1))');
  assert.equal(show(valueOf('map(xs, x =>\n  x.y)')), 'map(xs, (=> x x.y))');
  assert.equal(show(valueOf('reduce(xs, 0, (\n  cur,\n  next\n) => cur)')), 'reduce(xs, 0, (=> (cur next) cur))');
});

test('strings: interpolation (nested), multi-line, escapes', () => {
  assert.equal(show(valueOf("'${a}-${'${b}'}'")), "'${a}-${'${b}'}'");
  const interpolated = valueOf("'pre${x.y}post'");
  assert.equal(interpolated.kind, 'String');
  if (interpolated.kind === 'String') assert.deepEqual(interpolated.expressions.map(show), ['x.y']);
  assert.equal(valueOf("'''\nline 1\nline 2'''").kind, 'String');
  assert.equal(valueOf("$'''\n${a}\n'''").kind, 'String');
});

test('objects and arrays: multi-line, comma-separated, mixed, spread, trailing comma', () => {
  assert.equal(show(valueOf("{\n  a: 1\n  'b-c': [\n    1\n    2\n  ]\n}")), "{a: 1, 'b-c': [1, 2]}");
  assert.equal(show(valueOf('{ a: 1, b: 2, }')), '{a: 1, b: 2}');
  assert.equal(show(valueOf('[1, 2\n3, 4]')), '[1, 2, 3, 4]');
  assert.equal(show(valueOf('{ ...base, extra: true }')), '{...base, extra: true}');
  assert.equal(show(valueOf('[...a, ...b]')), '[...a, ...b]');
  assert.equal(show(valueOf('{}')), '{}');
});

test('for expressions with an index, a filter and a condition', () => {
  assert.equal(show(valueOf('[for (item, i) in items: item.name]')), '(for (item i) in items: item.name)');
  assert.equal(show(valueOf('[for x in range(0, 3): {\n  n: x\n}]')), '(for x in range(0, 3): {n: x})');
  assert.equal(show(valueOf('[\n  for x in y: x\n]')), '(for x in y: x)');
});

function firstDeclaration(text: string, parameterFile = false): Declaration {
  return declarations(parseClean(text, parameterFile))[0];
}

test('every declaration kind of a .bicep file', () => {
  const text =
    [
      "targetScope = 'subscription'",
      "metadata owner = 'me'",
      "@description('a')\n@minLength(3)\nparam name string = 'abc'",
      "param vnet resource 'Microsoft.Network/virtualNetworks@2024-05-01'",
      'var v = 1',
      "var typed string = 'x'",
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {\n  name: name\n}",
      "module m './m.bicep' = {\n  name: 'm'\n}",
      'output o string = v',
      "output r resource 'Microsoft.Storage/storageAccounts@2023-01-01' = sa",
      'type t = string',
      "func f(a int, b string) string => '${a}${b}'",
      "import {a, b as c} from './x.bicep'",
      "import * as ns from './y.bicep'",
      "import 'az@1.0.0'",
      "provider 'microsoftGraph@1.0.0' as graph",
      "extension kubernetes with {\n  namespace: 'x'\n} as k8s",
      'extension microsoftGraph',
      'assert positive = v > 0',
      "test t1 'main.bicep' = {\n  params: {}\n}",
    ].join('\n\n') + '\n';
  assert.deepEqual(
    declarations(parseClean(text)).map((d) => d.kind),
    [
      'TargetScopeDeclaration',
      'MetadataDeclaration',
      'ParameterDeclaration',
      'ParameterDeclaration',
      'VariableDeclaration',
      'VariableDeclaration',
      'ResourceDeclaration',
      'ModuleDeclaration',
      'OutputDeclaration',
      'OutputDeclaration',
      'TypeDeclaration',
      'FunctionDeclaration',
      'ImportDeclaration',
      'ImportDeclaration',
      'ExtensionDeclaration',
      'ExtensionDeclaration',
      'ExtensionDeclaration',
      'ExtensionDeclaration',
      'AssertDeclaration',
      'TestDeclaration',
    ],
  );
});

test('every statement kind of a .bicepparam file', () => {
  const text =
    "using './main.bicep'\nextends './base.bicepparam'\nparam a = 1\nvar b = a + 1\n" +
    "import {t} from './types.bicep'\nextensionConfig k8s with {\n  namespace: 'x'\n}\ntype s = string\n";
  assert.deepEqual(
    declarations(parseClean(text, true)).map((d) => d.kind),
    [
      'UsingDeclaration',
      'ExtendsDeclaration',
      'ParameterAssignment',
      'VariableDeclaration',
      'ImportDeclaration',
      'ExtensionConfigAssignment',
      'TypeDeclaration',
    ],
  );
  assert.equal(firstDeclaration('using none\n', true).kind, 'UsingDeclaration');
  assert.equal(firstDeclaration("using './main.bicep' with {\n  mode: 'stack'\n}\n", true).kind, 'UsingDeclaration');
  assert.ok(parseBicep('param a = 1\n').errors.length > 0, 'a .bicep param needs a type');
  assert.ok(
    parseBicep('param a string\n', { parameterFile: true }).errors.length > 0,
    'a .bicepparam param needs a value',
  );
});

test('resource bodies: if, for, for with if, nested children, decorators on children', () => {
  const text = `@batchSize(2)
resource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for (cfg, i) in configs: if (cfg.enabled) {
  name: cfg.name
  @description('child')
  resource subnet 'subnets' = {
    name: 'default'
  }
}]

resource maybe 'Microsoft.Network/privateDnsZones@2020-06-01' =
  if (deploy) {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
`;
  const [loop, conditional] = declarations(parseClean(text));
  assert.equal(loop.kind, 'ResourceDeclaration');
  if (loop.kind !== 'ResourceDeclaration' || conditional.kind !== 'ResourceDeclaration') return;
  assert.equal(loop.decorators.length, 1);
  assert.equal(loop.value.kind, 'For');
  if (loop.value.kind === 'For' && loop.value.body.kind === 'IfCondition' && loop.value.body.body.kind === 'Object') {
    const child = loop.value.body.body.members[1];
    assert.equal(child.kind, 'ResourceDeclaration');
    if (child.kind === 'ResourceDeclaration') assert.equal(child.decorators.length, 1);
  } else {
    assert.fail('for body should be an if condition with an object');
  }
  assert.equal(conditional.value.kind, 'IfCondition');
});

test('module references: local path, registry, alias, template spec', () => {
  for (const path of [
    "'./net.bicep'",
    "'br:mcr.microsoft.com/bicep/avm/res/network/vnet:0.1.0'",
    "'br/public:avm/res/network/vnet:0.1.0'",
    "'ts:sub/rg/spec:1.0'",
  ]) {
    const declaration = firstDeclaration(`module m ${path} = {\n  name: 'm'\n}\n`);
    assert.equal(declaration.kind, 'ModuleDeclaration');
  }
});

function typeOf(type: string): TypeExpression {
  const declaration = firstDeclaration(`type t = ${type}\n`);
  assert.equal(declaration.kind, 'TypeDeclaration');
  return (declaration as { value: TypeExpression }).value;
}

test('types: unions, nullable, arrays, literals, tuples, parentheses', () => {
  assert.equal(show(typeOf("'a' | 'b' | 'c'")), "(| 'a' 'b' 'c')");
  assert.equal(show(typeOf("| 'alone'")), "(| 'alone')");
  assert.equal(show(typeOf("['x']\n| ['y']")), "(| ['x'] ['y'])");
  assert.equal(show(typeOf('int [] [] ?')), 'int[][]?');
  assert.equal(show(typeOf('(string | int)[]')), '(paren (| string int))[]');
  assert.equal(show(typeOf('-10 | !true | null')), '(| (-10) (!true) null)');
  assert.equal(show(typeOf('[string, int]')), '[string, int]');
  assert.equal(show(typeOf('nullable!')), 'nullable!');
});

test('types: object types with decorators and additional properties; member access', () => {
  assert.equal(
    show(typeOf("{\n  @minLength(3)\n  name: string\n  'quoted-key': int?\n  *: bool\n}")),
    "{@name: string, 'quoted-key': int?, *: bool}",
  );
  assert.equal(show(typeOf('foo.bar.baz')), 'foo.bar.baz');
  assert.equal(show(typeOf('arr[*]')), 'arr[*]');
  assert.equal(show(typeOf('dict.*')), 'dict.*');
  assert.equal(show(typeOf('tuple[1]')), 'tuple[1]');
});

test('types: resource-derived types and resource parameter types', () => {
  assert.equal(
    show(typeOf("resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>.properties")),
    "resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>.properties",
  );
  assert.equal(
    show(typeOf("resourceOutput<'Microsoft.Network/virtualNetworks@2024-05-01'>")),
    "resourceOutput<'Microsoft.Network/virtualNetworks@2024-05-01'>",
  );
  assert.equal(
    show(typeOf("resource<'Microsoft.Network/virtualNetworks@2024-05-01'>")),
    "resource<'Microsoft.Network/virtualNetworks@2024-05-01'>",
  );
  const param = firstDeclaration("param vnet resource 'Microsoft.Network/virtualNetworks@2024-05-01'\n");
  assert.equal(
    param.kind === 'ParameterDeclaration' && show(param.type),
    "(resource 'Microsoft.Network/virtualNetworks@2024-05-01')",
  );
});

test('decorators with namespaces and object arguments', () => {
  const declaration = firstDeclaration(
    "@sys.description('d')\n@discriminator('type')\n@metadata({\n  a: 1\n})\n@export()\ntype u = {type: 'a'} | {type: 'b'}\n",
  );
  assert.equal(declaration.kind, 'TypeDeclaration');
  assert.deepEqual(
    declaration.decorators.map((d) => show(d.expression)),
    ["sys.description('d')", "discriminator('type')", 'metadata({a: 1})', 'export()'],
  );
});

test('a file with a byte-order mark, CRLF line ends and no final line break', () => {
  const tree = parseClean('\uFEFFparam a string\r\nvar b = a\r\noutput c string = b');
  assert.equal(declarations(tree).length, 3);
  assert.equal(tree.start, 0);
  assert.equal(tree.end, '\uFEFFparam a string\r\nvar b = a\r\noutput c string = b'.length);
});
