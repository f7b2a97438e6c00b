// Hostile input: random bytes, a 10 MB file, 10,000 nested brackets, very long operator chains and
// unterminated strings at the end of the file. The parser must not throw, must not overflow the
// stack, must report errors where the text is broken, and must stay lossless. Timeouts only guard
// against hangs; no timing is asserted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dumpTree, maxDepth, parseBicep, printTree, walkNodes } from '../../server/src/syntax/bicep';
import { corpusRoot } from '../support/paths';

const hangGuard = { timeout: 120_000 };

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkLossless(text: string, parameterFile = false) {
  const result = parseBicep(text, { parameterFile });
  assert.equal(printTree(result.tree), text);
  for (const error of result.errors)
    assert.ok(error.start >= 0 && error.start <= error.end && error.end <= text.length);
  return result;
}

test('random bytes: no throw, errors reported, lossless', hangGuard, () => {
  const next = random(42);
  const bytes = Buffer.alloc(1 << 20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
    assert.ok(checkLossless(text).errors.length > 0);
    assert.ok(checkLossless(text, true).errors.length > 0);
  }
});

test('random Bicep-like tokens: no throw, lossless', hangGuard, () => {
  const next = random(7);
  const pieces = [
    'param',
    'var',
    'resource',
    'module',
    ' ',
    '\n',
    '\r\n',
    '{',
    '}',
    '[',
    ']',
    '(',
    ')',
    "'",
    '${',
    "'''",
    "$'''",
    ':',
    ',',
    '=',
    '=>',
    '?',
    '.?',
    '::',
    '!',
    '@',
    'for',
    'in',
    'if',
    'x',
    '1',
    '/*',
    '*/',
    '//',
    '#disable-next-line a',
    '|',
    '...',
  ];
  for (let round = 0; round < 200; round++) {
    let text = '';
    for (let i = 0; i < 300; i++) text += pieces[Math.floor(next() * pieces.length)];
    checkLossless(text);
    checkLossless(text, true);
  }
});

test('a 10 MB file parses without trouble', hangGuard, () => {
  const folder = path.join(corpusRoot, 'bicep-grammar', 'baselines');
  const parts: string[] = [];
  let size = 0;
  while (size < 10_000_000) {
    for (const name of fs.readdirSync(folder).sort()) {
      const file = path.join(folder, name, 'main.bicep');
      if (name.startsWith('Invalid') || !fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      parts.push(text, '\n');
      size += text.length + 1;
    }
  }
  const text = parts.join('');
  const result = checkLossless(text);
  assert.deepEqual(result.errors.slice(0, 3), [], 'valid files one after another stay valid');
  assert.ok(result.tree.statements.length > 10_000);
});

test('10,000 nested brackets, parentheses, braces, strings and types: errors, no stack overflow', hangGuard, () => {
  const n = 10_000;
  const cases = [
    'var x = ' + '['.repeat(n),
    'var x = ' + '['.repeat(n) + ']'.repeat(n),
    'var x = ' + '('.repeat(n) + '1' + ')'.repeat(n),
    'var x = ' + '{a:'.repeat(n) + '1' + '}'.repeat(n),
    'var x = ' + "'${".repeat(n) + '1' + "}'".repeat(n),
    'var x = ' + 'f('.repeat(n) + ')'.repeat(n),
    'type t = ' + '['.repeat(n) + 'string' + ']'.repeat(n),
    'type t = ' + '{a:'.repeat(n) + 'string' + '}'.repeat(n),
    "resource r 'T@1' = {\n" + "resource c 'c' = {\n".repeat(n) + '}\n'.repeat(n + 1),
    'var x = ' + 'a ? b : '.repeat(n) + 'c',
    'var x = ' + 'a => '.repeat(n) + 'c',
  ];
  for (const text of cases) {
    const result = checkLossless(text);
    assert.ok(
      result.errors.some((error) => error.message.includes('nested too deeply')),
      text.slice(0, 30),
    );
    assert.ok(result.errors.length < 500, `few errors for ${text.slice(0, 30)}: ${result.errors.length}`);
  }
});

test('too deep right before a line break and a closer: the list moves on (no endless empty items)', hangGuard, () => {
  // Every depth around the limit, so the innermost expression starts exactly at the limit once: there
  // the next token is a line break and then `}`, which the too-deep skip used to leave unread.
  for (let depth = maxDepth - 6; depth <= maxDepth + 2; depth++) {
    const text = "var a = [ { 'x': f" + '['.repeat(depth) + 'e \n}';
    const result = checkLossless(text);
    assert.ok(result.errors.length < 20, `few errors at depth ${depth}: ${result.errors.length}`);
  }
});

test('nesting up to the limit is fine', () => {
  const depth = maxDepth - 2;
  const result = checkLossless('var x = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n');
  assert.deepEqual(result.errors, []);
});

test(
  '100,000-term operator and member chains: no recursion in parsing, printing, walking or dumping',
  hangGuard,
  () => {
    for (const text of [
      'var x = ' + '1 + '.repeat(100_000) + '1',
      'var x = a' + '.b'.repeat(100_000),
      'var x = ' + 'a ?? '.repeat(100_000) + 'b',
    ]) {
      const result = checkLossless(text);
      assert.deepEqual(result.errors, []);
      let nodes = 0;
      walkNodes(result.tree, () => {
        nodes++;
      });
      assert.ok(nodes > 100_000);
      assert.ok(dumpTree(result.tree).length > 0);
    }
  },
);

test('unterminated strings, interpolations and comments at the end of the file', () => {
  for (const text of [
    "var a = 'abc",
    "var a = 'abc\\",
    "var a = '${",
    "var a = '${b",
    "var a = '${b}c",
    "var a = '${'${x",
    "var a = '''",
    "var a = '''abc''",
    "var a = $'''${",
    "var a = $'''x${y}",
    '/* unterminated',
    "param p string = '\\u{",
  ]) {
    assert.ok(checkLossless(text).errors.length > 0, text);
  }
});

test('empty and whitespace-only files are clean', () => {
  for (const text of ['', '\n', '\r\n\r\n', '  \t ', '\uFEFF', '// only a comment', '/* c */\n']) {
    assert.deepEqual(checkLossless(text).errors, [], JSON.stringify(text));
  }
});
