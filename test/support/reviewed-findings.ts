// The review of real findings as data (issue 14): every finding the built CLI gives on each
// top-level repository folder of ../shared/corpus/networking and ../shared/corpus/broad, run as a
// user runs it (`vnet-lens check <folder> --format json`), and the reviewed list in
// test/corpus/reviewed-findings.tsv with a verdict and a reason per finding. A finding is matched by
// repository, file, rule and message (which names the resources), so unrelated line shifts do not
// break the match; the line is kept for the reader.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { corpusRoot, repoRoot } from './paths';

export const reviewedFile = path.join(repoRoot, 'test', 'corpus', 'reviewed-findings.tsv');
export const columns = ['repository', 'file', 'line', 'rule', 'message', 'verdict', 'reason'] as const;

export interface FindingRow {
  repository: string;
  file: string;
  line: number;
  rule: string;
  message: string;
}

export interface ReviewedRow extends FindingRow {
  verdict: string;
  reason: string;
}

/** The repository folders, as `networking/<name>` and `broad/<name>`. */
export function corpusRepositories(): string[] {
  return ['networking', 'broad'].flatMap((group) =>
    fs
      .readdirSync(path.join(corpusRoot, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${group}/${entry.name}`)
      .sort(),
  );
}

/** Tabs and line breaks cannot appear inside a TSV cell. */
const cell = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the built CLI reports on one repository folder. */
export function findingsOfRepository(repository: string): FindingRow[] {
  const folder = path.join(corpusRoot, repository);
  const run = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin', 'vnet-lens.js'), 'check', folder, '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`vnet-lens check ${repository} exited with ${run.status}: ${run.stderr}`);
  const output = JSON.parse(run.stdout) as {
    files: { file: string; findings: { line: number; ruleId: string; message: string }[] }[];
  };
  return output.files.flatMap((file) =>
    file.findings.map((finding) => ({
      repository,
      file: path.relative(folder, file.file).split(path.sep).join('/'),
      line: finding.line,
      rule: finding.ruleId,
      message: cell(finding.message),
    })),
  );
}

export const matchKey = (row: FindingRow) => [row.repository, row.file, row.rule, row.message].join('\t');

export function readReviewed(): ReviewedRow[] {
  if (!fs.existsSync(reviewedFile)) return [];
  const [header, ...lines] = fs
    .readFileSync(reviewedFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (header !== columns.join('\t')) throw new Error(`${reviewedFile}: the header must be ${columns.join(' | ')}`);
  return lines.map((line) => {
    const [repository, file, lineNumber, rule, message, verdict = '', reason = ''] = line.split('\t');
    return { repository, file, line: Number(lineNumber), rule, message, verdict, reason };
  });
}

export function formatReviewed(rows: readonly ReviewedRow[]): string {
  const sorted = [...rows].sort((a, b) => matchKey(a).localeCompare(matchKey(b)) || a.line - b.line);
  return (
    [
      columns.join('\t'),
      ...sorted.map((row) =>
        [row.repository, row.file, row.line, row.rule, row.message, row.verdict, cell(row.reason)].join('\t'),
      ),
    ].join('\n') + '\n'
  );
}

/** Matches current findings to reviewed rows (each row at most once): what is new and what is gone. */
export function compare(
  current: readonly FindingRow[],
  reviewed: readonly ReviewedRow[],
): { matched: ReviewedRow[]; added: FindingRow[]; gone: ReviewedRow[] } {
  const open = new Map<string, ReviewedRow[]>();
  for (const row of reviewed) {
    const list = open.get(matchKey(row));
    if (list) list.push(row);
    else open.set(matchKey(row), [row]);
  }
  const matched: ReviewedRow[] = [];
  const added: FindingRow[] = [];
  for (const row of current) {
    const candidates = open.get(matchKey(row));
    const found = candidates?.shift();
    if (found) matched.push({ ...found, line: row.line });
    else added.push(row);
  }
  return { matched, added, gone: [...open.values()].flat() };
}
