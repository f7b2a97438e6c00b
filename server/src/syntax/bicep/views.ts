// Typed views over the tree for later layers: top-level declarations, resource and module parts,
// object property lookup, decorators. Views never throw and return undefined for any part that is
// missing or broken, so callers can branch early (`const name = nameOf(decl); if (!name) return;`).
import type {
  Bad,
  Expression,
  ForExpression,
  IfCondition,
  ObjectExpression,
  ObjectProperty,
  StringLiteral,
} from './nodes';
import type {
  Declaration,
  DeclarationBody,
  Decorator,
  ModuleDeclaration,
  ResourceDeclaration,
  SourceFile,
} from './nodes-declarations';
import { stringValue } from './strings';
import { Token, TokenKind } from './token';

/** The well-formed top-level declarations of a file, in order (broken lines are left out). */
export function declarations(tree: SourceFile): Declaration[] {
  const result: Declaration[] = [];
  for (const statement of tree.statements) {
    if (statement.kind !== 'Skipped' && statement.kind !== 'Missing' && statement.kind !== 'MissingDeclaration') {
      result.push(statement);
    }
  }
  return result;
}

/** A token slot's token, or undefined when the slot holds a Missing/Skipped node. */
export function present(slot: Token | Bad | undefined): Token | undefined {
  return slot instanceof Token ? slot : undefined;
}

/** The declared name (`param x`, `resource x …`), or undefined when absent. */
export function nameOf(declaration: { readonly name?: Token | Bad }): Token | undefined {
  const name = present(declaration.name);
  return name && name.kind === TokenKind.Identifier ? name : undefined;
}

/** The value of a string slot without interpolation (a resource type, a module path…). */
export function literalString(slot: StringLiteral | Token | Bad | Expression | undefined): string | undefined {
  return slot && !(slot instanceof Token) && slot.kind === 'String' ? stringValue(slot) : undefined;
}

/** The parts of a resource or module value: `{…}`, `if (c) {…}`, `[for … : {…}]` or `[for …: if (c) {…}]`. */
export interface BodyParts {
  /** The object literal of the body, if well formed. */
  readonly object: ObjectExpression | undefined;
  /** The `if` condition (inside the loop, for a conditional loop body). */
  readonly condition: Expression | undefined;
  readonly loop: ForExpression | undefined;
}

export function bodyParts(value: DeclarationBody | undefined): BodyParts {
  let loop: ForExpression | undefined;
  let current: DeclarationBody | IfCondition | undefined = value;
  if (current?.kind === 'For') {
    loop = current;
    current = current.body;
  }
  let condition: Expression | undefined;
  if (current?.kind === 'IfCondition') {
    const parenthesized = current.condition;
    condition = parenthesized.kind === 'Parenthesized' ? parenthesized.expression : undefined;
    current = current.body;
  }
  const object = current?.kind === 'Object' ? current : undefined;
  return { object, condition, loop };
}

export interface ResourceView extends BodyParts {
  readonly declaration: ResourceDeclaration;
  readonly name: Token | undefined;
  /** The type string, e.g. `Microsoft.Network/virtualNetworks@2024-05-01`. */
  readonly type: string | undefined;
  readonly existing: boolean;
  readonly decorators: readonly Decorator[];
  /** Child resources declared inside the body. */
  readonly children: readonly ResourceDeclaration[];
}

// The views are made for every resource and module instance evaluated: their parts are written out,
// not spread (an object spread costs more than the rest of the view).
export function resourceView(declaration: ResourceDeclaration): ResourceView {
  const parts = bodyParts(declaration.value);
  return {
    object: parts.object,
    condition: parts.condition,
    loop: parts.loop,
    declaration,
    name: nameOf(declaration),
    type: literalString(declaration.type),
    existing: declaration.existing !== undefined,
    decorators: declaration.decorators,
    children: parts.object ? nestedResources(parts.object) : [],
  };
}

export interface ModuleView extends BodyParts {
  readonly declaration: ModuleDeclaration;
  readonly name: Token | undefined;
  /** `./network.bicep`, `br:…`, `br/public:…` or `ts:…`. */
  readonly path: string | undefined;
  readonly decorators: readonly Decorator[];
}

