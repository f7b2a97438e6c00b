// dns-zone-vnet-link-missing: a VNet that should resolve a private endpoint through a privatelink zone
// is not linked to it: the endpoint's own VNet, or a VNet peered with it in both directions, that uses
// Azure-provided DNS (FACTS §5.2: linked zones answer only such VNets, and only when linked).
// Certain cases: the zone is created for certain with a known privatelink name and has at least one
// link (with none, dns-zone-unlinked reports it instead); a zone group created for certain points at
// it; the endpoint's VNet is known; the VNet certainly uses Azure-provided DNS (dhcpOptions.dnsServers
// absent, empty or only 168.63.129.16); and no link, not even a maybe one or one with an unknown VNet, may join the two.
import { vnetLinkRules } from '../facts';
import { CertainlySameIds, type VirtualNetwork, type ZoneGroup } from '../model';
import { certainlyCreatedAsOne, label } from './support/certain';
import {
  holdsSameVnet,
  linksMaybeOf,
  mayBeLinked,
  privatelinkZones,
  rulesetMayForward,
  sameId,
  usesAzureProvidedDns,
  zoneClients,
} from './support/dns-network';
import { customServerHomes } from './support/dns-custom-servers';
import { givenToUnreadCall } from './support/unread-calls';
import { declaredButSwitchedOff, vnetLinkType } from './support/switched-off';
import { defineRule, type RelatedAnchor, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-zone-vnet-link-missing',
  level: 'warning',
  fixable: true,
  startsFrom: ['dnsZones'],
  description:
    "A private DNS zone a private endpoint uses is linked to the endpoint's virtual network and to the networks peered with it.",
  appliesWhen: vnetLinkRules.linkedZonesNeedAzureProvidedDns,
  messages: {
    ownVnet:
      "Private DNS zone '{{zone}}' is not linked to '{{home}}', the virtual network of private endpoint '{{endpoint}}'{{more}}: clients there use Azure-provided DNS, which answers only from linked zones, so they resolve the endpoint's public address.",
    peered:
      "Private DNS zone '{{zone}}' is not linked to {{vnets}}, peered with the virtual network of private endpoint '{{endpoint}}': clients there use Azure-provided DNS, which answers only from linked zones, so they resolve the endpoint's public address.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const { zone, name } of privatelinkZones(model)) {
      // DESIGN §3: dns-zone-unlinked silences this rule for a zone without links.
      if (linksMaybeOf(model, zone).length === 0) continue;
      const missing: { vnet: VirtualNetwork; own: boolean; endpoint: string }[] = [];
      const missingByVnet = new CertainlySameIds<VirtualNetwork>();
      // A zone group's note is written only when the zone has a finding (most have none): the group
      // stands in its place until then (issue 16: a message per endpoint and zone on every analysis).
      const related: (RelatedAnchor | ZoneGroup)[] = [];
      // A hub is a client VNet of every spoke's endpoints: judged once per zone, its answer stands.
      const judged = new Set<VirtualNetwork>();
      for (const { group, endpoint, home, vnets } of zoneClients(model, zone, cloud)) {
        for (const vnet of vnets) {
          if (judged.has(vnet)) continue;
          judged.add(vnet);
          if (holdsSameVnet(missingByVnet, vnet)) continue;
          if (
            !certainlyCreatedAsOne(vnet.decl) ||
            usesAzureProvidedDns(model, vnet) !== true ||
            rulesetMayForward(model, vnet, name) ||
            mayBeLinked(model, zone, vnet) ||
            givenToUnreadCall(model, [zone, vnet])
          )
            continue;
          missing.push({ vnet, own: vnet === home, endpoint: label(endpoint) });
          missingByVnet.add(vnet.id, vnet);
          related.push({ decl: vnet.decl, message: `virtual network '${label(vnet)}' (Azure-provided DNS)` });
          if (vnet !== home)
            related.push({
              decl: home.decl,
              message: `the virtual network '${label(home)}' of private endpoint '${label(endpoint)}'`,
            });
        }
        related.push(group);
      }
      // One missing link, one finding: a VNet where a client's custom DNS servers live is
      // dns-custom-server-unlinked's to ask for (its clients are the reason), not also this rule's.
      if (missing.length > 0) {
        const homes = customServerHomes(model, zone, cloud);
        for (let index = missing.length - 1; index >= 0; index--)
          if (homes.some((home) => home === missing[index].vnet || sameId(home.id, missing[index].vnet.id)))
            missing.splice(index, 1);
      }
      if (missing.length === 0) continue;
      const own = missing.find((entry) => entry.own);
      const others = missing
        .filter((entry) => entry !== own)
        .map((entry) => `'${label(entry.vnet)}'`)
        .join(', ');
      report({
        messageId: own ? 'ownVnet' : 'peered',
        data: own
          ? { zone: name, home: label(own.vnet), endpoint: own.endpoint, more: others ? ` (nor to ${others})` : '' }
          : { zone: name, vnets: others, endpoint: missing[0].endpoint },
        at: { decl: zone.decl },
        related: firstOfEach(related.map(withGroupNote)),
        ...(declaredButSwitchedOff(model, vnetLinkType, zone.id)
          ? {}
          : { fix: { kind: 'add-vnet-link' as const, vnets: missing.map((entry) => entry.vnet.decl) } }),
      });
    }
  },
});

/** A zone group's place in `related` as its note. */
function withGroupNote(entry: RelatedAnchor | ZoneGroup): RelatedAnchor {
  if (!('kind' in entry)) return entry;
  return { decl: entry.decl, message: `zone group '${label(entry)}' writes its records into this zone` };
}

/** Each declaration and message once, at its first place (a zone group per endpoint can repeat them). */
function firstOfEach(related: readonly RelatedAnchor[]): RelatedAnchor[] {
  const seen = new Map<object, Set<string>>();
  return related.filter((entry) => {
    let messages = seen.get(entry.decl);
    if (!messages) seen.set(entry.decl, (messages = new Set()));
    if (messages.has(entry.message)) return false;
    messages.add(entry.message);
    return true;
  });
}
