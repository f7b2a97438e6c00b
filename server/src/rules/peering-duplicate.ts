// peering-duplicate: two peerings from one VNet to the same remote VNet (FACTS §4.2 [VERIFIED S8]: one
// peering link per VNet pair). Certain case: two certainly deployed peerings (not `existing`) whose ids
// certainly differ (the same id is one peering written twice), whose local VNets are certainly the same
// and whose remotes are certainly the same VNet. Reported on the later declaration in file order.
import { certainKey, Lookup, same, type Peering } from '../model';
import { compareFileOrder, entityAnchor } from './support/entity-placement';
import { canBeId, certainlyCreated, label, valueForMessage } from './support/certain';
import { isSelfPeering, localIs, sameVnet } from './support/peering-relations';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'peering-duplicate',
  level: 'error',
  fixable: false,
  startsFrom: ['peerings'],
  pairwise: true,
  description: 'A virtual network has at most one peering to each remote virtual network.',
  messages: {
    duplicate:
      "Peering '{{peering}}' connects '{{vnet}}' to '{{remote}}', which peering '{{other}}' already does: Azure allows one peering per pair of VNets, so the deployment fails.",
  },
  check({ model, report }: RuleContext) {
    const peerings = model.peerings
      .filter(
        (peering) =>
          peering.local && peering.remote && certainlyCreated(peering.decl) && isSelfPeering(peering) !== true,
      )
      .sort(compareFileOrder);
    // Earlier peerings filed by what `duplicates` finds certainly equal: the local VNet's id with the
    // remote's resolved id (`r`) or its written id (`w`); a later one asks under both.
    const earlierByEnds = new Lookup<Peering>();
    const numbers = new KeyNumbers();
    for (const later of peerings) {
      const keys = endKeys(later, numbers);
      const earlier = earlierByEnds.candidates(keys).find((candidate) => duplicates(candidate, later));
      earlierByEnds.add(keys, later);
      if (!earlier?.local) continue;
      const remote = later.remote?.resolved ? label(later.remote.target) : valueForMessage(later.remote?.value);
      report({
        messageId: 'duplicate',
        data: { peering: label(later), vnet: label(earlier.local), remote, other: label(earlier) },
        at: entityAnchor(later),
        related: [{ ...entityAnchor(earlier), message: `Peering '${label(earlier)}' already connects these VNets.` }],
      });
    }
  },
});

/**
 * The keys a peering is filed and asked under: undefined (compare with all) when an id has no certain key.
 * Each certain key stands as its number: a key of two whole ids was a new string of some 400 characters
 * per peering, which every read of the lookup copied flat and hashed (issue 16).
 */
function endKeys(peering: Peering, numbers: KeyNumbers): (string | undefined)[] {
  const local = peering.local ? certainKey(peering.local.id) : undefined;
  const remote = peering.remote;
  if (local === undefined || !remote) return [undefined];
  const localNumber = numbers.of(local);
  const written = certainKey(remote.value);
  const keys = [written === undefined ? undefined : `w${localNumber}|${numbers.of(written)}`];
  if (remote.resolved) {
    const resolved = certainKey(remote.target.id);
    keys.push(resolved === undefined ? undefined : `r${localNumber}|${numbers.of(resolved)}`);
  }
  return keys;
}

/** A number for each key, the same for equal keys and different for different ones (one check's). */
class KeyNumbers {
  private readonly numbers = new Map<string, number>();

  of(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) this.numbers.set(key, (number = this.numbers.size));
    return number;
  }
}

function duplicates(earlier: Peering, later: Peering): boolean {
  if (!earlier.local || !earlier.remote || !later.remote) return false;
  if (same(earlier.id, later.id, true) !== false) return false;
  if (localIs(later, earlier.local) !== true) return false;
  const a = earlier.remote;
  const b = later.remote;
  if (a.resolved && b.resolved) return sameVnet(a.target, b.target) === true;
  // Two equal remotes that are no id (blank, an object) name no VNet: Azure rejects each peering for its id.
  return canBeId(a.value) && same(a.value, b.value, true) === true;
}
