// Public DNS forwarder zones per private-endpoint target (FACTS §1 "Public DNS forwarder zone(s)" column,
// dns-zones.json `forwarders`, per cloud): the public names clients ask, whose CNAME leads into the
// privatelink zone (FACTS §1). Invariant: keys are `resourcetype|groupid` in lower case (data/zone-forwarders.json, read by zone-data.ts); taken
// from dns-zones.json (test/unit/facts-zone-forwarders.test.ts compares them).
import type { Cloud } from './cloud';
import { forwarderTable } from './zone-data';

/** The public forwarder zones of a target type and group id in a cloud (case-insensitive); empty when FACTS lists none. */
export function forwarderZones(cloud: Cloud, resourceType: string, groupId: string): readonly string[] {
  return forwarderTable[`${resourceType.toLowerCase()}|${groupId.toLowerCase()}`]?.[cloud] ?? [];
}

/** Every (type, group id) key with its forwarders, for tests. */
export { forwarderTable };
