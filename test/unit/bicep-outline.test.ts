// The lazy outline: the skim finds exactly the declarations of the full parse (keyword, name, header
// string, offsets) for each construct that spans lines or hides brackets and quotes, each lazily
// parsed declaration dumps exactly like the full parse's, anything unusual falls back to a full
// parse with the same answers, and no input makes it throw. Also the slice form of `lex`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarations,
  dumpTree,
  lex,
  outlineBicep,
  outlineOfTree,
  parseBicep,
  TokenKind,
  type BicepLanguage,
  type Declaration,
  type SourceFile,
} from '../../server/src/syntax/bicep';
import { entryFields } from '../support/outline-entries';

// dumpTree walks any node (it is typed for a whole file).
const dump = (node: Declaration | undefined): string => (node ? dumpTree(node as unknown as SourceFile) : 'none');

type Expected = [keyword: string, name: string | undefined, literal: string | undefined, source: string];

/** The outline is lazy, its entries are `expected` (with the exact source of each declaration) and
 * agree with the full parse, which has no error; each lazily parsed declaration dumps like the full parse's. */
function check(text: string, expected: Expected[], language: BicepLanguage = 'bicep'): void {
  const full = parseBicep(text, { parameterFile: language === 'bicepparam' });
  assert.deepEqual(full.errors, [], 'the case should be valid Bicep');
  const outline = outlineBicep(text, language);
  assert.equal(outline.skimmed, true, 'the skim should handle the case');
  assert.deepEqual(
    outline.entries.map((e) => [e.keyword, e.name, e.literal, text.slice(e.start, e.end)]),
    expected,
  );
  assert.deepEqual(entryFields(outline.entries), entryFields(outlineOfTree(full.tree).entries));
  // With a character outside ASCII after it, the text is skimmed as a string, not as bytes (lexer-groups.ts
  // asciiBytes): the same entries.
  const notAscii = outlineBicep(`${text}\n// \u00e9`, language);
  assert.equal(notAscii.skimmed, true);
  assert.deepEqual(notAscii.entries, outline.entries, 'skimmed as a string');
  const fromFull = declarations(full.tree);
  outline.entries.forEach((entry, i) =>
    assert.equal(dump(outline.declaration(entry)), dump(fromFull[i]), `entry ${i}`),
  );
}

/** Whatever the skim does, every entry's declaration is the full parse's at its start. */
function checkAgainstFullParse(text: string, language: BicepLanguage = 'bicep') {
  const full = parseBicep(text, { parameterFile: language === 'bicepparam' });
  const outline = outlineBicep(text, language);
  const byStart = new Map(declarations(full.tree).map((d) => [d.start, d]));
  for (const entry of outline.entries) assert.equal(dump(outline.declaration(entry)), dump(byStart.get(entry.start)));
  if (full.errors.length === 0)
    assert.deepEqual(entryFields(outline.entries), entryFields(outlineOfTree(full.tree).entries));
  return { outline, full };
}

test('decorators with blank, comment and pragma lines between them, and multi-line arguments', () => {
  const text = [
    "@description('The name')",
    '',
    '// a comment line',
    '#disable-next-line no-unused-params',
    '@minLength(',
    '  3',
    ')',
    '@sys.maxLength(10) // trailing',
    'param name string',
    '@metadata({',
    "  note: 'a } and ) in a string'",
    '})',
    "param kind string = 'a'",
    '',
  ].join('\n');
  check(text, [
    ['param', 'name', undefined, text.slice(0, text.indexOf('param name string') + 'param name string'.length)],
    ['param', 'kind', undefined, "@metadata({\n  note: 'a } and ) in a string'\n})\nparam kind string = 'a'"],
  ]);
});

test('plain decorator lines (read from the bytes) beside others, as the full parse reads them', () => {
  const text = [
    "@description('The name')",
    "@sys.description('')",
    '@secure()',
    "@description('x')  \t",
    "@description('y') // a comment after it",
    "@description( 'z' )",
    "@description('a ${b}')",
    "@description('''multi''')",
    "@description('it\\'s')",
    '@minValue(1)',
    'param name string',
    "@description('last')",
    'param b int',
  ].join('\n');
  const firstEnd = text.indexOf('param name string') + 'param name string'.length;
  check(text, [
    ['param', 'name', undefined, text.slice(0, firstEnd)],
    ['param', 'b', undefined, "@description('last')\nparam b int"],
  ]);
});

