// Literal and compound expressions: numbers, booleans, null, strings with interpolation, objects,
// arrays, spreads, `[for …]` loops and `if (…) {…}` conditions.
// Element lists follow Bicep: items are separated by one comma or by line breaks, never both (a line
// break right after a comma is an error in objects and arrays). An unclosed list ends at a top-level
// declaration keyword in column 0, so it cannot swallow the declarations after it.
import type {
  ArrayExpression,
  Bad,
  Child,
  Expression,
  ForExpression,
  IfCondition,
  ObjectExpression,
  ObjectMember,
  Spread,
  StringLiteral,
  VariableBlock,
} from './nodes';
import { parseElements } from './parse-bracketed';
import { lastEnd } from './parse-common';
import { parseParenthesized, parseParenthesizedList, variableBlock } from './parse-parentheses';
import { isMissing, isToken, type Parser, ParseFlags, skipped, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { type KindSet, type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const F = ParseFlags;
const allowComplexLiterals = F.allowComplexLiterals;

const noExpressions: readonly Expression[] = Object.freeze([]);

export function parseLiteral(p: Parser): Expression {
  const token = p.read();
  const children = [token];
  switch (token.kind) {
    case K.TrueKeyword:
    case K.FalseKeyword:
      return {
        kind: 'Boolean',
        start: token.start,
        end: token.end,
        children,
        token,
        value: token.kind === K.TrueKeyword,
      };
    case K.NullKeyword:
      return { kind: 'Null', start: token.start, end: token.end, children, token };
    default:
      // Bicep reads integer literals as unsigned 64-bit numbers.
      if (token.end - token.start > 20 || (token.end - token.start === 20 && token.text > '18446744073709551615')) {
        p.fail('The integer is too large.', token);
      }
      return { kind: 'Integer', start: token.start, end: token.end, children, token };
  }
}

/** A string, possibly interpolated; an interpolation broken by a line break or EOF is Skipped. */
export function parseString(p: Parser): StringLiteral | Bad {
  const first = p.read();
  if (first.kind === K.StringComplete) {
    const only = [first]; // one array serves as both children and tokens (neither is mutated later)
    return {
      kind: 'String',
      start: first.start,
      end: first.end,
      children: only,
      tokens: only,
      expressions: noExpressions,
    };
  }
  const children: Child[] = [first];
  const tokens: Token[] = [first];
  const expressions: Expression[] = [];
  for (;;) {
    let hole = p.grammar.expressionOrSkip(p, 0, T.interpolationHole);
    if (!p.at(K.StringMiddlePiece) && !p.at(K.StringRightPiece) && !p.at(K.NewLine) && !p.atEnd()) {
      const from = p.pos;
      const token = p.current;
      p.synchronize(from, undefined, T.interpolationHole, 0);
      p.error(token.start, p.tokens[p.pos - 1].end, 'Unexpected tokens in the interpolation hole.');
      hole = skipped([hole, ...p.tokens.slice(from, p.pos)]);
    }
    children.push(hole);
    expressions.push(hole);
    if (p.at(K.StringMiddlePiece) || p.at(K.StringRightPiece)) {
      const piece = p.read();
      children.push(piece);
      tokens.push(piece);
      if (piece.kind === K.StringRightPiece) {
        return { kind: 'String', start: first.start, end: piece.end, children, tokens, expressions };
      }
      continue;
    }
    // A line break (already reported by the lexer) or the end of the file inside a hole.
    if (p.atEnd()) p.error(p.current.start, p.current.start, 'The string interpolation is not terminated.');
    return skipped(children);
  }
}

export function parseObject(p: Parser, flags: number): ObjectExpression {
  const open = p.read();
  const children: Child[] = [open];
  const members: ObjectMember[] = [];
  const close = parseElements(p, K.RightBrace, parseObjectMember, flags, children, members);
  return { kind: 'Object', start: open.start, end: lastEnd(children), children, open, members, close };
}

/** An object that must stand here (a test's body, a `with` clause), recovering at the line end. */
export function parseRequiredObject(p: Parser, options: number): ObjectExpression | Bad {
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    if (!p.at(K.LeftBrace)) p.fail('Expected the "{" character at this location.');
    return parseObject(p, allowComplexLiterals);
  } catch (failure) {
    return p.recover(failure, from, errorCount, T.lineEnd, options);
  }
}

function parseObjectMember(p: Parser, flags: number): ObjectMember {
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    if (
      (flags & F.allowResourceDeclarations) !== 0 &&
      (p.at(K.At) || (p.atKeyword('resource') && p.peek().kind === K.Identifier))
    ) {
      return p.grammar.declaration(p, true) as ObjectMember;
    }
    if (p.at(K.Ellipsis)) return parseSpread(p, T.objectSpread);
    let key: Token | StringLiteral | Bad;
    if (p.at(K.Identifier)) {
      key = p.read();
    } else {
      const keyFrom = p.pos;
      const keyErrors = p.errors.length;
      try {
        key = parsePropertyKey(p);
      } catch (failure) {
        key = p.recover(failure, keyFrom, keyErrors, T.objectKey);
      }
    }
    const colon = parseColon(p, key);
    const value = p.grammar.expressionOrSkip(p, allowComplexLiterals, T.objectElement, suppressAfter(colon));
    const children = [key, colon, value];
    return { kind: 'ObjectProperty', start: key.start, end: lastEnd(children), children, key, colon, value };
  } catch (failure) {
    return p.recover(failure, from, errorCount, T.objectElement);
  }
}

