// Decorators: `@name`, `@name(args)`, `@ns.name(args)`, each followed by a line break.
// Invariant: the decorator lines and the line breaks after them are pushed to the caller's children.
import type { Child, Expression } from './nodes';
import type { Decorator } from './nodes-declarations';
import { parseFunctionCall, parseInstanceFunctionCall } from './parse-calls';
import { type Parser, ParseFlags } from './parser-state';
import { Terminators } from './terminators';
import { TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const { allowComplexLiterals, consumeTerminator } = ParseFlags;

/** Parses the `@…` lines before a declaration, object-type property or tuple item. */
export function parseDecorators(p: Parser, children: Child[]): Decorator[] {
  const decorators: Decorator[] = [];
  while (p.at(K.At)) {
    const decorator = parseDecorator(p);
    children.push(decorator);
    decorators.push(decorator);
    children.push(
      p.at(K.NewLine)
        ? p.read()
        : p.attempt(
            () => p.expect(K.NewLine, 'Expected a new line character at this location.'),
            T.lineEnd,
            consumeTerminator,
          ),
    );
    p.pushNewLines(children);
  }
  return decorators;
}

function parseDecorator(p: Parser): Decorator {
  const at = p.read();
  const from = p.pos;
  const errorCount = p.errors.length;
  let expression: Expression;
  try {
    expression = parseDecoratorExpression(p);
  } catch (failure) {
    expression = p.recover(failure, from, errorCount, T.lineEnd);
  }
  const end = expression.kind === 'Missing' ? at.end : expression.end;
  return { kind: 'Decorator', start: at.start, end, children: [at, expression], at, expression };
}

function parseDecoratorExpression(p: Parser): Expression {
  const name = p.expect(K.Identifier, 'Expected a namespace or decorator name at this location.');
  let current: Expression;
  if (p.at(K.LeftParen)) {
    current = parseFunctionCall(p, allowComplexLiterals, name);
  } else {
    current = { kind: 'VariableAccess', start: name.start, end: name.end, children: [name], name };
  }
  while (p.at(K.Dot)) {
    const dot = p.read();
    const member = p.at(K.Identifier) ? p.read() : p.missing('Expected a function or property name at this location.');
    if (p.at(K.LeftParen) && member.kind === K.Identifier) {
      current = parseInstanceFunctionCall(p, allowComplexLiterals, current, dot, undefined, member);
    } else {
      const end = member.kind === 'Missing' ? dot.end : member.end;
      current = {
        kind: 'PropertyAccess',
        start: current.start,
        end,
        children: [current, dot, member],
        base: current,
        dot,
        safe: undefined,
        name: member,
      };
    }
  }
  return current;
}
