// Evaluates a Bicep `resource` declaration: type, API version, name, id, parent, scope, condition,
// loop, properties with their source ranges, and nested child resources. Pushes one ResourceDecl
// per instance (a loop over unknown items gives one with an unknown count) and returns the value
// other expressions see (`vnet.id`, `vnet.properties.subnets[0].id`). A type the model reads in part
// evaluates the keys it reads (engine/network-types-read.ts); one nothing reads, met only through a
// reference, gives a value whose keys are evaluated when a reference reads them.
import {
  isPlainObject,
  objectProperties,
  present,
  propertyKey,
  resourceView,
  splitResourceType,
  type Expression,
  type ObjectExpression,
  type ResourceDeclaration,
  type ResourceView,
} from '../../syntax/bicep';
import { instanceIn, multiplyCounts, type PropertyRange, type SourceLocation } from '../declaration';
import { lazyObject } from '../lazy';
import { unreadValue, wantedKeys, type Projection } from '../projection';
import { loopArray, sizedByParts } from '../value-size';
import { withInlineChildIds } from '../inline-children';
import { childResourceId, resourceIdAt, scopeId } from '../resource-id';
import {
  concatStrings,
  emptyObjectValue,
  and,
  isArray,
  isObject,
  makeObject,
  Unknown,
  withOrigin,
  type ObjectValue,
  type Value,
} from '../value';
import { loopVariables, type Locals, type RangeRecorder } from './expressions';
import type { BicepFile } from './file-evaluator';

export interface ParentContext {
  type: string;
  id: Value;
  name: Value;
  symbolPath: string;
}

/** Loops with at most this many known items are expanded instance by instance. */
export const maxExpandedInstances = 100;

export function evaluateResource(
  file: BicepFile,
  node: ResourceDeclaration,
  parent: ParentContext | undefined,
  locals: Locals,
): Value {
  const view = resourceView(node);
  const symbol = view.name?.text;
  if (!view.type || !symbol) return file.expressions.positional('resource', node);
  const split = splitResourceType(view.type);
  const type = parent && !split.type.includes('/') ? `${parent.type}/${split.type}` : split.type;
  const symbolPath = parent ? `${parent.symbolPath}::${symbol}` : symbol;
  const input = file.input;
  // Decided once for the declaration, not per instance of a loop.
  const shape: ResourceShape = {
    type,
    apiVersion: split.apiVersion,
    symbol,
    symbolPath,
    parent,
    existing: view.existing,
    // A type no reader needs is evaluated only because something refers to it (an endpoint names an
    // application gateway's id): what places it is evaluated now, the rest when a reference reads it.
    referencedOnly:
      !view.existing &&
      input.needsType !== undefined &&
      !input.needsType(type, false) &&
      view.object !== undefined &&
      isPlainObject(view.object),
    projectionKeys: view.existing ? undefined : input.neededProperties?.(type),
    itemsGivenAt: view.loop && file.expressions.givenItems(view.loop.iterable, locals),
  };

  const instance = (instanceLocals: Locals, index: number | undefined, count: number | 'unknown', off = false): Value =>
    evaluateInstance(file, node, view, shape, instanceLocals, index, count, off);

  let value: Value;
  if (view.loop) {
    const iterable = file.expressions.evaluate(view.loop.iterable, locals);
    const [itemName, indexName] = loopVariables(view.loop);
    const loopKey = file.keyed(`loop@${file.uri}:${view.loop.start}`);
    const unknownItem = () =>
      bind(locals, itemName, new Unknown(`${loopKey}.item`), indexName, new Unknown(`${loopKey}.index`));
    if (isArray(iterable) && iterable.length === 0) {
      // No instance, but the items may be a caller's choice (a parameter defaulting to []): one
      // instance that is off, which the caller choices may open (engine/caller-choices.ts).
      instance(unknownItem(), undefined, 'unknown', true);
      value = loopArray([]);
    } else if (isArray(iterable) && iterable.length <= maxExpandedInstances) {
      value = loopArray(
        iterable.map((item, index) => instance(bind(locals, itemName, item, indexName, index), index, iterable.length)),
      );
    } else {
      if (isArray(iterable)) file.clock?.noteCollapsedLoop(file.location(view.loop), iterable.length);
      instance(unknownItem(), undefined, isArray(iterable) ? iterable.length : 'unknown');
      value = new Unknown(file.keyed(`resource:${file.uri}#${symbolPath}[]`));
    }
  } else {
    value = instance(locals, undefined, 1);
  }
  if (parent) file.recordNested(symbolPath, value);
  return value;
}

