// pe-dns-zone-group-limit: a private endpoint takes one DNS zone group and a zone group at most five
// zone configs (FACTS §2.2, zoneGroupLimits); past either limit the deployment fails.
// Certain cases: a second zone group, created for certain, whose id certainly differs from every
// earlier group of the same endpoint (reported on the later one, in declaration order); a zone group
// created for certain whose configs are a known list longer than the limit.
import { zoneGroupLimits } from '../facts';
import { at, type NetworkModel, type ZoneGroup } from '../model';
import { certainlyCreatedAsOne, certainlyCreatedAsOneAmong, knownArray, label } from './support/certain';
import { endpointDns } from './support/dns-endpoint';
import { mayBeSameId } from './support/dns-network';
import { declarationPositions } from './support/model-lookups';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'pe-dns-zone-group-limit',
  level: 'error',
  fixable: false,
  startsFrom: ['privateEndpoints'],
  description: 'A private endpoint has at most one DNS zone group, and a zone group at most five zone configs.',
  messages: {
    secondGroup:
      "Private endpoint '{{endpoint}}' already has zone group '{{first}}'; a private endpoint takes only one DNS zone group, so deploying '{{group}}' fails. Put all zone configs in one group.",
    tooManyConfigs:
      "Zone group '{{group}}' has {{count}} zone configs; a zone group holds at most {{max}} zones, so the deployment fails.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const endpoint of model.privateEndpoints) {
      if (endpoint.zoneGroups.length < 2 || endpointDns(model, endpoint, cloud).groupIdInvalid) continue;
      // Numbered only when an endpoint has two groups to order (once per model: declarationPositions).
      const order = declarationOrder(model);
      const groups = [...endpoint.zoneGroups].sort((a, b) => order(a) - order(b));
      groups.forEach((group, index) => {
        if (index === 0 || !certainlyCreatedAsOne(group.decl)) return;
        const earlier = groups.slice(0, index).filter((other) => certainlyCreatedAsOne(other.decl));
        // The same id twice is one group declared twice, not a second group; an unknown id may be that.
        if (earlier.length === 0 || earlier.some((other) => mayBeSameId(other.id, group.id))) return;
        report({
          messageId: 'secondGroup',
          data: { endpoint: label(endpoint), first: label(earlier[0]), group: label(group) },
          at: { decl: group.decl },
          related: [{ decl: earlier[0].decl, message: `the first zone group '${label(earlier[0])}'` }],
        });
      });
    }
    for (const group of certainlyCreatedAsOneAmong(model.zoneGroups)) {
      const endpoint = group.endpoint?.resolved ? group.endpoint.target : undefined;
      if (endpoint && endpointDns(model, endpoint, cloud).groupIdInvalid) continue;
      const configs = knownArray(at(group.decl.properties, 'privateDnsZoneConfigs'));
      if (!configs || configs.length <= zoneGroupLimits.maxConfigsPerGroup) continue;
      report({
        messageId: 'tooManyConfigs',
        data: { group: label(group), count: configs.length, max: zoneGroupLimits.maxConfigsPerGroup },
        at: { decl: group.decl },
      });
    }
  },
});

/** Position of a zone group in the analysed set: declaration order, then loop instance. */
function declarationOrder(model: NetworkModel): (group: ZoneGroup) => number {
  const positions = declarationPositions(model);
  return (group) => (positions.get(group.decl) ?? 0) * 1000 + (group.decl.instance ?? 0);
}
