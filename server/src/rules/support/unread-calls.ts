// Deployments nobody can read (evaluate/declaration.ts `unread`): a module call or linked template whose
// file is missing, outside the files analysed, or a registry module neither cached nor modelled. Such a
// call may create anything under the resources it is given: a module given the hub's name and the
// spoke's id may write the hub's peering back, one given an endpoint's name its zone group, one given a
// VNet's id its links to every zone. A rule that reports something missing under or to a resource stays
// silent when an unread call is given that resource's id or name (DESIGN §2: missing files degrade to
// unknowns; "might be wrong" stays silent).
import {
  at,
  isArray,
  keptOn,
  PartialString,
  providerKey,
  same,
  type NetworkModel,
  type ResourceDecl,
  type Value,
} from '../../model';

/** The strings (known or partly known) each model's unread calls that may be deployed are given. */
const givenKey = Symbol('givenToUnreadCalls');

/** Whether an unread call that may be deployed is given the id or the name of one of `entities`. */
export function givenToUnreadCall(
  model: NetworkModel,
  entities: readonly ({ id: Value; name: Value } | undefined)[],
): boolean {
  const given = givenStrings(model);
  if (given.length === 0) return false;
  return entities.some(
    (entity) => entity !== undefined && given.some((value) => names(value, entity.id) || names(value, entity.name)),
  );
}

/**
 * Whether `given` is certainly `wanted`, or a path below it (`{vnet id}/subnets/x` names the VNet too), or
 * the same id from `/providers/` on with a scope that may be the same: a call in another root names the
 * hub by its own `resourceGroup()`, which is never certainly this root's (engine/maybe-joins.ts).
 */
function names(given: string | PartialString, wanted: Value): boolean {
  if (typeof wanted !== 'string' && !(wanted instanceof PartialString)) return false;
  const equal = same(given, wanted, true);
  if (equal === true) return true;
  if (equal === 'unknown' && given instanceof PartialString) {
    const key = providerKey(given);
    if (key !== undefined && key === providerKey(wanted)) return true;
  }
  return typeof given === 'string' && typeof wanted === 'string' && wanted.includes('/')
    ? given.toLowerCase().startsWith(`${wanted.toLowerCase()}/`)
    : false;
}

const givenStrings = (model: NetworkModel): readonly (string | PartialString)[] =>
  keptOn(model, givenKey, collectGivenStrings);

function collectGivenStrings(model: NetworkModel): (string | PartialString)[] {
  const found: (string | PartialString)[] = [];
  for (const target of model.targets) {
    if (!isUnreadCall(target.decl)) continue;
    // The strings its parameters hold, collected when it was declared (evaluate/unread-call.ts).
    const strings = at(target.decl.properties, 'given');
    if (isArray(strings))
      for (const value of strings) if (typeof value === 'string' || value instanceof PartialString) found.push(value);
  }
  return found;
}

const isUnreadCall = (decl: ResourceDecl) => decl.unread === true && decl.condition !== false;
