// What an interface model of a registry module call works with: the call's parameters (values and
// where the user wrote them), and an emitter that declares the module's resources in the caller's
// deployment, anchored at the parameter entry that asked for each (DESIGN §2, registry modules).
import {
  multiplyCounts,
  type PropertyRange,
  type ResourceDecl,
  type SourceLocation,
  type TextSpan,
} from '../declaration';
import { childResourceId, resourceIdAt, scopeId } from '../resource-id';
import type { OrderFrame } from '../order';
import type { DeploymentScope } from '../scope';
import {
  and,
  concatStrings,
  isArray,
  isObject,
  makeObject,
  PartialString,
  Unknown,
  type ObjectValue,
  type Tri,
  type Value,
} from '../value';

/** A module call's parameters as evaluated, with the source range of every literal part. */
export interface CallParams {
  /** A parameter's value; undefined when the call does not pass it. */
  get(name: string): Value | undefined;
  /** Range of a recorded path (`privateEndpoints[0].subnetResourceId`). */
  range(path: string): PropertyRange | undefined;
  /** Both values of a parameter written `condition ? a : b` whose condition is unknown; else undefined. */
  branches(name: string): readonly [Value, Value] | undefined;
}

export interface RegistryOrigin {
  /** `avm/res/key-vault/vault`. */
  module: string;
  tag: string;
  /** Where in the call's params the resource was asked for (`params.privateEndpoints[0]`), '' for the call itself. */
  paramPath: string;
}

export interface RegistryCall {
  uri: string;
  /** Unique key of the call (`module:uri#symbol`), the root of every unknown it makes. */
  key: string;
  module: string;
  tag: string;
  params: CallParams;
  scope: DeploymentScope;
  condition: Tri;
  count: number | 'unknown';
  /** The call's loop instance (its own, or its caller's): each resource it declares is one resource. */
  instance?: number;
  /** The calls that led to the caller, then this call. */
  via: readonly SourceLocation[];
  /** The module's symbolic name in the caller: the anchor when no parameter entry is literal. */
  callRange: TextSpan;
  /** The deployment-order frame of what the call declares (order.ts interfaceModelFrame). */
  order?: OrderFrame;
  /** Module-level value of the call's `name` (the deployment name). */
  sink: ResourceDecl[];
}