/** An object (or object type) property name: an identifier or a string. */
export function parsePropertyKey(
  p: Parser,
  message = 'Expected a property name at this location.',
): Token | StringLiteral {
  return p.at(K.Identifier) ? p.read() : expectString(p, message, false);
}

/**
 * A string literal, or a failure with `message`. Like Bicep, a token that is no string makes the
 * failure swallow the rest of the line (`module m = {` loses its `= {`), so errors match the compiler.
 */
export function expectString(p: Parser, message: string, swallowLine = true): StringLiteral {
  const token = p.current;
  if (token.kind === K.StringComplete || token.kind === K.StringLeftPiece) {
    const value = parseString(p);
    if (value.kind === 'String') return value;
  } else if (swallowLine) {
    p.synchronize(p.pos, undefined, T.interpolationHole, 0);
  }
  return p.fail(message, token);
}

/** The `:` after an object or object type member's key (missing: reported, the element skipped). */
export function parseColon(p: Parser, key: { kind: unknown }): Token | Bad {
  if (p.at(K.Colon)) return p.read();
  return p.attempt(
    () => p.expect(K.Colon, 'Expected the ":" character at this location.'),
    T.objectElement,
    suppressAfter(key),
  );
}

export function parseArray(p: Parser): ArrayExpression {
  const open = p.read();
  const children: Child[] = [open];
  const items: (Expression | Spread)[] = [];
  const close = parseElements(p, K.RightSquare, parseArrayItem, undefined, children, items);
  return { kind: 'Array', start: open.start, end: lastEnd(children), children, open, items, close };
}

function parseArrayItem(p: Parser): Expression | Spread {
  if (p.at(K.Ellipsis)) {
    const from = p.pos;
    const errorCount = p.errors.length;
    try {
      return parseSpread(p, T.arraySpread);
    } catch (failure) {
      return p.recover(failure, from, errorCount, T.arrayElement);
    }
  }
  return p.grammar.expressionOrSkip(p, allowComplexLiterals, T.arrayElement);
}

function parseSpread(p: Parser, terminators: KindSet): Spread {
  const ellipsis = p.read();
  const expression = p.grammar.expressionOrSkip(p, allowComplexLiterals, terminators);
  const children = [ellipsis, expression];
  return { kind: 'Spread', start: ellipsis.start, end: lastEnd(children), children, ellipsis, expression };
}

