// pe-dns-zone-group-missing: a private endpoint whose target has private DNS zones but that has no
// privateDnsZoneGroups child, so no A record is written: clients get the public address, or no address
// at all where a zone of that name without the record is linked (FACTS §1). The message says only that
// they do not get the private one, which holds either way.
// Certain cases: the endpoint is created for certain, a connection's target type and group id are
// known and have zones in the configured cloud, no zone group (not even a maybe-deployed one or one
// whose parent might be this endpoint) exists, and no manual A record may stand in for it (FACTS §2.2).
// In policy mode (`privateDns.zoneGroups: "policy"`, dns-policy.ts) an endpoint whose needs the DNS policy
// covers is silent, and a zone group the template creates for a covered group id gets an information
// finding: it competes with the policy's (FACTS §15).
import { zoneGroupLimits, zoneNameMatches, zonesForNewGroup } from '../facts';
import { idKey, parentIdOf, type FixRequest, type NetworkModel, type PrivateEndpoint } from '../model';
import { certainlyCreatedAsOneAmong, knownString, label } from './support/certain';
import { endpointDns, neededZoneNames, targetText, type ZoneNeed, zonesNamed } from './support/dns-endpoint';
import { endpointVnet, mayBeSameId } from './support/dns-network';
import { modelMemo } from './support/model-lookups';
import { policyNotes, policyProvidesZoneGroup, reportCompetingZoneGroups } from './support/dns-policy';
import { givenToUnreadCall } from './support/unread-calls';
import { declaredButSwitchedOff, zoneDeclaredButSwitchedOff } from './support/switched-off';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-dns-zone-group-missing',
  level: 'warning',
  fixable: true,
  startsFrom: ['privateEndpoints'],
  description: 'A private endpoint to a service with a private DNS zone has a DNS zone group.',
  messages: {
    missingInVnet:
      "Private endpoint '{{endpoint}}' has no private DNS zone group: no record for {{target}} is written to {{zones}}, so clients in '{{vnet}}' do not resolve it to the endpoint's private address.",
    missing:
      "Private endpoint '{{endpoint}}' has no private DNS zone group: no record for {{target}} is written to {{zones}}, so clients do not resolve it to the endpoint's private address.",
    competesWithPolicy:
      "Zone group '{{group}}' of private endpoint '{{endpoint}}' is created by the template, but Azure Policy creates the zone groups for group id '{{groupId}}' here (privateDns.zoneGroups is 'policy'): this one stops the policy's, and an endpoint holds only one. Leave the zone group to the policy.",
  },
  check(context: RuleContext) {
    const { model, cloud, report } = context;
    for (const endpoint of certainlyCreatedAsOneAmong(model.privateEndpoints)) {
      const dns = endpointDns(model, endpoint, cloud);
      if (dns.groupIdInvalid || dns.needs.length === 0) continue;
      if (mayHaveZoneGroup(model, endpoint) || policyProvidesZoneGroup(dns.needs, context)) continue;
      const zones = neededZoneNames(dns.needs);
      if (mayHaveManualRecords(model, zones) || givenToUnreadCall(model, [endpoint])) continue;
      const vnet = endpointVnet(endpoint);
      const first = dns.needs[0];
      report({
        messageId: vnet ? 'missingInVnet' : 'missing',
        data: {
          endpoint: label(endpoint),
          target: targetText(first),
          zones: zones.map((zone) => `'${zone}'`).join(', '),
          ...(vnet ? { vnet: label(vnet) } : {}),
        },
        at: { decl: endpoint.decl },
        related: [
          ...(vnet
            ? [
                {
                  decl: vnet.decl,
                  path: vnet.path || undefined,
                  message: `the endpoint's virtual network '${label(vnet)}'`,
                },
              ]
            : []),
          ...(first.connection.target?.resolved
            ? [{ decl: first.connection.target.target.decl, message: `the endpoint's target ${targetText(first)}` }]
            : []),
          // A zone of the right name already in the workspace: the zone group only has to point at it.
          ...zones
            .flatMap((name) => zonesNamed(model, name))
            .map((zone) => ({
              decl: zone.decl,
              message: `private DNS zone '${label(zone)}', which the zone group would use`,
            })),
          ...policyNotes(endpoint, dns.needs, context),
        ],
        ...(declaredButSwitchedOff(model, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', endpoint.id) ||
        zones.some((zone) => zoneDeclaredButSwitchedOff(model, zone))
          ? {}
          : fixFor(model, endpoint, dns.needs)),
      });
    }
    reportCompetingZoneGroups(model, context, report);
  },
});

