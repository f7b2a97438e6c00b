// A parameter default read from the lexer's tokens, with no parse (syntax/bicep/outline-undecorated.ts
// literalDefault): where it answers, its value is the one evaluation gives the parsed default; any other
// default (an expression, a multi-line or interpolated string, a type other than string, int or bool,
// a lexical problem) is notLiteral, and evaluation parses it as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declarations, literalDefault, notLiteral, outlineBicep, parseBicep } from '../../server/src/syntax/bicep';
import type { Value } from '../../server/src/evaluate/value';
import { evaluatedLiteral } from '../support/literal-evaluation';

/** The default of the file's first parameter as the full parse and evaluation see it. */
function parsedDefault(text: string): Value | undefined {
  const declaration = declarations(parseBicep(text).tree)[0];
  return declaration?.kind === 'ParameterDeclaration' && declaration.value
    ? evaluatedLiteral(declaration.value)
    : undefined;
}

const cases: [string, boolean | null | number | string | typeof notLiteral][] = [
  ['param a bool = true', true],
  ['param a bool = false', false],
  ['param a string = null', null],
  ['param a int = 42', 42],
  ["param a string = 'global'", 'global'],
  ["param a string = ''", ''],
  ["param a string = 'it\\'s \\${x} \\u{41}'", "it's ${x} A"],
  ["param a string = 'x' // a comment after", 'x'],
  ["param a string = /* a comment before */ 'x'", 'x'],
  ['param a int = 9007199254740993', notLiteral],
  ['param a int = -1', notLiteral],
  ["param a string = 'a${b}'", notLiteral],
  ["param a string = '''x'''", notLiteral],
  ["param a string = 'bad \\q escape'", notLiteral],
  ["param a 'x' | 'y' = 'x'", notLiteral],
  ["param a myType = 'x'", notLiteral],
  ["param a string? = 'x'", notLiteral],
  ['param a object = {}', notLiteral],
  ['param a bool = true ? false : true', notLiteral],
  ["param a string = 'x'.y", notLiteral],
  ['param a string', notLiteral],
];

test('a one-token default is its value, as evaluation of the parse gives it; anything else is notLiteral', () => {
  for (const [declaration, expected] of cases) {
    // Decorated, as registry parameters are: the default is read from the keyword on.
    const text = `@description('Optional. What it is = the default.')\n${declaration}\n`;
    const outline = outlineBicep(text, 'bicep');
    // (A bad escape is a lexical error: the skim gives up there, and the full parse decides.)
    if (expected !== notLiteral) assert.equal(outline.skimmed, true, declaration);
    const answer = literalDefault(outline, outline.entries[0]);
    assert.equal(answer, expected, declaration);
    if (answer !== notLiteral) assert.deepEqual(answer, parsedDefault(text), declaration);
  }
});

test('only a skimmed Bicep parameter is read so: other keywords, parameter files and full parses are not', () => {
  const variable = outlineBicep('var a = true\n', 'bicep');
  assert.equal(literalDefault(variable, variable.entries[0]), notLiteral);
  const assignment = outlineBicep("using 'main.bicep'\nparam a = true\n", 'bicepparam');
  assert.equal(literalDefault(assignment, assignment.entries[1]), notLiteral);
  // Mismatched brackets: the skim gives up, and the full parse's entries are not read by the lexer.
  const fallback = outlineBicep('var a = (1]\nparam b bool = true\n', 'bicep');
  assert.equal(fallback.skimmed, false);
  assert.equal(
    literalDefault(
      fallback,
      fallback.entries.find((entry) => entry.name === 'b')!,
    ),
    notLiteral,
  );
});
