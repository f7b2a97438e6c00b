// Subnet network-policy facts (FACTS §3): the two policy properties, their values per API version, their
// defaults, what each private-endpoint value applies, and the value a Private Link service subnet needs.
// Invariants: versions are the stable `Microsoft.Network` versions FACTS §3.1 gives; values compare exactly,
// a case-only difference is reported apart (FACTS does not say whether ARM ignores case); any answer a
// preview version could change is `unknown`.
import { isApiVersionAtLeast } from './api-versions';
import { regionKey, type Cloud } from './cloud';
import { nearMiss } from './closest';
import { policyHistories as histories } from './subnet-data';

export type PolicyProperty = 'privateEndpointNetworkPolicies' | 'privateLinkServiceNetworkPolicies';

/** A policy property's history (FACTS §3.1), read from data/subnet-policies.json by subnet-data.ts. */
export interface PolicyHistory {
  /** First stable API version with the property (a free string until `enumSince`). */
  readonly since: string;
  /** First API version whose schema lists the values as an enum (every enum stays open to `string`). */
  readonly enumSince: string;
  /** Service default when the property is absent (FACTS §3.1, S3 spec). */
  readonly default: string;
  /** Each value with the first API version whose schema names it; earlier versions accept it only as free text. */
  readonly values: readonly { readonly value: string; readonly since: string }[];
}

export const policyProperties: readonly PolicyProperty[] = [
  'privateEndpointNetworkPolicies',
  'privateLinkServiceNetworkPolicies',
];

/** The service default when the property is absent: `Disabled` for endpoints, `Enabled` for PLS (FACTS §3.1). */
export function policyDefault(property: PolicyProperty): string {
  return histories[property].default;
}

/** Every value FACTS §3.1 lists for the property, oldest first. */
export function policyValues(property: PolicyProperty): readonly string[] {
  return histories[property].values.map((v) => v.value);
}

/**
 * The enum the API schema of `apiVersion` lists for the property: `[]` for a free-string version,
 * `undefined` before the property exists or when the version is not comparable (preview, malformed).
 */
export function policySchemaValues(property: PolicyProperty, apiVersion: string): readonly string[] | undefined {
  const history = histories[property];
  const exists = isApiVersionAtLeast(apiVersion, history.since);
  const hasEnum = isApiVersionAtLeast(apiVersion, history.enumSince);
  if (exists !== true || hasEnum === 'unknown') return undefined;
  if (!hasEnum) return [];
  return history.values.filter((v) => isApiVersionAtLeast(apiVersion, v.since) === true).map((v) => v.value);
}

export type PolicyValueCheck =
  | { readonly status: 'valid' }
  /** Same letters, other case: FACTS does not say whether ARM accepts it. */
  | { readonly status: 'case-differs'; readonly canonical: string }
  /** A known value the template's API version does not list yet (FACTS §3.1: warn, ARM may still accept it). */
  | { readonly status: 'newer-api'; readonly since: string }
  /**
   * Not a value of the property in any API version; `closest`, the value the API version lists that it
   * nearly spells (closest.ts nearMiss), absent when it nearly spells none ('false', 'off').
   */
  | { readonly status: 'invalid'; readonly closest?: string }
  /** The API version predates the property. */
  | { readonly status: 'property-not-in-api'; readonly since: string }
  /** The API version cannot be compared (preview or malformed). */
  | { readonly status: 'unknown' };

/** Checks a policy value against the property and the template's API version (rule `subnet-policies-value`). */
export function checkPolicyValue(property: PolicyProperty, apiVersion: string, value: string): PolicyValueCheck {
  const history = histories[property];
  const exists = isApiVersionAtLeast(apiVersion, history.since);
  if (exists === 'unknown') return { status: 'unknown' };
  if (!exists) return { status: 'property-not-in-api', since: history.since };
  const exact = history.values.find((v) => v.value === value);
  if (!exact) {
    const folded = history.values.find((v) => v.value.toLowerCase() === value.toLowerCase());
    if (folded) return { status: 'case-differs', canonical: folded.value };
    const closest = closestValue(history, apiVersion, value);
    return closest === undefined ? { status: 'invalid' } : { status: 'invalid', closest };
  }
  const listed = isApiVersionAtLeast(apiVersion, exact.since);
  if (listed === 'unknown') return { status: 'unknown' };
  return listed ? { status: 'valid' } : { status: 'newer-api', since: exact.since };
}

