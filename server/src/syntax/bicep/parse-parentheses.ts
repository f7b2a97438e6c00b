// Parenthesised expressions, lambdas (`x => …`, `(a, b) => …`, `() => …`) and the `( … )` lists
// shared with loop variable blocks, parenthesised types and typed lambda parameters.
// Invariant: a `(` left open at the end of a line does not swallow a column-0 declaration below it.
import type { Bad, Child, Expression, LambdaExpression, ParenthesizedExpression, VariableBlock } from './nodes';
import { lambdaBodyStoppers } from './lexical-rules';
import { lastEnd } from './parse-common';
import { isToken, type Parser, ParseFlags, skipped } from './parser-state';
import { Terminators } from './terminators';
import { type Token, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const F = ParseFlags;

const parenthesesMessage = 'Parentheses must contain exactly one expression.';

export interface ParenthesizedList<T> {
  open: Token;
  /** Items, commas and line breaks between the parentheses. */
  inner: Child[];
  items: (T | Bad)[];
  close: Token | Bad;
}

/** `(item, item…)`, as Bicep parses parentheses, loop variable blocks and typed lambda parameters. */
export function parseParenthesizedList<T extends Child>(
  p: Parser,
  parseItem: () => T,
  permitNewLines: boolean,
): ParenthesizedList<T> {
  const open = p.expect(K.LeftParen, 'Expected the "(" character at this location.');
  const inner: Child[] = [];
  const items: (T | Bad)[] = [];
  const newLines = permitNewLines
    ? () => {
        if (!p.atDeclarationBoundary()) p.pushNewLines(inner);
      }
    : undefined;
  newLines?.();
  while (!p.at(K.RightParen)) {
    const item = p.attempt(parseItem, T.parenItem);
    inner.push(item);
    items.push(item);
    newLines?.();
    if (!p.at(K.Comma)) break;
    inner.push(p.read());
    newLines?.();
  }
  const last = items[items.length - 1];
  const close = p.at(K.RightParen)
    ? p.read()
    : p.attempt(
        () => p.expect(K.RightParen, 'Expected the ")" character at this location.'),
        T.parenClose,
        last && last.kind === 'Missing' ? F.suppressErrors : 0,
      );
  return { open, inner, items, close };
}

export function parseParenthesized(p: Parser, flags: number): ParenthesizedExpression {
  const list = parseParenthesizedList(p, () => p.grammar.expression(p, flags), true);
  return parenthesizedFromList(p, list);
}

/** A `(`: a parenthesised expression, or the parameters of a lambda when `=>` follows. */
export function parseParenthesizedOrLambda(p: Parser, flags: number): Expression {
  const list = parseParenthesizedList(p, () => p.grammar.expression(p, flags), true);
  if (!p.at(K.Arrow)) return parenthesizedFromList(p, list);
  const block = variableBlock(p, list);
  return parseLambdaRest(p, block, [block]);
}

// Bicep counts line breaks inside plain parentheses as items, so `(\n x\n)` is an error (only
// lambda parameter lists may span lines); we report the same.
function parenthesizedFromList(p: Parser, list: ParenthesizedList<Expression>): ParenthesizedExpression {
  const { open, close } = list;
  const expression = soleItem(p, list);
  const children: Child[] = [open, expression, close];
  const end = close.kind === 'Missing' ? lastEnd(children) : close.end;
  return { kind: 'Parenthesized', start: open.start, end, children, open, expression, close };
}

/** What plain parentheses hold: their one item, else a Missing or Skipped node with the error. */
export function soleItem<T extends Child>(p: Parser, list: ParenthesizedList<T>): T | Bad {
  const { open, inner, items } = list;
  if (inner.length === 1 && items.length === 1) return items[0];
  if (inner.length === 0) {
    p.error(open.end, open.end, parenthesesMessage);
    return { kind: 'Missing', start: open.end, end: open.end, children: [] };
  }
  const bad = skipped(inner);
  if (inner.length !== 1) p.error(bad.start, bad.end, parenthesesMessage);
  return bad;
}

// `=> body`, after the parameters (an identifier or a variable block) already in `children`. The body
// may start on a later line, unless that line starts a declaration.
export function parseLambdaRest(p: Parser, parameters: Token | VariableBlock, children: Child[]): LambdaExpression {
  const arrow = p.read();
  children.push(arrow);
  if (!startsDeclaration(p, p.peekPastNewLines())) p.pushNewLines(children);
  const body = p.grammar.expressionOrSkip(p, F.allowComplexLiterals, T.lambdaBody);
  children.push(body);
  return { kind: 'Lambda', start: parameters.start, end: lastEnd(children), children, parameters, arrow, body };
}

export function startsDeclaration(p: Parser, token: Token): boolean {
  return token.kind === K.Identifier && lambdaBodyStoppers.has(p.text.slice(token.start, token.end));
}

/** Turns `(a, b)` parsed as expressions into lambda or loop variables (each must be a bare name). */
export function variableBlock(p: Parser, list: ParenthesizedList<Expression>): VariableBlock {
  const { open, inner, close } = list;
  const variables: (Token | Bad)[] = [];
  const children: Child[] = [open];
  for (const child of inner) {
    if (isToken(child)) {
      children.push(child);
      continue;
    }
    if (child.kind === 'VariableAccess') {
      children.push(child.name);
      variables.push(child.name);
      continue;
    }
    const bad = child.kind === 'Missing' || child.kind === 'Skipped' ? child : skipped([child]);
    if (bad !== child) p.error(child.start, child.end, 'Expected a variable name at this location.');
    children.push(bad);
    variables.push(bad);
  }
  children.push(close);
  const end = close.kind === 'Missing' ? lastEnd(children) : close.end;
  return { kind: 'VariableBlock', start: open.start, end, children, open, variables, close };
}
