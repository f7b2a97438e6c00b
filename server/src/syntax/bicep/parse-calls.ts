// Function calls: `name(…)` and `base.name(…)`, with their arguments. The arguments are read through
// the parser's grammar (parse-expressions.ts), which calls this module for every call it meets.
// Invariant: every token between the parentheses is pushed to the call's children, in text order.
import type { Child, Expression } from './nodes';
import { type ArgumentList, instanceCallNode, lastEnd } from './parse-common';
import type { Parser } from './parser-state';
import { Terminators } from './terminators';
import { type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;

/** `name(…)`: a call of the function named by the identifier just read. */
export function parseFunctionCall(p: Parser, flags: number, name: Token): Expression {
  const children: Child[] = [name];
  const { open, args, close, end } = parseArguments(p, flags, children);
  return { kind: 'FunctionCall', start: name.start, end, children, name, open, arguments: args, close };
}

/** `base.name(…)` (or `base.?name(…)`, which the caller reports): a call after the member name just read. */
export function parseInstanceFunctionCall(
  p: Parser,
  flags: number,
  base: Expression,
  dot: Token,
  safe: Token | undefined,
  name: Token,
): Expression {
  const children: Child[] = safe ? [base, dot, safe, name] : [base, dot, name];
  return instanceCallNode('InstanceFunctionCall', base, dot, name, children, parseArguments(p, flags, children));
}

/**
 * `(a, b)` after a function name; pushes every token to `children`. Arguments are separated by
 * commas (a line break may follow a comma); a trailing comma is an error.
 */
function parseArguments(p: Parser, flags: number, children: Child[]): ArgumentList<Expression> {
  const open = p.read();
  children.push(open);
  const args: Expression[] = [];
  if (!p.at(K.RightParen) && !p.atDeclarationBoundary()) {
    p.pushNewLines(children);
    let expectArgument = true;
    while (!p.atEnd() && !p.at(K.RightParen) && !p.atDeclarationBoundary()) {
      if (expectArgument) {
        const argument = p.grammar.expressionOrSkip(p, flags, T.functionArgument);
        children.push(argument);
        args.push(argument);
        expectArgument = false;
        continue;
      }
      expectArgument = true;
      if (p.at(K.NewLine)) {
        const next = p.peekPastNewLines().kind;
        if (next === K.EndOfFile) break;
        if (next !== K.RightParen) children.push(p.missing('Expected a comma character at this location.'));
        p.pushNewLines(children);
      } else if (p.at(K.Comma)) {
        children.push(p.read());
        if (!p.atDeclarationBoundary()) p.pushNewLines(children);
        if (p.at(K.RightParen)) {
          const argument = p.grammar.expressionOrSkip(p, flags, T.functionArgument); // reports the trailing comma
          children.push(argument);
          args.push(argument);
        }
      } else {
        children.push(p.missing('Expected a new line or comma character at this location.'));
      }
    }
  }
  const close = p.at(K.RightParen) ? p.read() : p.missing('Expected the ")" character at this location.');
  children.push(close);
  return { open, args, close, end: close.kind === 'Missing' ? lastEnd(children) : close.end };
}