/**
 * A zone group declared for this endpoint, maybe deployed, or one whose parent may be it. One endpoint
 * declared twice (a module called twice with the same params, as AVM's `init`/`idem` tests do) is one
 * resource, but the model resolves its groups to the first declaration only: a group is this endpoint's
 * when it resolved to any declaration of its id, as links are judged by their zone's id (dns-network.ts).
 */
function mayHaveZoneGroup(model: NetworkModel, endpoint: PrivateEndpoint): boolean {
  if (endpoint.zoneGroups.length > 0) return true;
  const key = idKey(endpoint.id);
  if (key !== undefined && endpointsWithZoneGroups(model).has(key)) return true;
  // A group resolved to an `existing` endpoint may be this one's too when their ids may be one (a
  // zone-group module looped over a caller's array names its endpoint by a parameter); a group resolved
  // to an endpoint the template creates is that endpoint's.
  return model.zoneGroups.some(
    (group) =>
      (!group.endpoint?.resolved || group.endpoint.target.decl.existing) &&
      mayBeSameId(parentIdOf(group.id), endpoint.id),
  );
}

/** The ids (as the model looks them up) of the endpoints some zone group resolved to, once per model. */
function endpointsWithZoneGroups(model: NetworkModel): ReadonlySet<string> {
  const memo = modelMemo<NetworkModel, Set<string>>(model, 'endpointsWithZoneGroups');
  let keys = memo.get(model);
  if (!keys) {
    keys = new Set();
    for (const group of model.zoneGroups) {
      const key = group.endpoint?.resolved ? idKey(group.endpoint.target.id) : undefined;
      if (key !== undefined) keys.add(key);
    }
    memo.set(model, keys);
  }
  return keys;
}

/**
 * Manual A records (`privateDnsZones/A`) in a needed zone replace a zone group (FACTS §2.2); one in a
 * zone whose name is unknown may be such a record. Either silences the rule.
 */
function mayHaveManualRecords(model: NetworkModel, zones: readonly string[]): boolean {
  return model.targets.some((target) => {
    if (target.type.toLowerCase() !== 'microsoft.network/privatednszones/a') return false;
    const name = knownString(target.decl.name);
    const zone = name?.includes('/') ? name.slice(0, name.indexOf('/')) : undefined;
    return zone === undefined || zones.some((needed) => zoneNameMatches(needed, zone));
  });
}

/**
 * The fix request: a zone group with one config per zone the endpoint needs (fixes/ finds or creates
 * the zones). No fix when the facts give no safe zone set (an ambiguous service, an unfilled
 * placeholder, over 5 zones).
 */
function fixFor(model: NetworkModel, endpoint: PrivateEndpoint, needs: readonly ZoneNeed[]): { fix?: FixRequest } {
  const names: string[] = [];
  for (const need of needs) {
    const region = knownString(need.targetLocation);
    const zones = zonesForNewGroup(need.expectation, region ? { regionName: region } : {});
    if (!zones) return {};
    for (const zone of zones) if (!names.includes(zone)) names.push(zone);
  }
  if (names.length > zoneGroupLimits.maxConfigsPerGroup) return {};
  return { fix: { kind: 'add-dns-zone-group', model, endpoint, zones: names } };
}
