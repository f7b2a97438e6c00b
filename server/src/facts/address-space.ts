// Address-space and subnet facts (FACTS §7, §2.3): prefix limits, reserved addresses, forbidden ranges, and the
// dedicated subnets whose names Azure reserves (sizes, NSG and private endpoint placement).
// Invariants: subnet names match exactly (FACTS §7 "name exact"); each size or placement fact keeps FACTS'
// evidence (`verified` / `inferred` / `unverified`), and rules decide severity from it and DESIGN §3.
import { reservedSubnetTable } from './subnet-data';

export type Evidence = 'verified' | 'inferred' | 'unverified';

/** FACTS §7 [VERIFIED S16]: IPv4 subnets /29 (smallest) to /2 (largest); IPv6 subnets exactly /64. */
export const subnetPrefixLimits = {
  ipv4SmallestPrefixLength: 29,
  ipv4LargestPrefixLength: 2,
  ipv6PrefixLength: 64,
} as const;

/**
 * FACTS §7 [VERIFIED S16]: Azure reserves 5 addresses per subnet: the first four (network, default gateway,
 * two for Azure DNS) and the last.
 */
export const reservedAddressesPerSubnet = 5;

/** Addresses left for resources in an IPv4 subnet of this prefix length: 2^(32−prefix) − 5, never below 0. */
export function usableIpv4Addresses(prefixLength: number): number {
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) return 0;
  return Math.max(0, 2 ** (32 - prefixLength) - reservedAddressesPerSubnet);
}

export interface ForbiddenRange {
  readonly cidr: string;
  readonly label: string;
}

/** FACTS §7 [VERIFIED S16]: ranges that cannot be used in a VNet. */
export const forbiddenIpv4Ranges: readonly ForbiddenRange[] = [
  { cidr: '224.0.0.0/4', label: 'multicast' },
  { cidr: '255.255.255.255/32', label: 'broadcast' },
  { cidr: '127.0.0.0/8', label: 'loopback' },
  { cidr: '169.254.0.0/16', label: 'link-local' },
  { cidr: '168.63.129.16/32', label: 'Azure platform DNS and health probes' },
];

export interface SizeFact {
  /** Prefix length the subnet must not be smaller than (a larger number is a smaller subnet). */
  readonly maxPrefixLength: number;
  readonly evidence: Evidence;
}

export interface ReservedSubnet {
  readonly name: string;
  /** Minimum size. */
  readonly minimum: SizeFact;
  /** Recommended size, where FACTS gives one beyond the minimum. */
  readonly recommended?: SizeFact;
  /** Private endpoints do not belong here (FACTS §2.3) and how firmly FACTS says so. */
  readonly privateEndpoints: { readonly allowed: false; readonly evidence: Evidence };
  /** FACTS §7: an NSG cannot be attached (`NetworkSecurityGroupCannotBeAttachedToGatewaySubnet`). */
  readonly nsgForbidden?: { readonly evidence: Evidence };
}

/**
 * Dedicated subnets (FACTS §7 sizes, §2.3 placement), read from data/reserved-subnets.json (subnet-data.ts),
 * each fact with FACTS' evidence and a note saying where it stands.
 */
export const reservedSubnets: readonly ReservedSubnet[] = reservedSubnetTable;

/** The dedicated subnet with exactly this name, or `undefined`. */
export function reservedSubnet(name: string): ReservedSubnet | undefined {
  return reservedSubnets.find((s) => s.name === name);
}

/**
 * FACTS §7 (S14 PSRule regex): subnet names are 1–80 characters of letters, digits, `_`, `.`, `-`, starting
 * with a letter or digit and ending with a letter, digit or `_`.
 */
export const subnetNamePattern = /^[A-Za-z0-9]((-|\.)*\w){0,79}$/;
