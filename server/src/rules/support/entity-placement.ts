// Shared by the address and peering rules: where an entity sits in file order, where a finding on an
// entity points, and ids too ambiguous to follow.
import { idKey, keptOn, type ResourceDecl, type Value } from '../../model';
import type { Anchor } from './rule';

interface Placed {
  name: Value;
  decl: ResourceDecl;
  path: string;
}

/** Where a finding on the entity itself points: a resource's declaration, an inline part's `name`. */
export function entityAnchor(entity: Placed): Anchor {
  return entity.path === '' ? { decl: entity.decl } : { decl: entity.decl, path: `${entity.path}.name` };
}

/** Sorts entities in file order: file, then offset of the declaration or inline part, then loop index. */
export function compareFileOrder(a: Placed, b: Placed): number {
  // Entities sorted together are mostly of one file: equal uris need no locale comparison (issue 16).
  const uris = a.decl.uri === b.decl.uri ? 0 : a.decl.uri.localeCompare(b.decl.uri);
  return uris || offsetOf(a) - offsetOf(b) || (a.decl.instance ?? -1) - (b.decl.instance ?? -1);
}

/** Where an entity starts: its declaration, or its inline part's property. */
function offsetOf(entity: Placed): number {
  return entity.path === ''
    ? entity.decl.range.start
    : (entity.decl.propertyRanges.get(entity.path)?.start ?? entity.decl.range.start);
}

/**
 * Ids that more than one declaration creates (outside `existing`): one VNet written twice in a deployment
 * (a template and its module both declare it). Which declaration's properties Azure ends with (address
 * space, inline subnets) depends on deployment order, so rules that read those properties stay silent.
 */
const createdMoreThanOnceKey = Symbol('createdMoreThanOnce');

// Several rules ask for the same list of one model (its VNets, its subnets): found once per list.
const createdMoreThanOnce = (entities: readonly (Placed & { id: Value })[]): Set<string> =>
  keptOn(entities, createdMoreThanOnceKey, findCreatedMoreThanOnce);

function findCreatedMoreThanOnce(entities: readonly (Placed & { id: Value })[]): Set<string> {
  const places = new Map<string, Set<string>>();
  for (const entity of entities) {
    const key = idKey(entity.id);
    if (key === undefined || entity.decl.existing) continue;
    const place = `${entity.decl.uri}|${entity.decl.range.start}|${entity.path}`;
    const seen = places.get(key);
    if (seen) seen.add(place);
    else places.set(key, new Set([place]));
  }
  return new Set([...places].filter(([, seen]) => seen.size > 1).map(([key]) => key));
}

/** Whether more than one declaration creates the entity's id among `entities` (see createdMoreThanOnce). */
export function isCreatedMoreThanOnce(entities: readonly (Placed & { id: Value })[], entity: { id: Value }): boolean {
  // One entity cannot be created twice: most models hold one VNet and few subnets (issue 16).
  if (entities.length < 2) return false;
  const key = idKey(entity.id);
  return key !== undefined && createdMoreThanOnce(entities).has(key);
}
