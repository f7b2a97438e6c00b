// Rules of the catalog's addresses group (DESIGN §3), in catalog order.
import peeringDuplicate from './peering-duplicate';
import peeringGatewayTransit from './peering-gateway-transit';
import peeringRemoteGatewayOrder from './peering-remote-gateway-order';
import peeringReverseMissing from './peering-reverse-missing';
import peeringSelf from './peering-self';
import peeringSpokesOverlap from './peering-spokes-overlap';
import type { RuleDefinition } from './support/rule';
import subnetCidrInvalid from './subnet-cidr-invalid';
import subnetInlineAndChild from './subnet-inline-and-child';
import subnetOutsideVnet from './subnet-outside-vnet';
import subnetOverlap from './subnet-overlap';
import subnetSize from './subnet-size';
import vnetAddressOverlap from './vnet-address-overlap';

export const addressesRules: readonly RuleDefinition[] = [
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
  peeringSpokesOverlap,
  peeringRemoteGatewayOrder,
];
