// The check command's text and JSON outputs.
import type { LocatedFile } from './located';

export function formatText(files: readonly LocatedFile[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    for (const { finding, region, related } of file.findings) {
      counts[finding.level]++;
      lines.push(`${file.file}:${region.startLine}:${region.startColumn}: ${finding.level} ${finding.ruleId}: ${finding.message}`);
      for (const other of related) {
        lines.push(`    ${other.file}:${other.region.startLine}:${other.region.startColumn}: ${other.message}`);
      }
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const noun = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(total === 0
    ? `No problems found in ${noun(files.length, 'file')}.`
    : `${noun(total, 'problem')} (${noun(counts.error, 'error')}, ${noun(counts.warning, 'warning')}, ${counts.info} info) in ${noun(files.length, 'file')}.`);
  return lines.join('\n') + '\n';
}

export function formatJson(files: readonly LocatedFile[]): string {
  return JSON.stringify({
    files: files.map((file) => ({
      file: file.file,
      language: file.language,
      findings: file.findings.map(({ finding, region, related }) => ({
        ruleId: finding.ruleId,
        level: finding.level,
        message: finding.message,
        line: region.startLine,
        column: region.startColumn,
        endLine: region.endLine,
        endColumn: region.endColumn,
        related: related.map((other) => ({ file: other.file, line: other.region.startLine, column: other.region.startColumn, message: other.message })),
      })),
    })),
  }, null, 2) + '\n';
}
