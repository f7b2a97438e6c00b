// Which group ids of a private endpoint's connections are certainly invalid for their target's type
// (facts groupIdValidity: 'invalid' for a complete list without the id, or a near miss of a documented
// id). Shared by pe-group-id-invalid and by
// the DNS rules, which DESIGN §3 silences for an endpoint with an invalid group id.
import { closestGroupId, groupIdFacts, groupIdValidity } from '../../facts';
import type { PrivateEndpoint, PrivateLinkConnection } from '../../model';
import { knownArray, knownText, label } from './certain';

export interface InvalidGroupId {
  connection: PrivateLinkConnection;
  /** Path of the offending value inside the endpoint's declaration. */
  path: string;
  groupId: string;
  targetType: string;
  targetName: string;
  /** Ids the type takes (empty: none, as for a Private Link service). */
  validIds: readonly string[];
  closest: string | undefined;
}

/**
 * The invalid ids of the endpoint's connections. The target's type comes from a declaration the
 * connection resolves to (the id names the type even when that declaration is conditional).
 */
export function invalidGroupIds(endpoint: PrivateEndpoint): InvalidGroupId[] {
  const found: InvalidGroupId[] = [];
  for (const connection of endpoint.connections) {
    if (!connection.target?.resolved) continue;
    const target = connection.target.target;
    const targetType = target.decl.type;
    const ids = knownArray(connection.groupIds) ?? [];
    ids.forEach((item, index) => {
      // A blank group id is not judged: whether Azure reads `['']` as no group id (what a Private Link
      // service wants, FACTS §2.1) or rejects it, FACTS does not say.
      const groupId = knownText(item);
      if (groupId === undefined || groupIdValidity(targetType, groupId) !== 'invalid') return;
      found.push({
        connection,
        path: `${connection.path}.properties.groupIds[${index}]`,
        groupId,
        targetType,
        targetName: label(target),
        validIds: groupIdFacts(targetType)?.groupIds ?? [],
        closest: closestGroupId(targetType, groupId),
      });
    });
  }
  return found;
}

/** Whether any connection of the endpoint names a group id its target certainly does not take. */
export function hasInvalidGroupId(endpoint: PrivateEndpoint): boolean {
  return invalidGroupIds(endpoint).length > 0;
}
