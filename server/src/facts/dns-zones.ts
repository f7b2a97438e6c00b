// Lookups over the per-cloud private DNS zone tables (FACTS §1, App. A, App. B): which zones a private
// endpoint to (resource type, group id) needs, and how a zone name compares with them.
// Invariants: resource types, group ids and zone names compare case-insensitively (FACTS §1); a placeholder
// matches exactly one DNS label, so a fully known zone name always gets a definite verdict; unverified rows
// are hidden unless asked for; verdicts never guess a placeholder's value.
import type { Cloud } from './cloud';
import { zoneGroupLimits } from './private-endpoint';
import { placeholdersOf, type Placeholder, type ZoneRow } from './zone-table';
import { zoneTables } from './zone-data';

export type { Placeholder } from './zone-table';

export { zoneTables };

export interface ExpectedZone {
  /** Zone name as FACTS prints it (lower-case outside placeholders); may hold placeholders such as `{regionName}`. */
  readonly name: string;
  readonly placeholders: readonly Placeholder[];
  /** A record name inside another listed zone, never a zone to create or require (FACTS §1 footnotes). */
  readonly record: boolean;
  /** The service whose table row lists this zone. */
  readonly service: string;
}

export interface LegacyZone {
  readonly name: string;
  readonly placeholders: readonly Placeholder[];
  readonly replacedBy: string;
}

export interface ZoneExpectation {
  readonly cloud: Cloud;
  /** As the table spells them. */
  readonly resourceType: string;
  readonly groupId: string;
  /** Recommended zones (and record names), table order. */
  readonly zones: readonly ExpectedZone[];
  /** Older documented names: information-level only. */
  readonly legacy: readonly LegacyZone[];
  /** Every non-record zone belongs in the zone group: stated by FACTS, deduced by FACTS, or not claimed. */
  readonly needsAll: 'verified' | 'inferred' | false;
  /** Several services share this type and group id with different zones (Redis Enterprise / Managed Redis). */
  readonly ambiguous: boolean;
  /** False when FACTS marks the row unverified; such expectations are only returned on request. */
  readonly verified: boolean;
}

export type ZoneVerdict =
  | { readonly kind: 'recommended'; readonly zone: ExpectedZone }
  | { readonly kind: 'legacy'; readonly legacy: LegacyZone }
  | { readonly kind: 'not-recommended' };

/** Values for placeholders when a fix builds a concrete zone name; `{region}` takes `regionName`. */
export type PlaceholderValues = Partial<Record<Exclude<Placeholder, 'region'>, string>>;

const key = (resourceType: string, groupId: string) => `${resourceType.toLowerCase()}|${groupId.toLowerCase()}`;

const indexes = new Map<Cloud, Map<string, ZoneRow[]>>();

function rowsFor(cloud: Cloud, resourceType: string, groupId: string): ZoneRow[] {
  let index = indexes.get(cloud);
  if (!index) {
    index = new Map();
    for (const row of zoneTables[cloud]) {
      for (const id of row.groupIds) {
        const k = key(row.resourceType, id);
        index.set(k, [...(index.get(k) ?? []), row]);
      }
    }
    indexes.set(cloud, index);
  }
  return index.get(key(resourceType, groupId)) ?? [];
}

/**
 * The zones a private endpoint to `resourceType` with `groupId` needs in `cloud`, or `undefined` when the
 * tables name none (unknown type or group id, or a row FACTS marks unverified unless `includeUnverified`).
 */
export function expectedZones(
  cloud: Cloud,
  resourceType: string,
  groupId: string,
  options: { includeUnverified?: boolean } = {},
): ZoneExpectation | undefined {
  const rows = rowsFor(cloud, resourceType, groupId);
  const verified = rows.every((row) => !row.unverified);
  if (rows.length === 0 || (!verified && !options.includeUnverified)) return undefined;
  const first = rows[0]!;
  const zones = rows.flatMap((row) =>
    row.zones.map((name) => ({
      name,
      placeholders: placeholdersOf(name),
      record: row.records?.includes(name) ?? false,
      service: row.service,
    })),
  );
  const legacy = rows.flatMap((row) =>
    (row.legacy ?? []).map((l) => ({ name: l.name, placeholders: placeholdersOf(l.name), replacedBy: l.replacedBy })),
  );
  const groupIdSpelling = first.groupIds.find((id) => id.toLowerCase() === groupId.toLowerCase()) ?? groupId;
  return {
    cloud,
    resourceType: first.resourceType,
    groupId: groupIdSpelling,
    zones,
    legacy,
    needsAll: rows.length === 1 ? (first.needsAll ?? false) : false,
    ambiguous: rows.length > 1,
    verified,
  };
}