export function moduleView(declaration: ModuleDeclaration): ModuleView {
  const parts = bodyParts(declaration.value);
  return {
    object: parts.object,
    condition: parts.condition,
    loop: parts.loop,
    declaration,
    name: nameOf(declaration),
    path: literalString(declaration.path),
    decorators: declaration.decorators,
  };
}

/** Splits `Microsoft.Network/virtualNetworks/subnets@2024-05-01` into type and API version. */
export function splitResourceType(typeString: string): { type: string; apiVersion: string | undefined } {
  const at = typeString.indexOf('@');
  return at < 0
    ? { type: typeString, apiVersion: undefined }
    : { type: typeString.slice(0, at), apiVersion: typeString.slice(at + 1) };
}

/** The well-formed `key: value` members of an object, in order. */
export function objectProperties(object: ObjectExpression): ObjectProperty[] {
  const result: ObjectProperty[] = [];
  for (const member of object.members) if (member.kind === 'ObjectProperty') result.push(member);
  return result;
}

/** Whether every member of an object is a `key: value` property with a literal key (no spread, no computed key). */
export function isPlainObject(object: ObjectExpression): boolean {
  return object.members.every((member) => member.kind === 'ObjectProperty' && propertyKey(member) !== undefined);
}

/** A property's key as text (identifier or non-interpolated string). */
export function propertyKey(property: ObjectProperty): string | undefined {
  const key = property.key;
  if (key instanceof Token) return key.kind === TokenKind.Identifier ? key.text : undefined;
  return literalString(key);
}

/**
 * The last property named `key` (ARM keeps the last of duplicates). Matching ignores case by
 * default, as ARM property names do.
 */
export function findProperty(
  object: ObjectExpression,
  key: string,
  options: { ignoreCase?: boolean } = {},
): ObjectProperty | undefined {
  const ignoreCase = options.ignoreCase ?? true;
  const wanted = ignoreCase ? key.toLowerCase() : key;
  let found: ObjectProperty | undefined;
  for (const member of object.members) {
    if (member.kind !== 'ObjectProperty') continue;
    const name = propertyKey(member);
    if (name !== undefined && (ignoreCase ? name.toLowerCase() : name) === wanted) found = member;
  }
  return found;
}

/** The value at a property path through nested object literals, e.g. ['properties', 'subnet', 'id']. */
export function propertyValue(object: ObjectExpression, path: readonly string[]): Expression | undefined {
  let current: Expression = object;
  for (const key of path) {
    if (current.kind !== 'Object') return undefined;
    const property = findProperty(current, key);
    if (!property || property.value.kind === 'Missing' || property.value.kind === 'Skipped') return undefined;
    current = property.value;
  }
  return current;
}

/** Child resources declared directly inside a resource body. */
export function nestedResources(object: ObjectExpression): ResourceDeclaration[] {
  const result: ResourceDeclaration[] = [];
  for (const member of object.members) if (member.kind === 'ResourceDeclaration') result.push(member);
  return result;
}

/** A decorator's name with its namespace, e.g. `description` or `sys.description`. */
export function decoratorName(decorator: Decorator): string | undefined {
  const expression = decorator.expression;
  switch (expression.kind) {
    case 'FunctionCall':
    case 'VariableAccess':
      return expression.name.text;
    case 'InstanceFunctionCall':
    case 'PropertyAccess': {
      const name = present(expression.name);
      const base = expression.base;
      if (!name || base.kind !== 'VariableAccess') return undefined;
      return `${base.name.text}.${name.text}`;
    }
    default:
      return undefined;
  }
}

/** The decorator named `name` (matching `name` and `sys.name`/`az.name`), if present. */
export function findDecorator(
  declaration: { readonly decorators: readonly Decorator[] },
  name: string,
): Decorator | undefined {
  return declaration.decorators.find((decorator) => {
    const full = decoratorName(decorator);
    return (
      full === name ||
      (full !== undefined && full.endsWith(`.${name}`) && full.indexOf('.') === full.length - name.length - 1)
    );
  });
}

/** A decorator's arguments (empty for `@name` without parentheses). */
export function decoratorArguments(decorator: Decorator): readonly Expression[] {
  const expression = decorator.expression;
  return expression.kind === 'FunctionCall' || expression.kind === 'InstanceFunctionCall' ? expression.arguments : [];
}
