// Reads a JSON string value as ARM sees it: an expression (parsed into an AST with file ranges) or a literal.
// Invariants: never throws; pure (no cache: `readArmFile` parses each expression once and keeps the AST in
// `ArmTemplate.expressions`); non-string nodes are literals of no text, not errors.
import type { Node } from 'jsonc-parser';
import { parseExpressionInFile, parseExpressionText } from './expression-parser';
import type { ArmStringValue } from './expression-types';
import { armStringForm, stringOffsetMap, type OffsetMap } from './string-offsets';

/**
 * What ARM makes of a jsonc `string` node: `"[...]"` is an expression, `"[[...]"` the literal `"[...]"`,
 * anything else a literal. `text` is the file text the node was read from (for ranges across JSON escapes).
 */
export function parseArmExpression(node: Node, text: string): ArmStringValue {
  const value = typeof node.value === 'string' ? node.value : '';
  const form = node.type === 'string' ? armStringForm(value) : 'literal';
  if (form !== 'expression') return { kind: 'literal', value: form === 'escaped' ? value.slice(1) : value };
  const offsets = stringOffsetMap(text, node);
  // Without escapes the string's text in the file is its value: parse it in place.
  return typeof offsets === 'number'
    ? parseExpressionInFile(text, offsets, offsets + value.length - 1)
    : parseExpressionText(value, offsets);
}

/**
 * The lower-level form: `value` is a decoded string value, `offsets` maps its indexes to file offsets (a
 * number `n` when index i sits at n + i, as in a string without escapes). Not cached.
 */
export function parseArmExpressionText(value: string, offsets: OffsetMap): ArmStringValue {
  switch (armStringForm(value)) {
    case 'expression':
      return parseExpressionText(value, offsets);
    case 'escaped':
      return { kind: 'literal', value: value.slice(1) };
    default:
      return { kind: 'literal', value };
  }
}

/** Whether ARM reads this node as an expression (a string `"[...]"` not escaped as `"[[...]"`). */
export function isArmExpressionNode(node: Node): boolean {
  return node.type === 'string' && typeof node.value === 'string' && armStringForm(node.value) === 'expression';
}

/** The literal string ARM sees in `node` (escape undone), or `undefined` for expressions and non-strings. */
export function armLiteralString(node: Node | undefined): string | undefined {
  if (node === undefined || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const form = armStringForm(node.value);
  return form === 'expression' ? undefined : form === 'escaped' ? node.value.slice(1) : node.value;
}
