// Which rules of a catalog can report on a model, decided before any check runs: a rule whose
// `startsFrom` collections the model leaves empty (or, for a pairwise rule, holds fewer than two
// entities in all) is skipped, and a rule whose facts do not hold (`appliesWhen: false`) never runs.
// Invariant: only rules that could not report are skipped (rule-starts-from.test.ts).
import type { NetworkModel } from '../model/types';
import type { EntityCollection, RuleDefinition } from '../rules/support/rule';

/**
 * Each collection's bit in a model's mask (collectionsHeld): the Record's type makes the compiler ask
 * for a new one here.
 */
const collectionBits: Readonly<Record<EntityCollection, number>> = {
  vnets: 1 << 0,
  subnets: 1 << 1,
  peerings: 1 << 2,
  privateEndpoints: 1 << 3,
  zoneGroups: 1 << 4,
  dnsZones: 1 << 5,
  vnetLinks: 1 << 6,
  nsgs: 1 << 7,
  routeTables: 1 << 8,
  privateLinkServices: 1 << 9,
  vnetGateways: 1 << 10,
  targets: 1 << 11,
};
const entityCollections = Object.keys(collectionBits) as EntityCollection[];
/** How far a collection's bit moves to say it holds two entities or more. */
const manyShift = 12;

/** A rule of a catalog with the mask of the collections its findings start from (0: it names none). */
export interface PlannedRule {
  rule: RuleDefinition;
  starts: number;
  pairwise: boolean;
}

/**
 * A catalog's rules that apply, each with its mask, worked out once per catalog (the catalog is code,
 * not input): every model of every analysis asked each rule for its collections, one by one. The plan
 * is kept for the array: the array is frozen, so a catalog changed in place (which would keep a stale
 * plan, and stale findings kept with a model, run-rules.ts judged) throws instead.
 */
const plans = new WeakMap<readonly RuleDefinition[], readonly PlannedRule[]>();

export function planOf(catalog: readonly RuleDefinition[]): readonly PlannedRule[] {
  let plan = plans.get(catalog);
  if (plan) return plan;
  Object.freeze(catalog);
  plan = catalog
    .filter((rule) => rule.appliesWhen !== false)
    .map((rule) => ({
      rule,
      starts: (rule.startsFrom ?? []).reduce((mask, collection) => mask | collectionBits[collection], 0),
      pairwise: rule.pairwise === true,
    }));
  plans.set(catalog, plan);
  return plan;
}

/**
 * A model's mask: the bit of each collection that holds an entity, and that bit moved by `manyShift`
 * when it holds two or more. Read once per model, as plain numbers (a Map of counts was garbage).
 */
export function collectionsHeld(model: NetworkModel): number {
  let mask = 0;
  for (let index = 0; index < entityCollections.length; index++) {
    const collection = entityCollections[index];
    const count = model[collection].length;
    if (count > 0) mask |= count > 1 ? collectionBits[collection] * ((1 << manyShift) + 1) : collectionBits[collection];
  }
  return mask;
}

/**
 * Whether the model holds what the rule's findings can start from: an entity of its collections, or
 * two for a pairwise rule, in one collection or in two (a rule that names none: yes).
 */
export function startsIn(held: number, starts: number, pairwise: boolean): boolean {
  if (starts === 0) return true;
  const some = held & starts;
  if (!pairwise || some === 0) return some !== 0;
  return (some & (some - 1)) !== 0 || ((held >>> manyShift) & starts) !== 0;
}
