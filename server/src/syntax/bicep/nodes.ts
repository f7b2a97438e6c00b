// Syntax-tree node shapes (part 1): the common base, error nodes and expressions.
// Invariants: every node lists all its tokens and sub-nodes in `children`, in text order, so walking
// children visits every token of the file exactly once (the tree is lossless). Named fields point at
// the same objects as `children`. `start`/`end` exclude the trivia of the first and last token.
// A required part that is absent is a zero-width `Missing` node; tokens the parser could not use are
// kept in a `Skipped` node. Both carry no message: errors live in `BicepParseResult.errors`.
import type { Token } from './token';
import type { Decorator, Node, ResourceDeclaration } from './nodes-declarations';
import type { TypeExpression } from './nodes-types';

export type Child = Node | Token;

export interface NodeBase {
  readonly start: number;
  readonly end: number;
  readonly children: readonly Child[];
}

/** A required part that is absent (zero width, at the position where it was expected). */
export interface Missing extends NodeBase {
  readonly kind: 'Missing';
}

/** Tokens (and partial nodes) that the parser skipped to recover from an error. */
export interface Skipped extends NodeBase {
  readonly kind: 'Skipped';
}

/** What a slot holds when its syntax is broken. */
export type Bad = Missing | Skipped;

/**
 * A string literal: `'a'`, `'a${b}c'`, `'''verbatim'''`, or `$'''multi ${x} line'''`.
 * `tokens` are the string pieces; `expressions[i]` sits between `tokens[i]` and `tokens[i + 1]`.
 * Decode with `stringValue`/`stringSegments` (strings.ts).
 */
export interface StringLiteral extends NodeBase {
  readonly kind: 'String';
  readonly tokens: readonly Token[];
  readonly expressions: readonly Expression[];
}

export interface IntegerLiteral extends NodeBase {
  readonly kind: 'Integer';
  readonly token: Token;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: 'Boolean';
  readonly token: Token;
  readonly value: boolean;
}

export interface NullLiteral extends NodeBase {
  readonly kind: 'Null';
  readonly token: Token;
}

/** `{ … }`. Members are separated by commas or new lines (both are in `children`). */
export interface ObjectExpression extends NodeBase {
  readonly kind: 'Object';
  readonly open: Token;
  readonly members: readonly ObjectMember[];
  readonly close: Token | Missing;
}

/** A nested child resource may sit among the properties of a resource body. */
export type ObjectMember = ObjectProperty | Spread | ResourceDeclaration | Bad;

export interface ObjectProperty extends NodeBase {
  readonly kind: 'ObjectProperty';
  /** An Identifier token or a string; read it with `propertyKey` (views.ts). */
  readonly key: Token | StringLiteral | Bad;
  readonly colon: Token | Bad;
  readonly value: Expression;
}

export interface ArrayExpression extends NodeBase {
  readonly kind: 'Array';
  readonly open: Token;
  readonly items: readonly (Expression | Spread)[];
  readonly close: Token | Missing;
}

/** `...expr` inside an object or array. */
export interface Spread extends NodeBase {
  readonly kind: 'Spread';
  readonly ellipsis: Token;
  readonly expression: Expression;
}

/** `[for item in list: body]` or `[for (item, index) in list: body]`. */
export interface ForExpression extends NodeBase {
  readonly kind: 'For';
  readonly open: Token;
  readonly keyword: Token;
  /** The item variable (an Identifier token) or an `(item, index)` block. */
  readonly variable: Token | VariableBlock | Bad;
  readonly inKeyword: Token | Bad;
  readonly iterable: Expression;
  readonly colon: Token | Bad;
  /** Any expression; in resource and module loops an object or an `if` condition. */
  readonly body: Expression | IfCondition;
  readonly close: Token | Bad;
}

/** `(a, b)`: loop or lambda variables; each variable is an Identifier token. */
export interface VariableBlock extends NodeBase {
  readonly kind: 'VariableBlock';
  readonly open: Token;
  readonly variables: readonly (Token | Bad)[];
  readonly close: Token | Bad;
}

/** `if (condition) { … }`: the body of a conditional resource or module. */
export interface IfCondition extends NodeBase {
  readonly kind: 'IfCondition';
  readonly keyword: Token;
  readonly condition: ParenthesizedExpression | Bad;
  readonly body: ObjectExpression | Bad;
}

