// Expression parsing: ternary, binary operators by precedence, unary, member access chains and
// calls. Call arguments are in parse-calls.ts, parentheses and lambdas in parse-parentheses.ts; literals,
// objects, arrays and loops in parse-literals.ts. Precedence, lowest first: `??`, `||`, `&&`, `== != =~ !~`, `< <= > >=`, `+ -`,
// `* / %`; then unary `!`/`-`; then postfix `.x .?x [i] [?i] [^i] ::x ! (args)`.
// Invariants: every function either returns a node covering the tokens it read or throws a
// ParseFailure; recursion passes through parseExpression, which enforces maxDepth (and restores the
// depth counter in `finally`, so failures unwinding through it keep the count exact).
import type { Child, Expression } from './nodes';
import { parseFunctionCall, parseInstanceFunctionCall } from './parse-calls';
import { parseArray, parseForExpression, parseLiteral, parseObject, parseString } from './parse-literals';
import { parseLambdaRest, parseParenthesizedOrLambda } from './parse-parentheses';
import { isMissing, maxDepth, type Parser, ParseFlags } from './parser-state';
import { Terminators } from './terminators';
import { TokenKind, tokenKindCount } from './token';

const K = TokenKind;
const T = Terminators;
const F = ParseFlags;

const precedence = new Uint8Array(tokenKindCount);
precedence[K.Asterisk] = precedence[K.Slash] = precedence[K.Modulo] = 100;
precedence[K.Plus] = precedence[K.Minus] = 90;
precedence[K.LessThan] =
  precedence[K.LessThanOrEqual] =
  precedence[K.GreaterThan] =
  precedence[K.GreaterThanOrEqual] =
    80;
precedence[K.Equals] =
  precedence[K.NotEquals] =
  precedence[K.EqualsInsensitive] =
  precedence[K.NotEqualsInsensitive] =
    70;
precedence[K.LogicalAnd] = 50;
precedence[K.LogicalOr] = 40;
precedence[K.DoubleQuestion] = 30;

const unrecognizedExpression =
  'Expected a literal value, an array, an object, a parenthesized expression, or a function call at this location.';
const expectedMemberName = 'Expected a function or property name at this location.';

export function parseExpression(p: Parser, flags: number): Expression {
  if (p.depth >= maxDepth) return p.skipTooDeep();
  p.depth++;
  try {
    const candidate = parseBinary(p, flags, 0);
    return p.peekPastNewLines().kind === K.Question ? parseTernary(p, flags, candidate) : candidate;
  } finally {
    p.depth--;
  }
}

/** parseExpression wrapped in recovery: on failure, the tokens up to a terminator become Skipped. */
export function parseExpressionOrSkip(p: Parser, flags: number, terminators: Uint8Array, options = 0): Expression {
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    return parseExpression(p, flags);
  } catch (failure) {
    return p.recover(failure, from, errorCount, terminators, options);
  }
}

function parseTernary(p: Parser, flags: number, condition: Expression): Expression {
  const children: Child[] = [condition];
  p.pushNewLines(children);
  const question = p.read();
  children.push(question);
  const whenTrue = parseExpressionOrSkip(p, flags, T.ternaryTrue);
  children.push(whenTrue);
  if (whenTrue.kind !== 'Skipped' && whenTrue.kind !== 'Missing' && p.peekPastNewLines().kind === K.Colon) {
    p.pushNewLines(children);
  }
  const colon = p.at(K.Colon)
    ? p.read()
    : p.attempt(
        () => p.expect(K.Colon, 'Expected the ":" character at this location.'),
        T.afterOperand,
        isMissing(whenTrue) ? F.suppressErrors : 0,
      );
  children.push(colon);
  const whenFalse = parseExpressionOrSkip(p, flags, T.afterOperand, isMissing(colon) ? F.suppressErrors : 0);
  children.push(whenFalse);
  return {
    kind: 'Ternary',
    start: condition.start,
    end: whenFalse.end,
    children,
    condition,
    question,
    whenTrue,
    colon,
    whenFalse,
  };
}

function parseBinary(p: Parser, flags: number, minimum: number): Expression {
  let left = parseUnary(p, flags);
  for (;;) {
    const operator = p.current;
    const level = precedence[operator.kind];
    if (level <= minimum) return left;
    p.read();
    const from = p.pos;
    const errorCount = p.errors.length;
    let right: Expression;
    try {
      right = parseBinary(p, flags, level);
    } catch (failure) {
      right = p.recover(failure, from, errorCount, T.afterOperand);
    }
    const end = right.kind === 'Missing' ? operator.end : right.end;
    left = { kind: 'Binary', start: left.start, end, children: [left, operator, right], left, operator, right };
  }
}

