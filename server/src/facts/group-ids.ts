// Group ids (private-link sub-resources) known per target resource type, for `pe-group-id-invalid`.
// Invariants: ids come from the zone tables of every cloud (FACTS §1, App. A, App. B, unverified rows
// included) plus the Private Link service fact of FACTS §2.1. FACTS §12: no API publishes a complete
// list, so an id is invalid only where FACTS says no other id exists (a Private Link service), or when
// it is documented for none of the type's sub-resources and nearly spells one that is (a near miss).
import { closestByEditDistance, nearMiss } from './closest';
import { zoneTables } from './dns-zones';

export interface GroupIdFacts {
  /** As FACTS spells it. */
  readonly resourceType: string;
  /** Known ids, first spelling seen. */
  readonly groupIds: readonly string[];
  /** Every spelling the tables document (case variants of one id across clouds included). */
  readonly spellings: readonly string[];
  /** Prefixes of further valid ids (FACTS §1a #89: Web Apps deployment slots use `sites-<slotName>`). */
  readonly prefixes: readonly string[];
  /** True only where FACTS states that no other group id exists. */
  readonly complete: boolean;
  /** FACTS §12 (Cosmos DB): the API itself answers `sql` for the documented `Sql`, so case does not matter. */
  readonly caseInsensitive: boolean;
}

/**
 * FACTS §2.1: `groupIds` is empty/omitted for a customer Private Link service, so no id is valid there.
 * FACTS §1 lists only ids that have DNS zones and never claims a list is exhaustive: every other type is
 * incomplete, and only a near miss of a documented id is judged there.
 */
const explicitFacts: readonly GroupIdFacts[] = [
  {
    resourceType: 'Microsoft.Network/privateLinkServices',
    groupIds: [],
    spellings: [],
    prefixes: [],
    complete: true,
    caseInsensitive: false,
  },
];

const prefixesByType: Readonly<Record<string, readonly string[]>> = { 'microsoft.web/sites': ['sites-'] };

/** FACTS §12: Cosmos DB group ids compare case-insensitively (the API returns `sql` for `Sql`). */
const caseInsensitiveTypes: ReadonlySet<string> = new Set(['microsoft.documentdb/databaseaccounts']);

let byType: Map<string, GroupIdFacts> | undefined;

function index(): Map<string, GroupIdFacts> {
  if (byType) return byType;
  const collected = new Map<string, { resourceType: string; ids: string[]; spellings: Set<string> }>();
  for (const rows of Object.values(zoneTables)) {
    for (const row of rows) {
      const k = row.resourceType.toLowerCase();
      const entry = collected.get(k) ?? { resourceType: row.resourceType, ids: [], spellings: new Set<string>() };
      for (const id of row.groupIds) {
        entry.spellings.add(id);
        if (!entry.ids.some((known) => known.toLowerCase() === id.toLowerCase())) entry.ids.push(id);
      }
      collected.set(k, entry);
    }
  }
  byType = new Map();
  for (const [k, entry] of collected) {
    byType.set(k, {
      resourceType: entry.resourceType,
      groupIds: entry.ids,
      spellings: [...entry.spellings],
      prefixes: prefixesByType[k] ?? [],
      complete: false,
      caseInsensitive: caseInsensitiveTypes.has(k),
    });
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

/** Whether the type's tables document the id: as spelled, or in any case where FACTS says case does not matter. */
function documented(facts: GroupIdFacts, groupId: string): boolean {
  if (facts.spellings.includes(groupId)) return true;
  const lower = groupId.toLowerCase();
  if (facts.caseInsensitive && facts.spellings.some((id) => id.toLowerCase() === lower)) return true;
  return facts.prefixes.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length);
}

/**
 * The documented id that `groupId` nearly spells, when it is documented for none of the type's
 * sub-resources: the same id in another case (`Vault` for `vault`), or the one id within a small edit
 * distance (`blobs` for `blob`; at most one edit per four letters of the documented id, at least one).
 * Two equally near ids leave the intent unclear: undefined.
 */
export function nearMissGroupId(resourceType: string, groupId: string): string | undefined {
  const facts = groupIdFacts(resourceType);
  if (!facts || groupId === '' || documented(facts, groupId)) return undefined;
  const lower = groupId.toLowerCase();
  return facts.groupIds.find((id) => id.toLowerCase() === lower) ?? nearMiss(facts.groupIds, groupId);
}

/**
 * `valid` when the type's tables document the id; `invalid` when the type's list is complete without it
 * or the id is a near miss of a documented one (nearMissGroupId); `unknown` otherwise (the rule stays silent).
 */
export function groupIdValidity(resourceType: string, groupId: string): 'valid' | 'invalid' | 'unknown' {
  const facts = groupIdFacts(resourceType);
  if (!facts) return 'unknown';
  if (documented(facts, groupId)) return 'valid';
  // Another case of a documented id: FACTS §1 compares group ids without case (the docs mix `Sql` and
  // `SQL`), and whether a provider does is stated only for Cosmos DB (§12); Azure's own modules write
  // `web` for Synapse's `Web`. Not judged either way.
  const lower = groupId.toLowerCase();
  if (facts.spellings.some((id) => id.toLowerCase() === lower)) return 'unknown';
  if (facts.complete || nearMissGroupId(resourceType, groupId) !== undefined) return 'invalid';
  return 'unknown';
}

/** The known id nearest to `groupId` by edit distance (case-insensitive), for a replacement fix. */
export function closestGroupId(resourceType: string, groupId: string): string | undefined {
  return (
    nearMissGroupId(resourceType, groupId) ?? closestByEditDistance(groupIdFacts(resourceType)?.groupIds ?? [], groupId)
  );
}
