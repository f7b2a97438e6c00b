// Syntax errors as findings of the `syntax` rule, so every output format shows them and --fail-on
// counts them: a file that does not parse was not checked, and must not read as "No problems".
// The engine leaves syntax to the compiler (it parses only what it needs); the CLI parses fully.
import type { Finding, SourceDocument } from '../engine';
import { parseDocument } from '../engine/parse';
import type { RuleMeta } from '../rules/registry';

export const syntaxRule: RuleMeta = {
  id: 'syntax',
  level: 'error',
  description: 'The file has a syntax error, so what follows it may not have been checked.',
  fixable: false,
};

export function syntaxFindings(documents: readonly SourceDocument[]): Finding[] {
  return documents.flatMap((document) => parseDocument(document.uri, document.text).syntaxErrors.map((error): Finding => ({
    ruleId: syntaxRule.id,
    messageId: 'syntax',
    level: 'error',
    message: error.message,
    uri: document.uri,
    start: error.start,
    end: error.end,
    related: [],
  })));
}
