// VNet peering facts (FACTS §4): the flags, how a reverse peering mirrors them, gateway-transit rules,
// subnet-peering properties and the peering name rule.
// Invariants: only the four flags DESIGN §3 mirrors are mirrored; subnet-peering properties are listed so a
// fix can decline (FACTS does not say how they mirror); every rule here is [VERIFIED] in FACTS §4.2.

export const peeringFlags = [
  'allowVirtualNetworkAccess',
  'allowForwardedTraffic',
  'allowGatewayTransit',
  'useRemoteGateways',
] as const;
export type PeeringFlag = (typeof peeringFlags)[number];

/**
 * The flag of the reverse peering B→A that corresponds to `flag` on A→B (DESIGN §3 `peering-reverse-missing`):
 * access and forwarded traffic mirror as they are; gateway transit and remote gateways swap.
 */
export function reversePeeringFlag(flag: PeeringFlag): PeeringFlag {
  switch (flag) {
    case 'allowGatewayTransit':
      return 'useRemoteGateways';
    case 'useRemoteGateways':
      return 'allowGatewayTransit';
    default:
      return flag;
  }
}

/** The flags a reverse peering gets from known flags of the forward one; absent flags stay absent. */
export function mirrorPeeringFlags(
  flags: Partial<Record<PeeringFlag, boolean>>,
): Partial<Record<PeeringFlag, boolean>> {
  const mirrored: Partial<Record<PeeringFlag, boolean>> = {};
  for (const flag of peeringFlags) {
    const value = flags[flag];
    if (value !== undefined) mirrored[reversePeeringFlag(flag)] = value;
  }
  return mirrored;
}

/** FACTS §4.2 [VERIFIED S7, S17, spec text]. */
export const peeringRules = {
  /** A peering must exist on both VNets; one side alone stays `Initiated`. */
  reverseRequired: true,
  /** Peered VNets must not have overlapping address spaces. */
  addressSpacesMustNotOverlap: true,
  /** `useRemoteGateways: true` needs `allowGatewayTransit: true` on the remote side's peering. */
  useRemoteGatewaysNeedsRemoteAllowGatewayTransit: true,
  /** At most one peering per VNet may set `useRemoteGateways: true`. */
  maxUseRemoteGatewaysPerVnet: 1,
  /** `useRemoteGateways` cannot be set when the local VNet has a gateway. */
  useRemoteGatewaysForbiddenWithLocalGateway: true,
} as const;

/** FACTS §4.1: subnet peering properties, first stable in 2023-11-01; `peerCompleteVnets: false` = subnet peering. */
export const subnetPeeringProperties = [
  'properties.peerCompleteVnets',
  'properties.localSubnetNames',
  'properties.remoteSubnetNames',
] as const;
export const subnetPeeringSince = '2023-11-01';

/**
 * FACTS §4.1: a peering name is 1–80 letters, digits, `_`, `.`, `-`, starting with a letter or digit and
 * ending with a letter, digit or `_`.
 */
export const peeringNamePattern = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
