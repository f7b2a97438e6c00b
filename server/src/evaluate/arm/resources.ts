// Evaluates an ARM resource object into ResourceDecls: full type and name (a nested child's composed
// with its parent's), canonical id, condition, `copy` loop, `existing`, scope, location, body and
// properties with the range of every value; then its nested children. Nested deployments go to nested.ts.
// Invariants: one declaration per instance of a loop of at most `maxExpandedInstances` known iterations,
// else one with its count (or 'unknown'); `range` is the `"type"` value; `propertyRanges` paths are those
// of the Bicep side (`properties.subnets[0].properties.addressPrefix`); a resource whose type cannot be
// known declares nothing.
import type { Node } from 'jsonc-parser';
import type { ArmResource } from '../../syntax/arm';
import { armLiteralString } from '../../syntax/arm';
import { deploymentsType, instanceIn, multiplyCounts, type PropertyRange } from '../declaration';
import type { RangeRecorder } from './expressions';
import { withInlineChildIds } from '../inline-children';
import { childResourceId, resourceIdAt } from '../resource-id';
import { unreadValue, wantedKeys, type Projection } from '../projection';
import { and, concatStrings, isObject, makeObject, Unknown, withOrigin, type Tri, type Value } from '../value';
import { armLimits, type Env } from './input';
import { membersOf, spanOf } from './json-members';
import { evaluateDeploymentInstance } from './nested';
import { resourceBase } from './resource-scope';
import type { ArmTemplateEvaluator } from './template';

/** What a nested child inherits from its parent instance. */
export interface ParentInstance {
  readonly type: string;
  readonly id: Value;
  readonly name: Value;
  /** The scope id the parent's id is built on. */
  readonly base: Value;
  readonly condition: Tri;
  readonly count: number | 'unknown';
  readonly instance: number | undefined;
}

/** Resource keywords that are not part of the resource's body. */
const notBody = new Set([
  'type',
  'apiversion',
  'name',
  'resources',
  'copy',
  'dependson',
  'condition',
  'existing',
  'scope',
  'comments',
  'subscriptionid',
  'resourcegroup',
]);
/** Body keys read under their usual spelling whatever their case in the file. */
const canonicalKeys: Readonly<Record<string, string>> = {
  properties: 'properties',
  location: 'location',
  tags: 'tags',
  sku: 'sku',
  kind: 'kind',
};
const lowerDeploymentsType = deploymentsType.toLowerCase();

interface Shape {
  readonly type: string;
  /** Whether the own type is relative to the parent's (`subnets` under a VNet). */
  readonly relative: boolean;
}

/** Evaluates a resource (every instance of its loop) and its children; returns its value (an array for an expanded loop). */
export function evaluateResource(
  t: ArmTemplateEvaluator,
  resource: ArmResource,
  parent: ParentInstance | undefined,
  env: Env,
): Value {
  const ownType = armLiteralString(resource.type) ?? stringOr(t.expressions.value(resource.type, env));
  if (ownType === undefined || ownType === '') return t.expressions.positional('resource-type', resource.type.offset);
  const relative = !ownType.split('/')[0].includes('.');
  if (relative && !parent) return t.expressions.positional('resource-type', resource.type.offset);
  const shape: Shape = { type: relative ? `${parent!.type}/${ownType}` : ownType, relative };

  const loop = resource.copy;
  if (!loop) return evaluateInstance(t, resource, shape, parent, env, undefined, 1);
  const count = loop.count ? t.expressions.value(loop.count, env) : undefined;
  const loopName = loop.name ? armLiteralString(loop.name)?.toLowerCase() : undefined;
  const bind = (index: Value): Env => {
    const copy = new Map(env.copy).set('', index);
    if (loopName !== undefined) copy.set(loopName, index);
    return { ...env, copy };
  };
  const known = typeof count === 'number' && Number.isInteger(count) && count >= 0;
  const unknownIndex = () => bind(new Unknown(t.keyed(`copyIndex@${t.file.uri}:${loop.node.offset}`)));
  if (count === 0 && shape.type.toLowerCase() !== lowerDeploymentsType) {
    // No instance, but the count may be a caller's choice (`length(parameters('links'))` of a default
    // []): one instance that is off, which the caller choices may open (engine/caller-choices.ts). Not
    // for a nested deployment: opening a module's every empty loop would evaluate it again for nothing.
    evaluateInstance(t, resource, shape, parent, unknownIndex(), undefined, 'unknown', true);
    return [];
  }
  if (known && count <= armLimits.maxExpandedInstances) {
    return Array.from({ length: count }, (_, index) =>
      evaluateInstance(t, resource, shape, parent, bind(index), index, count),
    );
  }
  if (known) t.budget.clock?.noteCollapsedLoop(t.location(loop.node), count);
  evaluateInstance(t, resource, shape, parent, unknownIndex(), undefined, known ? count : 'unknown');
  return new Unknown(t.keyed(`resource:${t.file.uri}@${resource.type.offset}[]`));
}

