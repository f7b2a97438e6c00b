// Syntax errors as findings of the `syntax` rule, so every output format shows them and --fail-on
// counts them: a file that does not parse was not checked, and must not read as "No problems".
// The engine leaves syntax to the compiler unless asked (`withSyntaxErrors`); the CLI asks.
import type { FileAnalysis, Finding } from '../engine';
import type { RuleMeta } from '../rules/support/rule-meta';

export const syntaxRule: RuleMeta = {
  id: 'syntax',
  level: 'error',
  description: 'The file has a syntax error, so what follows it may not have been checked.',
  fixable: false,
};

export function syntaxFindings(files: readonly FileAnalysis[]): Finding[] {
  return files.flatMap((file) =>
    (file.syntaxErrors ?? []).map((error): Finding => ({
      ruleId: syntaxRule.id,
      messageId: 'syntax',
      level: 'error',
      message: error.message,
      uri: file.uri,
      start: error.start,
      end: error.end,
      related: [],
    })),
  );
}
