// pe-dns-zone-mismatch: a zone group config points at a zone whose name is not a recommended zone
// for the endpoint's target type and group id in the configured cloud: the records land in a zone no
// client asks, so names resolve to the public address (FACTS §1: only the exact name works).
// Certain cases: the zone group is created for certain, its endpoint is known, every connection of
// the endpoint has a known target type and group id with zones, and the config's zone name is known
// and fits none of them, while some group id has no config of its own zone. A documented older name is reported at information level (FACTS §1 legacy).
import { classifyZone, missingRequiredZones, zonesForNewGroup, type LegacyZone } from '../facts';
import { certainlyCreatedAsOneAmong, knownString, label } from './support/certain';
import { endpointDns, neededZoneNames, zoneNameOfConfig, type ZoneNeed } from './support/dns-endpoint';
import type { FixRequest, NetworkModel, ZoneConfig, ZoneGroup } from '../model';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-dns-zone-mismatch',
  level: 'warning',
  fixable: true,
  startsFrom: ['zoneGroups'],
  description: "A private endpoint's DNS zone group points at the private DNS zone its service uses.",
  messages: {
    wrongZone:
      "Zone '{{zone}}' is not the private DNS zone of {{service}} ('{{groupId}}'): the record of private endpoint '{{endpoint}}' lands where no client looks, so clients resolve the public address. Use {{expected}}.",
    legacyZone:
      "Zone '{{zone}}' is an older name for the private DNS zone of {{service}} ('{{groupId}}'); the current name is '{{current}}'.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const group of certainlyCreatedAsOneAmong(model.zoneGroups)) {
      if (!group.endpoint?.resolved) continue;
      const endpoint = group.endpoint.target;
      const dns = endpointDns(model, endpoint, cloud);
      if (dns.groupIdInvalid || !dns.complete) continue;
      // A config for another zone beside one for each group id's own zone takes nothing away: the
      // names resolve through their own zones (FACTS §1), and FACTS says no harm of the extra one.
      const held = group.configs.map(zoneNameOfConfig).filter((name) => name !== undefined);
      if (everyNeedHasItsZone(held, dns.needs)) continue;
      for (const config of group.configs) {
        const zoneName = zoneNameOfConfig(config);
        if (zoneName === undefined) continue;
        const verdicts = dns.needs.map((need) => classifyZone(need.expectation, zoneName));
        if (verdicts.some((verdict) => verdict.kind === 'recommended')) continue;
        const legacy = verdicts.find(
          (verdict): verdict is { kind: 'legacy'; legacy: LegacyZone } => verdict.kind === 'legacy',
        );
        const need = dns.needs[0];
        const common = {
          zone: zoneName,
          service: need.expectation.zones[0]?.service ?? need.targetType,
          groupId: need.groupId,
          endpoint: label(endpoint),
        };
        const zone = config.zone?.resolved ? config.zone.target : undefined;
        const related = zone
          ? [{ decl: zone.decl, path: zone.path || undefined, message: `the zone '${zoneName}'` }]
          : [];
        const fix = fixFor(model, group, config, dns.needs);
        const at = { decl: group.decl, path: `${config.path}.properties.privateDnsZoneId` };
        if (legacy) {
          report({
            messageId: 'legacyZone',
            level: 'info',
            data: { ...common, current: legacy.legacy.replacedBy },
            at,
            related,
            ...fix,
          });
        } else {
          // The zones it may have meant: those the group does not hold already (an AMPLS group lacks one of five).
          const needed = neededZoneNames(dns.needs);
          const missing = needed.filter((name) => !held.some((zone) => zone.toLowerCase() === name.toLowerCase()));
          const expected = (missing.length > 0 ? missing : needed).map((name) => `'${name}'`).join(' or ');
          report({ messageId: 'wrongZone', data: { ...common, expected }, at, related, ...fix });
        }
      }
    }
  },
});

/** Whether each group id has its zone in the group: one of them, or all where FACTS says all are needed. */
function everyNeedHasItsZone(names: readonly string[], needs: readonly ZoneNeed[]): boolean {
  return needs.every(
    (need) =>
      names.some((name) => classifyZone(need.expectation, name).kind === 'recommended') &&
      missingRequiredZones(need.expectation, names).length === 0,
  );
}

/**
 * The fix request: the one recommended zone name the config should point at (fixes/ points it at a
 * zone of the workspace, or renames the zone when nothing else uses it). An ambiguous service or
 * several candidates leave the choice to the user.
 */
function fixFor(
  model: NetworkModel,
  group: ZoneGroup,
  config: ZoneConfig,
  needs: readonly ZoneNeed[],
): { fix?: FixRequest } {
  const present = group.configs.map(zoneNameOfConfig);
  const candidates: string[] = [];
  for (const need of needs) {
    const region = knownString(need.targetLocation);
    const names = zonesForNewGroup(need.expectation, region ? { regionName: region } : {});
    if (!names) return {};
    for (const name of names) if (!present.includes(name) && !candidates.includes(name)) candidates.push(name);
  }
  if (candidates.length !== 1) return {};
  return { fix: { kind: 'point-zone-config', model, group, config, zoneName: candidates[0] } };
}
