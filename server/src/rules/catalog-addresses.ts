// Rules of the catalog's addresses group (DESIGN §3), in catalog order.
import type { RuleDefinition } from './rule';

export const addressesRules: readonly RuleDefinition[] = [];
