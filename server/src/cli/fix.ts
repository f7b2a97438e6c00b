// `check --fix`: applies the preferred fix of every finding, re-analyses, and repeats until nothing
// more is fixed (at most `maxPasses` passes: a fix can make another finding's fix possible, or two
// fixes touching the same place go one per pass). Only files given on the command line are edited.
// Invariant: the engine's edits apply to the texts it analysed; nothing here touches the disk.
import {
  analyzeDocuments,
  applyTextEdits,
  FixSession,
  textSource,
  type AnalysisOptions,
  type AnalysisResult,
  type Host,
  type SourceDocument,
} from '../engine';

export const maxPasses = 5;

export interface FixOutcome {
  /** The texts after fixing (every loaded file, changed or not). */
  texts: Map<string, string>;
  /** The analysis of the fixed texts. */
  result: AnalysisResult;
  fixed: number;
  passes: number;
}

export async function fixDocuments(
  documents: readonly SourceDocument[],
  host: Host,
  options: AnalysisOptions,
): Promise<FixOutcome> {
  const texts = new Map(documents.map((document) => [document.uri, document.text]));
  const analyse = () =>
    analyzeDocuments(
      [...texts].map(([uri, text]) => ({ uri, text })),
      host,
      options,
    );
  let result = await analyse();
  let fixed = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const session = new FixSession(textSource(options.cloud, texts));
    // A fix that would edit a file outside the command line is left for the user.
    const fixable = result.findings.filter((finding) =>
      session.preferredOf(finding)?.changes.every((change) => texts.has(change.uri)),
    );
    const { edits, fixed: applied } = session.fixAll(fixable);
    if (applied.length === 0) break;
    for (const [uri, list] of edits) texts.set(uri, applyTextEdits(texts.get(uri)!, list));
    fixed += applied.length;
    passes++;
    result = await analyse();
  }
  return { texts, result, fixed, passes };
}
