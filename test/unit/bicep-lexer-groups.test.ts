// The lexer as a scanner (scanToken into a reused LexState) and its group-crossing entry (crossGroup),
// which the lazy outline's skim reads instead of Token objects: the table of characters it steps over,
// the closer it stops at, where it gives up, and the plain-string cache shared by a scanner's strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lex, TokenKind } from '../../server/src/syntax/bicep';
import { LexState, scanToken } from '../../server/src/syntax/bicep/lexer';
import {
  asciiBytes,
  crossGroup,
  skimToken,
  steppedOver,
  stepOverTokens,
} from '../../server/src/syntax/bicep/lexer-groups';
import { plainDecoratorEnd } from '../../server/src/syntax/bicep/outline-decorators';
import {
  crossRestOfLine,
  keywordAt,
  keywordIndexInBytes,
  keywordList,
  scanned,
  TokenClass,
} from '../../server/src/syntax/bicep/outline-skim';

const K = TokenKind;
const never = (): boolean => false;

/**
 * `read(state)` on a state over `text` from `from` as the skim makes one (its ASCII bytes, when the text
 * has them) and on one reading the string: both answers must be the same; the skim's is returned.
 */
function bothReadings<T>(text: string, from: number, read: (state: LexState) => T): T {
  const plain = read(new LexState(text, from));
  const state = new LexState(text, from);
  state.bytes = asciiBytes(text);
  const skimmed = read(state);
  assert.deepEqual(skimmed, plain, `bytes and string readings of ${JSON.stringify(text)}`);
  return skimmed;
}

test('a run of stepped-over characters from a token boundary ends on one, whatever follows it', () => {
  const stepped: string[] = [];
  const others: string[] = ['\u00e9', '\u00a0'];
  for (let c = 0; c < 128; c++) (steppedOver[c] === 1 ? stepped : others).push(String.fromCharCode(c));
  assert.ok(stepped.length > 60 && others.length > 30, 'both sets are populated');
  const runs = [...stepped, ...stepped.flatMap((a) => stepped.map((b) => a + b))];
  for (const run of runs) {
    for (const next of others) {
      const text = run + next + 'x';
      const spanning = lex(text).tokens.find((token) => token.start < run.length && token.end > run.length);
      assert.equal(
        spanning,
        undefined,
        `a token spans the end of ${JSON.stringify(run)} before ${JSON.stringify(next)}`,
      );
    }
  }
});

/** Lexes `text` to its first token (an opener) and crosses the group; the closer's offsets, or 'gave up'. */
function cross(text: string, endsGroup: (text: string, pos: number) => boolean = never): string {
  return bothReadings(text, 0, (state) => {
    scanToken(state);
    if (!crossGroup(state, endsGroup)) return 'gave up';
    return `${TokenKind[state.kind]} ${state.start}-${state.end}`;
  });
}

/** The matching closer of the first token by the lexer's token list, counted the simple way. */
function closerByLex(text: string): string {
  let depth = 0;
  for (const token of lex(text).tokens) {
    const k = token.kind;
    if (k === K.LeftParen || k === K.LeftSquare || k === K.LeftBrace || k === K.StringLeftPiece) depth++;
    if (k === K.RightParen || k === K.RightSquare || k === K.RightBrace || k === K.StringRightPiece) depth--;
    if (depth === 0) return `${TokenKind[k]} ${token.start}-${token.end}`;
  }
  return 'unclosed';
}

test('crossGroup stops at the matching closer the token list has', () => {
  const groups = [
    "{\n  name: 'a'\n  tags: { x: [1, 2] }\n}",
    "[for (x, i) in range(0, 3): '${x}-${i}']",
    "'a${b}c${ {k: 'v'}.k }d' trailing",
    "$$'''x $${y} ${z} ''' + 1",
    "(a == b ? c : d) =~ 'e'",
    '{ a: x =>\n  y\n} // comment\n',
    "{ 'q': '}' /* } */ // }\n}",
    "['it''s', '\\'', '\\u{1F600}', 'd$ollar', '\\${not a hole}']",
    // Brackets and plain strings inside holes, which crossGroup reads without the lexer's dispatch.
    "'${f(a, [1, 'b'])}-${ (x) ? [y] : 'z' }' + 1",
    "'${ '${a}' }${ {k: ['v']}.k }' x",
    "$'''a ${ [b, ('c')] } d'''",
  ];
  for (const text of groups) assert.equal(cross(text), closerByLex(text), text);
});

