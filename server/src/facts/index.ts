// The facts layer's public API: checked Azure facts as typed data and lookups, for rules, fixes and snippets.
// Invariants: imports nothing of ours outside server/src/facts; every value traces to FACTS.md / dns-zones.json
// (section cited where it is defined) or to the official type data checked by test/unit/facts-bicep-types.test.ts;
// evidence flags (`verified`, `needsAll`, `complete`, `evidence`, empty `enabling`) are kept, and a rule reports
// only on facts marked certain. No I/O: types.json is bundled and read once, lazily.
//
// What each DESIGN §3 rule asks (all lookups are case-insensitive on types, group ids and zone names):
//
//   pe-dns-zone-group-missing     expectedZones(cloud, targetType, groupId) !== undefined → the target has zones.
//                                 Policy mode: policyCoversGroupId(type, id, configured) (FACTS §15).
//                                 Fix: zonesForNewGroup(exp, {regionName…}) (undefined = offer no fix),
//                                 bicepZoneNameExpression(cloud, zone), privateDnsLocation, defaultZoneGroupName,
//                                 zoneConfigName(zone), latestStableApiVersion(type).
//   pe-dns-zone-mismatch          classifyZone(exp, zoneName): 'recommended' | 'legacy' (information, with
//                                 replacedBy) | 'not-recommended'. exp.ambiguous: a fix must not pick a zone.
//                                 Rename fix: targetsUsingZone(cloud, name) says which other targets need that name.
//   pe-dns-zone-group-incomplete  missingRequiredZones(exp, configZoneNames): non-empty only when FACTS states
//                                 every zone is needed (needsAll 'verified') and they fit one zone group.
//   pe-dns-zone-group-limit       zoneGroupLimits.maxGroupsPerEndpoint (1), .maxConfigsPerGroup (5).
//   dns-zone-unlinked, dns-zone-vnet-link-missing
//                                 isPrivatelinkZoneName(name); vnetLinkRules.linkedZonesNeedAzureProvidedDns.
//   dns-zone-link-registration    isPrivatelinkZoneName(name); registrationEnabledPath.
//   dns-zone-duplicate-link       vnetLinkRules.maxLinksPerZoneAndVnet, .maxSameNameZonesPerVnet.
//   dns-zone-location             isGlobalLocation(value); fix writes privateDnsLocation ('global').
//   pe-group-id-invalid           groupIdValidity(type, id): 'invalid' for a complete list without the id
//                                 (Microsoft.Network/privateLinkServices, which takes none) or a near miss of
//                                 a documented id (nearMissGroupId, FACTS §12); closestGroupId().
//   pe-location-mismatch          privateEndpointPlacement.sameRegionAsVnet.
//   pe-subnet-reserved            reservedSubnet(name)?.privateEndpoints.evidence ('verified' | 'inferred').
//   pe-public-access-enabled      publicAccessFacts(type).settings[].path; publicAccessState(type, path, value)
//                                 === 'enabled' only for a stated enabling value; fix: publicAccessFix(type, api);
//                                 a firewall whose firewallDefaultActionPath(type) holds 'Deny' (firewallDenies)
//                                 or a value not known gets no fix and a message that claims no public reach.
//   pe-subnet-policies-ignored    privateEndpointPolicyEffect(value | undefined) → { nsg, routeTable };
//                                 what can apply there: privateEndpointPolicySupport(cloud, region);
//                                 fix: privateEndpointPolicyFor({ nsg, routeTable }, apiVersion).
//   pls-subnet-policies           privateLinkServiceSubnetPolicy ('Disabled'); policyDefault(...) ('Enabled').
//   subnet-policies-value         checkPolicyValue(property, apiVersion, value): valid | case-differs |
//                                 newer-api | invalid (+ closest) | property-not-in-api | unknown.
//   subnet-outside-vnet, subnet-overlap, subnet-cidr-invalid
//                                 forbiddenIpv4Ranges (CIDR strings; callers parse them).
//   subnet-size                   subnetPrefixLimits, usableIpv4Addresses(prefix), reservedAddressesPerSubnet,
//                                 reservedSubnet(name).minimum / .recommended (each with its evidence).
//   subnet-inline-and-child       vnetPutKeepsUnlistedSubnetsSince (FACTS §14), policyDefault for absent policies.
//   vnet-address-overlap, peering-self, peering-duplicate
//                                 peeringRules.addressSpacesMustNotOverlap (others need no facts).
//   peering-reverse-missing       peeringRules.reverseRequired; fix: mirrorPeeringFlags(flags); decline when
//                                 subnetPeeringProperties are set (FACTS does not say how they mirror);
//                                 peeringNamePattern for the new name.
//   peering-gateway-transit       peeringRules.useRemoteGatewaysNeedsRemoteAllowGatewayTransit,
//                                 .maxUseRemoteGatewaysPerVnet.
//   peering-spokes-overlap        hubPeeringRules.peersOfOneVnetMustNotOverlap (FACTS §10).
//   peering-remote-gateway-order  hubPeeringRules.useRemoteGatewaysNeedsGatewayFirst, .skipVerificationFlag;
//                                 routeServerTypes (a Route Server also counts: silent).
//   route-nva-next-hop            hopTypesWithoutNextHopIpAddress (an address there is wrong, per S2);
//                                 nextHopIpAddressHopType needs one (FACTS §11 MissingNextHopIpAddress).
//   nsg-gateway-subnet            reservedSubnet('GatewaySubnet').nsgForbidden.
//
// Resource type facts (generated/types.json, written by scripts/write-types.ts from resource-types*.ts):
//   declaredApiVersions(type), isDeclared(type, api), hasProperty(type, api, path),
//   propertyInfo(type, api, path), enumValues(type, api, path). Answers only for declared versions.
// API versions: latestStableApiVersion(type), firstStableApiVersion(type), isApiVersionAtLeast(v, since),
//   compareApiVersions(a, b), parseApiVersion(v).

