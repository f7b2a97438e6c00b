// Public API of the Bicep front end: a lexer and an error-tolerant recursive-descent parser that
// produce a lossless concrete syntax tree for `.bicep` and `.bicepparam` files.
//
// Architecture invariants (each guarded by a test in test/unit/bicep-*.test.ts or test/corpus/):
// - parseBicep never throws, never recurses deeper than maxDepth nesting levels, and runs in time
//   linear in the input; errors are data (`errors`), never exceptions.
// - The tree is lossless: printTree(parseBicep(text).tree) === text for any input (BOM, CRLF, junk).
// - Offsets are 0-based UTF-16 positions into the text; `start`/`end` of a node exclude the trivia of
//   its first and last token. Only lsp/convert.ts turns offsets into LSP positions.
// - This folder imports nothing else of the project.
//
// Reading the tree:
// - `tree.statements` holds top-level declarations (and Skipped/Missing nodes for broken lines);
//   `declarations(tree)` returns just the well-formed declarations. Node kinds: TargetScopeDeclaration,
//   MetadataDeclaration, ParameterDeclaration, ParameterAssignment (.bicepparam), VariableDeclaration,
//   OutputDeclaration, ResourceDeclaration, ModuleDeclaration, TestDeclaration, TypeDeclaration,
//   FunctionDeclaration, AssertDeclaration, ImportDeclaration, ExtensionDeclaration,
//   ExtensionConfigAssignment, UsingDeclaration, ExtendsDeclaration.
// - Raw slots may hold Missing/Skipped nodes; the views (`nameOf`, `resourceView`, `moduleView`,
//   `bodyParts`, `findProperty`, `propertyValue`, `literalString`, `stringValue`…) return undefined
//   for any missing or broken part.
// - Strings: `stringValue` (no interpolation) and `stringSegments` (segments around `${…}` holes)
//   decode escapes; multi-line strings are verbatim.
// - Pragmas: `readPragmas(tree)` answers which rule ids `#disable-next-line` and
//   `#disable-diagnostics`/`#restore-diagnostics` switch off at an offset or line.
// - Walking: `forEachToken`, `walkNodes`, `nodePathAt`, `tokenAt` (all iterative).
import type { BicepLanguage, SourceFile } from './nodes-declarations';
import { type BicepParseResult, parseSourceFile } from './parse-program';

export interface ParseOptions {
  /** Parse as a `.bicepparam` file (using/extends/param assignments) instead of a `.bicep` file. */
  parameterFile?: boolean;
}

/** Parses Bicep source. Never throws; syntax problems are reported in `errors`. */
export function parseBicep(text: string, options: ParseOptions = {}): BicepParseResult {
  return parseSourceFile(text, options.parameterFile ? 'bicepparam' : 'bicep');
}

/** The language of a file name: `.bicepparam` or `.bicep`, otherwise undefined. */
export function bicepLanguageOf(fileName: string): BicepLanguage | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.bicepparam')) return 'bicepparam';
  if (lower.endsWith('.bicep')) return 'bicep';
  return undefined;
}

export type { BicepParseResult } from './parse-program';
export type { BicepSyntaxError } from './parser-state';
export { maxDepth } from './parser-state';
export { Token, TokenKind, type Trivia, type TriviaKind } from './token';
export type * from './nodes';
export type * from './nodes-types';
export type * from './nodes-declarations';
export type { BicepLanguage, SourceFile };
export { printTree, forEachToken, walkNodes, nodePathAt, tokenAt } from './printer';
export { dumpTree } from './dump';
export { stringValue, stringSegments, isMultiLineString, decodeEscapes, type StringSegments } from './strings';
export { readPragmas, computeLineStarts, lineIndex, type PragmaDirective, type PragmaIndex } from './pragmas';
export {
  declarations,
  present,
  nameOf,
  literalString,
  bodyParts,
  resourceView,
  moduleView,
  splitResourceType,
  objectProperties,
  isPlainObject,
  propertyKey,
  findProperty,
  propertyValue,
  nestedResources,
  decoratorName,
  findDecorator,
  decoratorArguments,
  type BodyParts,
  type ResourceView,
  type ModuleView,
} from './views';
export { lex, type LexResult } from './lexer';
export { outlineBicep, outlineOfTree, type BicepOutline, type OutlineEntry } from './outline';
export { literalDefault, mayHaveDefault, notLiteral, undecoratedDeclaration } from './outline-undecorated';