test('crossGroup gives up where the lexer reports a problem or the brackets do not match', () => {
  const bad = [
    '{ a: (1] }',
    '[1, 2',
    "{ a: 'unterminated\n}",
    "'a${b\n}'",
    '{ a: 1 & 2 }',
    '{ a: "x" }',
    '{ /* open',
    '( ${ )',
    "('${(}')",
    "'${ (] }'",
    "'${ ( }'",
    "'${ [a\n] }'",
    "'${ 'b }'",
  ];
  for (const text of bad) assert.equal(cross(text), 'gave up', text);
});

test('crossGroup leaves the state at its closer as scanToken would (its end, no trailing trivia), from any group', () => {
  const texts = [
    '(a) // c\nx',
    '[1, 2]  /* d */ y',
    '{\n  a: (b)\n}\t\n',
    '(a)',
    "{ a: '${b}' } + 1",
    "'s${ (1) }' // e",
  ];
  for (const text of texts) {
    const state = new LexState(text);
    scanToken(state);
    assert.ok(crossGroup(state, never), text);
    const closer = lex(text).tokens.find((token) => token.end === state.end && token.start === state.start);
    assert.ok(closer, text);
    assert.deepEqual([state.kind, state.pos], [closer.kind, closer.end], text);
    assert.deepEqual(state.problems, []);
  }
});

/** Reads the token at `from` (crossing it when it opens a group) and crosses the rest of its line after
 * it (crossRestOfLine): the NewLine or EndOfFile token reached, and the class and end of the line's last
 * token, or 'gave up'. */
function crossRest(text: string, from: number): string {
  return bothReadings(text, from, (state) => {
    if (scanToken(state) === K.LeftBrace && !crossGroup(state, never)) return 'gave up';
    const last = crossRestOfLine(state);
    if (last < 0) return 'gave up';
    if (last === TokenClass.LineEnd) return `${TokenKind[state.kind]} ${state.start}, no token before it`;
    const className = Object.keys(TokenClass).find((name) => TokenClass[name as keyof typeof TokenClass] === last);
    return `${TokenKind[state.kind]} ${state.start}, last ${className} ending ${scanned.end}`;
  });
}

test('crossRestOfLine reads a line to its end after a token, groups whole, and classes the last token', () => {
  const text = "param a string = f(x)[0].b ? c : 'd' // note\nvar e = x => y\nvar f = {\n} /* g */\n";
  const line1 = text.indexOf('a string');
  assert.equal(crossRest(text, line1), `NewLine ${text.indexOf('\n')}, last Other ending ${text.indexOf(' //')}`);
  const line2 = text.indexOf('e = x');
  assert.equal(
    crossRest(text, line2),
    `NewLine ${text.indexOf('\nvar f')}, last Other ending ${text.indexOf('\nvar f')}`,
  );
  assert.equal(
    crossRest(text, text.indexOf('x => y')),
    `NewLine ${text.indexOf('\nvar f')}, last Other ending ${text.indexOf('\nvar f')}`,
  );
  assert.equal(crossRest('a = b =>', 2), 'EndOfFile 8, last Arrow ending 8');
  assert.equal(crossRest('a = \n', 0), 'NewLine 4, last Assign ending 3');
  const line3 = text.indexOf('{\n}');
  assert.equal(crossRest(text, line3 - 2), `NewLine ${text.length - 1}, last Other ending ${line3 + 3}`);
  assert.equal(crossRest(text, line3), `NewLine ${text.length - 1}, no token before it`);
  assert.equal(crossRest('a b c.d  ', 0), 'EndOfFile 9, last Other ending 7');
  assert.equal(crossRest('a =   ', 0), 'EndOfFile 6, last Assign ending 3');
  assert.equal(crossRest('a = b // c', 0), 'EndOfFile 10, last Other ending 5');
  assert.equal(crossRest('a\n', 0), 'NewLine 1, no token before it');
});

test('stepOverTokens steps over a run of whole tokens and tells where its last token ends', () => {
  bothReadings('a b.c  = d', 0, (state) => {
    scanToken(state);
    assert.equal(stepOverTokens(state), 5);
    assert.equal(state.pos, 7);
    assert.equal(stepOverTokens(state), -1, 'no run at `=`');
    assert.equal(state.pos, 7);
  });
  assert.equal(
    bothReadings('  \t=', 0, (state) => stepOverTokens(state)),
    -1,
    'blanks only',
  );
});

