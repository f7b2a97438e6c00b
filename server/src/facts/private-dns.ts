// Private DNS zone and virtual network link facts (FACTS §5): location, link limits, resolution policy.
// Invariants: every value is stated in FACTS §5; locations compare case-insensitively, so only a value that
// differs from `global` in more than case counts as wrong.

/** FACTS §5.1: private DNS zones and their VNet links use location `global` (App. C: ARM enforcement not re-verified). */
export const privateDnsLocation = 'global';

/** Whether a known location value is `global` (case-insensitive). */
export function isGlobalLocation(location: string): boolean {
  return location.trim().toLowerCase() === privateDnsLocation;
}

/** FACTS §5.2 [VERIFIED S9, S10 and the AKS troubleshooting article]. */
export const vnetLinkRules = {
  /** Only one link between a given zone and a given VNet. */
  maxLinksPerZoneAndVnet: 1,
  /** A VNet cannot be linked to two zones with the same name, even in different resource groups. */
  maxSameNameZonesPerVnet: 1,
  /** A VNet has at most one registration zone (`registrationEnabled: true`). */
  maxRegistrationZonesPerVnet: 1,
  /** Linked zones answer only for VNets on Azure-provided DNS; custom `dhcpOptions.dnsServers` bypass them. */
  linkedZonesNeedAzureProvidedDns: true,
} as const;

/** FACTS §5.1: `properties.resolutionPolicy` on a VNet link exists only from API 2024-06-01. */
export const resolutionPolicy = {
  path: 'properties.resolutionPolicy',
  since: '2024-06-01',
  values: ['Default', 'NxDomainRedirect'],
} as const;

/** FACTS §5.1: the link property that makes the zone a registration zone (a boolean). */
export const registrationEnabledPath = 'properties.registrationEnabled';
