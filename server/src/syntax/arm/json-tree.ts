// Reads JSON text into jsonc-parser's syntax tree, with comments and trailing commas allowed (as ARM accepts
// them), and its syntax errors as readable messages.
// Invariants: never throws and never recurses per nesting level; text nested deeper than `maxJsonDepth` gets
// one clear error and no tree instead (tree walkers recurse per level). One builder reads all text, well-formed
// or not (json-builder.ts), with jsonc-parser's recovery and errors. (Raw control characters inside strings
// are not reported: see json-builder.ts.)
import type { Node, ParseErrorCode } from 'jsonc-parser';
import { buildJsonTree, maxJsonDepth, type BuiltTree } from './json-builder';
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
  const built = withMultiLineStrings(text, buildJsonTree(text));
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

/** jsonc-parser's ParseErrorCode.UnexpectedEndOfString: a string ended by the end of its line (or file). */
const unclosedString = 12;

/**
 * ARM accepts a line break inside a string, as templates write long expressions (`"[if(⏎ … ⏎ )]"`, in the
 * Azure Landing Zones reference templates); JSON and jsonc-parser do not. Where the tree has a string
 * ended by its line, the text is read again with the line breaks inside strings as spaces (the same
 * length, so every offset holds; an expression reads them as the blanks they are), and that reading is
 * kept when it has fewer errors. Text without such a string costs nothing more.
 */
function withMultiLineStrings(text: string, built: BuiltTree): BuiltTree {
  if (!built.errors.some((error) => error.error === unclosedString)) return built;
  const joined = lineBreaksInStringsAsSpaces(text);
  if (joined === text) return built;
  const again = buildJsonTree(joined);
  return again.errors.length < built.errors.length ? again : built;
}

/** `text` with each line break character inside a string (outside comments) replaced by a space. */
function lineBreaksInStringsAsSpaces(text: string): string {
  let result = '';
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      else if (char === '\n' || char === '\r') {
        result += text.slice(copied, i) + ' ';
        copied = i + 1;
      }
    } else if (char === '"') inString = true;
    else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    }
  }
  return copied === 0 ? text : result + text.slice(copied);
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