test('asciiBytes gives a text of ASCII characters as bytes, and nothing for any other text', () => {
  const ascii = "param a string = 'x' // \t~\x7f";
  const bytes = asciiBytes(ascii);
  assert.ok(bytes);
  assert.deepEqual([...bytes.subarray(0, ascii.length)], [...Buffer.from(ascii, 'latin1')]);
  for (const other of ['caf\u00e9', 'a \u2013 b', '\u{1F600}', 'lone \ud800 surrogate', '\u0080']) {
    assert.equal(asciiBytes(other), undefined, JSON.stringify(other));
  }
  // Longer than the buffer kept so far: it grows, and a shorter text after it reads its own bytes.
  const long = 'var x = 1\n'.repeat(5000);
  assert.equal(asciiBytes(long)?.[long.length - 1], 10);
  assert.equal(asciiBytes('ab')?.[1], 98);
  // A 0 follows the text, where the buffer held the longer text's bytes: the byte loops stop there.
  assert.equal(asciiBytes('ab')?.[2], 0);
  assert.equal(asciiBytes('')?.[0], 0);
});

test('the skim reads a text to its own end after a longer text left its bytes in the buffer', () => {
  asciiBytes('param abcdef string\n@description');
  for (const text of ['param ab', 'param ab  ', 'x(a', '@a', '@a(']) {
    const state = new LexState(text);
    state.bytes = asciiBytes(text);
    const ends: number[] = [];
    while (skimToken(state) !== TokenKind.EndOfFile) ends.push(state.end);
    assert.deepEqual(ends, lexedEnds(text), JSON.stringify(text));
  }
  const text = '@description';
  assert.equal(plainDecoratorEnd(new LexState(text), asciiBytes(text)!, 0), -1);
});

function lexedEnds(text: string): number[] {
  return lex(text)
    .tokens.filter((token) => token.kind !== TokenKind.EndOfFile)
    .map((token) => token.end);
}

test('crossRestOfLine gives up at a closer or junk outside a group, or where crossGroup gives up', () => {
  for (const text of ['a b) c', 'a b} c', 'a ] c', 'a ~ b', 'a (b', 'a { b: 1 ]', 'a {\nparam x int\n}']) {
    assert.equal(crossRest(text, 0), 'gave up', text);
  }
});

test('crossGroup asks endsGroup at each column-0 identifier line inside the group, and gives up when it says so', () => {
  const text = '{\n  a: 1\nparam x int\n  b: 2\n}';
  const asked: number[] = [];
  const ask = (_: string, pos: number): boolean => {
    asked.push(pos);
    return false;
  };
  assert.equal(cross(text, ask), closerByLex(text));
  assert.deepEqual(asked, [text.indexOf('param'), text.indexOf('param')], 'once in each reading (bothReadings)');
  assert.equal(
    cross(text, () => true),
    'gave up',
  );
});

test('crossGroup gives up past 100 levels of nesting, which the full parse reports', () => {
  assert.equal(cross('['.repeat(100) + ']'.repeat(100)), `RightSquare 199-200`);
  assert.equal(cross('['.repeat(101) + ']'.repeat(101)), 'gave up');
});

test('scanToken reads the tokens lex makes, from any token boundary, and EndOfFile again at the end', () => {
  const text = "param a string = 'x${y}' // c\nvar b = [\n  1\n]\nvar _c1 = d_2";
  const tokens = lex(text).tokens;
  bothReadings(text, tokens[3].fullStart, (state) => {
    for (const token of tokens.slice(3)) {
      assert.equal(scanToken(state), token.kind);
      assert.equal(state.pos, token.end);
      if (token.kind !== K.NewLine && token.kind !== K.EndOfFile) state.readTrailingTrivia();
      assert.deepEqual(
        [state.fullStart, state.start, state.end, state.pos],
        [token.fullStart, token.start, token.end, token.fullEnd],
      );
    }
    assert.equal(scanToken(state), K.EndOfFile);
    assert.equal(state.pos, text.length);
  });
});

