// Reads JSON text into jsonc-parser's syntax tree, with comments and trailing commas allowed (as ARM accepts
// them), and its syntax errors as readable messages.
// Invariants: never throws and never recurses per nesting level; text nested deeper than `maxJsonDepth` gets
// one clear error and no tree instead (tree walkers recurse per level). One builder reads all text, well-formed
// or not (json-builder.ts), with jsonc-parser's recovery and errors. (Raw control characters inside strings
// are not reported: see json-builder.ts.)
import type { Node, ParseErrorCode } from 'jsonc-parser';
import { buildJsonTree, maxJsonDepth } from './json-builder';
import type { JsonError } from './json-tokens';
import type { ArmSyntaxError } from './syntax-error';

export { maxJsonDepth };

export interface JsonTree {
  /** The root value; `undefined` for empty or too deeply nested text. */
  readonly root: Node | undefined;
  readonly errors: readonly ArmSyntaxError[];
  /** Every string value (not key) that starts with `[`, in file order: where expressions can be. */
  readonly bracketStrings: readonly Node[];
  /** The part of the tree read before nesting got too deep (only to find `$schema`); not for analysis. */
  readonly partialRoot?: Node;
}

export function readJsonTree(text: string): JsonTree {
  const built = buildJsonTree(text);
  if (built.tooDeepAt < 0) {
    return { root: built.root, errors: built.errors.map(toSyntaxError), bracketStrings: built.bracketStrings };
  }
  return {
    root: undefined,
    bracketStrings: [],
    partialRoot: built.root,
    errors: [
      {
        start: built.tooDeepAt,
        end: built.tooDeepAt + 1,
        message: `JSON is nested more than ${maxJsonDepth} levels deep here; the file is not read.`,
      },
    ],
  };
}

function toSyntaxError(error: JsonError): ArmSyntaxError {
  return {
    start: error.offset,
    end: error.offset + error.length,
    message: parseErrorMessages[error.error] ?? 'Invalid JSON.',
  };
}

/** jsonc-parser's `ParseErrorCode` (a const enum, so not importable as values here) as sentences. */
const parseErrorMessages: Readonly<Record<ParseErrorCode, string>> = {
  1: 'Invalid symbol.',
  2: 'Invalid number format.',
  3: 'Property name expected.',
  4: 'Value expected.',
  5: "Colon ':' expected.",
  6: "Comma ',' expected.",
  7: "Closing brace '}' expected.",
  8: "Closing bracket ']' expected.",
  9: 'End of file expected.',
  10: 'Comments are not permitted.',
  11: "Block comment is not closed with '*/'.",
  12: 'String is not closed with a double quote.',
  13: 'Number is incomplete.',
  14: "Invalid unicode escape: '\\u' must be followed by four hex digits.",
  15: 'Invalid escape character in string.',
  16: 'Control characters are not allowed in strings.',
};
