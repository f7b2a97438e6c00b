// The Bicep lexer: token kinds, string pieces and interpolation modes, trivia and pragmas, and the
// tiling invariant (token full spans cover the text exactly, trivia included).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lex, TokenKind, type Token } from '../../server/src/syntax/bicep';

const K = TokenKind;

function kinds(text: string): string[] {
  return lex(text).tokens.map((token) => TokenKind[token.kind]);
}

function texts(text: string): string[] {
  return lex(text).tokens.map((token) => token.text);
}

/** Rebuilds the text from each token's trivia objects and text, checking the tiling invariant. */
function rebuild(tokens: readonly Token[]): string {
  let out = '';
  let previousEnd = 0;
  for (const token of tokens) {
    assert.equal(token.fullStart, previousEnd, 'tokens tile the text');
    for (const trivia of token.leading) out += trivia.text;
    out += token.text;
    for (const trivia of token.trailing) out += trivia.text;
    previousEnd = token.fullEnd;
  }
  return out;
}

test('punctuation and operators', () => {
  assert.deepEqual(kinds('?? ? . .? :: : => = == != =~ !~ ! < <= > >= && || | ... ^ @ , ; + - * / %'), [
    'DoubleQuestion',
    'Question',
    'Dot',
    'Dot',
    'Question',
    'DoubleColon',
    'Colon',
    'Arrow',
    'Assignment',
    'Equals',
    'NotEquals',
    'EqualsInsensitive',
    'NotEqualsInsensitive',
    'Exclamation',
    'LessThan',
    'LessThanOrEqual',
    'GreaterThan',
    'GreaterThanOrEqual',
    'LogicalAnd',
    'LogicalOr',
    'Pipe',
    'Ellipsis',
    'Hat',
    'At',
    'Comma',
    'Semicolon',
    'Plus',
    'Minus',
    'Asterisk',
    'Slash',
    'Modulo',
    'EndOfFile',
  ]);
});

test('identifiers, keywords and integers', () => {
  assert.deepEqual(kinds('true false null trueish _x9 42'), [
    'TrueKeyword',
    'FalseKeyword',
    'NullKeyword',
    'Identifier',
    'Identifier',
    'Integer',
    'EndOfFile',
  ]);
});

test('consecutive line breaks form one NewLine token; CRLF stays whole', () => {
  assert.deepEqual(texts('a\r\n\r\nb\n  \nc'), ['a', '\r\n\r\n', 'b', '\n', '\n', 'c', '']);
});

test('an interpolated string splits into pieces around its holes', () => {
  assert.deepEqual(texts("'a${b}c${d}e'"), ["'a${", 'b', '}c${', 'd', "}e'", '']);
  assert.deepEqual(kinds("'a${b}c${d}e'").slice(0, 5), [
    'StringLeftPiece',
    'Identifier',
    'StringMiddlePiece',
    'Identifier',
    'StringRightPiece',
  ]);
});

test('nested interpolation and objects inside holes', () => {
  assert.deepEqual(texts("'x${'in${y}ner'}z'"), ["'x${", "'in${", 'y', "}ner'", "}z'", '']);
  assert.deepEqual(texts("'${f({a: 1}.a)}'"), ["'${", 'f', '(', '{', 'a', ':', '1', '}', '.', 'a', ')', "}'", '']);
});

test('escapes do not end a string; a bad escape is an error', () => {
  assert.deepEqual(texts("'it\\'s \\${x}'"), ["'it\\'s \\${x}'", '']);
  assert.equal(lex("'ok \\n \\u{1F600}'").errors.length, 0);
  assert.equal(lex("'bad \\q'").errors.length, 1);
  assert.equal(lex("'bad \\u{110000}'").errors.length, 1);
});

test('multi-line strings are verbatim and may end in quotes', () => {
  assert.deepEqual(texts("'''\nit's ${not} a hole\n'''"), ["'''\nit's ${not} a hole\n'''", '']);
  assert.deepEqual(texts("''''quoted''''"), ["''''quoted''''", '']);
  assert.deepEqual(kinds("''''''"), ['StringComplete', 'EndOfFile']);
});