test('header strings: resource types, module paths, imports, extensions, targetScope', () => {
  const text = [
    "targetScope = 'subscription'",
    "metadata info = 'demo'",
    "import { a, 'b-c' as bc } from './types.bicep'",
    "import * as shared from 'br/public:x:1.0'",
    'extension microsoftGraphV1',
    "extension 'br:mcr.microsoft.com/bicep/extensions/kubernetes:1.0' with { namespace: 'x' } as k8s",
    "resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' existing = {",
    "  name: 'it\\'s'",
    '}',
    "module spoke 'modules/${env}.bicep' = {",
    "  name: 'spoke'",
    '}',
    "module hub './hub.bicep' = {",
    "  name: 'hub'",
    '}',
  ].join('\n');
  check(text, [
    ['targetScope', undefined, 'subscription', "targetScope = 'subscription'"],
    ['metadata', 'info', undefined, "metadata info = 'demo'"],
    ['import', undefined, './types.bicep', "import { a, 'b-c' as bc } from './types.bicep'"],
    ['import', undefined, 'br/public:x:1.0', "import * as shared from 'br/public:x:1.0'"],
    ['extension', undefined, undefined, 'extension microsoftGraphV1'],
    ['extension', undefined, 'br:mcr.microsoft.com/bicep/extensions/kubernetes:1.0', text.split('\n')[5]],
    ['resource', 'vnet', 'Microsoft.Network/virtualNetworks@2023-05-01', text.split('\n').slice(6, 9).join('\n')],
    ['module', 'spoke', undefined, text.split('\n').slice(9, 12).join('\n')],
    ['module', 'hub', './hub.bicep', text.split('\n').slice(12, 15).join('\n')],
  ]);
});

test('header strings with escapes, between plain ones and after a backslash elsewhere, are decoded', () => {
  const text = [
    "module a './a.bicep' = {}",
    "var b = '\\\\'",
    "module c './c.bicep' = {}",
    "module d './it\\'s.bicep' = {}",
    "module e './e.bicep' = {}",
    "resource f 'x\\u{2F}y@1' existing = {}",
  ].join('\n');
  const lines = text.split('\n');
  check(text, [
    ['module', 'a', './a.bicep', lines[0]],
    ['var', 'b', undefined, lines[1]],
    ['module', 'c', './c.bicep', lines[2]],
    ['module', 'd', "./it's.bicep", lines[3]],
    ['module', 'e', './e.bicep', lines[4]],
    ['resource', 'f', 'x/y@1', lines[5]],
  ]);
});

test('multi-line strings with holes and dollar counts, nested braces and quotes inside holes', () => {
  const text = [
    "var greeting = 'hi ${name} and ${concat('}', '${'{'}')}'",
    "var verbatim = '''",
    "it's } ] ) ${not a hole} '' and // not a comment",
    "'''",
    "var script = $$'''",
    "echo ${literal} $${name} '' ${{ x }}",
    "'''",
    "var nested = $'''${x['}'].y} ${'${x}'}'''",
    "var quotes = '''ends in a quote''''",
    'param name string',
    'param x string',
  ].join('\n');
  const lines = text.split('\n');
  check(text, [
    ['var', 'greeting', undefined, lines[0]],
    ['var', 'verbatim', undefined, lines.slice(1, 4).join('\n')],
    ['var', 'script', undefined, lines.slice(4, 7).join('\n')],
    ['var', 'nested', undefined, lines[7]],
    ['var', 'quotes', undefined, lines[8]],
    ['param', 'name', undefined, lines[9]],
    ['param', 'x', undefined, lines[10]],
  ]);
});

test('empty strings beside multi-line ones, in groups and last in the text', () => {
  const text =
    "var a = ''\nvar b = {\n  c: ''\n  d: '''\nx'''\n  e: ''''''\n}\nvar f = ['', '''y''', '']\nmetadata g = ''";
  check(text, [
    ['var', 'a', undefined, "var a = ''"],
    ['var', 'b', undefined, text.slice(text.indexOf('var b'), text.indexOf('\nvar f'))],
    ['var', 'f', undefined, "var f = ['', '''y''', '']"],
    ['metadata', 'g', undefined, "metadata g = ''"],
  ]);
  // A header string that is empty is a literal, not a multi-line string (which the skim gives up on).
  check("targetScope = ''\nvar h = ''", [
    ['targetScope', undefined, '', "targetScope = ''"],
    ['var', 'h', undefined, "var h = ''"],
  ]);
});