function bind(
  locals: Locals,
  itemName: string | undefined,
  item: Value,
  indexName: string | undefined,
  index: Value,
): Locals {
  const inner = new Map(locals);
  if (itemName) inner.set(itemName, item);
  if (indexName) inner.set(indexName, index);
  return inner;
}

interface ResourceShape {
  type: string;
  apiVersion: string | undefined;
  symbol: string;
  symbolPath: string;
  parent: ParentContext | undefined;
  existing: boolean;
  /** Of a type no reader needs, with a plain body: its identity now, its other keys when a reference reads them. */
  referencedOnly: boolean;
  /** The `properties` keys a type read in part evaluates (needed-types.ts neededProperties); all when undefined. */
  projectionKeys: readonly string[] | undefined;
  /** Where a parameter file gives the items the resource loops over, when it does. */
  itemsGivenAt: SourceLocation | undefined;
}

function evaluateInstance(
  file: BicepFile,
  node: ResourceDeclaration,
  view: ResourceView,
  shape: ResourceShape,
  locals: Locals,
  index: number | undefined,
  count: number | 'unknown',
  off: boolean,
): Value {
  const input = file.input;
  const conditionValue = off || !view.condition ? true : file.expressions.evaluate(view.condition, locals);
  const condition = off
    ? false
    : and(input.condition, conditionValue === true ? true : conditionValue === false ? false : 'unknown');

  const ranges = new Map<string, PropertyRange>();
  const record: RangeRecorder = (path, at, usedAt, givenAt, itemsGivenAt) =>
    ranges.set(
      path,
      usedAt
        ? { start: at.start, end: at.end, usedAt }
        : givenAt
          ? { start: at.start, end: at.end, givenAt }
          : itemsGivenAt
            ? { start: at.start, end: at.end, itemsGivenAt }
            : { start: at.start, end: at.end },
    );
  const key = file.keyed(`resource:${file.uri}#${shape.symbolPath}${index === undefined ? '' : `[${index}]`}`);
  const { referencedOnly, projectionKeys } = shape;
  const body = !view.object
    ? makeObject([])
    : referencedOnly
      ? identityFields(file, view.object, locals, record)
      : evaluateBody(
          file,
          view.object,
          locals,
          record,
          projectionKeys && { keys: projectionKeys, unread: `${key}.properties` },
        );
  const fields: ObjectValue = isObject(body) ? body : makeObject([]);
  const ownName = fields.name ?? new Unknown(file.keyed(`name:${file.uri}#${shape.symbolPath}`));

  // The parent: lexical nesting, or `parent:` (a resource value), or none.
  let parent = shape.parent;
  if (!parent && isObject(fields.parent)) {
    const declared = fields.parent;
    parent = {
      type: typeof declared.type === 'string' ? declared.type : '',
      id: declared.id,
      name: declared.name,
      symbolPath: shape.symbolPath,
    };
  }
  // A type without '/' is a child's short type, under its parent's. (A type with none cannot start with
  // `{parent type}/`: no lower-cased comparison is needed to tell.)
  const type = parent && parent.type && !shape.type.includes('/') ? `${parent.type}/${shape.type}` : shape.type;
  const fullName = parent ? concatStrings([parent.name, '/', ownName]) : ownName;
  const id = parent
    ? childResourceId(parent.id, type, ownName)
    : resourceIdAt(isObject(fields.scope) ? fields.scope.id : scopeId(input.scope), type, ownName);

  const properties = shape.existing
    ? withOrigin(makeObject([]), `${key}.properties`)
    : referencedOnly
      ? new Unknown(`${key}.properties`)
      : withInlineChildIds(type, id, fields.properties ?? makeObject([]));
  const own: ResourceFields = {
    id,
    name: ownName,
    type,
    apiVersion: shape.apiVersion ?? null,
    properties: isObject(properties) ? withOrigin(properties, `${key}.properties`) : properties,
  };
  const value = withOrigin(
    referencedOnly
      ? referencedValue(file, view.object as ObjectExpression, locals, record, fields, own, key)
      : resourceValue(fields, own),
    key,
  );

  const nameToken = present(node.name);
  const range: PropertyRange = nameToken
    ? { start: nameToken.start, end: nameToken.end }
    : { start: node.start, end: node.start };
  if (shape.itemsGivenAt) range.itemsGivenAt = shape.itemsGivenAt;
  const instance = instanceIn(input, view.loop !== undefined, index);
  input.sink.push({
    uri: file.uri,
    language: 'bicep',
    symbol: shape.symbolPath,
    type,
    apiVersion: shape.apiVersion,
    name: fullName,
    id,
    location: fields.location,
    properties: isObject(properties) && !shape.existing ? properties : new Unknown(`${key}.properties`),
    body: bodyOf(fields),
    existing: shape.existing,
    condition,
    count: multiplyCounts(input.count, count),
    ...(instance === undefined ? {} : { instance }),
    range,
    propertyRanges: ranges,
    via: input.via,
    order: { frame: file.order, name: shape.symbolPath },
  });

  // An instance that is off has no children to declare (they would not say they are off). The root's
  // name is found only for a resource with children: split('::') on every instance was a third of
  // this function's own time on a one-resource file (issue 16).
  if (!off && view.children.length > 0) {
    const separator = shape.symbolPath.indexOf('::');
    const root = separator < 0 ? shape.symbolPath : shape.symbolPath.slice(0, separator);
    for (const child of view.children) {
      const parent = { type, id, name: fullName, symbolPath: shape.symbolPath };
      file.deferNested(root, () => evaluateResource(file, child, parent, locals));
    }
  }
  return value;
}