function closestValue(history: PolicyHistory, apiVersion: string, value: string): string | undefined {
  const usable = history.values.filter((v) => isApiVersionAtLeast(apiVersion, v.since) === true).map((v) => v.value);
  return nearMiss(usable, value);
}

/**
 * What a `privateEndpointNetworkPolicies` value applies to private-endpoint traffic (FACTS §3.1 semantics,
 * S6): `undefined` (absent) means the default `Disabled`. Unknown values give `undefined`.
 */
export function privateEndpointPolicyEffect(
  value: string | undefined,
): { nsg: boolean; routeTable: boolean } | undefined {
  switch (value ?? histories.privateEndpointNetworkPolicies.default) {
    case 'Disabled':
      return { nsg: false, routeTable: false };
    case 'Enabled':
      return { nsg: true, routeTable: true };
    case 'NetworkSecurityGroupEnabled':
      return { nsg: true, routeTable: false };
    case 'RouteTableEnabled':
      return { nsg: false, routeTable: true };
    default:
      return undefined;
  }
}

/**
 * Regions where private endpoints support neither NSGs nor route tables (FACTS §2.3, S4 limitations:
 * "UDR & ASG unavailable in the first four regions", NSG support unavailable there too), by regionKey.
 */
const regionsWithoutEndpointPolicies = new Set([
  'westindia',
  'australiacentral2',
  'southafricawest',
  'brazilsoutheast',
]);

/**
 * What the subnet policy can make apply to private endpoints in `cloud` and `region` (FACTS §2.3):
 * no NSG in any Government or China region, neither NSG nor route table in the four regions above.
 * A region that is not known gives what its cloud supports.
 */
export function privateEndpointPolicySupport(
  cloud: Cloud,
  region: string | undefined,
): { nsg: boolean; routeTable: boolean } {
  if (region !== undefined && regionsWithoutEndpointPolicies.has(regionKey(region)))
    return { nsg: false, routeTable: false };
  return { nsg: cloud === 'AzureCloud', routeTable: true };
}

/**
 * The narrowest `privateEndpointNetworkPolicies` value that applies what the subnet attaches: the single-side
 * values only when the API version lists them (≥ 2023-09-01), else `Enabled` (DESIGN §3
 * `pe-subnet-policies-ignored`).
 */
export function privateEndpointPolicyFor(attached: { nsg: boolean; routeTable: boolean }, apiVersion: string): string {
  if (attached.nsg !== attached.routeTable) {
    const { value } = privateEndpointOneSidedPolicy(attached.nsg ? 'nsg' : 'routeTable');
    if (checkPolicyValue('privateEndpointNetworkPolicies', apiVersion, value).status === 'valid') return value;
  }
  return 'Enabled';
}

/**
 * The `privateEndpointNetworkPolicies` value that applies one side only, and the first API version that
 * lists it (FACTS §3.1): before it, `Enabled` is the only value that applies either, and it applies both.
 */
export function privateEndpointOneSidedPolicy(side: 'nsg' | 'routeTable'): { value: string; since: string } {
  const value = side === 'nsg' ? 'NetworkSecurityGroupEnabled' : 'RouteTableEnabled';
  const since = histories.privateEndpointNetworkPolicies.values.find((entry) => entry.value === value)!.since;
  return { value, since };
}

/**
 * FACTS §3.1 (S15): the subnet a Private Link service takes its NAT IPs from must set
 * `privateLinkServiceNetworkPolicies` to this value explicitly; the default is `Enabled`.
 */
export const privateLinkServiceSubnetPolicy = 'Disabled';
