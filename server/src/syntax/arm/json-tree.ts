// Reads JSON text into jsonc-parser's syntax tree, with comments and trailing commas allowed (as ARM accepts
// them), and its syntax errors as readable messages.
// Invariants: never throws and never recurses per nesting level on its own; text nested deeper than
// `maxJsonDepth` never reaches jsonc-parser's recursive parser (it would overflow the stack) and gets one
// clear error and no tree instead. Well-formed text takes the fast builder; text with errors takes
// `parseTree`, whose recovery keeps as much of the tree as it can. (Raw control characters inside strings
// are not reported: see json-fast-tree.ts.)
import { parseTree, type Node, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { buildFastTree, maxJsonDepth } from './json-fast-tree';
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

const parseOptions = { allowTrailingComma: true, disallowComments: false } as const;

export function readJsonTree(text: string): JsonTree {
  const fast = buildFastTree(text);
  if (fast.ok) return { root: fast.root, errors: [], bracketStrings: fast.bracketStrings };
  const deepAt = fast.tooDeep ? fast.at : tooDeepOffset(text);
  if (deepAt !== undefined) {
    return {
      root: undefined,
      bracketStrings: [],
      partialRoot: fast.partialRoot,
      errors: [
        {
          start: deepAt,
          end: deepAt + 1,
          message: `JSON is nested more than ${maxJsonDepth} levels deep here; the file is not read.`,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  // A byte order mark is not JSON to jsonc-parser; a space in its place keeps every offset.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(source, errors, parseOptions);
  return { root, errors: errors.map(toSyntaxError), bracketStrings: findBracketStrings(root) };
}

/** The string values (not keys) under `root` that start with `[`, in file order. */
function findBracketStrings(root: Node | undefined): Node[] {
  const found: Node[] = [];
  const stack: Node[] = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'string') {
      if (typeof node.value === 'string' && node.value.charCodeAt(0) === 91) found.push(node);
    } else if (node.type === 'property') {
      if (node.children?.[1] !== undefined) stack.push(node.children[1]);
    } else {
      const children = node.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return found;
}

function toSyntaxError(error: ParseError): ArmSyntaxError {
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

/**
 * Where the nesting first goes deeper than `maxJsonDepth`, or `undefined`. It skips strings and comments the
 * way jsonc-parser's scanner does (a string also ends at a line break), so it sees the depth the parser would.
 */
function tooDeepOffset(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 123 || code === 91) {
      if (++depth > maxJsonDepth) return i;
    } else if (code === 125 || code === 93) {
      if (depth > 0) depth--;
    } else if (code === 34) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92) i++;
        else if (c === 34 || c === 10 || c === 13) break;
      }
    } else if (code === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    }
  }
  return undefined;
}
