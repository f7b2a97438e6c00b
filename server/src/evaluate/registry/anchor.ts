// Resources a cached registry module declares, moved to where the user wrote them: the caller's
// file, at the parameter entry the interface model places the same resource (same type and id),
// else at the module call. So findings with and without a cache land in the same place, and no
// fix ever edits the cache (the resources carry no symbol).
import type { ResourceDecl, SourceLocation, TextSpan } from '../declaration';
import { isArray, isObject, makeObject, same, type Value } from '../value';

export interface CachedCall {
  uri: string;
  callRange: TextSpan;
  /** The calls that led to the caller, then this call. */
  via: readonly SourceLocation[];
  module: string;
  tag: string;
}

/**
 * `existing` resources of the module are references (to its own main resource, mostly) and are
 * left out; a resource without a twin in the interface model sits at the call, told apart by its
 * place in the module's declarations.
 */
export function anchorCachedResources(
  cached: readonly ResourceDecl[],
  modelled: readonly ResourceDecl[],
  call: CachedCall,
): ResourceDecl[] {
  const anchored = cached
    .filter((decl) => !decl.existing)
    .map((decl, index) => {
      const twin = twinOf(decl, modelled);
      const { symbol: _symbol, ...rest } = decl;
      return {
        ...rest,
        uri: call.uri,
        language: 'bicep' as const,
        properties: twin ? withKnownConnections(withoutNulls(decl.properties), twin) : withoutNulls(decl.properties),
        // A copy loop around a nested deployment multiplies its resources' count; the twin has the
        // same id, so it is one resource of the loop: its count (per parameter entry) holds.
        ...(twin ? { count: twin.count } : {}),
        range: twin?.range ?? call.callRange,
        propertyRanges: twin?.propertyRanges ?? new Map(),
        via: call.via,
        registry: twin?.registry ?? { module: call.module, tag: call.tag, paramPath: `#${index}` },
      };
    });
  return [...anchored, ...offInModelOnly(modelled, anchored)];
}

/**
 * The interface model's declaration of the same resource: the same type and id; else, when its id is
 * not known, the one declaration of that type (a loop of links over a list the caller chooses).
 */
function twinOf(decl: ResourceDecl, modelled: readonly ResourceDecl[]): ResourceDecl | undefined {
  const type = decl.type.toLowerCase();
  const ofType = modelled.filter((model) => model.type.toLowerCase() === type);
  return (
    ofType.find((model) => same(model.id, decl.id, true) === true) ??
    (ofType.length === 1 && same(ofType[0].id, decl.id, true) !== false ? ofType[0] : undefined)
  );
}

/**
 * Declarations the interface model holds switched off (a caller's choice, such as links written
 * `linkZone ? [ … ] : []`) where the compiled module declares none of that type there: a loop of no
 * items declares nothing, and without them the caller's choices would have nothing to open
 * (engine/caller-choices.ts).
 */
function offInModelOnly(modelled: readonly ResourceDecl[], anchored: readonly ResourceDecl[]): ResourceDecl[] {
  return modelled.filter(
    (model) =>
      model.condition === false &&
      !anchored.some(
        (decl) => decl.type.toLowerCase() === model.type.toLowerCase() && decl.range.start === model.range.start,
      ),
  );
}

/**
 * AVM modules write `?? null` for every optional property; ARM leaves a null property out of the
 * resource, so the model reads it as absent, as it reads the interface model's resources.
 */
function withoutNulls(properties: Value): Value {
  if (!isObject(properties)) return properties;
  const kept = makeObject(Object.entries(properties).filter(([, value]) => value !== null));
  return Object.keys(kept).length === Object.keys(properties).length ? properties : kept;
}

const connectionKeys = ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'];

/**
 * An endpoint whose connections the compiled module leaves unknown (`isManualConnection ? … : …`
 * on an unknown entry) takes the interface model's: the same target and group ids either way.
 */
function withKnownConnections(properties: Value, twin: ResourceDecl): Value {
  if (!isObject(properties) || !isObject(twin.properties) || !twin.type.toLowerCase().endsWith('/privateendpoints'))
    return properties;
  if (connectionKeys.every((key) => properties[key] === undefined || isArray(properties[key]))) return properties;
  const modelled = twin.properties;
  return makeObject([
    ...Object.entries(properties).filter(([key]) => !connectionKeys.includes(key)),
    ...connectionKeys.filter((key) => key in modelled).map((key) => [key, modelled[key]] as const),
  ]);
}
