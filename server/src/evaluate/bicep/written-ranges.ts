// Where the parts of a value are written when a resource takes it from a variable or from a parameter's
// default in the same file (`subnets: subnets`, `properties: vnetProperties`): a finding on the third
// subnet's prefix points at that prefix in the variable, not at `subnets` in the resource, and each
// part can be suppressed on its own line. Only object and array literals are followed, as written, and
// variables that name such literals; a spread of anything else leaves the array's later indices
// unknown, so the walk of that array stops there.
import { propertyKey, type Expression } from '../../syntax/bicep';
import type { TextSpan } from '../declaration';
import type { RangeRecorder, SymbolScope } from './expressions';

/** At most this many parts are recorded per use: a large literal used by many resources stays cheap. */
const maxRecordedParts = 1_000;
/** Literals are followed this deep: their nesting, and variables that name variables, add up. */
const maxDepth = 32;

/**
 * Records, under `path`, the range of each part of the literal that symbol `name` is written as, with
 * `usedAt` (the reference in the resource) beside it. Nothing when the symbol is no such literal. An
 * array spread into another starts at `firstIndex` there.
 */
export function recordWrittenRanges(
  scope: SymbolScope,
  name: string,
  usedAt: TextSpan,
  path: string,
  record: RangeRecorder,
  firstIndex = 0,
): void {
  const written = scope.writtenValue?.(name);
  if (!written) return;
  const use = { start: usedAt.start, end: usedAt.end };
  const followed = new Set([name]);
  let budget = maxRecordedParts;
  const walk = (node: Expression, at: string, depth: number, offset = 0): void => {
    if (depth > maxDepth) return;
    if (node.kind === 'Object') {
      for (const member of node.members) {
        if (member.kind !== 'ObjectProperty') continue;
        const key = propertyKey(member);
        if (key === undefined || budget-- <= 0) continue;
        const childPath = `${at}.${key}`;
        record(childPath, member.value, use);
        walk(member.value, childPath, depth + 1);
      }
    } else if (node.kind === 'Array') {
      let next = offset;
      for (const item of node.items) {
        if (budget-- <= 0) return;
        if (item.kind === 'Spread') {
          // A spread array literal adds its items here; one whose length the text does not say ends the walk.
          const spread =
            item.expression.kind === 'VariableAccess' ? followedValue(item.expression.name.text) : undefined;
          if (spread?.kind !== 'Array') return;
          walk(spread, at, depth + 1, next);
          if (spread.items.some((inner) => inner.kind === 'Spread')) return;
          next += spread.items.length;
          continue;
        }
        const itemPath = `${at}[${next++}]`;
        record(itemPath, item, use);
        walk(item, itemPath, depth + 1);
      }
    } else if (node.kind === 'VariableAccess') {
      const inner = followedValue(node.name.text);
      if (inner) walk(inner, at, depth + 1);
    }
  };
  /** A variable's literal, once per walk (a variable that names itself, through others, ends there). */
  const followedValue = (inner: string): Expression | undefined => {
    if (followed.has(inner)) return undefined;
    followed.add(inner);
    return scope.writtenValue?.(inner);
  };
  walk(written, path, 0, firstIndex);
}