test('comments holding quotes and brackets, and comments across lines', () => {
  const text = [
    "/* a header: it's { not [ code ( */",
    "var a = 1 // it's ) ] } too",
    "var b = /* ' { */ 2 /* spans",
    'two lines */',
    '/*',
    ' * leading',
    ' */ var c = {',
    "  d: 'x' // '{",
    '  /* } */',
    '}',
  ].join('\n');
  check(text, [
    ['var', 'a', undefined, 'var a = 1'],
    ['var', 'b', undefined, "var b = /* ' { */ 2"],
    ['var', 'c', undefined, "var c = {\n  d: 'x' // '{\n  /* } */\n}"],
  ]);
});

test('declarations that go on past a line break: lambdas, conditions, ternaries, unions', () => {
  const text = [
    'func double(x int) int =>',
    '  x * 2',
    'var add = (a, b) =>',
    '  // the body',
    '  a + b',
    "resource ip 'Microsoft.Network/publicIPAddresses@2023-05-01' =",
    '  if (deploy) {',
    "    name: 'ip'",
    '  }',
    'var pick = deploy',
    '',
    "  ? 'a'",
    "  : 'b'",
    'type color =',
    "  | 'red'",
    "  | 'blue'",
    'param deploy bool',
  ].join('\n');
  const lines = text.split('\n');
  check(text, [
    ['func', 'double', undefined, lines.slice(0, 2).join('\n')],
    ['var', 'add', undefined, lines.slice(2, 5).join('\n')],
    ['resource', 'ip', 'Microsoft.Network/publicIPAddresses@2023-05-01', lines.slice(5, 9).join('\n')],
    ['var', 'pick', undefined, lines.slice(9, 13).join('\n')],
    ['type', 'color', undefined, lines.slice(13, 16).join('\n')],
    ['param', 'deploy', undefined, lines[16]],
  ]);
});

test('nested resources (one unindented), conditions and loops', () => {
  const text = [
    "resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' = if (deploy) {",
    "  name: 'vnet'",
    "resource snet 'subnets@2023-05-01' = {",
    "  name: 'a'",
    '}',
    '  properties: {',
    '    type: 1',
    '  }',
    '}',
    "resource nics 'Microsoft.Network/networkInterfaces@2023-05-01' = [for i in range(0, 2): if (i > 0) {",
    "  name: 'nic${i}'",
    '}]',
    'output ids array = [for i in range(0, 2): nics[i].id]',
    'param deploy bool',
  ].join('\n');
  const lines = text.split('\n');
  check(text, [
    ['resource', 'vnet', 'Microsoft.Network/virtualNetworks@2023-05-01', lines.slice(0, 9).join('\n')],
    ['resource', 'nics', 'Microsoft.Network/networkInterfaces@2023-05-01', lines.slice(9, 12).join('\n')],
    ['output', 'ids', undefined, lines[12]],
    ['param', 'deploy', undefined, lines[13]],
  ]);
});

test('CRLF, a byte-order mark and no final newline', () => {
  const text = "\ufeff@description('x')\r\n\r\n  param a string\r\n// c\r\nvar b = {\r\n  c: 1\r\n}";
  check(text, [
    ['param', 'a', undefined, "@description('x')\r\n\r\n  param a string"],
    ['var', 'b', undefined, 'var b = {\r\n  c: 1\r\n}'],
  ]);
  check('\ufeffparam a string', [['param', 'a', undefined, 'param a string']]);
  check('', []);
  check('// only a comment\n\n', []);
});

test('.bicepparam files: using, extends, param assignments, extensionConfig', () => {
  const text = [
    "using './main.bicep'",
    "extends './base.bicepparam'",
    "param location = 'westeurope'",
    'param subnets = [',
    "  { name: 'a' }",
    ']',
    "var prefix = 'x'",
    "extensionConfig k8s with { namespace: 'y' }",
  ].join('\n');
  const lines = text.split('\n');
  check(
    text,
    [
      ['using', undefined, './main.bicep', lines[0]],
      ['extends', undefined, './base.bicepparam', lines[1]],
      ['param', 'location', undefined, lines[2]],
      ['param', 'subnets', undefined, lines.slice(3, 6).join('\n')],
      ['var', 'prefix', undefined, lines[6]],
      ['extensionConfig', 'k8s', undefined, lines[7]],
    ],
    'bicepparam',
  );
  check('using none\n', [['using', undefined, undefined, 'using none']], 'bicepparam');
});

