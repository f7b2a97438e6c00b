// The privatelink zone names of a cloud as completion offers them, and what each is for (FACTS §1).
// Invariants: verified rows only; record names inside another zone (ACR data, Web Apps scm) are never
// offered as zones; names keep their `{placeholder}` labels for the caller to turn into tab stops.
import { expectedZones, targetsUsingZone, type Cloud } from '../facts';
// The facts' public index has no "every zone of a cloud" lookup; the tables themselves are the source.
import { zoneTables } from '../facts/dns-zones';

const cache = new Map<Cloud, string[]>();

/** Distinct recommended zone names of the cloud, sorted. */
export function allZoneNames(cloud: Cloud): string[] {
  let names = cache.get(cloud);
  if (!names) {
    const set = new Set<string>();
    for (const row of zoneTables[cloud]) {
      if (row.unverified) continue;
      for (const zone of row.zones) if (!row.records?.includes(zone)) set.add(zone);
    }
    names = [...set].sort();
    cache.set(cloud, names);
  }
  return names;
}

const descriptions = new Map<string, string>();

/**
 * Markdown: the services and group ids whose private endpoints use the zone in this cloud. Kept once
 * made: the facts do not change, and a zone-name completion describes every zone of the cloud.
 */
export function describeZone(cloud: Cloud, name: string): string {
  const key = `${cloud}|${name}`;
  let description = descriptions.get(key);
  if (description === undefined) descriptions.set(key, (description = describeZoneNow(cloud, name)));
  return description;
}

function describeZoneNow(cloud: Cloud, name: string): string {
  const users = zoneUsers(cloud, name);
  return users.length > 0 ? `Private DNS zone in ${cloud} for ${users.join(', ')}.` : `Private DNS zone in ${cloud}.`;
}

/**
 * A hover's word on a zone the template declares: the services it is recommended for in this cloud, or
 * nothing for a name FACTS does not recommend (a misspelt zone must not read as endorsed: the rules
 * report it).
 */
export function recommendedFor(cloud: Cloud, name: string): string | undefined {
  const users = zoneUsers(cloud, name);
  return users.length > 0 ? `Recommended zone in ${cloud} for ${users.join(', ')}.` : undefined;
}

/** The services and group ids whose private endpoints use the zone in this cloud, each once. */
function zoneUsers(cloud: Cloud, name: string): string[] {
  const users = targetsUsingZone(cloud, name).map(({ resourceType, groupId }) => {
    const service = expectedZones(cloud, resourceType, groupId)?.zones.find((zone) => zone.name === name)?.service;
    return `${service ?? resourceType} (\`${groupId}\`)`;
  });
  return [...new Set(users)];
}
