// Reads the subnet facts from data/*.json, checked at this boundary: subnet-policies.json holds FACTS §3.1's
// network-policy properties (since when each exists and lists an enum, its default, each value's first API
// version); reserved-subnets.json FACTS §7's dedicated subnets with §2.3's placement, each fact with FACTS'
// evidence. An entry's `note` says where in FACTS it stands (not kept).
// Invariant: data that breaks the shape throws here, naming the file and entry, when this module loads (the
// unit tests load it), so a bad edit fails there, never in a user's session.
import type { Evidence, ReservedSubnet, SizeFact } from './address-space';
import { fields, list, oneOf, text } from './json-checks';
import type { PolicyHistory, PolicyProperty } from './subnet-policies';
import policiesJson from './data/subnet-policies.json';
import reservedJson from './data/reserved-subnets.json';

const evidences: readonly Evidence[] = ['verified', 'inferred', 'unverified'];
const properties: readonly PolicyProperty[] = ['privateEndpointNetworkPolicies', 'privateLinkServiceNetworkPolicies'];

export const policyHistories: Readonly<Record<PolicyProperty, PolicyHistory>> = readPolicyHistories(policiesJson);

export const reservedSubnetTable: readonly ReservedSubnet[] = readReservedSubnets(reservedJson);

/** The policy histories in `json` (the shape of data/subnet-policies.json); throws naming what breaks it. */
export function readPolicyHistories(json: unknown): Record<PolicyProperty, PolicyHistory> {
  const file = 'data/subnet-policies.json';
  const given = fields(json, file, properties);
  return Object.fromEntries(
    properties.map((property) => [property, readHistory(given[property], `${file}: ${property}`)]),
  ) as Record<PolicyProperty, PolicyHistory>;
}

function readHistory(json: unknown, where: string): PolicyHistory {
  const given = fields(json, where, ['note', 'since', 'enumSince', 'default', 'values']);
  if (given.note !== undefined) text(given.note, `${where}.note`);
  const values = list(given.values, `${where}.values`).map((item, index) => {
    const value = fields(item, `${where}.values[${index}]`, ['value', 'since']);
    return { value: text(value.value, `${where}.values[${index}].value`), since: apiVersion(value.since, where) };
  });
  const fallback = text(given.default, `${where}.default`);
  if (!values.some((v) => v.value === fallback)) throw new Error(`${where}.default: not one of its values`);
  return {
    since: apiVersion(given.since, `${where}.since`),
    enumSince: apiVersion(given.enumSince, `${where}.enumSince`),
    default: fallback,
    values,
  };
}

/** The dedicated subnets in `json` (the shape of data/reserved-subnets.json); throws naming what breaks it. */
export function readReservedSubnets(json: unknown): ReservedSubnet[] {
  const file = 'data/reserved-subnets.json';
  return list(json, file).map((item, index) => {
    const where = `${file}: [${index}]`;
    const given = fields(item, where, ['note', 'name', 'minimum', 'recommended', 'privateEndpoints', 'nsgForbidden']);
    if (given.note !== undefined) text(given.note, `${where}.note`);
    const placement = fields(given.privateEndpoints, `${where}.privateEndpoints`, ['allowed', 'evidence']);
    if (placement.allowed !== false) throw new Error(`${where}.privateEndpoints.allowed: only false may be written`);
    const subnet: { -readonly [K in keyof ReservedSubnet]: ReservedSubnet[K] } = {
      name: text(given.name, `${where}.name`),
      minimum: readSize(given.minimum, `${where}.minimum`),
      privateEndpoints: { allowed: false, evidence: oneOf(placement.evidence, `${where}.privateEndpoints`, evidences) },
    };
    if (given.recommended !== undefined) subnet.recommended = readSize(given.recommended, `${where}.recommended`);
    if (given.nsgForbidden !== undefined) {
      const nsg = fields(given.nsgForbidden, `${where}.nsgForbidden`, ['evidence']);
      subnet.nsgForbidden = { evidence: oneOf(nsg.evidence, `${where}.nsgForbidden`, evidences) };
    }
    return subnet;
  });
}

function readSize(json: unknown, where: string): SizeFact {
  const { maxPrefixLength, evidence } = fields(json, where, ['maxPrefixLength', 'evidence']);
  if (!Number.isInteger(maxPrefixLength) || (maxPrefixLength as number) < 0 || (maxPrefixLength as number) > 128)
    throw new Error(`${where}.maxPrefixLength: not a prefix length`);
  return { maxPrefixLength: maxPrefixLength as number, evidence: oneOf(evidence, `${where}.evidence`, evidences) };
}

function apiVersion(json: unknown, where: string): string {
  const version = text(json, where);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw new Error(`${where}: not a stable API version (yyyy-mm-dd)`);
  return version;
}
