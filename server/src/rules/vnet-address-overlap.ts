// vnet-address-overlap: peered VNets must not have overlapping address spaces (FACTS §4.2 [VERIFIED S7],
// peeringRules.addressSpacesMustNotOverlap). Certain cases: a certainly deployed peering A→B between two
// certainly deployed VNets this set creates, where a valid prefix of A overlaps one of B. Reported on each
// peering of the pair (A→B and B→A each get their own finding), once where both are written in one
// place. Silent for a self-peering (peering-self
// speaks) and for a subnet peering, which may connect VNets whose other ranges overlap (FACTS §4.2, S8).
import { peeringRules } from '../facts';
import { cidrOverlaps, type VirtualNetwork } from '../model';
import { entityAnchor, isCreatedMoreThanOnce } from './support/entity-placement';
import { vnetPrefixes, type PrefixEntry } from './support/address-prefixes';
import { certainlyCreatedAmong, certainlyDeployed, label } from './support/certain';
import { isSelfPeering, maySubnetPeer, remoteVnet, sameVnet } from './support/peering-relations';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'vnet-address-overlap',
  level: 'error',
  fixable: false,
  startsFrom: ['peerings'],
  description: 'Peered virtual networks have address spaces that do not overlap.',
  appliesWhen: peeringRules.addressSpacesMustNotOverlap,
  messages: {
    overlap:
      "Peering '{{peering}}' connects VNets whose address spaces overlap ('{{vnet}}' has '{{prefix}}', '{{remote}}' has '{{remotePrefix}}'): Azure does not peer overlapping VNets, so the peering fails.",
  },
  check({ model, report }: RuleContext) {
    // Both peerings of a pair may be written in one place (an AVM `peerings` entry with
    // remotePeeringEnabled): that place reports the pair once.
    const reported = new Set<string>();
    for (const peering of certainlyCreatedAmong(model.peerings)) {
      const local = peering.local;
      const remote = remoteVnet(peering);
      if (!local || !remote) continue;
      // A VNet declared twice may end with either declaration's address space.
      if (isCreatedMoreThanOnce(model.vnets, remote) || isCreatedMoreThanOnce(model.vnets, local)) continue;
      if (!certainlyDeployed(local.decl) || !certainlyDeployed(remote.decl)) continue;
      if (isSelfPeering(peering) !== false || sameVnet(local, remote) !== false || maySubnetPeer(peering)) continue;
      const clash = overlapOf(local, remote);
      if (!clash) continue;
      const at = entityAnchor(peering);
      const place = `${at.decl.uri}:${at.decl.range.start}:${at.path ?? ''}|${[local.key, remote.key].sort().join('|')}`;
      if (reported.has(place)) continue;
      reported.add(place);
      report({
        messageId: 'overlap',
        data: {
          peering: label(peering),
          vnet: label(local),
          prefix: String(clash.mine.value),
          remote: label(remote),
          remotePrefix: String(clash.theirs.value),
        },
        at,
        related: [
          { decl: local.decl, path: clash.mine.path, message: `Address space of '${label(local)}'.` },
          { decl: remote.decl, path: clash.theirs.path, message: `Address space of '${label(remote)}'.` },
        ],
      });
    }
  },
});

function overlapOf(
  local: VirtualNetwork,
  remote: VirtualNetwork,
): { mine: PrefixEntry; theirs: PrefixEntry } | undefined {
  const mine = vnetPrefixes(local)?.entries ?? [];
  const theirs = vnetPrefixes(remote)?.entries ?? [];
  for (const a of mine) {
    for (const b of theirs) {
      if (a.cidr && b.cidr && cidrOverlaps(a.cidr, b.cidr)) return { mine: a, theirs: b };
    }
  }
  return undefined;
}
