// Row shape of the private DNS zone tables (one table per cloud, data/private-dns-zones.json, read by zone-data.ts).
// Invariants: zone names are FQDNs as FACTS §1 prints them, lower-case outside `{name}` placeholders; each
// placeholder stands for exactly one DNS label; a row only holds what FACTS §1 or dns-zones.json states.

/** Placeholders FACTS §1 uses in zone names; `region` means the same as `regionName`. */
export const placeholderKinds = ['regionName', 'region', 'regionCode', 'dnsPrefix', 'partitionId', 'subzone'] as const;
export type Placeholder = (typeof placeholderKinds)[number];

export interface LegacyName {
  /** Older documented zone name (may hold placeholders). */
  readonly name: string;
  /** The zone that replaced it. */
  readonly replacedBy: string;
}

export interface ZoneRowOptions {
  /**
   * Names the table lists that are record names inside another listed zone, never zones to create
   * (FACTS §1 footnotes: ACR `{regionName}.data.privatelink.azurecr.io`, Web Apps `scm.privatelink.*`).
   */
  readonly records?: readonly string[];
  /** Older names still met in templates: information only (FACTS §1 "Legacy values"). */
  readonly legacy?: readonly LegacyName[];
  /** Every zone must be in the endpoint's zone group: stated (`verified`) or deduced (`inferred`) by FACTS. */
  readonly needsAll?: 'verified' | 'inferred';
  /** The row is not verified in the current docs (China 2020 copy, inferred rows, suspected typos). */
  readonly unverified?: true;
}

export interface ZoneRow extends ZoneRowOptions {
  readonly resourceType: string;
  readonly groupIds: readonly string[];
  readonly service: string;
  /** Recommended zones in table order, records included. */
  readonly zones: readonly string[];
}

/** The placeholders in a zone name template, in order of appearance. */
export function placeholdersOf(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] as Placeholder;
    if (placeholderKinds.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}
