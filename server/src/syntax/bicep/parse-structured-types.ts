// Structured types: object types `{ @decorators… key: T, *: T }` and tuple types `[@decorators… T, U]`.
// Their member types are read by the type-expression parser that parse-types.ts hands in (`parseMember`),
// so this module needs not import the module above it.
// Invariant: a member that fails is skipped up to the end of its element, never past the closer.
import type { Bad, Child } from './nodes';
import type {
  ObjectType,
  ObjectTypeAdditionalProperties,
  ObjectTypeProperty,
  TupleType,
  TupleTypeItem,
  TypeExpression,
} from './nodes-types';
import { parseDecorators } from './parse-decorators';
import { lastEnd } from './parse-common';
import { parseElements } from './parse-bracketed';
import { parseColon, parsePropertyKey } from './parse-literals';
import { isToken, type Parser, suppressAfter } from './parser-state';
import { Terminators } from './terminators';
import { TokenKind } from './token';

const K = TokenKind;
const T = Terminators;

/** Reads one type expression (parse-types.ts parseTypeExpression). */
export type MemberTypeParser = (p: Parser) => TypeExpression;

export function parseObjectType(p: Parser, parseMember: MemberTypeParser): ObjectType {
  const open = p.read();
  const children: Child[] = [open];
  const members: (ObjectTypeProperty | ObjectTypeAdditionalProperties | Bad)[] = [];
  const close = parseElements(p, K.RightBrace, parseObjectTypeMember, parseMember, children, members);
  return { kind: 'ObjectType', start: open.start, end: lastEnd(children), children, open, members, close };
}

function parseObjectTypeMember(
  p: Parser,
  parseMember: MemberTypeParser,
): ObjectTypeProperty | ObjectTypeAdditionalProperties {
  const children: Child[] = [];
  const decorators = parseDecorators(p, children);
  const key = p.attempt(
    () => (p.at(K.Asterisk) ? p.read() : parsePropertyKey(p, 'Expected a property name or "*" at this location.')),
    T.objectKey,
  );
  const colon = parseColon(p, key);
  const value = parseMemberOrSkip(p, parseMember, suppressAfter(colon));
  children.push(key, colon, value);
  const start = children[0].start;
  const end = lastEnd(children);
  if (isToken(key) && key.kind === K.Asterisk) {
    return { kind: 'ObjectTypeAdditionalProperties', start, end, children, decorators, asterisk: key, colon, value };
  }
  return { kind: 'ObjectTypeProperty', start, end, children, decorators, key, colon, value };
}

function parseMemberOrSkip(p: Parser, parseMember: MemberTypeParser, options: number): TypeExpression {
  const from = p.pos;
  const errorCount = p.errors.length;
  try {
    return parseMember(p);
  } catch (failure) {
    return p.recover(failure, from, errorCount, T.objectElement, options);
  }
}

export function parseTupleType(p: Parser, parseMember: MemberTypeParser): TupleType {
  const open = p.read();
  const children: Child[] = [open];
  const items: (TupleTypeItem | Bad)[] = [];
  const close = parseElements(p, K.RightSquare, parseTupleItem, parseMember, children, items);
  return { kind: 'TupleType', start: open.start, end: lastEnd(children), children, open, items, close };
}

function parseTupleItem(p: Parser, parseMember: MemberTypeParser): TupleTypeItem | Bad {
  return p.attempt((): TupleTypeItem => {
    const children: Child[] = [];
    const decorators = parseDecorators(p, children);
    const value = parseMember(p);
    children.push(value);
    return { kind: 'TupleTypeItem', start: children[0].start, end: value.end, children, decorators, value };
  }, T.arrayElement);
}
