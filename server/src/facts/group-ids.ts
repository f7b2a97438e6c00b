// Group ids (private-link sub-resources) known per target resource type, for `pe-group-id-invalid`.
// Invariants: ids come from the zone tables of every cloud (FACTS §1, App. A, App. B, unverified rows
// included) plus the Private Link service fact of FACTS §2.1; a list is `complete` only where FACTS says
// no other id exists, and only a complete list can make an id invalid. Comparison is case-insensitive.
import { closestByEditDistance } from './closest';
import { zoneTables } from './dns-zones';

export interface GroupIdFacts {
  /** As FACTS spells it. */
  readonly resourceType: string;
  /** Known ids, first spelling seen. */
  readonly groupIds: readonly string[];
  /** Prefixes of further valid ids (FACTS §1a #89: Web Apps deployment slots use `sites-<slotName>`). */
  readonly prefixes: readonly string[];
  /** True only where FACTS states that no other group id exists. */
  readonly complete: boolean;
}

/**
 * FACTS §2.1: `groupIds` is empty/omitted for a customer Private Link service, so no id is valid there.
 * FACTS §1 lists only ids that have DNS zones and never claims a list is exhaustive: every other type is
 * incomplete, and `pe-group-id-invalid` cannot fire for it.
 */
const explicitFacts: readonly GroupIdFacts[] = [
  { resourceType: 'Microsoft.Network/privateLinkServices', groupIds: [], prefixes: [], complete: true },
];

const prefixesByType: Readonly<Record<string, readonly string[]>> = { 'microsoft.web/sites': ['sites-'] };

let byType: Map<string, GroupIdFacts> | undefined;

function index(): Map<string, GroupIdFacts> {
  if (byType) return byType;
  const collected = new Map<string, { resourceType: string; ids: string[] }>();
  for (const rows of Object.values(zoneTables)) {
    for (const row of rows) {
      const k = row.resourceType.toLowerCase();
      const entry = collected.get(k) ?? { resourceType: row.resourceType, ids: [] };
      for (const id of row.groupIds) {
        if (!entry.ids.some((known) => known.toLowerCase() === id.toLowerCase())) entry.ids.push(id);
      }
      collected.set(k, entry);
    }
  }
  byType = new Map();
  for (const [k, entry] of collected) {
    byType.set(k, { resourceType: entry.resourceType, groupIds: entry.ids, prefixes: prefixesByType[k] ?? [], complete: false });
  }
  for (const facts of explicitFacts) byType.set(facts.resourceType.toLowerCase(), facts);
  return byType;
}

/** Every target type with known group ids, as FACTS spells it. */
export function groupIdTypes(): string[] {
  return [...index().values()].map((facts) => facts.resourceType);
}

/** What is known about the group ids of a target type, or `undefined` for a type FACTS does not cover. */
export function groupIdFacts(resourceType: string): GroupIdFacts | undefined {
  return index().get(resourceType.toLowerCase());
}

/**
 * `valid` when the id is known for the type; `invalid` only when the type's list is complete and the id is
 * not in it; `unknown` otherwise (the rule stays silent).
 */
export function groupIdValidity(resourceType: string, groupId: string): 'valid' | 'invalid' | 'unknown' {
  const facts = groupIdFacts(resourceType);
  if (!facts) return 'unknown';
  const lower = groupId.toLowerCase();
  if (facts.groupIds.some((id) => id.toLowerCase() === lower)) return 'valid';
  if (facts.prefixes.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length)) return 'valid';
  return facts.complete ? 'invalid' : 'unknown';
}

/** The known id nearest to `groupId` by edit distance (case-insensitive), for a replacement fix. */
export function closestGroupId(resourceType: string, groupId: string): string | undefined {
  return closestByEditDistance(groupIdFacts(resourceType)?.groupIds ?? [], groupId);
}
