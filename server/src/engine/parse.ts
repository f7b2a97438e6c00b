// Classifies a document and runs the parser of its language. Invariant: never throws.
import { parseBicep } from '../syntax/bicep';
import { readArmFile } from '../syntax/arm';
import { classifyFile, type Language } from '../syntax/classify';
import type { SyntaxError } from './types';

export interface ParsedDocument {
  language: Language;
  syntaxErrors: SyntaxError[];
}

export function parseDocument(uri: string, text: string): ParsedDocument {
  const language = classifyFile(uri, text);
  switch (language) {
    case 'bicep':
    case 'bicepparam':
      return {
        language,
        syntaxErrors: parseBicep(text, { parameterFile: language === 'bicepparam' }).errors.map(plain),
      };
    case 'arm-template':
    case 'arm-parameters':
      return { language, syntaxErrors: readArmFile(text).errors.map(plain) };
    default:
      return { language, syntaxErrors: [] };
  }
}

const plain = (error: { start: number; end: number; message: string }): SyntaxError => ({
  start: error.start,
  end: error.end,
  message: error.message,
});
