// subnet-overlap: subnets of one VNet must not overlap (FACTS §7). Certain cases: two certainly deployed
// subnets of the same VNet, with ids that certainly differ (the same id is the same subnet), whose valid
// prefixes overlap. Reported on the later subnet in file order, with the earlier as related.
// Cost: one sweep of the VNet's prefixes in address order, so only overlapping prefixes are compared.
import { cidrOverlaps, overlappingCidrPairs, same, type Cidr, type Subnet } from '../model';
import { compareFileOrder, isCreatedMoreThanOnce } from './support/entity-placement';
import { subnetPrefixes, type PrefixEntry } from './support/address-prefixes';
import { certainlyCreated, label } from './support/certain';
import { defineRule, type RuleContext } from './support/rule';

export default defineRule({
  id: 'subnet-overlap',
  level: 'error',
  fixable: false,
  // Two subnets of one VNet: every VNet's subnets are among the model's.
  startsFrom: ['subnets'],
  pairwise: true,
  description: 'Subnets of one virtual network do not overlap.',
  messages: {
    overlap:
      "Subnet '{{subnet}}' ({{prefix}}) overlaps subnet '{{other}}' ({{otherPrefix}}) in VNet '{{vnet}}': subnets of one VNet must not share addresses, so Azure rejects the deployment.",
  },
  check({ model, report }: RuleContext) {
    for (const vnet of model.vnets) {
      if (vnet.subnets.length < 2) continue;
      // A VNet declared twice keeps one declaration's inline subnets (which depends on deployment order);
      // its child subnets, which join it by id, all stay.
      const settled = !isCreatedMoreThanOnce(model.vnets, vnet);
      const subnets = vnet.subnets
        .filter((subnet) => certainlyCreated(subnet.decl) && (!subnet.inline || settled))
        .map((subnet) => ({ subnet, entries: (subnetPrefixes(subnet)?.entries ?? []).filter((item) => item.cidr) }))
        .filter((item) => item.entries.length > 0)
        .sort((a, b) => compareFileOrder(a.subnet, b.subnet));
      // Which earlier subnets each one's prefixes meet: a sweep in address order, not every pair.
      const entries = subnets.flatMap((item, index) => item.entries.map((entry) => ({ index, cidr: entry.cidr! })));
      const meets = earlierMeets(entries);
      for (const index of [...meets.keys()].sort((x, y) => x - y)) {
        const later = subnets[index];
        const earlierIndexes = meets.get(index)!;
        // The first earlier subnet in file order that clashes, as comparing in file order finds it.
        for (const earlierIndex of [...new Set(earlierIndexes)].sort((x, y) => x - y)) {
          const earlier = subnets[earlierIndex];
          const clash = overlapOf(earlier, later);
          if (!clash) continue;
          report({
            messageId: 'overlap',
            data: {
              subnet: label(later.subnet),
              prefix: `'${String(clash.mine.value)}'`,
              other: label(earlier.subnet),
              otherPrefix: `'${String(clash.theirs.value)}'`,
              vnet: label(vnet),
            },
            at: { decl: later.subnet.decl, path: clash.mine.path },
            related: [
              {
                decl: earlier.subnet.decl,
                path: clash.theirs.path,
                message: `Subnet '${label(earlier.subnet)}' uses '${String(clash.theirs.value)}'.`,
              },
            ],
          });
          break;
        }
      }
    }
  },
});

/**
 * For each subnet (by its index) whose prefixes meet an earlier subnet's, the earlier ones' indexes (in no
 * order, maybe repeated): every pair of overlapping prefixes of two subnets.
 */
function earlierMeets(entries: readonly { index: number; cidr: Cidr }[]): Map<number, number[]> {
  const meets = new Map<number, number[]>();
  for (const [a, b] of overlappingCidrPairs(entries, (entry) => entry.cidr)) {
    if (a.index === b.index) continue;
    const [earlier, later] = a.index < b.index ? [a.index, b.index] : [b.index, a.index];
    const list = meets.get(later);
    if (list) list.push(earlier);
    else meets.set(later, [earlier]);
  }
  return meets;
}

interface Prefixed {
  subnet: Subnet;
  entries: PrefixEntry[];
}

function overlapOf(earlier: Prefixed, later: Prefixed): { mine: PrefixEntry; theirs: PrefixEntry } | undefined {
  // One subnet declared twice (inline and as a child, or by two templates) is not two subnets: only ids
  // that certainly differ make two (ids, not names, since a child's name carries its VNet's).
  if (same(earlier.subnet.id, later.subnet.id, true) !== false) return undefined;
  for (const mine of later.entries) {
    for (const theirs of earlier.entries) {
      if (mine.cidr && theirs.cidr && cidrOverlaps(mine.cidr, theirs.cidr)) return { mine, theirs };
    }
  }
  return undefined;
}
