// What evaluation gives a parsed literal (a parameter default that literalDefault may read without a
// parse): a literal reads no symbol, call or scope, so a scope that has none evaluates it.
import { ExpressionEvaluator, type SymbolScope } from '../../server/src/evaluate/bicep/expressions';
import type { Value } from '../../server/src/evaluate/value';
import type { Expression } from '../../server/src/syntax/bicep';

const emptyScope = {
  uri: 'file:///main.bicep',
  context: {},
  symbol: () => undefined,
  callUser: () => undefined,
  nestedResource: () => undefined,
} as unknown as SymbolScope;

export function evaluatedLiteral(node: Expression): Value {
  return new ExpressionEvaluator(emptyScope).evaluate(node);
}
