// The model's public face for rules and fixes: entity types, the builder, and the evaluated values
// and address arithmetic rules reason with (re-exported so rules depend on the model alone).
export * from './types';
export type { FixAnchor, FixKind, FixRequest, FixRequestOf, ModelQueries, RequestedFix } from './fix-contract';
export { buildModel } from './build';
export { at } from './property-path';
export { displayJson, displayValue } from './json';
export { asWritten, unknownAsWritten } from './as-written';
export { idKey, parentIdOf, providerKey } from './identity';
export { certainKey, CertainlySameIds, lastSegmentKey, Lookup, MaybeSameIdPairs, MaybeSameIds } from './id-lookup';
export { keptOn, lowerCase, remembered } from '../evaluate/remembered';
export { connectionTargetType, resourceTypeOfId } from './targets';
export type { ResourceDecl, TextSpan, SourceLocation } from '../evaluate/declaration';
export { rangeOfPath } from '../evaluate/declaration';
export {
  isArray,
  isKnown,
  isObject,
  isUnknown,
  keyOf,
  not,
  same,
  PartialString,
  Unknown,
  type ObjectValue,
  type Tri,
  type Value,
} from '../evaluate/value';
export {
  contains as cidrContains,
  overlaps as cidrOverlaps,
  parseCidr,
  size as cidrSize,
  formatCidr,
  type Cidr,
} from '../evaluate/cidr';
export { orderedBefore } from './dependencies';
export {
  holdsNetworkRules,
  networkRuleProperties,
  networkRuleTypes,
  serviceNetworkRules,
  subnetServiceEndpoints,
} from './service-rules';
export { declaredDnsServers, dnsResolversOf, placeOfDnsServer, type DnsResolvers } from './dns-servers';
export { overlappingCidrPairs } from './cidr-sweep';
