// Peering facts of hubs and deployment order (FACTS §10, §4.2): what a peering's write checks against
// the VNets already peered with its remote, and against the remote VNet's gateways.
// Invariant: only what FACTS §10 states or derives from a stated check; what it marks UNVERIFIED (the
// effect of `doNotVerifyRemoteGateways`, leftover peerings outside the analysed set) is left out.

/** FACTS §10 [VERIFIED S40]. */
export const hubPeeringRules = {
  /**
   * All VNets peered with one VNet must be mutually non-overlapping: the peering written while an
   * overlapping VNet is already peered with the same remote fails, whichever of the two comes second.
   */
  peersOfOneVnetMustNotOverlap: true,
  overlapErrorCode: 'VnetAddressSpaceOverlapsWithAlreadyPeeredVnet',
  /**
   * `useRemoteGateways: true` is checked when the peering is written: the remote VNet must already have a
   * gateway, so a template creating both orders the peering after the gateway (code VERIFIED, ordering
   * INFERRED in FACTS §10 from "does not have any gateways").
   */
  useRemoteGatewaysNeedsGatewayFirst: true,
  missingGatewayErrorCode: 'RemoteVnetHasNoGateways',
  /** `doNotVerifyRemoteGateways: true` may skip the check: its effect is UNVERIFIED, so such a peering is not judged. */
  skipVerificationFlag: 'doNotVerifyRemoteGateways',
} as const;

/**
 * A Route Server also counts as a VNet's gateway for `useRemoteGateways` (FACTS §4.2: "a VPN/ER gateway (or
 * Route Server)"): a `virtualHubs` resource with an ip configuration in the VNet. The model does not place
 * them in VNets, so a peering that may be ordered after one is not judged.
 */
export const routeServerTypes = [
  'microsoft.network/virtualhubs',
  'microsoft.network/virtualhubs/ipconfigurations',
] as const;
