// The Bicep parser over the whole corpus (read in place): every sample the compiler accepts parses
// with no syntax error, every deliberately broken sample yields errors on the lines where the
// compiler reports syntax errors, and printTree gives back every file byte for byte.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  computeLineStarts,
  lineIndex,
  parseBicep,
  printTree,
  type BicepParseResult,
} from '../../server/src/syntax/bicep';
import { corpusRoot } from '../support/paths';

const grammarRoot = path.join(corpusRoot, 'bicep-grammar');

/**
 * Corpus files that are not valid Bicep, so the "zero errors" rule does not apply to them; the
 * test checks they do report errors, so this list cannot go stale.
 */
const knownInvalid = new Map([
  // A deliberately broken fixture of the quickstart repo's own CI tests: `param abc` has no type
  // (the compiler reports BCP279).
  [
    'broad/rahulm-msft__azure-quickstart-templates/test/ci-tests/data/validate-deploymentfile-tests/bicep-error/main.bicep',
    'param without a type',
  ],
  // An archived template with `'a',\n'b'` in an array: a comma followed by a line break is BCP238.
  [
    'networking/Azure__azure-spring-apps-landing-zone-accelerator/archive/Bicep/modules/VM/virtualmachine.bicep',
    'comma before a line break (BCP238)',
  ],
]);

/** Syntax-error codes (those of the Bicep lexer and parser), from bicep-grammar/README.md. */
const syntaxCodes = new Set(
  `BCP001 BCP002 BCP003 BCP004 BCP005 BCP006 BCP007 BCP008 BCP009 BCP010 BCP011 BCP012
  BCP013 BCP015 BCP016 BCP017 BCP018 BCP019 BCP020 BCP021 BCP022 BCP023 BCP024 BCP064 BCP068 BCP087 BCP096 BCP097
  BCP103 BCP117 BCP118 BCP123 BCP133 BCP136 BCP140 BCP162 BCP167 BCP201 BCP202 BCP226 BCP236 BCP237 BCP238 BCP243
  BCP249 BCP257 BCP266 BCP279 BCP300 BCP305 BCP317 BCP322 BCP325 BCP344 BCP346 BCP347 BCP354 BCP355 BCP356 BCP375
  BCP404 BCP436`.split(/\s+/),
);

interface Parsed {
  readonly relative: string;
  readonly text: string;
  readonly result: BicepParseResult;
}

const cache = new Map<string, Parsed>();

function parseCorpusFile(relative: string): Parsed {
  let parsed = cache.get(relative);
  if (!parsed) {
    const text = fs.readFileSync(path.join(corpusRoot, relative), 'utf8');
    parsed = { relative, text, result: parseBicep(text, { parameterFile: relative.endsWith('.bicepparam') }) };
    cache.set(relative, parsed);
  }
  return parsed;
}

function listBicepFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(corpusRoot, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.bicep') || entry.name.endsWith('.bicepparam')) found.push(child);
    }
  };
  walk(folder);
  return found.sort();
}

function describeFailures(files: readonly Parsed[]): string {
  return files
    .slice(0, 8)
    .map(({ relative, text, result }) => {
      const error = result.errors[0];
      const line = lineIndex(computeLineStarts(text), error.start) + 1;
      return `${relative}:${line}: ${error.message} (${result.errors.length} errors)`;
    })
    .join('\n');
}

/** Parses every file of a group and asserts none has an error (apart from the known-invalid ones). */
function assertAllClean(group: string, files: readonly string[]): void {
  const parsed = files.filter((file) => !knownInvalid.has(file)).map(parseCorpusFile);
  const failing = parsed.filter((entry) => entry.result.errors.length > 0);
  console.log(`bicep corpus: ${group}: ${parsed.length - failing.length}/${parsed.length} files clean`);
  assert.equal(failing.length, 0, `${failing.length} ${group} files have syntax errors:\n${describeFailures(failing)}`);
}