export interface EmittedResource {
  type: string;
  /** Own name; for a child, the parent supplies the rest. */
  name: Value;
  parent?: { id: Value; name: Value };
  location?: Value;
  properties: ObjectValue;
  scope?: DeploymentScope;
  condition?: Tri;
  count?: number | 'unknown';
  /** The parameter path the resource comes from (`privateEndpoints[0]`); '' for the call itself. */
  at: string;
  /** Declaration paths and the parameter paths written for them: `['properties.subnet.id', 'privateEndpoints[0].subnetResourceId']`. */
  ranges?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Calls `declare` for each entry of a list parameter written at `at`: each item at `at[i]`, one of a
 * count; a list not known as one entry of unknown count at `at`. Nothing for a list not passed or empty.
 */
export function forEachEntry(
  call: RegistryCall,
  list: Value | undefined,
  at: string,
  declare: (entry: Value, at: string, count: number | 'unknown', index: number | undefined) => void,
): void {
  if (!isSet(list)) return;
  if (!isArray(list)) declare(new Unknown(`${call.key}.${at}[]`), at, 'unknown', undefined);
  else list.forEach((entry, index) => declare(entry, `${at}[${index}]`, 1, index));
}

/** A property of a parameter value as `value.?name` reads it: undefined when absent or null. */
export function field(value: Value | undefined, name: string): Value | undefined {
  if (value === undefined || value === null) return undefined;
  if (isObject(value)) {
    const found = Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
    return found === null ? undefined : found;
  }
  if (value instanceof Unknown || value instanceof PartialString) return new Unknown(`${value.key}.${name}`);
  return undefined;
}

/** Whether a value is known to be set (true), known to be empty or absent (false), or neither. */
export function isSet(value: Value | undefined): Tri {
  if (value === undefined || value === null) return false;
  // A string with known non-empty text in it (a resource id, mostly) is not empty.
  if (value instanceof PartialString)
    return value.parts.some((part) => typeof part === 'string' && part.length > 0) ? true : 'unknown';
  if (value instanceof Unknown) return 'unknown';
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** Object entries without the absent ones, so an unset parameter leaves its property absent as AVM does. */
export function objectOf(entries: ReadonlyArray<readonly [string, Value | undefined]>): ObjectValue {
  return makeObject(entries.filter((entry): entry is [string, Value] => entry[1] !== undefined));
}

/** The last `/` segment of a resource id (a name), or an unknown keyed by the id. */
export function lastSegment(id: Value | undefined, key: string): Value {
  if (typeof id === 'string') return id.slice(id.lastIndexOf('/') + 1);
  if (id instanceof PartialString) {
    const tail = id.parts.at(-1);
    if (typeof tail === 'string' && tail.includes('/')) return tail.slice(tail.lastIndexOf('/') + 1);
  }
  return new Unknown(`${id instanceof Unknown || id instanceof PartialString ? id.key : key}.name`);
}

/** Pushes one resource of the call into the caller's deployment; returns its id and full name. */
export function emit(call: RegistryCall, resource: EmittedResource): { id: Value; name: Value } {
  const scope = resource.scope ?? call.scope;
  const fullName = resource.parent ? concatStrings([resource.parent.name, '/', resource.name]) : resource.name;
  const id = resource.parent
    ? childResourceId(resource.parent.id, resource.type, resource.name)
    : resourceIdAt(scopeId(scope), resource.type, fullName);
  const propertyRanges = new Map<string, PropertyRange>();
  for (const [declPath, paramPath] of resource.ranges ?? []) {
    const own = call.params.range(paramPath);
    if (own) propertyRanges.set(declPath, own);
  }
  const registry: RegistryOrigin = { module: call.module, tag: call.tag, paramPath: resource.at };
  call.sink.push({
    uri: call.uri,
    language: 'bicep',
    type: resource.type,
    name: fullName,
    id,
    ...(resource.location === undefined ? {} : { location: resource.location }),
    properties: resource.properties,
    body: {},
    existing: false,
    condition: and(call.condition, resource.condition ?? true),
    count: multiplyCounts(call.count, resource.count ?? 1),
    ...(call.instance === undefined ? {} : { instance: call.instance }),
    range: anchor(call, resource.at),
    propertyRanges,
    via: call.via,
    registry,
    ...(call.order ? { order: { frame: call.order, name: `${resource.type}@${resource.at}` } } : {}),
  });
  return { id, name: fullName };
}

/** The nearest recorded range at or above a parameter path, else the module's symbolic name. */
function anchor(call: RegistryCall, path: string): PropertyRange {
  let current = path;
  while (current) {
    const found = call.params.range(current);
    if (found) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) break;
    current = current.slice(0, cut);
  }
  return call.callRange;
}

/** A deployment scope moved to the resource group a resource id names (`resourceGroupResourceId`). */
export function scopeOfResourceGroup(
  call: RegistryCall,
  resourceGroupId: Value | undefined,
): DeploymentScope | undefined {
  if (resourceGroupId === undefined) return undefined;
  if (typeof resourceGroupId === 'string') {
    const parts = resourceGroupId.split('/');
    if (
      parts.length >= 5 &&
      parts[1].toLowerCase() === 'subscriptions' &&
      parts[3].toLowerCase() === 'resourcegroups'
    ) {
      return { ...call.scope, kind: 'resourceGroup', subscriptionId: parts[2], resourceGroupName: parts[4] };
    }
  }
  const key =
    resourceGroupId instanceof Unknown || resourceGroupId instanceof PartialString
      ? resourceGroupId.key
      : `${call.key}.resourceGroup`;
  return {
    ...call.scope,
    kind: 'resourceGroup',
    subscriptionId: new Unknown(`${key}.subscriptionId`),
    resourceGroupName: new Unknown(`${key}.resourceGroupName`),
  };
}
