// peering-spokes-overlap: every VNet peered with one VNet (the hub) must be non-overlapping with every
// other VNet peered with it, not only with the hub: the peering written second fails with
// VnetAddressSpaceOverlapsWithAlreadyPeeredVnet (FACTS §10 [VERIFIED], hubPeeringRules). Whichever order
// the deployment writes them in, one fails, so the finding goes to the later spoke: the one the recorded
// deployment order puts second, naming the peering that fails; else the one whose peering with the hub
// comes later in file order, saying only that the one written second fails (they may run in parallel).
// Certain cases: certainly deployed, created peerings (not subnet peerings, not self-peerings) joining
// the hub with two spokes that are different VNets this deployment creates once, with known prefixes.
// Cost: per hub, its spokes' prefixes are swept in address order, so only overlapping ranges meet.
import { hubPeeringRules } from '../facts';
import { idKey, orderedBefore, overlappingCidrPairs, type Cidr, type Peering, type VirtualNetwork } from '../model';
import { entityAnchor, isCreatedMoreThanOnce } from './support/entity-placement';
import { sameAddressSpaceEverywhere, vnetPrefixes, type PrefixEntry } from './support/address-prefixes';
import { certainlyCreated, certainlyCreatedAmong, label } from './support/certain';
import { isSelfPeering, maySubnetPeer, remoteVnet, sameVnet } from './support/peering-relations';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'peering-spokes-overlap',
  level: 'error',
  fixable: false,
  startsFrom: ['peerings'],
  pairwise: true,
  description:
    'Virtual networks peered with the same virtual network have address spaces that do not overlap each other.',
  appliesWhen: hubPeeringRules.peersOfOneVnetMustNotOverlap,
  messages: {
    overlap:
      "'{{spoke}}' ({{prefix}}) overlaps '{{other}}' ({{otherPrefix}}), which is also peered with '{{hub}}': Azure rejects peering '{{peering}}' with VnetAddressSpaceOverlapsWithAlreadyPeeredVnet.",
    overlapOrderUnknown:
      "'{{spoke}}' ({{prefix}}) overlaps '{{other}}' ({{otherPrefix}}), which is also peered with '{{hub}}': Azure rejects whichever of their peerings with '{{hub}}' is written second, with VnetAddressSpaceOverlapsWithAlreadyPeeredVnet.",
  },
  check({ model, report }: RuleContext) {
    // Model order is file order (the entry's declarations first, then each module's): numbered when two
    // spokes overlap, which most networks never do.
    let numbered: ReadonlyMap<Peering, number> | undefined;
    const position = () => (numbered ??= new Map(model.peerings.map((peering, index) => [peering, index])));
    // A VNet declared more than once counts when every declaration writes the same address space; then a
    // reference that resolves to its maybe-deployed copy stands for the certain one too.
    const usable = (vnet: VirtualNetwork) => {
      if (!isCreatedMoreThanOnce(model.vnets, vnet)) return certainlyCreated(vnet.decl);
      if (!sameAddressSpaceEverywhere(model.vnets, vnet)) return false;
      const key = idKey(vnet.id);
      return model.vnets.some((each) => idKey(each.id) === key && certainlyCreated(each.decl));
    };
    for (const [hub, spokes] of spokesByHub(model.peerings)) {
      if (spokes.size < 2) continue;
      const ranges: SpokeRange[] = [];
      for (const [spoke, peerings] of spokes) {
        if (!usable(spoke) || sameVnet(spoke, hub) !== false) continue;
        for (const entry of vnetPrefixes(spoke)?.entries ?? []) {
          if (entry.cidr) ranges.push({ spoke, peerings, entry, cidr: entry.cidr });
        }
      }
      const reported = new Set<VirtualNetwork>();
      for (const [a, b] of overlappingCidrPairs(ranges, (range) => range.cidr)) {
        if (a.spoke === b.spoke || sameVnet(a.spoke, b.spoke) !== false) continue;
        const [earlier, later, ordered] = inOrder(a, b, position());
        if (reported.has(later.spoke)) continue;
        reported.add(later.spoke);
        const peering = later.peerings[0];
        report({
          // Without a recorded order the deployment writes them in parallel: which fails is not known.
          messageId: ordered ? 'overlap' : 'overlapOrderUnknown',
          data: {
            spoke: label(later.spoke),
            prefix: String(later.entry.value),
            other: label(earlier.spoke),
            otherPrefix: String(earlier.entry.value),
            hub: label(hub),
            peering: label(peering),
          },
          at: entityAnchor(peering),
          related: [
            { decl: later.spoke.decl, path: later.entry.path, message: `Address space of '${label(later.spoke)}'.` },
            {
              decl: earlier.spoke.decl,
              path: earlier.entry.path,
              message: `Address space of '${label(earlier.spoke)}', peered with '${label(hub)}'.`,
            },
            {
              ...entityAnchor(earlier.peerings[0]),
              message: `Peering of '${label(earlier.spoke)}' with '${label(hub)}'.`,
            },
          ],
        });
      }
    }
  },
});

interface SpokeRange {
  spoke: VirtualNetwork;
  /** The spoke's peerings with the hub (either direction), in model order. */
  peerings: Peering[];
  entry: PrefixEntry;
  cidr: Cidr;
}

/** Hub → spoke → the peerings joining them, from every peering that certainly joins two VNets. */
function spokesByHub(peerings: readonly Peering[]): Map<VirtualNetwork, Map<VirtualNetwork, Peering[]>> {
  const hubs = new Map<VirtualNetwork, Map<VirtualNetwork, Peering[]>>();
  const add = (hub: VirtualNetwork, spoke: VirtualNetwork, peering: Peering) => {
    let spokes = hubs.get(hub);
    if (!spokes) hubs.set(hub, (spokes = new Map()));
    const list = spokes.get(spoke) ?? [];
    list.push(peering);
    spokes.set(spoke, list);
  };
  for (const peering of certainlyCreatedAmong(peerings)) {
    const local = peering.local;
    const remote = remoteVnet(peering);
    if (!local || !remote) continue;
    if (isSelfPeering(peering) !== false || maySubnetPeer(peering)) continue;
    add(local, remote, peering);
    add(remote, local, peering);
  }
  return hubs;
}

/**
 * The two spokes in deployment order, and whether that order is certain: by the recorded order when
 * every peering of one is ordered before every peering of the other, else (not certain) by their first
 * peering with the hub in file order.
 */
function inOrder(
  a: SpokeRange,
  b: SpokeRange,
  position: ReadonlyMap<Peering, number>,
): [SpokeRange, SpokeRange, boolean] {
  const allBefore = (first: SpokeRange, second: SpokeRange) =>
    first.peerings.every((p) => second.peerings.every((q) => orderedBefore(p.decl, q.decl) === true));
  if (allBefore(b, a)) return [b, a, true];
  if (allBefore(a, b)) return [a, b, true];
  return position.get(a.peerings[0])! <= position.get(b.peerings[0])! ? [a, b, false] : [b, a, false];
}
