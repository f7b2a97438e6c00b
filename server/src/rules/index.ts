// Every rule, in DESIGN §3 order and grouped as there; the engine, the CLI's SARIF and the tests read it.
// Written by scripts/write-rule-metadata.ts: it keeps this order and these comments, adds a new rule file
// at the end (move its line into its group), and drops a rule whose file is gone.
import peDnsZoneGroupMissing from './pe-dns-zone-group-missing';
import peDnsZoneMismatch from './pe-dns-zone-mismatch';
import peDnsZoneGroupIncomplete from './pe-dns-zone-group-incomplete';
import peDnsZoneGroupLimit from './pe-dns-zone-group-limit';
import dnsZoneUnlinked from './dns-zone-unlinked';
import dnsZoneVnetLinkMissing from './dns-zone-vnet-link-missing';
import dnsZoneLinkRegistration from './dns-zone-link-registration';
import dnsZoneDuplicateLink from './dns-zone-duplicate-link';
import dnsZoneLocation from './dns-zone-location';
import peGroupIdInvalid from './pe-group-id-invalid';
import peLocationMismatch from './pe-location-mismatch';
import peSubnetReserved from './pe-subnet-reserved';
import pePublicAccessEnabled from './pe-public-access-enabled';
import peSubnetPoliciesIgnored from './pe-subnet-policies-ignored';
import plsSubnetPolicies from './pls-subnet-policies';
import subnetPoliciesValue from './subnet-policies-value';
import subnetOutsideVnet from './subnet-outside-vnet';
import subnetOverlap from './subnet-overlap';
import subnetSize from './subnet-size';
import subnetCidrInvalid from './subnet-cidr-invalid';
import subnetInlineAndChild from './subnet-inline-and-child';
import vnetAddressOverlap from './vnet-address-overlap';
import peeringReverseMissing from './peering-reverse-missing';
import peeringGatewayTransit from './peering-gateway-transit';
import peeringSelf from './peering-self';
import peeringDuplicate from './peering-duplicate';
import routeNvaNextHop from './route-nva-next-hop';
import nsgGatewaySubnet from './nsg-gateway-subnet';
import serviceEndpointMissing from './service-endpoint-missing';
import networkRulesIneffective from './network-rules-ineffective';
import serviceEndpointWithPrivateLink from './service-endpoint-with-private-link';
import dnsCustomServerUnlinked from './dns-custom-server-unlinked';
import peeringSpokesOverlap from './peering-spokes-overlap';
import peeringRemoteGatewayOrder from './peering-remote-gateway-order';
import type { RuleDefinition } from './support/rule';

export const allRules: readonly RuleDefinition[] = [
  // Private DNS of private endpoints
  peDnsZoneGroupMissing,
  peDnsZoneMismatch,
  peDnsZoneGroupIncomplete,
  peDnsZoneGroupLimit,
  dnsZoneUnlinked,
  dnsZoneVnetLinkMissing,
  dnsZoneLinkRegistration,
  dnsZoneDuplicateLink,
  dnsZoneLocation,
  // Private endpoints, Private Link services and their subnets' policies
  peGroupIdInvalid,
  peLocationMismatch,
  peSubnetReserved,
  pePublicAccessEnabled,
  peSubnetPoliciesIgnored,
  plsSubnetPolicies,
  subnetPoliciesValue,
  // Address spaces, subnets and peerings
  subnetOutsideVnet,
  subnetOverlap,
  subnetSize,
  subnetCidrInvalid,
  subnetInlineAndChild,
  vnetAddressOverlap,
  peeringReverseMissing,
  peeringGatewayTransit,
  peeringSelf,
  peeringDuplicate,
  // Routes and network security groups
  routeNvaNextHop,
  nsgGatewaySubnet,
  // Service endpoints and the services' network rules
  serviceEndpointMissing,
  networkRulesIneffective,
  serviceEndpointWithPrivateLink,
  // Across virtual networks and deployment order: custom DNS servers, peered spokes, remote gateways
  dnsCustomServerUnlinked,
  peeringSpokesOverlap,
  peeringRemoteGatewayOrder,
];
