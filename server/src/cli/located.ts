// Findings with 1-based line/column positions and paths relative to the working directory: the
// form every CLI output shares. Invariant: the CLI and SARIF are the only 1-based places.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex, type AnalysisResult, type Finding, type Fix, type Language, type TextRange } from '../engine';

export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A fix as SARIF carries it: replacements of 1-based regions (an empty region inserts). */
export interface LocatedFix {
  description: string;
  preferred: boolean;
  changes: { file: string; replacements: { region: Region; text: string }[] }[];
}

export interface LocatedFinding {
  finding: Finding;
  file: string;
  region: Region;
  related: { file: string; region: Region; message: string }[];
  fixes?: LocatedFix[];
}

export interface LocatedFile {
  file: string;
  language: Language;
  findings: LocatedFinding[];
}

/** Turns the engine's offsets into 1-based regions, reading each text once; `fixesOf` adds fixes. */
export function locate(
  result: AnalysisResult,
  texts: ReadonlyMap<string, string>,
  cwd: string,
  fixesOf?: (finding: Finding) => Fix[],
): LocatedFile[] {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (uri: string) => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(texts.get(uri) ?? '')));
    return index;
  };
  const region = (uri: string, range: TextRange): Region => {
    const index = indexOf(uri);
    const start = index.positionAt(range.start);
    const end = index.positionAt(range.end);
    return {
      startLine: start.line + 1,
      startColumn: start.column + 1,
      endLine: end.line + 1,
      endColumn: end.column + 1,
    };
  };
  const findingsByFile = findingsInTextOrder(result.findings);
  return result.files.map((file) => ({
    file: displayPath(file.uri, cwd),
    language: file.language,
    findings: (findingsByFile.get(file.uri) ?? []).map((finding) => ({
      finding,
      file: displayPath(finding.uri, cwd),
      region: region(finding.uri, finding),
      related: finding.related.map((related) => ({
        file: displayPath(related.uri, cwd),
        region: region(related.uri, related),
        message: related.message,
      })),
      ...(fixesOf
        ? {
            fixes: fixesOf(finding)
              .filter((fix) => fix.changes.every((change) => texts.has(change.uri)))
              .map((fix) => ({
                description: fix.title,
                preferred: fix.isPreferred,
                changes: fix.changes.map((change) => ({
                  file: displayPath(change.uri, cwd),
                  replacements: change.edits.map((edit) => ({
                    region: region(change.uri, edit),
                    text: edit.newText,
                  })),
                })),
              })),
          }
        : {}),
    })),
  }));
}

/**
 * Each file's findings in the order of their places in its text (then by rule): the order the engine
 * found them in follows evaluation, which a change elsewhere in a template (what is evaluated, and
 * when) may reorder, and a CI diff or a reader should see the same output for the same findings.
 */
function findingsInTextOrder(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.uri);
    if (list) list.push(finding);
    else byFile.set(finding.uri, [finding]);
  }
  const byPlace = (a: Finding, b: Finding) =>
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
  for (const list of byFile.values()) list.sort(byPlace);
  return byFile;
}

/** A path relative to the working directory with forward slashes, as users typed it. */
export function displayPath(uri: string, cwd: string): string {
  const absolute = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const relative = path.relative(cwd, absolute);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute)
    .split(path.sep)
    .join('/');
}
