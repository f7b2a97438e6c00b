// The pipeline from text to findings: classify, parse, (evaluate, model, rules as they land).
// Invariant: never throws for any input text; a file it cannot read is reported, not fatal.
import { classifyFile } from '../syntax/classify';
import type { AnalysisOptions, AnalysisResult, FileAnalysis, Host, SourceDocument } from './types';
import { defaultAnalysisOptions } from './types';
import { emptyModel } from './model-json';

/** Analyses documents that form one workspace (or one deployment set). */
export async function analyzeDocuments(
  documents: readonly SourceDocument[],
  _host: Host,
  options: AnalysisOptions = defaultAnalysisOptions,
): Promise<AnalysisResult> {
  const files: FileAnalysis[] = [];
  for (const document of documents) {
    if (options.isCancelled?.()) break;
    files.push(analyzeFile(document));
  }
  return { files, model: emptyModel() };
}

function analyzeFile(document: SourceDocument): FileAnalysis {
  const language = classifyFile(document.uri, document.text);
  return { uri: document.uri, language, syntaxErrors: [], findings: [] };
}
