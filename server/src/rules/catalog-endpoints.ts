// Rules of the catalog's endpoints group (DESIGN §3), in catalog order.
import type { RuleDefinition } from './rule';

export const endpointsRules: readonly RuleDefinition[] = [];