function parseUnary(p: Parser, flags: number): Expression {
  const operator = p.current;
  if (operator.kind !== K.Exclamation && operator.kind !== K.Minus) return parseMember(p, flags);
  p.read();
  const from = p.pos;
  const errorCount = p.errors.length;
  let operand: Expression;
  try {
    operand = parseMember(p, flags);
  } catch (failure) {
    operand = p.recover(failure, from, errorCount, T.afterOperand);
  }
  const end = operand.kind === 'Missing' ? operator.end : operand.end;
  return { kind: 'Unary', start: operator.start, end, children: [operator, operand], operator, operand };
}

function parseMember(p: Parser, flags: number): Expression {
  let base = parsePrimary(p, flags);
  for (;;) {
    switch (p.current.kind) {
      case K.LeftSquare: {
        const open = p.read();
        const safe = p.at(K.Question) ? p.read() : undefined;
        const fromEnd = p.at(K.Hat) ? p.read() : undefined;
        const index: Expression = p.at(K.RightSquare)
          ? p.missing('An empty indexer is not allowed. Specify a valid expression.')
          : parseExpression(p, flags);
        const close = p.expect(K.RightSquare, 'Expected the "]" character at this location.');
        const children: Child[] = [base, open];
        if (safe) children.push(safe);
        if (fromEnd) children.push(fromEnd);
        children.push(index, close);
        base = {
          kind: 'ArrayAccess',
          start: base.start,
          end: close.end,
          children,
          base,
          open,
          safe,
          fromEnd,
          index,
          close,
        };
        continue;
      }
      case K.Dot:
        base = parseDotAccess(p, flags, base);
        continue;
      case K.DoubleColon: {
        const doubleColon = p.read();
        const name = p.at(K.Identifier) ? p.read() : p.missing(expectedMemberName);
        const end = isMissing(name) ? doubleColon.end : name.end;
        base = {
          kind: 'ResourceAccess',
          start: base.start,
          end,
          children: [base, doubleColon, name],
          base,
          doubleColon,
          name,
        };
        continue;
      }
      case K.Exclamation: {
        const bang = p.read();
        base = { kind: 'NonNullAssertion', start: base.start, end: bang.end, children: [base, bang], base, bang };
        continue;
      }
      default:
        return base;
    }
  }
}

function parseDotAccess(p: Parser, flags: number, base: Expression): Expression {
  const dot = p.read();
  const safe = p.at(K.Question) ? p.read() : undefined;
  const name = p.at(K.Identifier) ? p.read() : p.missing(expectedMemberName);
  if (p.at(K.LeftParen) && name.kind === K.Identifier) {
    if (safe) p.error(safe.start, safe.end, 'The safe-access operator is not permitted on instance function calls.');
    return parseInstanceFunctionCall(p, flags, base, dot, safe, name);
  }
  const children: Child[] = safe ? [base, dot, safe, name] : [base, dot, name];
  const end = isMissing(name) ? (safe ?? dot).end : name.end;
  return { kind: 'PropertyAccess', start: base.start, end, children, base, dot, safe, name };
}

function parsePrimary(p: Parser, flags: number): Expression {
  switch (p.current.kind) {
    case K.Integer:
    case K.NullKeyword:
    case K.TrueKeyword:
    case K.FalseKeyword:
      return parseLiteral(p);
    case K.StringComplete:
    case K.StringLeftPiece:
      return parseString(p);
    case K.LeftBrace:
      if ((flags & F.allowComplexLiterals) === 0)
        return p.fail('Object and array literals are not permitted at this location.');
      return parseObject(p, flags);
    case K.LeftSquare:
      if ((flags & F.allowComplexLiterals) === 0)
        return p.fail('Object and array literals are not permitted at this location.');
      return startsForExpression(p) ? parseForExpression(p, flags, false) : parseArray(p);
    case K.LeftParen:
      return parseParenthesizedOrLambda(p, flags);
    case K.Identifier:
      return parseIdentifierExpression(p, flags);
    default:
      return p.fail(unrecognizedExpression);
  }
}

function startsForExpression(p: Parser): boolean {
  let i = 1;
  while (p.peek(i).kind === K.NewLine) i++;
  return p.isKeyword(p.peek(i), 'for');
}

function parseIdentifierExpression(p: Parser, flags: number): Expression {
  const name = p.read();
  if (p.at(K.LeftParen)) return parseFunctionCall(p, flags, name);
  if (p.at(K.Arrow)) return parseLambdaRest(p, name, [name]);
  return { kind: 'VariableAccess', start: name.start, end: name.end, children: [name], name };
}
