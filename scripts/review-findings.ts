// `npm run review:findings`: runs the built CLI on every corpus repository folder (as a user runs it)
// and shows how its findings differ from test/corpus/reviewed-findings.tsv: new findings (to review)
// and reviewed ones that are gone. `-- --write` rewrites the file: reviewed rows kept (lines
// refreshed), gone rows dropped, new rows added with an empty verdict for the reviewer to fill in.
//   npm run build && npm run review:findings [-- --write] [-- --repository networking/Azure__bicep]
import fs from 'node:fs';
import {
  compare,
  corpusRepositories,
  findingsOfRepository,
  formatReviewed,
  readReviewed,
  reviewedFile,
  type FindingRow,
} from '../test/support/reviewed-findings';

const args = process.argv.slice(2);
const only = args.includes('--repository') ? args[args.indexOf('--repository') + 1] : undefined;

function main(): void {
  const repositories = corpusRepositories().filter((repository) => !only || repository === only);
  const current: FindingRow[] = [];
  for (const repository of repositories) {
    const started = performance.now();
    const rows = findingsOfRepository(repository);
    current.push(...rows);
    process.stderr.write(
      `${repository}: ${rows.length} findings, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  const reviewed = readReviewed();
  const inScope = reviewed.filter((row) => repositories.includes(row.repository));
  const { matched, added, gone } = compare(current, inScope);
  for (const row of added) console.log(`+ ${row.repository}\t${row.file}:${row.line}\t${row.rule}\t${row.message}`);
  for (const row of gone)
    console.log(`- ${row.repository}\t${row.file}:${row.line}\t${row.rule}\t${row.message}\t(was ${row.verdict})`);
  const unreviewed = matched.filter((row) => row.verdict !== 'true' && row.verdict !== 'false').length;
  console.log(
    `${current.length} findings: ${matched.length} reviewed (${matched.filter((row) => row.verdict === 'false').length} false, ${unreviewed} without verdict), ${added.length} new, ${gone.length} gone`,
  );
  if (args.includes('--write')) {
    const kept = reviewed.filter((row) => !repositories.includes(row.repository));
    fs.writeFileSync(
      reviewedFile,
      formatReviewed([...kept, ...matched, ...added.map((row) => ({ ...row, verdict: '', reason: '' }))]),
    );
    console.log(`wrote ${reviewedFile}`);
  }
}

main();
