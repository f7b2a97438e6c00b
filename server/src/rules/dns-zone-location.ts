// dns-zone-location: private DNS zones and their VNet links are global resources; any other
// location fails or drifts. Certain cases: a known location other than 'global', or a value that
// is certainly a region (resourceGroup().location, deployment().location — DESIGN §3 edge cases).
import { isGlobalLocation } from '../facts';
import { isUnknown, unknownAsWritten, type PrivateDnsZone, type Value, type VnetLink } from '../model';
import { conditionHolds, knownText, label } from './support/certain';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-zone-location',
  level: 'warning',
  fixable: true,
  startsFrom: ['dnsZones', 'vnetLinks'],
  description: "Private DNS zones and their virtual network links use location 'global'.",
  messages: {
    zone: "Private DNS zone '{{name}}' has location {{value}}; private DNS zones are global resources, whose location is 'global'. Use 'global'.",
    link: "VNet link '{{name}}' has location {{value}}; links of private DNS zones are global. Use 'global'.",
  },
  check({ model, report }: RuleContext) {
    const check = (entity: PrivateDnsZone | VnetLink, messageId: 'zone' | 'link') => {
      if (!conditionHolds(entity.decl) || entity.decl.existing || entity.location === undefined) return;
      const shown = regionText(entity.location);
      if (shown === undefined) return;
      report({
        messageId,
        data: { name: label(entity), value: shown },
        at: { decl: entity.decl, path: 'location' },
        fix: { kind: 'set-location-global' },
      });
    };
    for (const zone of model.dnsZones) check(zone, 'zone');
    for (const link of model.vnetLinks) check(link, 'link');
  },
});

/** How to show a location that is certainly not global, or undefined when it may be global. */
function regionText(location: Value): string | undefined {
  if (typeof location === 'string') {
    const text = knownText(location);
    return text === undefined || isGlobalLocation(text) ? undefined : `'${text}'`;
  }
  // An unknown shows as the expression it was written as, without the `${…}` of a name's unknown part:
  // the message is prose.
  if (isUnknown(location) && location.hint === 'region') return `${unknownAsWritten(location)} (a region)`;
  return undefined;
}
