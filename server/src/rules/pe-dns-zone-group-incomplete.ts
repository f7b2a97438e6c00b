// pe-dns-zone-group-incomplete: a zone group lacks a zone its group id needs (an Azure Monitor private
// link scope needs all five of its zones): the names of the missing zone resolve publicly.
// Certain cases: the facts state every zone is needed (missingRequiredZones is non-empty only then);
// the zone group is created for certain and is the endpoint's only one; its configs are a known list
// of known zone names, each of them right (a wrong one is pe-dns-zone-mismatch, which takes precedence).
import { classifyZone, missingRequiredZones, type ExpectedZone } from '../facts';
import { at, type ZoneGroup } from '../model';
import { certainlyCreatedAsOneAmong, knownArray, label } from './support/certain';
import { endpointDns, zoneNameOfConfig } from './support/dns-endpoint';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-dns-zone-group-incomplete',
  level: 'warning',
  fixable: true,
  startsFrom: ['zoneGroups'],
  description: 'A DNS zone group holds every private DNS zone its private endpoint needs.',
  messages: {
    missing:
      "Zone group '{{group}}' of private endpoint '{{endpoint}}' lacks {{missing}}: {{service}} needs all its zones, and names in a missing zone resolve to their public address.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const group of certainlyCreatedAsOneAmong(model.zoneGroups)) {
      if (!group.endpoint?.resolved) continue;
      const endpoint = group.endpoint.target;
      // Several groups on one endpoint is pe-dns-zone-group-limit's error; which one is short is moot.
      if (endpoint.zoneGroups.length !== 1) continue;
      const dns = endpointDns(model, endpoint, cloud);
      if (dns.groupIdInvalid || !dns.complete) continue;
      const names = knownZoneNames(group);
      if (!names) continue;
      // Every config present must be right for some need; otherwise the mismatch is the finding.
      if (!names.every((name) => dns.needs.some((need) => classifyZone(need.expectation, name).kind === 'recommended')))
        continue;
      const missing: ExpectedZone[] = [];
      for (const need of dns.needs) {
        for (const zone of missingRequiredZones(need.expectation, names))
          if (!missing.some((m) => m.name === zone.name)) missing.push(zone);
      }
      if (missing.length === 0) continue;
      report({
        messageId: 'missing',
        data: {
          group: label(group),
          endpoint: label(endpoint),
          missing: missing.map((zone) => `'${zone.name}'`).join(', '),
          service: missing[0].service,
        },
        at: { decl: group.decl },
        related: [{ decl: endpoint.decl, message: `the private endpoint '${label(endpoint)}'` }],
        fix: { kind: 'add-zone-configs', model, group, zones: missing.map((zone) => zone.name) },
      });
    }
  },
});

/** The zone names of every config, or undefined when the list or a name is not known. */
function knownZoneNames(group: ZoneGroup): string[] | undefined {
  if (!knownArray(at(group.decl.properties, 'privateDnsZoneConfigs'))) return undefined;
  const names = group.configs.map(zoneNameOfConfig);
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}
