// Private endpoint and DNS zone group facts: FACTS §2.1 (shape), §2.2 (zone groups), §2.3 (placement).
// Invariants: limits are the service limits FACTS marks [VERIFIED S5]; names a fix writes follow the
// conventions FACTS §2.2 gives; nothing here depends on the cloud.

/** FACTS §2.2 [VERIFIED S5]: zone groups per private endpoint and zone configs per zone group. */
export const zoneGroupLimits = {
  /** "Adding multiple DNS zone groups to a single Private Endpoint is not supported." */
  maxGroupsPerEndpoint: 1,
  /** "Each DNS zone group can support up to 5 DNS zones." */
  maxConfigsPerGroup: 5,
} as const;

/** FACTS §2.2: a zone group is conventionally named `default`. */
export const defaultZoneGroupName = 'default';

/** FACTS §2.2: a zone config's name is, by convention, the zone name with dots replaced by dashes. */
export function zoneConfigName(zoneName: string): string {
  return zoneName.replace(/\./g, '-');
}

/**
 * FACTS §2.1: the two connection arrays of `Microsoft.Network/privateEndpoints`; each item names its target
 * in `properties.privateLinkServiceId` and its sub-resources in `properties.groupIds`. Manual connections
 * stay Pending until the resource owner approves.
 */
export const privateEndpointConnectionPaths = [
  'properties.privateLinkServiceConnections',
  'properties.manualPrivateLinkServiceConnections',
] as const;

/** FACTS §2.3 [VERIFIED S4]: an endpoint sits in the same region and subscription as its VNet. */
export const privateEndpointPlacement = {
  sameRegionAsVnet: true,
  sameSubscriptionAsVnet: true,
  /** The target resource may be in another region. */
  targetMayBeInOtherRegion: true,
} as const;