test('declarations are parsed lazily and kept from their second ask; after tree() the rest come from the tree', () => {
  const text = 'param a string\nparam b string\nparam c string\n';
  const outline = outlineBicep(text, 'bicep');
  const [a, b, c] = outline.entries;
  const firstA = outline.declaration(a);
  const lazyA = outline.declaration(a);
  // The file being typed in is outlined anew per keystroke and asks once: its trees are not kept (issue 16).
  assert.notEqual(lazyA, firstA, 'asked once: parsed, not kept');
  assert.equal(dump(lazyA), dump(firstA));
  assert.equal(outline.declaration(a), lazyA, 'asked again: kept');
  const tree = outline.tree();
  assert.equal(outline.tree(), tree, 'memoised');
  const fromTree = declarations(tree);
  assert.notEqual(lazyA, fromTree[0], 'parsed from its slice, not from the tree');
  assert.equal(dump(lazyA), dump(fromTree[0]));
  assert.equal(outline.declaration(b), fromTree[1], 'asked after tree(): the tree node');
  // Outlining the same text again gives the same entries; an entry of another outline is matched by its start.
  const again = outlineBicep(text, 'bicep');
  assert.deepEqual(again.entries, outline.entries);
  assert.equal(dump(outline.declaration(again.entries[2])), dump(fromTree[2]));
  assert.equal(outline.declaration({ ...c, start: c.start + 1 }), undefined);
});

test('outlineOfTree answers from the tree it is given', () => {
  const { tree } = parseBicep('param a string\nvar b = 1\n');
  const outline = outlineOfTree(tree);
  assert.equal(outline.skimmed, false);
  assert.equal(outline.tree(), tree);
  assert.deepEqual(
    outline.entries.map((e) => e.keyword),
    ['param', 'var'],
  );
  assert.equal(outline.declaration(outline.entries[1]), declarations(tree)[1]);
});

test('unusual text falls back to the full parse, with the same declarations', () => {
  const cases = [
    'var a = {\nparam b string\n', // unbalanced: the parser ends the object at the column-0 keyword
    'var a = (1]\nparam b string', // mismatched brackets
    "var a = 'abc\nparam b string", // unterminated string
    "var a = '${b\n}'\nparam c string", // a line break in a hole
    'var a = 1 /* open\nparam b string', // unterminated comment
    'param a string\n  junk here\nparam b string', // a line that starts no declaration
    'param a string\n"quoted"\nparam b string', // junk characters
    "@description('x')\n", // decorators without a declaration
    "@description('x')", // the same at the end of the text
    "@true('x')\nparam a string", // a keyword is no decorator name
    '@a.null()\nparam a string',
    "@description('x') param a string\nparam b string", // a declaration on the decorator line
    'var a = {\n  b: 1\nvar c = 2\n}', // a column-0 keyword inside braces
    "var a = '''never closed\nparam b string",
    'var a = 1\n#if\nparam b string', // not a pragma
    "resource r 'a/b@1' = {\n}\n}\nparam c string", // a stray closer
  ];
  for (const text of cases) {
    const { outline, full } = checkAgainstFullParse(text);
    assert.equal(outline.skimmed, false, JSON.stringify(text));
    assert.deepEqual(entryFields(outline.entries), entryFields(outlineOfTree(full.tree).entries));
    assert.deepEqual(
      outline.entries.map((e) => dump(outline.declaration(e))),
      declarations(full.tree).map(dump),
    );
  }
});

test('a syntax error the skim cannot see: the declaration comes from the full parse', () => {
  const text = 'var a = 1 2\nparam b string\n';
  const { outline, full } = checkAgainstFullParse(text);
  assert.equal(outline.skimmed, true);
  assert.ok(full.errors.length > 0);
  // The entry follows the line; the full parse ends the declaration before the stray `2`.
  assert.deepEqual(
    outline.entries.map((e) => text.slice(e.start, e.end)),
    ['var a = 1 2', 'param b string'],
  );
  assert.equal(outline.declaration(outline.entries[0])?.end, text.indexOf(' 2'));
});

