// Golden syntax-tree dumps: each case's tree (dumpTree) and errors must match its main.syntax.txt
// in test/baselines/bicep/<case>/. Cases are our own fixtures (main.bicep or main.bicepparam beside
// the dump) and a few corpus files (read in place from the shared corpus). UPDATE_BASELINES=1
// rewrites the dumps; review them by diff.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { computeLineStarts, dumpTree, lineIndex, parseBicep } from '../../server/src/syntax/bicep';
import { corpusRoot } from '../support/paths';

const baselineRoot = path.resolve(__dirname, '..', 'baselines', 'bicep');
const update = process.env.UPDATE_BASELINES === '1';

/** Corpus files with a dump but no copy here: case name → path under the corpus. */
const corpusCases: Record<string, string> = {
  'corpus-multiline-strings': 'bicep-grammar/baselines/MultilineStrings_LF/main.bicep',
  'corpus-imports': 'bicep-grammar/baselines/Imports_LF/main.bicep',
  'corpus-typed-variables': 'bicep-grammar/baselines/TypedVariables_LF/main.bicep',
  'corpus-params-extends': 'bicep-grammar/baselines_bicepparam/Extends/parameters.bicepparam',
  'corpus-invalid-newlines': 'bicep-grammar/baselines/InvalidNewlineSensitivity_LF/main.bicep',
  'corpus-private-endpoint':
    'networking/Azure-Samples__app-service-and-sql-database-3-tier-with-private-networking-and-auth/bicep/modules/privateEndPoint.bicep',
};

function sourceOf(caseName: string): string {
  const corpusPath = corpusCases[caseName];
  if (corpusPath) return path.join(corpusRoot, corpusPath);
  const folder = path.join(baselineRoot, caseName);
  const param = path.join(folder, 'main.bicepparam');
  return fs.existsSync(param) ? param : path.join(folder, 'main.bicep');
}

function render(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const { tree, errors } = parseBicep(text, { parameterFile: file.endsWith('.bicepparam') });
  const starts = computeLineStarts(text);
  const errorLines = errors.map(
    (error) => `${lineIndex(starts, error.start) + 1}: [${error.start},${error.end}) ${error.message}`,
  );
  return `${dumpTree(tree)}errors (${errors.length}):\n${errorLines.map((line) => `  ${line}\n`).join('')}`;
}

const ownCases = fs
  .readdirSync(baselineRoot)
  .filter(
    (name) =>
      !(name in corpusCases) &&
      (fs.existsSync(path.join(baselineRoot, name, 'main.bicep')) ||
        fs.existsSync(path.join(baselineRoot, name, 'main.bicepparam'))),
  );

for (const caseName of [...ownCases, ...Object.keys(corpusCases)].sort()) {
  test(`golden syntax tree: ${caseName}`, () => {
    const actual = render(sourceOf(caseName));
    const expectedFile = path.join(baselineRoot, caseName, 'main.syntax.txt');
    if (update || !fs.existsSync(expectedFile)) {
      fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
      fs.writeFileSync(expectedFile, actual);
      if (!update) assert.fail(`${expectedFile} was missing and has been written; review and rerun`);
      return;
    }
    assert.equal(
      actual,
      fs.readFileSync(expectedFile, 'utf8'),
      `${caseName}: rerun with UPDATE_BASELINES=1 and review the diff`,
    );
  });
}

test('there are golden cases of both kinds', () => {
  assert.ok(ownCases.length >= 5);
  assert.ok(Object.keys(corpusCases).length >= 5);
});
