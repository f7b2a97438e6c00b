// Where the parts of a value are written when an ARM resource takes it from a variable
// (`"properties": "[variables('vnetProperties')]"`): as in Bicep (bicep/written-ranges.ts), a finding on
// a subnet's prefix then points at that prefix in `variables`, with the reference beside it. Only a
// string that is the whole call `variables('name')` is followed, into an object or array written as
// JSON (a variable's own copy loop, or a property copy inside it, is not).
import type { Node } from 'jsonc-parser';
import { isArmExpressionNode } from '../../syntax/arm';
import type { ArmExpressions, RangeRecorder } from './expressions';

/** At most this many parts are recorded per use. */
const maxRecordedParts = 1_000;
/** JSON nesting and variables that name variables are followed this deep. */
const maxDepth = 32;

/** Records under `path` each part of the variable the string `node` names, when it is a whole `variables('…')` call. */
export function recordWrittenVariable(ev: ArmExpressions, node: Node, path: string, record: RangeRecorder): void {
  const first = variableNamed(ev, node);
  const written = first === undefined ? undefined : ev.frame.writtenVariable?.(first);
  if (first === undefined || !written) return;
  const usedAt = { start: node.offset, end: node.offset + node.length };
  const followed = new Set([first.toLowerCase()]);
  let budget = maxRecordedParts;
  const walk = (json: Node, at: string, depth: number): void => {
    if (depth > maxDepth) return;
    if (json.type === 'object') {
      for (const property of json.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (keyNode === undefined || value === undefined || budget-- <= 0) continue;
        const key = String(keyNode.value);
        if (key.toLowerCase() === 'copy') continue;
        record(`${at}.${key}`, value, usedAt);
        walk(value, `${at}.${key}`, depth + 1);
      }
    } else if (json.type === 'array') {
      (json.children ?? []).forEach((item, index) => {
        if (budget-- <= 0) return;
        record(`${at}[${index}]`, item, usedAt);
        walk(item, `${at}[${index}]`, depth + 1);
      });
    } else if (json.type === 'string') {
      const inner = variableNamed(ev, json);
      if (inner === undefined || followed.has(inner.toLowerCase())) return;
      followed.add(inner.toLowerCase());
      const value = ev.frame.writtenVariable?.(inner);
      if (value) walk(value, at, depth + 1);
    }
  };
  walk(written, path, 0);
}

/** The name in a string that is exactly `[variables('name')]`. */
function variableNamed(ev: ArmExpressions, node: Node): string | undefined {
  if (!isArmExpressionNode(node)) return undefined;
  const expression = ev.expressionOf(node);
  if (expression?.kind !== 'call' || expression.namespace || expression.name.text.toLowerCase() !== 'variables')
    return undefined;
  const [argument] = expression.args;
  return expression.args.length === 1 && argument.kind === 'string' ? argument.value : undefined;
}