test('random Bicep-like text never throws and agrees with the full parse', { timeout: 120_000 }, () => {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const pieces = [
    'param x int',
    'var',
    "resource r 'a/b@1' =",
    "module m 'x' =",
    '\n',
    '\r\n',
    ' ',
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    "'",
    "'s'",
    '${',
    "'''",
    "$'''",
    '$',
    '@d()',
    '@',
    '//c',
    '/*',
    '*/',
    '?',
    ':',
    '|',
    '=>',
    '=',
    'if',
    '#disable-next-line a',
    '\n  ? 1\n  : 2',
    "\n| 'b'",
    'x',
    '1',
    '~',
    '&&',
    '"',
    '\ufeff',
    'é',
    'using',
    'type t = ',
    'func f() int =>\n',
    '\t',
  ];
  // Whole statements joined by line breaks, blank and comment lines; some get a random piece inserted.
  const statements = [
    'param a int',
    "@description('d')",
    '@minValue(\n  1\n)',
    "var b = {\n  c: 'x${y}'\n}",
    'var f = x =>\n  x',
    "resource r 'a/b@1' = {\n  name: 'n'\nresource c 'c@1' = {}\n}",
    "module m './m.bicep' =\n  if (d) {}",
    "var t = a\n  ? 'b'\n  : 'c'",
    "type u = 'a'\n  | 'b'",
    "output o string = '''\n${x}\n'''",
    "import { a } from 'b.bicep'",
    "targetScope = 'tenant'",
    "var m = $$'''${a} $${b}'''",
    'var z = [for i in range(0, 1): i]',
    'var y = 1 // }',
    "using 'main.bicep'",
    "extends 'b'",
  ];
  const joins = ['\n', '\r\n', '\n\n', '\n// c\n', '\n#disable-next-line x\n', '\n  /* a\n */ '];
  let skimmed = 0;
  for (let round = 0; round < 1500; round++) {
    let text = '';
    if (round % 2 === 0) {
      const length = 1 + Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pick(pieces);
    } else {
      const length = 1 + Math.floor(next() * 8);
      for (let i = 0; i < length; i++) text += pick(statements) + pick(joins);
      if (next() < 0.3) {
        const at = Math.floor(next() * text.length);
        text = text.slice(0, at) + pick(pieces) + text.slice(at);
      }
    }
    if (checkAgainstFullParse(text).outline.skimmed) skimmed++;
    checkAgainstFullParse(text, 'bicepparam');
  }
  assert.ok(skimmed > 300, `only ${skimmed} random texts were skimmed`);
});

test('lex(text, from, to) lexes only the slice, with absolute offsets', () => {
  const text = "param a string\n  var b = 'x' // c\nparam c string";
  const from = text.indexOf('  var');
  const to = text.indexOf('\nparam c');
  const slice = lex(text, from, to).tokens;
  const whole = lex(text).tokens.filter((t) => t.fullStart >= from && t.fullEnd <= to);
  const shape = (t: { kind: TokenKind; fullStart: number; start: number; end: number; fullEnd: number }) => [
    TokenKind[t.kind],
    t.fullStart,
    t.start,
    t.end,
    t.fullEnd,
  ];
  assert.deepEqual(slice.slice(0, -1).map(shape), whole.map(shape));
  assert.deepEqual(shape(slice[slice.length - 1]), ['EndOfFile', to, to, to, to]);
  assert.deepEqual(
    slice[slice.length - 2].trailing.map((t) => t.text),
    [' ', '// c'],
  );
  // Scanning stops at `to`: a comment or string closed only after it is unterminated in the slice.
  const cut = lex('var a = /* x */ 1', 0, 12);
  assert.deepEqual(
    cut.errors.map((e) => e.message),
    ['The multi-line comment is not terminated.'],
  );
  assert.equal(cut.tokens[cut.tokens.length - 1].start, 12);
  assert.equal(lex("var a = 'xyz'", 0, 10).errors.length, 1);
  assert.deepEqual(lex('abc', 5, 2).tokens.map(shape), [['EndOfFile', 2, 2, 2, 2]]);
});

test('`existing` is read from the header of a resource, and only there', () => {
  const text = [
    "resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {",
    "  name: 'vnet-hub'",
    '}',
    "resource existing 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
    "  name: 'existing'",
    '}',
    "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (true) {",
    "  name: 'kv'",
    '}',
    '',
  ].join('\n');
  const outline = outlineBicep(text, 'bicep');
  assert.ok(outline.skimmed);
  assert.deepEqual(
    outline.entries.map((entry) => [entry.name, entry.existing]),
    [
      ['hub', true],
      ['existing', false],
      ['kv', true],
    ],
  );
  assert.deepEqual(entryFields(outline.entries), entryFields(outlineOfTree(parseBicep(text).tree).entries));
});
