// A declaration parsed from its keyword on (syntax/bicep/outline-undecorated.ts): evaluation reads a
// parameter's default, never its decorators, so it parses no decorator text, and no text at all of a
// parameter without `=` after its keyword (mayHaveDefault). What follows the keyword
// dumps exactly like the full parse's; a declaration without decorators, a file the skim gave up on and
// a syntax error after the keyword give the outline's own declaration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarations,
  dumpTree,
  mayHaveDefault,
  outlineBicep,
  parseBicep,
  undecoratedDeclaration,
  type Declaration,
  type SourceFile,
} from '../../server/src/syntax/bicep';

// dumpTree walks any node (it is typed for a whole file).
const dump = (node: object | undefined): string => (node ? dumpTree(node as unknown as SourceFile) : 'none');

/** The parts after the keyword, which are what evaluation reads. */
const afterKeyword = (node: Declaration | undefined) =>
  node?.kind === 'ParameterDeclaration' ? [node.keyword, node.name, node.type, node.value].map(dump) : [];

const text = [
  "@description('The name, which the description says at length; the decorator is most of the text.')",
  '// a comment line',
  '@minLength(',
  '  3',
  ')',
  "param name string = 'vnet-${uniqueString(resourceGroup().id)}'",
  "@allowed([ 'a', 'b' ])",
  "  param kind string = 'a'",
  'param plain int = 3',
  '@secure()',
  'param secret string?',
  '',
].join('\n');

test('a decorated parameter is parsed from its keyword: no decorators, the same nodes after the keyword', () => {
  const outline = outlineBicep(text, 'bicep');
  assert.equal(outline.skimmed, true);
  const full = declarations(parseBicep(text).tree);
  outline.entries.forEach((entry, i) => {
    const undecorated = undecoratedDeclaration(outline, entry);
    assert.equal(undecorated?.start, entry.keywordStart, `entry ${i}`);
    assert.equal(undecorated?.decorators.length, 0, `entry ${i}`);
    assert.deepEqual(afterKeyword(undecorated), afterKeyword(full[i]), `entry ${i}`);
  });
  assert.deepEqual(
    outline.entries.map((entry) => text.slice(entry.keywordStart, entry.end)),
    [
      "param name string = 'vnet-${uniqueString(resourceGroup().id)}'",
      "param kind string = 'a'",
      'param plain int = 3',
      'param secret string?',
    ],
  );
});

test('without decorators, or where the skim gave up, the outline answers with its own declaration', () => {
  const plain = outlineBicep('param plain int = 3\n', 'bicep');
  assert.equal(dump(undecoratedDeclaration(plain, plain.entries[0])), dump(plain.declaration(plain.entries[0])));
  // Mismatched brackets: the skim gives up, and the tree's declaration keeps its decorator.
  const fallback = outlineBicep("var a = (1]\n@description('x')\nparam b string = 'y'\n", 'bicep');
  assert.equal(fallback.skimmed, false);
  const entry = fallback.entries.find((candidate) => candidate.name === 'b')!;
  assert.equal(undecoratedDeclaration(fallback, entry)?.decorators.length, 1);
});

test('a syntax error after the keyword gives the declaration the outline parses, with its decorators', () => {
  const broken = "@description('x')\nparam a string = 1 2\nparam b string\n";
  const outline = outlineBicep(broken, 'bicep');
  const entry = outline.entries[0];
  assert.notEqual(entry.keywordStart, entry.start);
  const answer = undecoratedDeclaration(outline, entry);
  assert.equal(dump(answer), dump(outline.declaration(entry)));
  assert.equal(answer?.decorators.length, 1);
});

test('a parameter may have a default only with `=` after its keyword; any doubt answers that it may', () => {
  const outline = outlineBicep(text, 'bicep');
  const full = declarations(parseBicep(text).tree);
  // Against the full parse: each parameter with a value may have one, each without has none.
  assert.deepEqual(
    outline.entries.map((entry) => mayHaveDefault(outline, entry)),
    full.map((declaration) => declaration.kind === 'ParameterDeclaration' && declaration.value !== undefined),
  );
  assert.deepEqual(
    outline.entries.map((entry) => mayHaveDefault(outline, entry)),
    [true, true, true, false],
  );
  // `=` in a decorator does not count; `=` anywhere after the keyword (here in a string type) does.
  const decorated = outlineBicep("@metadata({ a: 'x=y' })\nparam p string\nparam q 'a=b'\n", 'bicep');
  assert.deepEqual(
    decorated.entries.map((entry) => mayHaveDefault(decorated, entry)),
    [false, true],
  );
  // A file the skim gave up on, a parameter file and other keywords: may.
  const fallback = outlineBicep('var a = (1]\nparam b string\n', 'bicep');
  assert.equal(fallback.skimmed, false);
  assert.equal(
    mayHaveDefault(
      fallback,
      fallback.entries.find((entry) => entry.name === 'b')!,
    ),
    true,
  );
  const variable = outlineBicep("var v = 'x'\n", 'bicep');
  assert.equal(mayHaveDefault(variable, variable.entries[0]), true);
});
