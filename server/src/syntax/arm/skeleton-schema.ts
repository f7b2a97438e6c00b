// The structural shape of ARM files that the views rely on, as one JSON Schema (skeleton-definition.ts)
// compiled by ajv at build time (generated/skeleton-validators.ts: no code is generated at run time).
// Invariants: a part that fails its check is left out of the views with a reason, never half-read; only the
// shape we depend on is checked (ARM Tools reports the rest); checks see a shallow projection of the part
// (only what the schema looks at, keys lower-cased), so a check costs the size of the shape, not of the part.
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import * as generated from './generated/skeleton-validators';
import { skeleton } from './skeleton-definition';

export type SkeletonPart = keyof typeof skeleton.definitions;

const partNames: Readonly<Record<SkeletonPart, string>> = {
  template: 'template',
  parameter: 'parameter',
  variableCopy: 'variable copy loop',
  functionNamespace: 'function namespace',
  functionMember: 'function',
  resource: 'resource',
  deploymentProperties: 'deployment properties',
  output: 'output',
  parameterFile: 'parameter file',
  parameterValue: 'parameter value',
  deploymentParameterValue: 'parameter value',
};

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
// One validator per part, exported under the part's name by scripts/write-validators.ts.
const validators = generated as unknown as Record<SkeletonPart, Validate>;

/** One shape problem of a part: where (the jsonc node at fault) and why. */
export interface SkeletonProblem {
  readonly node: Node;
  /** The lower-cased keyword at the part's top the problem is under, if any (e.g. `resources`). */
  readonly keyword: string | undefined;
  readonly reason: string;
}

/** The shape problems of `node` read as `part`; empty when it has the shape we rely on. */
export function checkPart(part: SkeletonPart, node: Node): SkeletonProblem[] {
  const validate = validators[part];
  if (validate(project(node, shapes[part]))) return [];
  return (validate.errors ?? []).map((error) => toProblem(part, node, error));
}

function toProblem(part: SkeletonPart, node: Node, error: ErrorObject): SkeletonProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = nodeAtPath(node, path) ?? node;
  const where = path.length === 0 ? '' : ` '${path.join('.')}'`;
  return {
    node: at,
    keyword: path[0],
    reason: `${partNames[part]}${where} ${error.message ?? 'has an unexpected shape'}`,
  };
}

/** The node at a path of lower-cased keys and indexes (as `project` wrote them). */
function nodeAtPath(node: Node, path: readonly string[]): Node | undefined {
  let current: Node | undefined = node;
  for (const segment of path) {
    if (current === undefined) return undefined;
    if (current.type === 'array') {
      current = current.children?.[Number(segment)];
    } else {
      let next: Node | undefined;
      for (const property of current.children ?? []) {
        if (String(property.children?.[0]?.value).toLowerCase() === segment) next = property.children?.[1];
      }
      current = next;
    }
  }
  return current;
}

/** What `project` keeps of a value: the keys and items a schema looks at. */
interface Shape {
  readonly properties: ReadonlyMap<string, Shape> | undefined;
  /** Indexed by key length: whether some kept key has it (the rest are passed over unread). */
  readonly lengths: readonly boolean[];
  readonly items: Shape | undefined;
}

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
}

function shapeOf(schema: SchemaNode | undefined): Shape | undefined {
  if (schema === undefined) return undefined;
  const properties =
    schema.properties === undefined
      ? undefined
      : new Map(Object.entries(schema.properties).map(([key, child]) => [key, shapeOf(child) ?? leaf]));
  const lengths: boolean[] = [];
  for (const key of properties?.keys() ?? []) lengths[key.length] = true;
  return { properties, lengths, items: shapeOf(schema.items) };
}

const leaf: Shape = { properties: undefined, lengths: [], items: undefined };
const shapes = Object.fromEntries(
  Object.entries(skeleton.definitions).map(([part, schema]) => [part, shapeOf(schema as SchemaNode) ?? leaf]),
) as Record<SkeletonPart, Shape>;

/**
 * The plain value of `node` as far as `shape` looks into it: object keys lower-cased and kept only when
 * the shape names them, array items kept only when the shape describes them; other containers empty.
 */
function project(node: Node, shape: Shape): unknown {
  switch (node.type) {
    case 'object': {
      // Only keys the schema names are kept, so no key such as `__proto__` reaches the object.
      const value: Record<string, unknown> = {};
      const properties = shape.properties;
      if (properties === undefined) return value;
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        const member = property.children?.[1];
        if (key === undefined || member === undefined) continue;
        const name = String(key.value);
        if (shape.lengths[name.length] !== true) continue;
        const lower = name.toLowerCase();
        const child = properties.get(lower);
        if (child !== undefined) value[lower] = project(member, child);
      }
      return value;
    }
    case 'array': {
      const items = shape.items;
      return items === undefined ? [] : (node.children ?? []).map((child) => project(child, items));
    }
    default:
      return node.value;
  }
}
