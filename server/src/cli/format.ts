// The check command's text and JSON outputs (main.ts escapes the JSON's non-C0 controls).
import { escapeControls as safe } from './escape';
import type { LocatedFile } from './located';

export function formatText(files: readonly LocatedFile[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    for (const { finding, region, related } of file.findings) {
      counts[finding.level]++;
      // Names and paths come from the user's files: escaped, so none can move the cursor or fake a line.
      lines.push(
        `${safe(file.file)}:${region.startLine}:${region.startColumn}: ${finding.level} ${finding.ruleId}: ${safe(finding.message)}`,
      );
      for (const other of related) {
        lines.push(
          `    ${safe(other.file)}:${other.region.startLine}:${other.region.startColumn}: ${safe(other.message)}`,
        );
      }
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const noun = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    total === 0
      ? `No problems found in ${noun(files.length, 'file')}.`
      : `${noun(total, 'problem')} (${noun(counts.error, 'error')}, ${noun(counts.warning, 'warning')}, ${counts.info} info) in ${noun(files.length, 'file')}.`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(files: readonly LocatedFile[]): string {
  return (
    JSON.stringify(
      {
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
            related: related.map((other) => ({
              file: other.file,
              line: other.region.startLine,
              column: other.region.startColumn,
              message: other.message,
            })),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
