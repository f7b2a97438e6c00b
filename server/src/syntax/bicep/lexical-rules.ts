// Bicep's lexical rules that more than one reader applies — the lexer, the trivia scanner, the parser's
// declaration boundary and the lazy outline's skim — defined once here, so the readers cannot drift.
import type { TriviaKind } from './token';

/** [A-Za-z0-9_] by UTF-16 code unit; charCodeAt past the end gives NaN, which indexes to undefined. */
export const identifierPart = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) identifierPart[c] = 1;
}

/** The keywords that start a declaration in a `.bicep` file (parse-declarations.ts), the most common
 * first: the outline's skim tries them in this order. */
export const bicepDeclarationKeywords: readonly string[] = [
  'param',
  'var',
  'resource',
  'output',
  'module',
  'type',
  'func',
  'import',
  'metadata',
  'targetScope',
  'test',
  'extension',
  'provider',
  'assert',
];

/** The keywords that start a declaration in a `.bicepparam` file (parse-params-file.ts). */
export const paramsDeclarationKeywords: readonly string[] = [
  'param',
  'var',
  'using',
  'extends',
  'import',
  'extensionConfig',
  'extension',
  'type',
];

/** Keywords that, first on a line in column 0, start a top-level declaration (of either language) and so
 * end an unclosed list. */
export const declarationKeywords: readonly string[] = [
  ...new Set([...bicepDeclarationKeywords, ...paramsDeclarationKeywords]),
];

/**
 * Keywords that, first on the line after a lambda's `=>`, start a declaration: the lambda's body is not
 * taken from that line (the parser's startsDeclaration and the lazy outline both ask this).
 */
export const lambdaBodyStoppers: ReadonlySet<string> = new Set([
  'metadata',
  'param',
  'var',
  'resource',
  'output',
  'module',
  'targetScope',
  'import',
  'type',
  'func',
  'assert',
  'test',
  'extension',
  'using',
  'extends',
]);

/** `#…` pragmas, recognised only first on their line, with the trivia kind each makes. */
export const pragmaKeywords: readonly (readonly [string, TriviaKind])[] = [
  ['#disable-next-line', 'DisableNextLine'],
  ['#disable-diagnostics', 'DisableDiagnostics'],
  ['#restore-diagnostics', 'RestoreDiagnostics'],
];
