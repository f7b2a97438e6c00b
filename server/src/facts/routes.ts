// Route facts for `route-nva-next-hop`, from the official Microsoft.Network type data (S2; FACTS §8.1 names it
// authoritative for shape): which next hop types may carry `nextHopIpAddress`.
// Invariants: the statement is the S2 description of `RoutePropertiesFormat.nextHopIpAddress`, checked in
// test/unit/facts-bicep-types.test.ts; hop types S2 added after that sentence (VirtualApplianceEcmp) are left out.

/** S2: "Next hop values are only allowed in routes where the next hop type is VirtualAppliance." */
export const nextHopIpAddressHopType = 'VirtualAppliance';

/** Hop types that, per S2, must not carry `nextHopIpAddress`. */
export const hopTypesWithoutNextHopIpAddress: readonly string[] = [
  'VirtualNetworkGateway',
  'VnetLocal',
  'Internet',
  'None',
];
