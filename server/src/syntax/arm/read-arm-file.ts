// `readArmFile`: text in, the ARM view of it out (template, parameter file, or quietly nothing).
// Invariants: never throws (an internal fault becomes one error, not an exception); JSON that is not an ARM
// file (no deployment template or parameters `$schema`) is 'other' with no errors and no skips; errors are
// sorted by offset.
import type { Node } from 'jsonc-parser';
import { jsonString, keywordValue } from './json-nodes';
import { readJsonTree } from './json-tree';
import { rejectedKeywords, type ReadContext } from './read-context';
import { readParameterValues } from './resource-reader';
import { armKindOfSchema } from './schema-kind';
import type { ArmSkip, ArmSyntaxError } from './syntax-error';
import { readTemplate } from './template-reader';
import type { ArmParameterFile, ArmTemplate } from './template-types';

export interface ArmFile {
  readonly kind: 'arm-template' | 'arm-parameters' | 'other';
  /** The JSON root; `undefined` for empty text, text nested too deeply, and other JSON that did not parse. */
  readonly root: Node | undefined;
  readonly template?: ArmTemplate;
  readonly parameters?: ArmParameterFile;
  /** JSON syntax errors and unparsable expressions. */
  readonly errors: readonly ArmSyntaxError[];
  /** Parts left out of the views for their shape. */
  readonly skipped: readonly ArmSkip[];
}

export interface ArmReadOptions {
  /**
   * Whether every expression is parsed while reading, its syntax errors among the file's (the default).
   * Off, `ArmTemplate.expressions` stays empty and an evaluator parses an expression when it first
   * evaluates it: for texts whose errors nobody reports (Bicep's restore cache) and of which an
   * analysis evaluates a small part.
   */
  readonly expressions?: boolean;
}

export function readArmFile(text: string, options: ArmReadOptions = {}): ArmFile {
  try {
    return read(text, options.expressions ?? true);
  } catch (error) {
    const message = `The file could not be read (${error instanceof Error ? error.message : String(error)}).`;
    return { kind: 'other', root: undefined, errors: [{ start: 0, end: 0, message }], skipped: [] };
  }
}

function read(text: string, parseExpressions: boolean): ArmFile {
  const tree = readJsonTree(text);
  const top = tree.root ?? tree.partialRoot;
  const kind = armKindOfSchema(jsonString(keywordValue(top, '$schema')));
  if (kind === undefined) return { kind: 'other', root: tree.root, errors: [], skipped: [] };
  const root = tree.root;
  if (root === undefined) return { kind, root, errors: tree.errors, skipped: [] };
  const context: ReadContext = {
    text,
    bracketStrings: tree.bracketStrings,
    errors: [...tree.errors],
    skipped: [],
    parseExpressions,
    readTemplate,
  };
  const file: ArmFile =
    kind === 'arm-template'
      ? {
          kind,
          root,
          template: readTemplate(context, root, undefined),
          errors: context.errors,
          skipped: context.skipped,
        }
      : { kind, root, parameters: readParameterFile(context, root), errors: context.errors, skipped: context.skipped };
  context.errors.sort((a, b) => a.start - b.start);
  return file;
}

function readParameterFile(context: ReadContext, root: Node): ArmParameterFile {
  const rejected = rejectedKeywords(context, 'parameterFile', root);
  const section = rejected.has('parameters') ? undefined : keywordValue(root, 'parameters');
  return { node: root, parameters: readParameterValues(context, section, 'parameterValue') };
}