/** `[for x in list: body]`; in a resource or module value the body is an object or `if`. */
export function parseForExpression(p: Parser, flags: number, resourceContext: boolean): ForExpression {
  const open = p.read();
  const children: Child[] = [open];
  p.pushNewLines(children);
  const keyword = p.expectKeyword('for');
  children.push(keyword);
  let variable: Token | VariableBlock | Bad;
  if (p.at(K.Identifier)) variable = p.read();
  else if (p.at(K.LeftParen)) variable = parseLoopVariables(p);
  else variable = p.missing('Expected a loop item variable identifier or "(" at this location.');
  const variableBroken = !isToken(variable) && variable.kind !== 'VariableBlock';
  const inKeyword = p.attempt(() => p.expectKeyword('in'), T.forClause, variableBroken ? 1 : 0);
  const iterable = p.grammar.expressionOrSkip(p, allowComplexLiterals, T.forIterable, suppressAfter(inKeyword));
  const colon = p.attempt(
    () => p.expect(K.Colon, 'Expected the ":" character at this location.'),
    T.forClause,
    suppressAfter(iterable),
  );
  const body = p.attempt(() => parseForBody(p, flags, resourceContext), T.forClause, suppressAfter(colon));
  children.push(variable, inKeyword, iterable, colon, body);
  if (body.kind !== 'Skipped' && body.kind !== 'Missing') p.pushNewLines(children);
  let close: Token | Bad = p.attempt(
    () => p.expect(K.RightSquare, 'Expected the "]" character at this location.'),
    T.forClause,
    suppressAfter(body),
  );
  if (close.kind === 'Skipped' && p.at(K.RightSquare)) {
    children.push(close);
    close = p.read();
  }
  children.push(close);
  return {
    kind: 'For',
    start: open.start,
    end: lastEnd(children),
    children,
    open,
    keyword,
    variable,
    inKeyword,
    iterable,
    colon,
    body,
    close,
  };
}

function parseLoopVariables(p: Parser): VariableBlock | Bad {
  const list = parseParenthesizedList(p, () => p.grammar.expression(p, 0), false);
  const errorCount = p.errors.length;
  const block = variableBlock(p, list);
  if (block.variables.length !== 2 && p.errors.length === errorCount && !block.variables.some(isMissing)) {
    p.error(
      block.start,
      block.end,
      'Expected loop variable block to consist of exactly 2 elements (item variable and index variable).',
    );
    return skipped([block]);
  }
  return block;
}

function parseForBody(p: Parser, flags: number, resourceContext: boolean): Expression | IfCondition {
  if (!resourceContext) return p.grammar.expression(p, flags | allowComplexLiterals);
  if (p.at(K.LeftBrace)) return parseObject(p, flags);
  if (p.atKeyword('if')) return parseIfCondition(p, flags, true);
  return p.fail('Expected the "{" character or the "if" keyword at this location.');
}

/** `if (condition) { body }`. */
export function parseIfCondition(p: Parser, flags: number, insideFor: boolean): IfCondition {
  const keyword = p.read();
  const condition = p.attempt(
    () => parseParenthesized(p, flags & ~F.allowResourceDeclarations),
    insideFor ? T.ifConditionInFor : T.ifCondition,
  );
  const conditionBroken =
    condition.kind !== 'Parenthesized' || condition.close.kind === 'Skipped' || condition.close.kind === 'Missing';
  const body = p.attempt(
    () => (p.at(K.LeftBrace) ? parseObject(p, flags) : p.fail('Expected the "{" character at this location.')),
    insideFor ? T.forClause : T.lineEnd,
    conditionBroken ? F.suppressErrors : 0,
  );
  const children = [keyword, condition, body];
  return { kind: 'IfCondition', start: keyword.start, end: lastEnd(children), children, keyword, condition, body };
}