function evaluateInstance(
  t: ArmTemplateEvaluator,
  resource: ArmResource,
  shape: Shape,
  parent: ParentInstance | undefined,
  env: Env,
  index: number | undefined,
  loopCount: number | 'unknown',
  off = false,
): Value {
  const input = t.input;
  const ev = t.expressions;
  const conditionValue = off || !resource.condition ? true : ev.value(resource.condition, env);
  const condition = off
    ? false
    : and(
        parent?.condition ?? input.condition,
        conditionValue === true ? true : conditionValue === false ? false : 'unknown',
      );
  const count = multiplyCounts(parent?.count ?? input.count, loopCount);
  // A nested child is an instance of its parent's (none of a parent's loop not expanded).
  const instance = instanceIn(parent ?? input, resource.copy !== undefined, index);
  const ownName = resource.name ? ev.value(resource.name, env) : ev.positional('name', resource.node.offset);
  const name = parent && shape.relative ? concatStrings([parent.name, '/', ownName]) : ownName;
  const symbol = resource.symbolicName;
  const key = t.keyed(
    `resource:${t.file.uri}#${symbol ?? `@${resource.type.offset}`}${index === undefined ? '' : `[${index}]`}`,
  );
  const orderName = orderNodeName(resource);
  const orderEntry = (id: Value) =>
    t.order.entries.push({
      name: orderName,
      fullName: name,
      type: shape.type,
      id,
      symbol,
      copyName: resource.copy?.name ? armLiteralString(resource.copy.name)?.toLowerCase() : undefined,
      dependsOn: resource.dependsOn ? ev.value(resource.dependsOn, env) : [],
      parent: resource.parent && orderNodeName(resource.parent),
      implicitDependencies: implicitDependencyQuery(t.file.text, resource.node.offset, resource.node.length),
    });

  if (shape.type.toLowerCase() === lowerDeploymentsType) {
    orderEntry(null);
    return evaluateDeploymentInstance(t, resource, env, {
      name,
      condition,
      count,
      instance,
      key: key.replace(/^resource:/, 'deployment:'),
      orderName,
    });
  }

  const base = parent ? parent.base : resourceBase(ev, resource.node, env, input.scope);
  let id = resourceIdAt(base, shape.type, name);
  if (id instanceof Unknown && parent && shape.relative && !shape.type.slice(parent.type.length + 1).includes('/')) {
    id = childResourceId(parent.id, shape.type, ownName);
  }

  orderEntry(id);
  const ranges = new Map<string, PropertyRange>();
  const record: RangeRecorder = (path, node, usedAt, givenAt) =>
    ranges.set(path, usedAt ? { ...spanOf(node), usedAt } : givenAt ? { ...spanOf(node), givenAt } : spanOf(node));
  if (resource.name) record('name', resource.name);
  const existing = resource.existing !== undefined && ev.value(resource.existing, env) === true;
  // A type the model reads in part (a private-link target) is evaluated in part, as in Bicep.
  const projection = existing ? undefined : input.neededProperties?.(shape.type);
  const fields: [string, Value][] = [['name', ownName]];
  for (const member of membersOf(resource.node)) {
    const lower = member.key.toLowerCase();
    if (notBody.has(lower)) continue;
    const path = canonicalKeys[lower] ?? member.key;
    if (projection && path !== 'location' && path !== 'properties') continue;
    record(path, member.value);
    fields.push([
      path,
      projection && path === 'properties'
        ? projectedProperties(t, member.value, env, record, { keys: projection, unread: `${key}.properties` })
        : ev.value(member.value, env, record, path),
    ]);
  }
  const body = makeObject(fields);
  const declared = body.properties ?? makeObject([]);
  const properties =
    existing || !isObject(declared) ? new Unknown(`${key}.properties`) : withInlineChildIds(shape.type, id, declared);
  const apiVersion = resource.apiVersion ? stringOr(ev.value(resource.apiVersion, env)) : undefined;

  input.sink.push({
    uri: t.file.uri,
    language: 'arm',
    ...(symbol === undefined ? {} : { symbol }),
    type: shape.type,
    ...(apiVersion === undefined ? {} : { apiVersion }),
    name,
    id,
    ...(body.location === undefined ? {} : { location: body.location }),
    properties,
    body: Object.fromEntries(fields.filter(([field]) => field !== 'properties')),
    existing,
    condition,
    count,
    ...(instance === undefined ? {} : { instance }),
    range: spanOf(resource.type),
    propertyRanges: ranges,
    via: input.via,
    order: { frame: t.order, name: orderName },
  });

  const inherited: ParentInstance = { type: shape.type, id, name, base, condition, count, instance };
  for (const child of resource.children) evaluateResource(t, child, inherited, env);
  return withOrigin(
    makeObject([
      ['id', id],
      ['name', ownName],
      ['type', shape.type],
      ['apiVersion', apiVersion ?? null],
      ['properties', isObject(properties) ? withOrigin(properties, `${key}.properties`) : properties],
    ]),
    key,
  );
}

