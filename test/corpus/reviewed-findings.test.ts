// The review as a test (issue 14): the built CLI, run on each corpus repository folder as a user
// runs it, gives exactly the findings test/corpus/reviewed-findings.tsv lists, each judged true.
// A new finding must be reviewed (`npm run review:findings -- --write`, then fill in verdict and
// reason); a reviewed finding that disappears must be dropped from the file knowingly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compare,
  corpusRepositories,
  findingsOfRepository,
  readReviewed,
  type FindingRow,
} from '../support/reviewed-findings';

test('every corpus finding is reviewed, and every reviewed finding still appears', { timeout: 900_000 }, () => {
  const current: FindingRow[] = corpusRepositories().flatMap(findingsOfRepository);
  const reviewed = readReviewed();
  const { matched, added, gone } = compare(current, reviewed);
  const show = (rows: readonly FindingRow[]) =>
    rows.map((row) => `  ${row.repository} ${row.file}:${row.line} ${row.rule}: ${row.message}`).join('\n');
  assert.deepEqual(
    added.length,
    0,
    `findings not in reviewed-findings.tsv (run npm run review:findings):\n${show(added)}`,
  );
  assert.deepEqual(gone.length, 0, `reviewed findings that no longer appear:\n${show(gone)}`);
  const withoutVerdict = matched.filter(
    (row) => (row.verdict !== 'true' && row.verdict !== 'false') || row.reason.trim() === '',
  );
  assert.deepEqual(withoutVerdict.length, 0, `findings without a verdict or reason:\n${show(withoutVerdict)}`);
  // A finding judged false is a bug to fix at its root (issue 14), never a row to keep.
  const falseAlarms = matched.filter((row) => row.verdict === 'false');
  assert.deepEqual(
    falseAlarms.length,
    0,
    `findings judged false (fix the rule, then drop the row):\n${show(falseAlarms)}`,
  );
  console.log(`${matched.length} reviewed findings, all judged true`);
});
