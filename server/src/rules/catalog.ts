// The rule catalog: every rule module, grouped as in DESIGN §3. Adding a rule means adding its
// file, its line in its group, its doc page and its schema entry (test/unit/rules-meta.test.ts checks).
import { addressesRules } from './catalog-addresses';
import { dnsRules } from './catalog-dns';
import { endpointsRules } from './catalog-endpoints';
import dnsZoneLocation from './dns-zone-location';
import type { RuleDefinition } from './support/rule';
import { serviceEndpointRules } from './catalog-service-endpoints';

export const rules: readonly RuleDefinition[] = [
  ...dnsRules,
  dnsZoneLocation,
  ...endpointsRules,
  ...addressesRules,
  ...serviceEndpointRules,
];
