// Rules of the catalog's dns group (DESIGN §3), in catalog order.
import type { RuleDefinition } from './rule';

export const dnsRules: readonly RuleDefinition[] = [];