export { bicepZoneNameExpression, clouds, parseCloud, regionKey, suffixesNeverForZoneNames, type Cloud } from './cloud';
export {
  classifyZone,
  expectedZones,
  fillZoneName,
  isPrivatelinkZoneName,
  missingRequiredZones,
  targetsUsingZone,
  zoneNameMatches,
  zonesForNewGroup,
  type ExpectedZone,
  type LegacyZone,
  type Placeholder,
  type PlaceholderValues,
  type ZoneExpectation,
  type ZoneVerdict,
} from './dns-zones';
export { alzPrivateDnsCoverage, policyCoversGroupId, type PolicyCoverage } from './alz-private-dns-policy';
export { vnetPutKeepsUnlistedSubnetsSince, vnetPutSuggestedApiVersion } from './vnet-redeploy';
export {
  closestGroupId,
  groupIdFacts,
  groupIdTypes,
  groupIdValidity,
  nearMissGroupId,
  type GroupIdFacts,
} from './group-ids';
export {
  defaultZoneGroupName,
  privateEndpointConnectionPaths,
  privateEndpointPlacement,
  zoneConfigName,
  zoneGroupLimits,
} from './private-endpoint';
export {
  isGlobalLocation,
  privateDnsLocation,
  registrationEnabledPath,
  resolutionPolicy,
  vnetLinkRules,
} from './private-dns';
export {
  checkPolicyValue,
  policyDefault,
  policyProperties,
  policySchemaValues,
  policyValues,
  privateEndpointPolicyEffect,
  privateEndpointPolicyFor,
  privateEndpointOneSidedPolicy,
  privateEndpointPolicySupport,
  privateLinkServiceSubnetPolicy,
  type PolicyProperty,
  type PolicyValueCheck,
} from './subnet-policies';
export {
  forbiddenIpv4Ranges,
  reservedAddressesPerSubnet,
  reservedSubnet,
  reservedSubnets,
  subnetNamePattern,
  subnetPrefixLimits,
  usableIpv4Addresses,
  type Evidence,
  type ForbiddenRange,
  type ReservedSubnet,
} from './address-space';
export {
  mirrorPeeringFlags,
  peeringFlags,
  peeringNamePattern,
  peeringRules,
  reversePeeringFlag,
  subnetPeeringProperties,
  subnetPeeringSince,
  type PeeringFlag,
} from './peering';
export { hubPeeringRules, routeServerTypes } from './peering-hubs';
export { hopTypesWithoutNextHopIpAddress, nextHopIpAddressHopType } from './routes';
export {
  firewallDefaultActionPath,
  firewallDenies,
  firewallRuleChildTypes,
  rulesThatDenyUnmatchedPath,
  publicAccessFacts,
  publicAccessFix,
  publicAccessState,
  publicAccessTypes,
  type AccessValue,
  type PublicAccessFacts,
  type PublicAccessSetting,
} from './public-access';
export {
  compareApiVersions,
  firstStableApiVersion,
  isApiVersionAtLeast,
  latestStableApiVersion,
  parseApiVersion,
  type ApiVersion,
} from './api-versions';
export {
  declaredApiVersions,
  enumValues,
  hasProperty,
  isDeclared,
  propertyInfo,
  type PropertyInfo,
  type PropertyKind,
} from './type-facts';
export {
  endpointServes,
  ineffectiveSettings,
  makesRulesIneffective,
  serviceEndpointFacts,
  servicesWithoutEndpointsBesidePrivateLink,
  type EndpointService,
  type IneffectiveSetting,
  type ServiceEndpointFacts,
} from './service-endpoints';
export {
  azureProvidedDnsAddress,
  customDnsResolution,
  dnsResolverTypes,
  forwarderSubnetsOfUnknownUpstream,
} from './dns-resolution';
export { forwarderZones } from './zone-forwarders';
