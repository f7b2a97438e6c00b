// dns-custom-server-unlinked: a VNet whose clients resolve a private endpoint uses custom DNS servers,
// and the zone the endpoint's zone group writes into is not linked where those servers live: custom
// servers never query the zones linked to the asking VNet, only those linked to the VNet the server
// (a resolver inbound endpoint or a forwarder) sits in (FACTS §5.2, S5), so the zone is never queried.
// Certain cases: the zone is created for certain with a known privatelink name and has a link (with
// none, dns-zone-unlinked reports it); a zone group created for certain writes into it; the client VNet
// (the endpoint's, or one peered both ways) certainly lists known servers; every server lies in exactly
// one analysed, certainly created VNet, outside a firewall subnet (its upstream is not in the VNet's
// templates), and a server VM's VNet asks Azure DNS or only those servers (else its forwarders may
// send the query on to a server that answers); no link may join the zone to a server's VNet, nor to the VNet of any resolver declared
// (a forwarder may forward to it).
import { customDnsResolution } from '../facts';
import { CertainlySameIds, type VirtualNetwork } from '../model';
import { certainlyCreatedAsOne, label } from './support/certain';
import { holdsSameVnet, linksMaybeOf, privatelinkZones, zoneClients } from './support/dns-network';
import { resolverMayAnswer, serverVnets } from './support/dns-custom-servers';
import { givenToUnreadCall } from './support/unread-calls';
import { defineRule, type RelatedAnchor, type RuleContext } from './support/rule';

export default defineRule({
  id: 'dns-custom-server-unlinked',
  level: 'warning',
  fixable: true,
  startsFrom: ['dnsZones'],
  description:
    "A private DNS zone that private endpoints use is linked where the custom DNS servers of their clients' virtual networks live.",
  appliesWhen: customDnsResolution.customServersBypassOwnLinks && customDnsResolution.answeredWhereServerLives,
  messages: {
    unlinked:
      "Private DNS zone '{{zone}}' is not linked to {{dnsVnets}}, where the custom DNS servers {{servers}} of '{{client}}' live: custom DNS servers answer only from zones linked to their own virtual network, so clients in '{{client}}' resolve private endpoint '{{endpoint}}' to its public address.",
  },
  check({ model, cloud, report }: RuleContext) {
    for (const { zone, name } of privatelinkZones(model)) {
      // Like dns-zone-vnet-link-missing: a zone without any link is dns-zone-unlinked's finding.
      if (linksMaybeOf(model, zone).length === 0) continue;
      if (resolverMayAnswer(model, zone)) continue;
      const toLink = new CertainlySameIds<VirtualNetwork>();
      const vnetsToLink: VirtualNetwork[] = [];
      const related: RelatedAnchor[] = [];
      let first:
        { client: VirtualNetwork; servers: string[]; endpoint: string; dnsVnets: VirtualNetwork[] } | undefined;
      const seenClients = new CertainlySameIds<VirtualNetwork>();
      for (const { group, endpoint, vnets: clients } of zoneClients(model, zone, cloud)) {
        for (const client of clients) {
          if (holdsSameVnet(seenClients, client)) continue;
          seenClients.add(client.id, client);
          if (!certainlyCreatedAsOne(client.decl)) continue;
          const dns = serverVnets(model, client, zone);
          if (!dns || givenToUnreadCall(model, [zone, ...dns.vnets])) continue;
          first ??= { client, servers: dns.servers, endpoint: label(endpoint), dnsVnets: dns.vnets };
          related.push({
            decl: client.decl,
            message: `virtual network '${label(client)}' uses the custom DNS servers ${dns.servers.join(', ')}`,
          });
          for (const vnet of dns.vnets) {
            if (holdsSameVnet(toLink, vnet)) continue;
            toLink.add(vnet.id, vnet);
            vnetsToLink.push(vnet);
            related.push({ decl: vnet.decl, message: `the DNS servers live in virtual network '${label(vnet)}'` });
          }
        }
        if (first)
          related.push({ decl: group.decl, message: `zone group '${label(group)}' writes its records into this zone` });
      }
      if (!first) continue;
      report({
        messageId: 'unlinked',
        data: {
          zone: name,
          client: label(first.client),
          endpoint: first.endpoint,
          servers: first.servers.join(', '),
          dnsVnets: first.dnsVnets.map((vnet) => `'${label(vnet)}'`).join(', '),
        },
        at: { decl: zone.decl },
        related: firstOfEach(related),
        fix: { kind: 'add-vnet-link', vnets: vnetsToLink.map((vnet) => vnet.decl) },
      });
    }
  },
});

/** Each declaration and message once, at its first place. */
function firstOfEach(related: readonly RelatedAnchor[]): RelatedAnchor[] {
  const seen = new Set<string>();
  return related.filter((entry) => {
    const key = `${entry.decl.uri}:${entry.decl.range.start}:${entry.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
