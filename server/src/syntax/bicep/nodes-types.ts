// Syntax-tree node shapes (part 2): type expressions, as in `param`, `output`, `type`, typed `var`
// and `func` declarations. Literal types reuse the expression literal nodes (String, Integer…).
// Invariant: same as nodes.ts — `children` holds every token in order; broken parts are Missing/Skipped.
import type { Token } from './token';
import type {
  Bad,
  BooleanLiteral,
  Expression,
  IntegerLiteral,
  Missing,
  NodeBase,
  NullLiteral,
  StringLiteral,
} from './nodes';
import type { Decorator } from './nodes-declarations';

/** A named type: `string`, `myType`, `sys.string` is a TypePropertyAccess on `sys`. */
export interface TypeReference extends NodeBase {
  readonly kind: 'TypeReference';
  readonly name: Token;
}

/** `resourceInput<'Microsoft.Network/virtualNetworks@2024-05-01'>` and friends. */
export interface ParameterizedType extends NodeBase {
  readonly kind: 'ParameterizedType';
  readonly name: Token;
  readonly open: Token;
  readonly arguments: readonly TypeExpression[];
  readonly close: Token | Missing;
}

/** `sys.resourceInput<'…'>`. */
export interface InstanceParameterizedType extends NodeBase {
  readonly kind: 'InstanceParameterizedType';
  readonly base: TypeExpression;
  readonly dot: Token;
  readonly name: Token | Bad;
  readonly open: Token;
  readonly arguments: readonly TypeExpression[];
  readonly close: Token | Missing;
}

/** `base.name`: a property's type (`foo.bar`) or a namespaced type (`sys.string`). */
export interface TypePropertyAccess extends NodeBase {
  readonly kind: 'TypePropertyAccess';
  readonly base: TypeExpression;
  readonly dot: Token;
  readonly name: Token | Bad;
}

/** `base.*`: the type of an object type's additional properties. */
export interface TypeAdditionalPropertiesAccess extends NodeBase {
  readonly kind: 'TypeAdditionalPropertiesAccess';
  readonly base: TypeExpression;
  readonly dot: Token;
  readonly asterisk: Token;
}

/** `base[1]`: a tuple member's type. */
export interface TypeIndexAccess extends NodeBase {
  readonly kind: 'TypeIndexAccess';
  readonly base: TypeExpression;
  readonly open: Token;
  readonly index: Expression;
  readonly close: Token | Missing;
}

/** `base[*]`: an array type's item type. */
export interface TypeItemsAccess extends NodeBase {
  readonly kind: 'TypeItemsAccess';
  readonly base: TypeExpression;
  readonly open: Token;
  readonly asterisk: Token;
  readonly close: Token | Missing;
}

/** `item[]`. */
export interface ArrayType extends NodeBase {
  readonly kind: 'ArrayType';
  readonly item: TypeExpression;
  readonly open: Token;
  readonly close: Token;
}

/** `base?`. */
export interface NullableType extends NodeBase {
  readonly kind: 'NullableType';
  readonly base: TypeExpression;
  readonly question: Token;
}

/** `base!`. */
export interface NonNullableType extends NodeBase {
  readonly kind: 'NonNullableType';
  readonly base: TypeExpression;
  readonly bang: Token;
}

/** `-10` or `!true` as a literal type. */
export interface UnaryType extends NodeBase {
  readonly kind: 'UnaryType';
  readonly operator: Token;
  readonly operand: TypeExpression;
}

/** `'a' | 'b' | 'c'` (a leading `|` and line breaks before `|` are allowed). */
export interface UnionType extends NodeBase {
  readonly kind: 'UnionType';
  readonly members: readonly TypeExpression[];
}

export interface ObjectType extends NodeBase {
  readonly kind: 'ObjectType';
  readonly open: Token;
  readonly members: readonly (ObjectTypeProperty | ObjectTypeAdditionalProperties | Bad)[];
  readonly close: Token | Missing;
}

/** `@decorators… key: type`; `key?: type` is written as a nullable type. */
export interface ObjectTypeProperty extends NodeBase {
  readonly kind: 'ObjectTypeProperty';
  readonly decorators: readonly Decorator[];
  readonly key: Token | StringLiteral | Bad;
  readonly colon: Token | Bad;
  readonly value: TypeExpression;
}

/** `*: type`. */
export interface ObjectTypeAdditionalProperties extends NodeBase {
  readonly kind: 'ObjectTypeAdditionalProperties';
  readonly decorators: readonly Decorator[];
  readonly asterisk: Token;
  readonly colon: Token | Bad;
  readonly value: TypeExpression;
}

/** `[string, int]`. */
export interface TupleType extends NodeBase {
  readonly kind: 'TupleType';
  readonly open: Token;
  readonly items: readonly (TupleTypeItem | Bad)[];
  readonly close: Token | Missing;
}

export interface TupleTypeItem extends NodeBase {
  readonly kind: 'TupleTypeItem';
  readonly decorators: readonly Decorator[];
  readonly value: TypeExpression;
}

export interface ParenthesizedType extends NodeBase {
  readonly kind: 'ParenthesizedType';
  readonly open: Token;
  readonly type: TypeExpression;
  readonly close: Token | Bad;
}

/** `resource 'Microsoft.Network/virtualNetworks@2024-05-01'` as a param/output type. */
export interface ResourceType extends NodeBase {
  readonly kind: 'ResourceType';
  readonly keyword: Token;
  /** Absent for `output x resource = …`. */
  readonly typeString: StringLiteral | Bad | undefined;
}

export type TypeExpression =
  | TypeReference
  | ParameterizedType
  | InstanceParameterizedType
  | TypePropertyAccess
  | TypeAdditionalPropertiesAccess
  | TypeIndexAccess
  | TypeItemsAccess
  | ArrayType
  | NullableType
  | NonNullableType
  | UnaryType
  | UnionType
  | ObjectType
  | TupleType
  | ParenthesizedType
  | ResourceType
  | StringLiteral
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | Bad;

/** Nodes that only appear inside type expressions. */
export type TypePart = ObjectTypeProperty | ObjectTypeAdditionalProperties | TupleTypeItem;
