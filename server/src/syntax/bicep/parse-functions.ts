// User-defined functions: `func name(a type, b type) returnType => body`, whose parameters are typed
// local variables and whose body is an expression that may start on the next line.
// Invariant: each part (a parameter, the return type, the arrow, the body) recovers on its own, so one
// broken part yields one error.
import type { Child, Expression, TypedLambda, TypedLocalVariable } from './nodes';
import type { Declaration } from './nodes-declarations';
import type { TypeExpression } from './nodes-types';
import { lastEnd, parseName, readKeyword } from './parse-common';
import { parseExpression } from './parse-expressions';
import { parseParenthesizedList, startsDeclaration } from './parse-parentheses';
import { parseType } from './parse-types';
import { type Parser, ParseFlags, type Start, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { TokenKind } from './token';

const K = TokenKind;
const T = Terminators;
const allowComplexLiterals = ParseFlags.allowComplexLiterals;

export function parseFunction(p: Parser, start: Start): Declaration {
  const children = readKeyword(p, start);
  const name = parseName(p, 'Expected a function identifier at this location.', T.assignmentOrLine);
  const lambda = p.attempt(() => parseTypedLambda(p), T.lineEnd, suppressAfter(name));
  children.push(name, lambda);
  return {
    kind: 'FunctionDeclaration',
    start: children[0].start,
    end: lastEnd(children),
    children,
    decorators: start.decorators,
    keyword: start.keyword,
    name,
    lambda,
  };
}

function parseTypedLambda(p: Parser): TypedLambda {
  const list = parseParenthesizedList(p, () => parseTypedLocalVariable(p), true);
  const parametersChildren: Child[] = [list.open, ...list.inner, list.close];
  const parameters = {
    kind: 'TypedVariableBlock' as const,
    start: list.open.start,
    end: lastEnd(parametersChildren),
    children: parametersChildren,
    open: list.open,
    parameters: list.items,
    close: list.close,
  };
  const returnType: TypeExpression = p.attempt(() => parseType(p, false), T.lambdaBody);
  const arrow = p.attempt(() => p.expect(K.Arrow, 'Expected the "=>" characters at this location.'), T.lambdaBody);
  const children: Child[] = [parameters, returnType, arrow];
  if (arrow.kind === K.Arrow && !startsDeclaration(p, p.peekPastNewLines())) p.pushNewLines(children);
  const body: Expression = p.attempt(() => parseExpression(p, allowComplexLiterals), T.lambdaBody);
  children.push(body);
  return {
    kind: 'TypedLambda',
    start: children[0].start,
    end: lastEnd(children),
    children,
    parameters,
    returnType,
    arrow,
    body,
  };
}

function parseTypedLocalVariable(p: Parser): TypedLocalVariable {
  const name = p.at(K.Identifier) ? p.read() : p.missing('Expected a variable identifier at this location.');
  const type: TypeExpression = p.attempt(() => parseType(p, false), T.typedVariable);
  const children = [name, type];
  return { kind: 'TypedLocalVariable', start: children[0].start, end: lastEnd(children), children, name, type };
}