test('interpolated multi-line strings: holes need as many dollars as the opening', () => {
  assert.deepEqual(texts("$'''a${b}c'''"), ["$'''a${", 'b', "}c'''", '']);
  assert.deepEqual(texts("$$'''${x}$${y}'''"), ["$$'''${x}$${", 'y', "}'''", '']);
  assert.deepEqual(texts("$$$'''$$$${z}'''"), ["$$$'''$$$${", 'z', "}'''", '']);
});

test('unterminated strings yield a token and an error, and lexing goes on', () => {
  const single = lex("var a = 'abc\nvar b = 1");
  assert.equal(single.errors.length, 1);
  assert.deepEqual(single.tokens.map((t) => t.text).slice(3, 6), ["'abc", '\n', 'var']);
  assert.equal(lex("'''never closed").errors.length, 1);
  assert.equal(lex("'${a").errors.length, 0, "an open hole at EOF is the parser's to report");
  assert.equal(lex("'${a\nb").errors.length, 1);
});

test('comments and whitespace are trivia; trailing trivia stops at the line end', () => {
  const { tokens } = lex('param /* c */ x // end\n  y');
  const x = tokens[1];
  assert.equal(x.text, 'x');
  // Trailing trivia is blanks then at most one comment (as in Bicep); the blank after it leads `x`.
  assert.deepEqual(
    tokens[0].trailing.map((t) => t.kind),
    ['Whitespace', 'MultiLineComment'],
  );
  assert.deepEqual(
    x.leading.map((t) => t.kind),
    ['Whitespace'],
  );
  assert.deepEqual(
    x.trailing.map((t) => t.kind),
    ['Whitespace', 'SingleLineComment'],
  );
  assert.equal(tokens[2].kind, K.NewLine);
  assert.deepEqual(
    tokens[3].leading.map((t) => t.text),
    ['  '],
  );
});

test('pragmas are trivia only at the start of a line', () => {
  const { tokens, errors } = lex(
    '#disable-next-line rule-a BCP037 // why\nparam x int\n  #disable-diagnostics a\nvar y = 1 #disable-next-line b\n',
  );
  assert.deepEqual(
    tokens[0].leading.map((t) => [t.kind, t.text]),
    [
      ['DisableNextLine', '#disable-next-line rule-a BCP037 '],
      ['SingleLineComment', '// why'],
    ],
  );
  const disableDiagnostics = tokens.find((t) => t.leading.some((trivia) => trivia.kind === 'DisableDiagnostics'));
  assert.ok(disableDiagnostics, 'indented pragma');
  assert.ok(
    tokens.some((t) => t.kind === K.Unrecognized && t.text === '#'),
    'pragma after code is not one',
  );
  assert.equal(errors.length, 1);
});

test('a pragma without codes is an error', () => {
  assert.equal(lex('#disable-next-line\nparam x int').errors.length, 1);
  assert.equal(lex('#disable-next-line   \nparam x int').errors.length, 1);
});

test('runs of unrecognised characters are one token and one error', () => {
  const { tokens, errors } = lex('a €€€ "q" b');
  assert.deepEqual(
    tokens.map((t) => TokenKind[t.kind]),
    ['Identifier', 'Unrecognized', 'Unrecognized', 'Identifier', 'Unrecognized', 'Identifier', 'EndOfFile'],
  );
  assert.equal(errors.length, 3);
});

test('trivia objects rebuild the text exactly, BOM and CRLF included', () => {
  const text =
    "\uFEFF// head\r\n@description('x') /* c */\r\nparam p string = '''\r\nmulti\r\n''' // t\r\n\r\n#disable-next-line a\r\nvar v = 1\t\r\n";
  const { tokens } = lex(text);
  assert.equal(rebuild(tokens), text);
  assert.equal(tokens[0].leading[0].kind, 'ByteOrderMark');
});
