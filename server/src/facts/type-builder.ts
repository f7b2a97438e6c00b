// A small declarative layer over `@azure/bicep-types`' TypeFactory: shapes in, bicep-types `types.json` out.
// Invariants: every resource is declared at one API version per ResourceType (`Type@version`, resource-group
// scope, as the official data has it); structurally equal shapes are written once; an enum is a
// union of string literals, plus `string` when open (as almost every Azure enum is, FACTS §8.1).
import {
  ObjectTypePropertyFlags,
  ScopeType,
  TypeFactory,
  writeTypesJson,
  type BicepType,
  type ObjectTypeProperty,
  type TypeReference,
} from '@azure/bicep-types';

export type Shape =
  | 'string'
  | 'bool'
  | 'int'
  | { readonly enum: readonly string[]; readonly open: boolean }
  | { readonly array: Shape }
  | { readonly object: string; readonly props: Props };

export interface PropSpec {
  readonly shape: Shape;
  /** bicep-types property flags we rely on (a subset of the official ones). */
  readonly flags?: ObjectTypePropertyFlags;
  /** A sentence the official description contains, for facts that rest on it. */
  readonly description?: string;
}

export type Props = Readonly<Record<string, Shape | PropSpec>>;

export interface ResourceDecl {
  readonly type: string;
  readonly apiVersion: string;
  /** Top-level body properties besides `name`, `type` and `apiVersion`, which are always declared. */
  readonly props: Props;
}

export const openEnum = (values: readonly string[]): Shape => ({ enum: values, open: true });
export const closedEnum = (values: readonly string[]): Shape => ({ enum: values, open: false });
export const arrayOf = (item: Shape): Shape => ({ array: item });
export const object = (name: string, props: Props): Shape => ({ object: name, props });
export const idRef: Shape = object('SubResource', { id: 'string' });

const isSpec = (value: Shape | PropSpec): value is PropSpec => typeof value === 'object' && 'shape' in value;

/** Writes declarations into bicep-types type entries. */
export function buildTypes(decls: readonly ResourceDecl[]): BicepType[] {
  const factory = new TypeFactory();
  const cache = new Map<string, TypeReference>();
  const cached = (k: string, make: () => TypeReference) => {
    let ref = cache.get(k);
    if (!ref) cache.set(k, (ref = make()));
    return ref;
  };
  const literal = (value: string) => cached(`lit:${value}`, () => factory.addStringLiteralType(value));
  // Structurally equal shapes share one entry.
  const emit = (shape: Shape): TypeReference => cached(JSON.stringify(shape), () => emitNew(shape));
  const emitNew = (shape: Shape): TypeReference => {
    if (shape === 'string') return factory.addStringType();
    if (shape === 'bool') return factory.addBooleanType();
    if (shape === 'int') return factory.addIntegerType();
    if ('enum' in shape)
      return factory.addUnionType([...shape.enum.map(literal), ...(shape.open ? [factory.addStringType()] : [])]);
    if ('array' in shape) return factory.addArrayType(emit(shape.array));
    return factory.addObjectType(shape.object, emitProps(shape.props));
  };
  const emitProps = (props: Props): Record<string, ObjectTypeProperty> =>
    Object.fromEntries(
      Object.entries(props).map(([name, value]) => {
        const spec = isSpec(value) ? value : { shape: value };
        const property: ObjectTypeProperty = {
          type: emit(spec.shape),
          flags: spec.flags ?? ObjectTypePropertyFlags.None,
        };
        if (spec.description) property.description = spec.description;
        return [name, property];
      }),
    );
  const readOnlyConstant = ObjectTypePropertyFlags.ReadOnly | ObjectTypePropertyFlags.DeployTimeConstant;
  for (const decl of decls) {
    const body = factory.addObjectType(decl.type, {
      name: { type: factory.addStringType(), flags: ObjectTypePropertyFlags.Required },
      type: { type: literal(decl.type), flags: readOnlyConstant },
      apiVersion: { type: literal(decl.apiVersion), flags: readOnlyConstant },
      ...emitProps(decl.props),
    });
    factory.addResourceType(`${decl.type}@${decl.apiVersion}`, body, ScopeType.ResourceGroup, ScopeType.ResourceGroup);
  }
  return factory.types;
}

/** The `types.json` text for declarations, newline-terminated (the build writes exactly this). */
export function typesJsonText(decls: readonly ResourceDecl[]): string {
  return `${writeTypesJson(buildTypes(decls))}\n`;
}
