// dns-zone-link-registration: a VNet link to a privatelink zone with auto-registration on. The VNet's
// virtual machines then write their host records into a zone meant for private endpoint records, and
// the link takes the VNet's single registration zone (FACTS §5.2: one registration zone per VNet).
// Certain cases: the link is created for certain, `registrationEnabled` is the literal true, and the
// zone's name (the resolved zone's, or the first segment of the link's full name) is a known
// privatelink name.
import { isPrivatelinkZoneName, registrationEnabledPath, vnetLinkRules } from '../facts';
import { certainlyCreatedAsOneAmong, knownBoolean, label } from './support/certain';
import { zoneNameOfLink } from './support/dns-network';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-zone-link-registration',
  level: 'warning',
  fixable: true,
  startsFrom: ['vnetLinks'],
  description: 'Virtual network links to privatelink DNS zones do not auto-register virtual machines.',
  messages: {
    registration:
      "VNet link '{{link}}' turns on auto-registration in private link zone '{{zone}}': virtual machines of the network write their records into a zone meant for private endpoints, and the network can have only {{max}} registration zone. Set registrationEnabled to false.",
  },
  check({ model, report }: RuleContext) {
    for (const link of certainlyCreatedAsOneAmong(model.vnetLinks)) {
      if (knownBoolean(link.registrationEnabled) !== true) continue;
      const zone = zoneNameOfLink(link);
      if (zone === undefined || !isPrivatelinkZoneName(zone)) continue;
      const target = link.zone?.resolved ? link.zone.target : undefined;
      report({
        messageId: 'registration',
        data: { link: label(link), zone, max: vnetLinkRules.maxRegistrationZonesPerVnet },
        at: { decl: link.decl, path: registrationEnabledPath },
        related:
          target && target.decl !== link.decl
            ? [{ decl: target.decl, message: `the private link zone '${zone}'` }]
            : [],
        fix: { kind: 'set-registration-disabled' },
      });
    }
  },
});