export interface VariableAccess extends NodeBase {
  readonly kind: 'VariableAccess';
  readonly name: Token;
}

/** `name(args)`. */
export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  readonly name: Token;
  readonly open: Token;
  readonly arguments: readonly Expression[];
  readonly close: Token | Missing;
}

/** `base.name(args)`: namespaced calls (`az.resourceGroup()`, `sys.concat()`) and resource methods. */
export interface InstanceFunctionCall extends NodeBase {
  readonly kind: 'InstanceFunctionCall';
  readonly base: Expression;
  readonly dot: Token;
  readonly name: Token | Bad;
  readonly open: Token;
  readonly arguments: readonly Expression[];
  readonly close: Token | Missing;
}

/** `base.name` or, with `safe` (the `?` of `.?`), `base.?name`. */
export interface PropertyAccess extends NodeBase {
  readonly kind: 'PropertyAccess';
  readonly base: Expression;
  readonly dot: Token;
  readonly safe: Token | undefined;
  readonly name: Token | Bad;
}

/** `base[index]`, `base[?index]` (safe) or `base[^index]` (from the end). */
export interface ArrayAccess extends NodeBase {
  readonly kind: 'ArrayAccess';
  readonly base: Expression;
  readonly open: Token;
  readonly safe: Token | undefined;
  readonly fromEnd: Token | undefined;
  readonly index: Expression;
  readonly close: Token | Missing;
}

/** `parent::child`: a nested resource reached through its parent. */
export interface ResourceAccess extends NodeBase {
  readonly kind: 'ResourceAccess';
  readonly base: Expression;
  readonly doubleColon: Token;
  readonly name: Token | Bad;
}

/** `expr!`. */
export interface NonNullAssertion extends NodeBase {
  readonly kind: 'NonNullAssertion';
  readonly base: Expression;
  readonly bang: Token;
}

/** `!expr` or `-expr`. */
export interface UnaryExpression extends NodeBase {
  readonly kind: 'Unary';
  readonly operator: Token;
  readonly operand: Expression;
}

export interface BinaryExpression extends NodeBase {
  readonly kind: 'Binary';
  readonly left: Expression;
  readonly operator: Token;
  readonly right: Expression;
}

export interface TernaryExpression extends NodeBase {
  readonly kind: 'Ternary';
  readonly condition: Expression;
  readonly question: Token;
  readonly whenTrue: Expression;
  readonly colon: Token | Bad;
  readonly whenFalse: Expression;
}

export interface ParenthesizedExpression extends NodeBase {
  readonly kind: 'Parenthesized';
  readonly open: Token;
  readonly expression: Expression;
  readonly close: Token | Bad;
}

/** `x => body`, `(a, b) => body` or `() => body`. */
export interface LambdaExpression extends NodeBase {
  readonly kind: 'Lambda';
  readonly parameters: Token | VariableBlock;
  readonly arrow: Token;
  readonly body: Expression;
}

/** The `(a string, b int) string => body` part of a `func` declaration. */
export interface TypedLambda extends NodeBase {
  readonly kind: 'TypedLambda';
  readonly parameters: TypedVariableBlock;
  readonly returnType: TypeExpression;
  readonly arrow: Token | Bad;
  readonly body: Expression;
}

export interface TypedVariableBlock extends NodeBase {
  readonly kind: 'TypedVariableBlock';
  readonly open: Token;
  readonly parameters: readonly (TypedLocalVariable | Bad)[];
  readonly close: Token | Bad;
}

export interface TypedLocalVariable extends NodeBase {
  readonly kind: 'TypedLocalVariable';
  readonly name: Token | Missing;
  readonly type: TypeExpression;
}

export type Expression =
  | StringLiteral
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | ObjectExpression
  | ArrayExpression
  | ForExpression
  | VariableAccess
  | FunctionCall
  | InstanceFunctionCall
  | PropertyAccess
  | ArrayAccess
  | ResourceAccess
  | NonNullAssertion
  | UnaryExpression
  | BinaryExpression
  | TernaryExpression
  | ParenthesizedExpression
  | LambdaExpression
  | Missing
  | Skipped;

/** Nodes that only appear inside other nodes (never as a value on their own). */
export type ExpressionPart =
  | ObjectProperty
  | Spread
  | VariableBlock
  | IfCondition
  | TypedLambda
  | TypedVariableBlock
  | TypedLocalVariable
  | Decorator;
