// Decides which language a file is in, from its name and, for JSON, its `$schema`. Invariant: a
// JSON file that is not an ARM template or parameter file is 'other' and is never analysed.
import { createScanner, type SyntaxKind as ScannerKind } from 'jsonc-parser';
import { armKindOfSchema } from './arm/schema-kind';

// jsonc-parser declares SyntaxKind as a `const enum`, which a per-file transpiler (esbuild, tsx)
// cannot inline; these are its values.
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  ColonToken: 6,
  StringLiteral: 10,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;

export type Language = 'bicep' | 'bicepparam' | 'arm-template' | 'arm-parameters' | 'other';

/** The file name part of a path or URI, lower-cased. */
function baseName(pathOrUri: string): string {
  // Only a URI has a query or fragment; in a path, `#` and `?` are part of the file's name.
  // Asked for every file set: the scheme tests only matter when there is a query or fragment to drop.
  const mayHaveQuery = pathOrUri.includes('?') || pathOrUri.includes('#');
  const withoutQuery =
    mayHaveQuery && /^[a-z][a-z0-9+.-]*:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri)
      ? pathOrUri.replace(/[?#].*$/, '')
      : pathOrUri;
  return withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1).toLowerCase();
}

export function isJsonFileName(pathOrUri: string): boolean {
  const name = baseName(pathOrUri);
  return name.endsWith('.json') || name.endsWith('.jsonc');
}

/** Whether a file of this name could be analysed, before its content is read. */
export function isCandidateFileName(pathOrUri: string): boolean {
  const name = baseName(pathOrUri);
  return name.endsWith('.bicep') || name.endsWith('.bicepparam') || isJsonFileName(name);
}

export function classifyFile(pathOrUri: string, text: string): Language {
  const name = baseName(pathOrUri);
  if (name.endsWith('.bicep')) return 'bicep';
  if (name.endsWith('.bicepparam')) return 'bicepparam';
  if (isJsonFileName(name)) return armKindOfSchema(topLevelSchema(text)) ?? 'other';
  return 'other';
}

/**
 * The top-level `$schema` string of a JSON document, read with a scanner so that a large or
 * broken file costs no tree: ARM puts `$schema` first, but any position at depth one counts.
 */
export function topLevelSchema(text: string): string | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  let expectSchemaValue = false;
  for (let kind: number = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        expectSchemaValue = false;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth--;
        if (depth <= 0) return undefined;
        break;
      case SyntaxKind.StringLiteral:
        if (expectSchemaValue) return scanner.getTokenValue();
        if (depth === 1 && scanner.getTokenValue() === '$schema') {
          const next: number = scanNextSignificant(scanner);
          if (next === SyntaxKind.ColonToken) expectSchemaValue = true;
          else if (next === SyntaxKind.EOF) return undefined;
        }
        break;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        break;
      default:
        expectSchemaValue = false;
    }
  }
  return undefined;
}

function scanNextSignificant(scanner: ReturnType<typeof createScanner>): ScannerKind {
  for (;;) {
    const kind = scanner.scan();
    const code: number = kind;
    if (
      code !== SyntaxKind.Trivia &&
      kind !== SyntaxKind.LineBreakTrivia &&
      code !== SyntaxKind.LineCommentTrivia &&
      code !== SyntaxKind.BlockCommentTrivia
    )
      return kind;
  }
}
