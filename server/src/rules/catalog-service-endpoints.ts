// Rules of the catalog's service-endpoint group (DESIGN §3, issue 17), in catalog order.
import networkRulesIneffective from './network-rules-ineffective';
import type { RuleDefinition } from './support/rule';
import serviceEndpointMissing from './service-endpoint-missing';
import serviceEndpointWithPrivateLink from './service-endpoint-with-private-link';

export const serviceEndpointRules: readonly RuleDefinition[] = [
  serviceEndpointMissing,
  networkRulesIneffective,
  serviceEndpointWithPrivateLink,
];
