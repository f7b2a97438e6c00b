// Run-time reader of the generated `types.json` (bicep-types format): which resource types and API versions
// the project declares, and the shape, enum values and flags of a property path at one of those versions.
// Invariants: answers only for declared (type, version) pairs, `undefined` otherwise (never the nearest
// version); type names compare case-insensitively; paths are dotted, arrays are stepped through implicitly
// (`properties.subnets.properties.x`; `[]`, `[*]` or `[0]` after a segment are accepted and ignored).
import { readTypesJson, TypeBaseKind, type BicepType, type TypeReference } from '@azure/bicep-types';
import typesJson from './generated/types.json';

export type PropertyKind = 'string' | 'bool' | 'int' | 'enum' | 'array' | 'object' | 'other';

export interface PropertyInfo {
  readonly kind: PropertyKind;
  /** Enum values (kind `enum`), in declaration order. */
  readonly values: readonly string[];
  /** An enum that also admits any string. */
  readonly open: boolean;
  /** bicep-types property flags (1 Required, 2 ReadOnly, 4 WriteOnly, 8 DeployTimeConstant, 16 Identifier). */
  readonly flags: number;
}

interface Loaded {
  readonly types: BicepType[];
  /** `type@version` lower-case → body reference. */
  readonly bodies: Map<string, TypeReference>;
  /** type lower-case → declared versions, ascending. */
  readonly versions: Map<string, string[]>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const types = readTypesJson(JSON.stringify(typesJson));
  const bodies = new Map<string, TypeReference>();
  const versions = new Map<string, string[]>();
  for (const type of types) {
    if (type.type !== TypeBaseKind.ResourceType) continue;
    const [name = '', version = ''] = type.name.split('@');
    bodies.set(`${name}@${version}`.toLowerCase(), type.body);
    versions.set(name.toLowerCase(), [...(versions.get(name.toLowerCase()) ?? []), version].sort());
  }
  return (loaded = { types, bodies, versions });
}

/** API versions declared for a type, ascending; empty when the type is not declared. */
export function declaredApiVersions(resourceType: string): readonly string[] {
  return load().versions.get(resourceType.toLowerCase()) ?? [];
}

/** Whether `type@apiVersion` is declared. */
export function isDeclared(resourceType: string, apiVersion: string): boolean {
  return load().bodies.has(`${resourceType}@${apiVersion}`.toLowerCase());
}

/** The declared property at `path`, or `undefined` when the version is not declared or the path is absent. */
export function propertyInfo(resourceType: string, apiVersion: string, path: string): PropertyInfo | undefined {
  const { types, bodies } = load();
  let ref = bodies.get(`${resourceType}@${apiVersion}`.toLowerCase());
  let flags = 0;
  for (const segment of path.split('.').map((s) => s.replace(/\[[^\]]*\]$/, ''))) {
    if (!ref) return undefined;
    let type = types[ref.index];
    while (type?.type === TypeBaseKind.ArrayType) type = types[type.itemType.index];
    if (type?.type !== TypeBaseKind.ObjectType) return undefined;
    const property = type.properties[segment];
    if (!property) return undefined;
    flags = property.flags;
    ref = property.type;
  }
  return ref && describe(types, ref, flags);
}

/** Whether `path` exists at a declared version; `undefined` when the version is not declared. */
export function hasProperty(resourceType: string, apiVersion: string, path: string): boolean | undefined {
  if (!isDeclared(resourceType, apiVersion)) return undefined;
  return propertyInfo(resourceType, apiVersion, path) !== undefined;
}

/** The enum of `path` at a declared version, or `undefined` when it is not an enum there. */
export function enumValues(
  resourceType: string,
  apiVersion: string,
  path: string,
): { values: readonly string[]; open: boolean } | undefined {
  const info = propertyInfo(resourceType, apiVersion, path);
  return info?.kind === 'enum' ? { values: info.values, open: info.open } : undefined;
}

function describe(types: BicepType[], ref: TypeReference, flags: number): PropertyInfo {
  const type = types[ref.index];
  const simple = (kind: PropertyKind): PropertyInfo => ({ kind, values: [], open: false, flags });
  switch (type?.type) {
    case TypeBaseKind.StringType:
      return simple('string');
    case TypeBaseKind.BooleanType:
      return simple('bool');
    case TypeBaseKind.IntegerType:
      return simple('int');
    case TypeBaseKind.ArrayType:
      return simple('array');
    case TypeBaseKind.ObjectType:
      return simple('object');
    case TypeBaseKind.StringLiteralType:
      return { kind: 'enum', values: [type.value], open: false, flags };
    case TypeBaseKind.UnionType: {
      const members = type.elements.map((e) => types[e.index]);
      const values = members.flatMap((m) => (m?.type === TypeBaseKind.StringLiteralType ? [m.value] : []));
      const open = members.some((m) => m?.type === TypeBaseKind.StringType);
      return values.length + (open ? 1 : 0) === members.length
        ? { kind: 'enum', values, open, flags }
        : simple('other');
    }
    default:
      return simple('other');
  }
}
