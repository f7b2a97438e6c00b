// Rules of the catalog's dns group (DESIGN §3), in catalog order.
import dnsCustomServerUnlinked from './dns-custom-server-unlinked';
import dnsZoneDuplicateLink from './dns-zone-duplicate-link';
import dnsZoneLinkRegistration from './dns-zone-link-registration';
import dnsZoneUnlinked from './dns-zone-unlinked';
import dnsZoneVnetLinkMissing from './dns-zone-vnet-link-missing';
import peDnsZoneGroupIncomplete from './pe-dns-zone-group-incomplete';
import peDnsZoneGroupLimit from './pe-dns-zone-group-limit';
import peDnsZoneGroupMissing from './pe-dns-zone-group-missing';
import peDnsZoneMismatch from './pe-dns-zone-mismatch';
import type { RuleDefinition } from './support/rule';

export const dnsRules: readonly RuleDefinition[] = [
  peDnsZoneGroupMissing,
  peDnsZoneMismatch,
  peDnsZoneGroupIncomplete,
  peDnsZoneGroupLimit,
  dnsZoneUnlinked,
  dnsZoneVnetLinkMissing,
  dnsZoneLinkRegistration,
  dnsZoneDuplicateLink,
  dnsCustomServerUnlinked,
];
