// pe-dns-zone-group-missing in policy mode (configuration `privateDns.zoneGroups: "policy"`): landing zones
// give endpoints their zone groups with a DeployIfNotExists policy, and templates leave them out on purpose.
// FACTS §15: the policy matches `privateLinkServiceConnections[*].groupIds[*]` only, so manual connections
// get no zone group; it has no existence condition, so any zone group the template adds satisfies it and
// stops the policy's own (and an endpoint holds one zone group, FACTS §2.2).
import { policyCoversGroupId } from '../../facts';
import type { NetworkModel, PrivateEndpoint } from '../../model';
import { certainlyCreatedAsOne, label } from './certain';
import { endpointDns, type ZoneNeed } from './dns-endpoint';
import { lastSegment } from './endpoint-common';
import type { RelatedAnchor, RuleContext, RuleReport } from './rule';

/** A need the policy meets: an automatic connection whose target type and group id it covers. */
function coveredByPolicy(need: ZoneNeed, context: RuleContext): boolean {
  return (
    !need.connection.manual && policyCoversGroupId(need.targetType, need.groupId, context.privateDns?.policyGroupIds)
  );
}

/** In policy mode, whether the policy gives the endpoint the zone group its needs lack. */
export function policyProvidesZoneGroup(needs: readonly ZoneNeed[], context: RuleContext): boolean {
  return context.privateDns?.zoneGroups === 'policy' && needs.every((need) => coveredByPolicy(need, context));
}

/** Related information for a finding that fires in policy mode all the same. */
export function policyNotes(
  endpoint: PrivateEndpoint,
  needs: readonly ZoneNeed[],
  context: RuleContext,
): RelatedAnchor[] {
  if (context.privateDns?.zoneGroups !== 'policy') return [];
  return needs
    .filter((need) => !coveredByPolicy(need, context))
    .map((need) => ({
      decl: endpoint.decl,
      path: need.connection.path,
      message: need.connection.manual
        ? `group id '${need.groupId}' is asked on a manual connection, which the DNS policy gives no zone group (the policy serves automatic connections only)`
        : `group id '${need.groupId}' of ${need.targetType} is not among the group ids the DNS policy covers`,
    }));
}

/**
 * In policy mode, one information report per zone group the template certainly creates for an endpoint
 * whose automatic connection asks a covered group id: it competes with the policy's zone group.
 */
export function reportCompetingZoneGroups(
  model: NetworkModel,
  context: RuleContext,
  report: (report: RuleReport) => void,
): void {
  if (context.privateDns?.zoneGroups !== 'policy') return;
  for (const group of model.zoneGroups) {
    if (!certainlyCreatedAsOne(group.decl) || !group.endpoint?.resolved) continue;
    const endpoint = group.endpoint.target;
    const dns = endpointDns(model, endpoint, context.cloud);
    const covered = dns.groupIdInvalid ? undefined : dns.needs.find((need) => coveredByPolicy(need, context));
    if (!covered) continue;
    report({
      messageId: 'competesWithPolicy',
      level: 'info',
      data: { group: lastSegment(group.name) ?? label(group), endpoint: label(endpoint), groupId: covered.groupId },
      at: { decl: group.decl },
      related: [
        {
          decl: endpoint.decl,
          message: `the private endpoint whose zone group the policy creates for group id '${covered.groupId}'`,
        },
      ],
    });
  }
}