test('skimToken reads the tokens lex makes, identifiers and line breaks from the bytes, from any token boundary', () => {
  // Identifiers after blanks or at a line's start, keywords that are no identifiers, a digit start, runs
  // of line breaks (with blanks between them), `@`, `=` beside `==`, `=~` and `=>`, plain strings, opening brackets, and tokens skimToken leaves to scanToken (a comment before
  // an identifier, strings, a comment before a line break, a line break in an interpolation hole).
  const text =
    "param a_1 string\n  @sys.description('d')\nvar b = true ? null : false\n\n  \r\n\rx /* c */ y 2z // e\r\n_\nz = 'p${q\n\n" +
    'a == b =~ c => d =\n@@ =\n' +
    "v = ['a', {b: '''x'''}, '', 'c\\'d']";
  const tokens = lex(text).tokens;
  for (let from = 0; from < tokens.length; from++) {
    bothReadings(text, tokens[from].fullStart, (state) => {
      const read: number[][] = [];
      for (const token of tokens.slice(from)) {
        const kind = skimToken(state);
        assert.equal(kind, token.kind);
        read.push([kind, state.fullStart, state.start, state.end, state.pos]);
        // lex's token ends at its fullEnd (trailing trivia); the skim leaves that to the next token.
        assert.deepEqual([state.fullStart, state.start, state.end], [token.fullStart, token.start, token.end]);
        state.pos = token.fullEnd;
      }
      return read;
    });
  }
});

test('skimToken leaves a brace in an interpolation hole to scanToken, which counts it', () => {
  const text = "x = ('${ {c: '1'} }' + '${[2]}')";
  bothReadings(text, 0, (state) => {
    const kinds: TokenKind[] = [];
    for (const token of lex(text).tokens) {
      kinds.push(skimToken(state));
      assert.equal(kinds[kinds.length - 1], token.kind, `at ${token.start}`);
      state.pos = token.fullEnd;
    }
    return kinds;
  });
});

test('plainDecoratorEnd reads `@name(…)` lines with nothing or one plain string, and leaves all others', () => {
  const endOf = (line: string) => {
    const text = `${line}\nparam a string`;
    const bytes = asciiBytes(text);
    assert.ok(bytes);
    return plainDecoratorEnd(new LexState(text), bytes, 0);
  };
  assert.equal(endOf("@description('x')"), 17);
  assert.equal(endOf("@sys.description('')  "), 20);
  assert.equal(endOf('@secure()'), 9);
  for (const other of ["@description('x') // c", "@description( 'x')", "@description('${x}')", '@minValue(1)'])
    assert.equal(endOf(other), -1, other);
  for (const other of ["@description('''x''')", "@description('x\\'y')", '@null()', '@a.true()', '@a.b.c()'])
    assert.equal(endOf(other), -1, other);
});

test('strings read in one pass end where each ends when read alone (the plain-string cache)', () => {
  const lines = [
    "'plain'",
    "'a$b'",
    "'c\\\\d'",
    "'e${f}g'",
    "'h'",
    "'\\r'",
    "'i\\u{41}'",
    "''",
    "'$'",
    "'j\\''",
    "'k'",
  ];
  // Every order of specials and plain strings: each line's cache answer must be the line's own.
  const text = [...lines, ...lines.slice().reverse(), ...lines].join('\r\n');
  let offset = 0;
  const whole = lex(text).tokens;
  for (const line of text.split('\r\n')) {
    const alone = lex(line)
      .tokens.filter((token) => token.kind !== K.EndOfFile)
      .map((token) => `${TokenKind[token.kind]} ${token.start + offset}-${token.end + offset}`);
    const within = whole
      .filter((token) => token.start >= offset && token.end <= offset + line.length && token.kind !== K.EndOfFile)
      .filter((token) => token.kind !== K.NewLine)
      .map((token) => `${TokenKind[token.kind]} ${token.start}-${token.end}`);
    assert.deepEqual(within, alone, line);
    offset += line.length + 2;
  }
});

test('keywordAt finds a keyword by its length and first character, among keywords that share them', () => {
  const list = keywordList(['type', 'param', 'test', 'targetScope']);
  const line = 'test type tests tes param_ targetScope Type';
  const found = lex(line)
    .tokens.filter((token) => token.kind === K.Identifier)
    .map((token) => keywordAt(line, token.start, token.end, list) ?? '-');
  assert.deepEqual(found, ['test', 'type', '-', '-', '-', 'targetScope', '-']);
  // The skim's reading from the bytes finds the same (and an `a` after the text is not read as its own).
  asciiBytes(`${line} targetScopes`);
  const bytes = asciiBytes(line)!;
  const inBytes = lex(line)
    .tokens.filter((token) => token.kind === K.Identifier)
    .map((token) => keywordIndexInBytes(bytes, token.start, token.end, list));
  assert.deepEqual(inBytes, [2, 0, -1, -1, -1, 3, -1]);
  assert.equal(keywordAt('t'.repeat(40), 0, 40, list), undefined, 'longer than any keyword');
  assert.equal(keywordIndexInBytes(asciiBytes('t'.repeat(40))!, 0, 40, list), -1);
  assert.throws(() => keywordList(['type', 'test', 'tick']), /no slot for tick/);
});