const patternCache = new Map<string, RegExp>();

/** Whether a concrete zone name fits a template; each placeholder stands for exactly one DNS label. */
export function zoneNameMatches(template: string, zoneName: string): boolean {
  let pattern = patternCache.get(template);
  if (!pattern) {
    const source = template
      .toLowerCase()
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? '[^.]+' : part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')))
      .join('');
    pattern = new RegExp(`^${source}$`);
    patternCache.set(template, pattern);
  }
  return pattern.test(zoneName.toLowerCase());
}

/** How a fully known zone name compares with an expectation: recommended, legacy, or neither. */
export function classifyZone(expectation: ZoneExpectation, zoneName: string): ZoneVerdict {
  const zone = expectation.zones.find((z) => zoneNameMatches(z.name, zoneName));
  if (zone) return { kind: 'recommended', zone };
  const legacy = expectation.legacy.find((l) => zoneNameMatches(l.name, zoneName));
  if (legacy) return { kind: 'legacy', legacy };
  return { kind: 'not-recommended' };
}

/**
 * Zones the expectation certainly requires that none of `zoneNames` (the zone group's known zone names)
 * provides. Empty unless FACTS states that every zone is needed (`needsAll === 'verified'`) and the set
 * fits in one zone group.
 */
export function missingRequiredZones(expectation: ZoneExpectation, zoneNames: readonly string[]): ExpectedZone[] {
  if (expectation.needsAll !== 'verified') return [];
  const required = expectation.zones.filter((z) => !z.record);
  if (required.length > zoneGroupLimits.maxConfigsPerGroup) return [];
  return required.filter((z) => !zoneNames.some((name) => zoneNameMatches(z.name, name)));
}

/** A template with its placeholders filled, or `undefined` when a value is missing or not one DNS label. */
export function fillZoneName(template: string, values: PlaceholderValues): string | undefined {
  let missing = false;
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[(name === 'region' ? 'regionName' : name) as keyof PlaceholderValues];
    if (value === undefined || !/^[a-z0-9-]+$/i.test(value)) missing = true;
    return (value ?? '').toLowerCase();
  });
  return missing ? undefined : filled;
}

/**
 * Concrete zone names a fix may create for a new zone group, or `undefined` when no safe set exists
 * (ambiguous service, a required zone with an unknown placeholder, or more zones than one group holds).
 * Record names are never included; zones whose placeholders lack values are skipped when not required.
 */
export function zonesForNewGroup(expectation: ZoneExpectation, values: PlaceholderValues = {}): string[] | undefined {
  if (expectation.ambiguous) return undefined;
  const names: string[] = [];
  for (const zone of expectation.zones) {
    if (zone.record) continue;
    const name = fillZoneName(zone.name, values);
    if (name !== undefined) names.push(name);
    else if (expectation.needsAll) return undefined;
  }
  const unique = [...new Set(names)];
  return unique.length === 0 || unique.length > zoneGroupLimits.maxConfigsPerGroup ? undefined : unique;
}

/**
 * Whether a zone name is a Private Link zone: one of its labels is `privatelink` or starts with
 * `privatelink-` (FACTS §1: `privatelink-global.wvd.*`). Every table zone satisfies this (tested).
 */
export function isPrivatelinkZoneName(zoneName: string): boolean {
  return zoneName
    .toLowerCase()
    .split('.')
    .some((label) => label === 'privatelink' || label.startsWith('privatelink-'));
}

/** The (resource type, group id) pairs whose verified recommended zones in `cloud` include `zoneName`. */
export function targetsUsingZone(cloud: Cloud, zoneName: string): { resourceType: string; groupId: string }[] {
  const found: { resourceType: string; groupId: string }[] = [];
  for (const row of zoneTables[cloud]) {
    if (row.unverified || !row.zones.some((z) => !row.records?.includes(z) && zoneNameMatches(z, zoneName))) continue;
    for (const groupId of row.groupIds) found.push({ resourceType: row.resourceType, groupId });
  }
  return found;
}
