// Type expressions: names, literal types, unions (`'a' | 'b'`, leading `|`, `|` after a line break),
// nullable `T?`, non-null `T!`, arrays `T[]`, parenthesised types, `resourceInput<'…'>`-style
// parameterised types, type member access (`T.prop`, `T[0]`, `T[*]`, `T.*`) and `resource '…'` types;
// object and tuple types are in parse-structured-types.ts.
// Invariant: recursion passes through parseTypeExpression, which enforces maxDepth.
import type { Bad, Child, Expression, StringLiteral } from './nodes';
import type { TypeExpression } from './nodes-types';
import { type ArgumentList, instanceCallNode, lastEnd } from './parse-common';
import { parseExpression } from './parse-expressions';
import { expectString, parseLiteral, parseString } from './parse-literals';
import { parseObjectType, parseTupleType } from './parse-structured-types';
import { parseParenthesizedList, soleItem } from './parse-parentheses';
import { maxDepth, type Parser } from './parser-state';
import { Terminators } from './terminators';
import { type KindSet, TokenKind } from './token';

const K = TokenKind;
const T = Terminators;

const expectedType =
  'Expected a type at this location. Specify a valid type expression, such as "string", "int", "bool", "object", "array" or "any".';

export const expectedResourceType =
  'Expected a resource type string. Specify a valid resource type of format "<type-name>@<apiVersion>".';

/** A declaration's type: a type expression or `resource '<type>@<version>'`. */
export function parseType(p: Parser, allowOptionalResourceType: boolean): TypeExpression {
  if (!p.atKeyword('resource') || p.peek().kind === K.LessThan) return parseTypeExpression(p);
  const keyword = p.read();
  let typeString: StringLiteral | Bad | undefined;
  if (!allowOptionalResourceType || p.at(K.StringComplete) || p.at(K.StringLeftPiece)) {
    typeString = p.attempt(() => expectString(p, expectedResourceType), T.assignmentOrLine);
  }
  const children: Child[] = typeString ? [keyword, typeString] : [keyword];
  return { kind: 'ResourceType', start: keyword.start, end: lastEnd(children), children, keyword, typeString };
}

/** parseType wrapped in recovery: on failure, the tokens up to a terminator become Skipped. */
export function parseTypeOrSkip(
  p: Parser,
  allowOptionalResourceType: boolean,
  terminators: KindSet,
  options = 0,
): TypeExpression {
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    return parseType(p, allowOptionalResourceType);
  } catch (failure) {
    return p.recover(failure, from, errorCount, terminators, options);
  }
}

export function parseTypeExpression(p: Parser): TypeExpression {
  if (p.depth >= maxDepth) return p.skipTooDeep();
  p.depth++;
  try {
    return parseUnion(p);
  } finally {
    p.depth--;
  }
}

function parseUnion(p: Parser): TypeExpression {
  const children: Child[] = [];
  const leadingPipe = atUnionSeparator(p);
  if (leadingPipe) {
    p.pushNewLines(children);
    children.push(p.read());
  }
  const first = parseUnaryType(p);
  let result: TypeExpression = first;
  if (leadingPipe || atUnionSeparator(p)) {
    const members: TypeExpression[] = [first];
    children.push(first);
    while (atUnionSeparator(p)) {
      p.pushNewLines(children);
      children.push(p.read());
      const member: TypeExpression = p.at(K.NewLine)
        ? p.missing('Expected a type literal at this location.')
        : p.attempt(() => parseUnaryType(p), T.lineEnd);
      children.push(member);
      members.push(member);
    }
    result = { kind: 'UnionType', start: children[0].start, end: lastEnd(children), children, members };
  }
  return result;
}

function atUnionSeparator(p: Parser): boolean {
  return p.at(K.Pipe) || (p.at(K.NewLine) && p.peek().kind === K.Pipe);
}

function parseUnaryType(p: Parser): TypeExpression {
  let type = parseUnaryTypeBase(p);
  for (;;) {
    if (p.at(K.Question)) {
      const question = p.read();
      type = {
        kind: 'NullableType',
        start: type.start,
        end: question.end,
        children: [type, question],
        base: type,
        question,
      };
    } else if (p.at(K.Exclamation)) {
      const bang = p.read();
      type = { kind: 'NonNullableType', start: type.start, end: bang.end, children: [type, bang], base: type, bang };
    } else {
      return type;
    }
  }
}

function parseUnaryTypeBase(p: Parser): TypeExpression {
  if (!p.at(K.Exclamation) && !p.at(K.Minus)) return parseMemberType(p);
  const operator = p.read();
  const operand: TypeExpression = p.attempt(() => parseMemberType(p), T.afterOperand);
  return {
    kind: 'UnaryType',
    start: operator.start,
    end: operand.end,
    children: [operator, operand],
    operator,
    operand,
  };
}