/**
 * A declaration's `body`: the evaluated body's keys but `properties`, as an ordinary object. Written
 * key by key (Object.fromEntries over an array of entries was the costliest line of a resource);
 * `__proto__` is defined as data, as Object.fromEntries defined it.
 */
function bodyOf(fields: ObjectValue): Record<string, Value> {
  const body: Record<string, Value> = {};
  for (const key in fields) {
    if (key === 'properties') continue;
    if (key === '__proto__')
      Object.defineProperty(body, key, { value: fields[key], enumerable: true, writable: true, configurable: true });
    else body[key] = fields[key];
  }
  return body;
}

/** Whether a resource's value shows a key of its body: not its properties (an own field, last), parent or scope. */
const showsBodyKey = (key: string) => key !== 'properties' && key !== 'parent' && key !== 'scope';

/** What a resource's value adds to its body, in this order (after the body's own keys, which these replace). */
interface ResourceFields {
  id: Value;
  name: Value;
  type: string;
  apiVersion: string | null;
  properties: Value;
}

/**
 * The value other expressions see: the body's keys but `properties`, `parent` and `scope`, then the
 * resource's own fields. Written into one object (no entry arrays): every evaluated resource makes one.
 */
function resourceValue(body: ObjectValue, own: ResourceFields): ObjectValue {
  const value = makeObject([]) as Record<string, Value>;
  for (const key in body) if (showsBodyKey(key)) value[key] = body[key];
  value.id = own.id;
  value.name = own.name;
  value.type = own.type;
  value.apiVersion = own.apiVersion;
  value.properties = own.properties;
  return value;
}

/** Body keys every resource needs: what its id, its parent and its place are made of. */
const identityKeys = new Set(['name', 'location', 'parent', 'scope']);

/** The identity keys of a plain body, evaluated. */
function identityFields(file: BicepFile, body: ObjectExpression, locals: Locals, record: RangeRecorder): ObjectValue {
  const fields: Record<string, Value> = emptyObjectValue();
  for (const member of objectProperties(body)) {
    const key = propertyKey(member)!;
    if (!identityKeys.has(key)) continue;
    fields[key] = recorded(file, key, member.value, locals, record);
  }
  return fields;
}

