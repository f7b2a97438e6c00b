// Syntax-tree node shapes (part 3): decorators, declarations, the source file and the `Node` union.
// Invariant: same as nodes.ts. Every declaration has `decorators` (possibly empty); the `@…` lines
// and the line breaks after them are the declaration's first children.
import type { Token } from './token';
import type {
  Bad,
  Expression,
  ExpressionPart,
  IfCondition,
  Missing,
  NodeBase,
  ObjectExpression,
  StringLiteral,
  TypedLambda,
} from './nodes';
import type { TypeExpression, TypePart } from './nodes-types';

export type BicepLanguage = 'bicep' | 'bicepparam';

/** `@name`, `@name(args)` or `@ns.name(args)`. */
export interface Decorator extends NodeBase {
  readonly kind: 'Decorator';
  readonly at: Token;
  /** A FunctionCall, InstanceFunctionCall, VariableAccess or PropertyAccess (or Bad). */
  readonly expression: Expression;
}

interface DeclarationBase extends NodeBase {
  readonly decorators: readonly Decorator[];
  readonly keyword: Token;
}

export interface TargetScopeDeclaration extends DeclarationBase {
  readonly kind: 'TargetScopeDeclaration';
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

export interface MetadataDeclaration extends DeclarationBase {
  readonly kind: 'MetadataDeclaration';
  readonly name: Token | Bad;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

/** `param name type` with an optional `= default`. */
export interface ParameterDeclaration extends DeclarationBase {
  readonly kind: 'ParameterDeclaration';
  readonly name: Token | Bad;
  readonly type: TypeExpression;
  readonly assignment: Token | undefined;
  /** The default value; undefined when there is none. */
  readonly value: Expression | undefined;
}

/** `param name = value` in a `.bicepparam` file. */
export interface ParameterAssignment extends DeclarationBase {
  readonly kind: 'ParameterAssignment';
  readonly name: Token | Bad;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

/** `var name = value` or the typed form `var name type = value`. */
export interface VariableDeclaration extends DeclarationBase {
  readonly kind: 'VariableDeclaration';
  readonly name: Token | Bad;
  readonly type: TypeExpression | undefined;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

export interface OutputDeclaration extends DeclarationBase {
  readonly kind: 'OutputDeclaration';
  readonly name: Token | Bad;
  readonly type: TypeExpression;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

/** The value of a resource or module: an object, `if (…) {…}` or a `[for …]` loop. */
export type DeclarationBody = ObjectExpression | IfCondition | Expression;

export interface ResourceDeclaration extends DeclarationBase {
  readonly kind: 'ResourceDeclaration';
  readonly name: Token | Bad;
  readonly type: StringLiteral | Bad;
  readonly existing: Token | undefined;
  readonly assignment: Token | Bad;
  readonly value: DeclarationBody;
}

export interface ModuleDeclaration extends DeclarationBase {
  readonly kind: 'ModuleDeclaration';
  readonly name: Token | Bad;
  readonly path: StringLiteral | Bad;
  readonly assignment: Token | Bad;
  readonly value: DeclarationBody;
}

/** `test name 'path' = { … }` (Bicep's experimental test framework). */
export interface TestDeclaration extends DeclarationBase {
  readonly kind: 'TestDeclaration';
  readonly name: Token | Bad;
  readonly path: StringLiteral | Bad;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

export interface TypeDeclaration extends DeclarationBase {
  readonly kind: 'TypeDeclaration';
  readonly name: Token | Bad;
  readonly assignment: Token | Bad;
  readonly value: TypeExpression;
}

export interface FunctionDeclaration extends DeclarationBase {
  readonly kind: 'FunctionDeclaration';
  readonly name: Token | Bad;
  readonly lambda: TypedLambda | Bad;
}

export interface AssertDeclaration extends DeclarationBase {
  readonly kind: 'AssertDeclaration';
  readonly name: Token | Bad;
  readonly assignment: Token | Bad;
  readonly value: Expression;
}

/** `import {a, b as c} from 'x'` or `import * as ns from 'x'`. */
export interface ImportDeclaration extends DeclarationBase {
  readonly kind: 'ImportDeclaration';
  readonly clause: ImportedSymbols | WildcardImport | Bad;
  readonly from: ImportFromClause | Bad;
}

export interface ImportedSymbols extends NodeBase {
  readonly kind: 'ImportedSymbols';
  readonly open: Token;
  readonly items: readonly (ImportedSymbol | Bad)[];
  readonly close: Token | Missing;
}

/** `name` or `name as alias` (the name may be a string: `'not-an-identifier' as alias`). */
export interface ImportedSymbol extends NodeBase {
  readonly kind: 'ImportedSymbol';
  readonly name: Token | StringLiteral;
  readonly alias: AliasClause | undefined;
}

export interface WildcardImport extends NodeBase {
  readonly kind: 'WildcardImport';
  readonly asterisk: Token;
  readonly alias: AliasClause | Bad;
}

export interface AliasClause extends NodeBase {
  readonly kind: 'AliasClause';
  readonly keyword: Token;
  readonly name: Token | Bad;
}

export interface ImportFromClause extends NodeBase {
  readonly kind: 'ImportFromClause';
  readonly keyword: Token;
  readonly path: StringLiteral | Bad;
}

/**
 * `extension az`, `extension 'br:…' with {…} as alias`; also the legacy forms `import 'az@1.0.0'`
 * and `provider 'microsoftGraph@1.0.0'` (`keyword` tells which).
 */
export interface ExtensionDeclaration extends DeclarationBase {
  readonly kind: 'ExtensionDeclaration';
  readonly specification: Token | StringLiteral | Bad;
  readonly withClause: WithClause | Bad | undefined;
  readonly asClause: AliasClause | Bad | undefined;
}

export interface WithClause extends NodeBase {
  readonly kind: 'WithClause';
  readonly keyword: Token;
  readonly value: ObjectExpression | Bad;
}

/** `extensionConfig alias with { … }` in a `.bicepparam` file. */
export interface ExtensionConfigAssignment extends DeclarationBase {
  readonly kind: 'ExtensionConfigAssignment';
  readonly alias: Token | Bad;
  readonly withClause: WithClause | Bad;
}

/** `using './main.bicep'`, `using none`, optionally `with { … }` (`.bicepparam`). */
export interface UsingDeclaration extends DeclarationBase {
  readonly kind: 'UsingDeclaration';
  /** A string, or the `none` Identifier token. */
  readonly path: StringLiteral | Token | Bad;
  readonly withClause: WithClause | Bad | undefined;
}

/** `extends './base.bicepparam'` (`.bicepparam`). */
export interface ExtendsDeclaration extends DeclarationBase {
  readonly kind: 'ExtendsDeclaration';
  readonly path: StringLiteral | Bad;
}

/** Decorators with no declaration after them. */
export interface MissingDeclaration extends NodeBase {
  readonly kind: 'MissingDeclaration';
  readonly decorators: readonly Decorator[];
}

export type Declaration =
  | TargetScopeDeclaration
  | MetadataDeclaration
  | ParameterDeclaration
  | ParameterAssignment
  | VariableDeclaration
  | OutputDeclaration
  | ResourceDeclaration
  | ModuleDeclaration
  | TestDeclaration
  | TypeDeclaration
  | FunctionDeclaration
  | AssertDeclaration
  | ImportDeclaration
  | ExtensionDeclaration
  | ExtensionConfigAssignment
  | UsingDeclaration
  | ExtendsDeclaration;

export interface SourceFile extends NodeBase {
  readonly kind: 'SourceFile';
  readonly language: BicepLanguage;
  /** Top-level declarations and unparseable lines, in order (line-break tokens are only in children). */
  readonly statements: readonly (Declaration | MissingDeclaration | Missing | Bad)[];
  readonly endOfFile: Token;
  /** Every token of the file in order (the same objects as in the tree), for offset lookups. */
  readonly tokens: readonly Token[];
  /** The parsed text. */
  readonly text: string;
}

export type DeclarationPart =
  ImportedSymbols | ImportedSymbol | WildcardImport | AliasClause | ImportFromClause | WithClause;

export type Node =
  | SourceFile
  | Declaration
  | MissingDeclaration
  | DeclarationPart
  | Expression
  | ExpressionPart
  | TypeExpression
  | TypePart;

export type NodeKind = Node['kind'];