function parseMemberType(p: Parser): TypeExpression {
  let base = parsePrimaryType(p);
  for (;;) {
    if (p.at(K.LeftSquare)) base = parseTypeIndexSuffix(p, base);
    else if (p.at(K.Dot)) base = parseTypeDotSuffix(p, base);
    else return base;
  }
}

/** `T[]`, `T[*]` or `T[index]` after `base`. */
function parseTypeIndexSuffix(p: Parser, base: TypeExpression): TypeExpression {
  const open = p.read();
  if (p.at(K.RightSquare)) {
    const close = p.read();
    return {
      kind: 'ArrayType',
      start: base.start,
      end: close.end,
      children: [base, open, close],
      item: base,
      open,
      close,
    };
  }
  if (p.at(K.Asterisk)) {
    const asterisk = p.read();
    const close = p.expect(K.RightSquare, expectedSquare);
    const children = [base, open, asterisk, close];
    return { kind: 'TypeItemsAccess', start: base.start, end: close.end, children, base, open, asterisk, close };
  }
  const index: Expression = parseExpression(p, 0);
  const close = p.expect(K.RightSquare, expectedSquare);
  const children = [base, open, index, close];
  return { kind: 'TypeIndexAccess', start: base.start, end: close.end, children, base, open, index, close };
}

const expectedSquare = 'Expected the "]" character at this location.';

/** `T.*`, `T.name` or `T.name<…>` after `base`. */
function parseTypeDotSuffix(p: Parser, base: TypeExpression): TypeExpression {
  const dot = p.read();
  if (p.at(K.Asterisk)) {
    const asterisk = p.read();
    const children = [base, dot, asterisk];
    return {
      kind: 'TypeAdditionalPropertiesAccess',
      start: base.start,
      end: asterisk.end,
      children,
      base,
      dot,
      asterisk,
    };
  }
  const name = p.at(K.Identifier) ? p.read() : p.missing('Expected a function or property name at this location.');
  if (p.at(K.LessThan) && name.kind === K.Identifier) {
    const children: Child[] = [base, dot, name];
    return instanceCallNode('InstanceParameterizedType', base, dot, name, children, parseTypeArguments(p, children));
  }
  const end = name.kind === 'Missing' ? dot.end : name.end;
  return { kind: 'TypePropertyAccess', start: base.start, end, children: [base, dot, name], base, dot, name };
}

function parsePrimaryType(p: Parser): TypeExpression {
  const token = p.current;
  switch (token.kind) {
    case K.Integer:
    case K.NullKeyword:
    case K.TrueKeyword:
    case K.FalseKeyword:
      return parseLiteral(p) as TypeExpression;
    case K.StringComplete:
    case K.StringLeftPiece:
      return parseString(p);
    case K.LeftBrace:
      return parseObjectType(p, parseTypeExpression);
    case K.LeftSquare:
      return parseTupleType(p, parseTypeExpression);
    case K.LeftParen:
      return parseParenthesizedType(p);
    case K.Identifier: {
      const name = p.read();
      if (!p.at(K.LessThan)) return { kind: 'TypeReference', start: name.start, end: name.end, children: [name], name };
      const children: Child[] = [name];
      const { open, args, close, end } = parseTypeArguments(p, children);
      return {
        kind: 'ParameterizedType',
        start: name.start,
        end,
        children,
        name,
        open,
        arguments: args,
        close,
      };
    }
    default:
      return p.fail(expectedType);
  }
}

function parseTypeArguments(p: Parser, children: Child[]): ArgumentList<TypeExpression> {
  const open = p.read();
  children.push(open);
  const args: TypeExpression[] = [];
  if (!p.at(K.GreaterThan)) {
    p.pushNewLines(children);
    for (;;) {
      const argument: TypeExpression = p.attempt(() => parseTypeExpression(p), T.typeArgument);
      children.push(argument);
      args.push(argument);
      if (!p.at(K.Comma)) break;
      children.push(p.read());
      p.pushNewLines(children);
    }
    if (p.at(K.NewLine) && p.peekPastNewLines().kind === K.GreaterThan) p.pushNewLines(children);
  }
  const close = p.at(K.GreaterThan) ? p.read() : p.missing('Expected the ">" character at this location.');
  children.push(close);
  return { open, args, close, end: lastEnd(children) };
}

function parseParenthesizedType(p: Parser): TypeExpression {
  const list = parseParenthesizedList(p, () => parseTypeExpression(p), false);
  const { open, close } = list;
  const type = soleItem(p, list);
  const children: Child[] = [open, type, close];
  return { kind: 'ParenthesizedType', start: open.start, end: lastEnd(children), children, open, type, close };
}