const expectations = fs
  .readFileSync(path.join(grammarRoot, 'EXPECTATIONS.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .map((cells) => ({
    sample: `bicep-grammar/${cells[0]}`,
    clean: cells[1] === 'yes',
    diagnostics: `bicep-grammar/${cells[10]}`,
  }));

test('baseline samples the compiler parses cleanly have no syntax error', () => {
  const clean = expectations.filter((row) => row.clean).map((row) => row.sample);
  assert.ok(clean.length >= 56);
  assertAllClean('bicep-grammar baselines (expected_syntax_clean = yes)', clean);
});

test('every user_submitted sample parses cleanly', () => {
  const files = listBicepFiles('bicep-grammar/user_submitted');
  assert.ok(files.length >= 225);
  assertAllClean('bicep-grammar/user_submitted', files);
});

test('every networking template parses cleanly', () => {
  const files = listBicepFiles('networking');
  assert.ok(files.length >= 720);
  assertAllClean('networking', files);
});

test('every broad template parses cleanly', () => {
  const files = listBicepFiles('broad');
  assert.ok(files.length >= 1480);
  assertAllClean('broad', files);
});

test('the known-invalid corpus files do report errors', () => {
  for (const [file, reason] of knownInvalid) {
    assert.ok(parseCorpusFile(file).result.errors.length > 0, `${file} (${reason}) should have errors`);
  }
});

/** 0-based lines of the entry file that the diagnostics file marks with a syntax-error code. */
function syntaxErrorLines(diagnosticsText: string): Map<number, string> {
  const lines = new Map<number, string>();
  let sourceLine = -1;
  for (const line of diagnosticsText.split(/\r?\n/)) {
    if (!line.startsWith('//@[')) {
      sourceLine++;
      continue;
    }
    const match = /^\/\/@\[\d+:\d+\) \[(BCP\d+) \(Error\)\]/.exec(line);
    if (match && syntaxCodes.has(match[1])) lines.set(sourceLine, match[1]);
  }
  return lines;
}

test('deliberate syntax errors are reported on the lines the compiler reports them', () => {
  const broken = expectations.filter((row) => !row.clean);
  assert.ok(broken.length >= 22);
  let marked = 0;
  let agreed = 0;
  const misses: string[] = [];
  for (const row of broken) {
    const { text, result } = parseCorpusFile(row.sample);
    assert.ok(result.errors.length > 0, `${row.sample} should have errors`);
    const starts = computeLineStarts(text);
    const ourLines = new Set<number>();
    for (const error of result.errors) {
      // An error counts for every line its span touches (the compiler annotates a multi-line span,
      // such as an unterminated multi-line string, under its last line).
      for (let line = lineIndex(starts, error.start); line <= lineIndex(starts, error.end); line++) ourLines.add(line);
    }
    const expected = syntaxErrorLines(fs.readFileSync(path.join(corpusRoot, row.diagnostics), 'utf8'));
    for (const [line, code] of expected) {
      marked++;
      if (ourLines.has(line)) agreed++;
      else misses.push(`${row.sample}:${line + 1} ${code}`);
    }
  }
  console.log(
    `bicep corpus: ${broken.length} error samples; ${agreed}/${marked} lines with a compiler syntax error also get an error from us`,
  );
  assert.deepEqual(misses, []);
  assert.equal(agreed, marked);
});

test('printTree gives back every corpus .bicep and .bicepparam file byte for byte', () => {
  const files = listBicepFiles('.').map((file) => file.slice(2));
  let failures = 0;
  const first: string[] = [];
  for (const relative of files) {
    const { text, result } = parseCorpusFile(relative);
    if (printTree(result.tree) !== text) {
      failures++;
      if (first.length < 5) first.push(relative);
    }
  }
  console.log(`bicep corpus: ${files.length - failures}/${files.length} files round-trip through printTree`);
  assert.ok(files.length >= 2600);
  assert.deepEqual(first, []);
});