/**
 * The value references see of a resource no reader needs (resourceValue's keys): its own fields and
 * identity keys as evaluated, every other key of its plain body evaluated when first read (lazy.ts),
 * so `gateway.properties.frontendIPConfigurations[0].id` reads what the template says while what
 * nobody reads (most of a large resource) costs nothing.
 */
function referencedValue(
  file: BicepFile,
  body: ObjectExpression,
  locals: Locals,
  record: RangeRecorder,
  fields: ObjectValue,
  own: ResourceFields,
  key: string,
): ObjectValue {
  // Later keys win, as in makeObject.
  const written = new Map<string, Expression>();
  for (const member of objectProperties(body)) {
    const name = propertyKey(member)!;
    if (name !== 'dependsOn') written.set(name, member.value); // never evaluated, as in evaluateBody
  }
  // Read from the body when first read, its range recorded then, as evaluateBody records it.
  const evaluated = (name: string): Value => {
    const expression = written.get(name);
    if (!expression) return makeObject([]); // only `properties` is asked for without being written
    return recorded(file, name, expression, locals, record);
  };
  const compute = (name: string): Value => {
    if (name === 'properties') {
      const properties = evaluated(name);
      return isObject(properties) ? withOrigin(properties, `${key}.properties`) : properties;
    }
    if (Object.prototype.hasOwnProperty.call(own, name)) return own[name as keyof ResourceFields];
    return name in fields ? fields[name] : evaluated(name); // fields has no prototype
  };
  // resourceValue's keys in its order: the body's shown, then the own fields.
  const names = new Set([
    ...[...written.keys()].filter(showsBodyKey),
    'id',
    'name',
    'type',
    'apiVersion',
    'properties',
  ]);
  // Each part is capped where it is computed: sizing the whole would compute what nobody reads.
  return sizedByParts(lazyObject([...names], compute, key));
}

/** A body key's value, its range recorded under its path (as references and findings read it). */
function recorded(file: BicepFile, path: string, expression: Expression, locals: Locals, record: RangeRecorder): Value {
  record(path, expression);
  return file.expressions.evaluate(expression, locals, record, path);
}

/**
 * A resource body. `dependsOn` only orders the deployment, so it is never evaluated (it would also
 * keep whole module evaluations alive through their values). With a projection (a type the model
 * reads in part), only the identity keys and the projection's keys of `properties` are; its other keys
 * hold unknowns (`{unread}.{key}`), so a reader still sees that they are written. Where the syntax is
 * not plain object literals (a spread, a computed key) the whole body is evaluated.
 */
function evaluateBody(
  file: BicepFile,
  body: ObjectExpression,
  locals: Locals,
  record: RangeRecorder,
  projection: Projection | undefined,
): Value {
  if (!isPlainObject(body)) return file.expressions.evaluate(body, locals, record);
  const wanted = projection && wantedKeys(projection);
  // Written key by key, later keys winning as in makeObject (no [key, value] pairs: issue 16).
  const fields: Record<string, Value> = emptyObjectValue();
  for (const member of objectProperties(body)) {
    const key = propertyKey(member)!;
    if (key === 'dependsOn') continue;
    if (!wanted) {
      fields[key] = recorded(file, key, member.value, locals, record);
    } else if (key === 'properties' && member.value.kind === 'Object' && isPlainObject(member.value)) {
      record(key, member.value);
      const properties: Record<string, Value> = emptyObjectValue();
      for (const property of objectProperties(member.value)) {
        const name = propertyKey(property)!;
        const path = `properties.${name}`;
        record(path, property.value);
        properties[name] = wanted.has(name.toLowerCase())
          ? file.expressions.evaluate(property.value, locals, record, path)
          : unreadValue(projection, name);
      }
      fields[key] = properties;
    } else if (identityKeys.has(key) || key === 'properties') {
      fields[key] = recorded(file, key, member.value, locals, record);
    }
  }
  return fields;
}
