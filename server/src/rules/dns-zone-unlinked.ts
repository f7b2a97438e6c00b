// dns-zone-unlinked: a privatelink zone that a zone group writes records into has no virtual network
// link at all, so no VNet resolves through it (FACTS §5.2: records resolve only from linked VNets).
// Certain cases: the zone is created by the analysed set for certain (DESIGN §3: an existing or
// passed-in zone is linked elsewhere), its name is a known privatelink name, a zone group created for
// certain points at it, and no link, not even a maybe-deployed one or one whose zone is unknown, may
// belong to it. Zone groups of endpoints that pe-group-id-invalid silences do not count.
import { label } from './support/certain';
import { endpointVnet, linksMaybeOf, privatelinkZones, sameId, zoneUses } from './support/dns-network';
import type { VirtualNetwork } from '../model';
import { serverVnets } from './support/dns-custom-servers';
import { givenToUnreadCall } from './support/unread-calls';
import { declaredButSwitchedOff, vnetLinkType } from './support/switched-off';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-zone-unlinked',
  level: 'warning',
  fixable: true,
  startsFrom: ['dnsZones'],
  description: 'A private DNS zone that private endpoints use is linked to a virtual network.',
  messages: {
    unlinked:
      "Private DNS zone '{{zone}}' holds the record of private endpoint '{{endpoint}}' but is linked to no virtual network: no client resolves the endpoint's private address through it.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const { zone, name } of privatelinkZones(model)) {
      if (linksMaybeOf(model, zone).length > 0) continue;
      const uses = zoneUses(model, zone, cloud);
      if (uses.length === 0) continue;
      const vnets: VirtualNetwork[] = [];
      for (const use of uses) {
        const vnet = use.endpoint && endpointVnet(use.endpoint);
        if (vnet && !vnets.some((known) => sameId(known.id, vnet.id))) vnets.push(vnet);
      }
      // A VNet on custom DNS servers asks the zones linked where they live (dns-custom-server-unlinked).
      for (const vnet of [...vnets]) {
        for (const server of serverVnets(model, vnet, zone)?.vnets ?? []) {
          if (!vnets.some((known) => sameId(known.id, server.id))) vnets.push(server);
        }
      }
      // A module nobody can read, given the zone or one of these VNets, may link them.
      if (givenToUnreadCall(model, [zone, ...vnets])) continue;
      const first = uses[0];
      report({
        messageId: 'unlinked',
        data: { zone: name, endpoint: first.endpoint ? label(first.endpoint) : label(first.group) },
        at: { decl: zone.decl },
        related: uses.map((use) => ({
          decl: use.group.decl,
          message: `zone group '${label(use.group)}' writes its records into this zone`,
        })),
        ...(declaredButSwitchedOff(model, vnetLinkType, zone.id)
          ? {}
          : { fix: { kind: 'add-vnet-link' as const, vnets: vnets.map((vnet) => vnet.decl) } }),
      });
    }
  },
});