/**
 * Only the `properties` keys a projection names are evaluated, each recorded under `properties.<key>`;
 * the others hold unknowns (`{unread}.{key}`), so a reader still sees that they are written. Where
 * the keys are not plain members (an expression, a property `copy` loop) the whole object is evaluated.
 */
function projectedProperties(
  t: ArmTemplateEvaluator,
  node: Node,
  env: Env,
  record: (path: string, node: Node) => void,
  projection: Projection,
): Value {
  const members = membersOf(node);
  if (node.type !== 'object' || members.some((member) => member.key.toLowerCase() === 'copy'))
    return t.expressions.value(node, env, record, 'properties');
  const wanted = wantedKeys(projection);
  const kept: [string, Value][] = [];
  for (const member of members) {
    const path = `properties.${member.key}`;
    record(path, member.value);
    kept.push([
      member.key,
      wanted.has(member.key.toLowerCase())
        ? t.expressions.value(member.value, env, record, path)
        : unreadValue(projection, member.key),
    ]);
  }
  return makeObject(kept);
}

/**
 * ARM makes `reference()` and `list*()` of a resource in the same template an implicit dependency.
 * Which resource such a call names is not recorded, so a resource whose text makes one has an order
 * the model cannot read (a false "not ordered" would be a false alarm). Asked only when a rule reads the
 * order, once per resource however many copies it has.
 */
/**
 * Whether the resource's text calls reference() or list*(), asked only when a rule reads the order.
 * Made here, apart from evaluateInstance, so the query holds the text and a span only: models keep
 * it as long as their deployment, and the evaluator and JSON tree must not live that long.
 */
function implicitDependencyQuery(text: string, offset: number, length: number): () => boolean {
  let calls: boolean | undefined;
  return () => (calls ??= /\b(?:reference|list[a-z]*)\s*\(/i.test(text.slice(offset, offset + length)));
}

/** A resource's node in its template's deployment order: its symbolic name, else its place. */
function orderNodeName(resource: ArmResource): string {
  return resource.symbolicName ?? `@${resource.node.offset}`;
}

function stringOr(value: Value): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
