// Rules of the catalog's endpoints group (DESIGN §3), in catalog order.
import nsgGatewaySubnet from './nsg-gateway-subnet';
import peGroupIdInvalid from './pe-group-id-invalid';
import peLocationMismatch from './pe-location-mismatch';
import pePublicAccessEnabled from './pe-public-access-enabled';
import peSubnetPoliciesIgnored from './pe-subnet-policies-ignored';
import peSubnetReserved from './pe-subnet-reserved';
import plsSubnetPolicies from './pls-subnet-policies';
import routeNvaNextHop from './route-nva-next-hop';
import type { RuleDefinition } from './support/rule';
import subnetPoliciesValue from './subnet-policies-value';

export const endpointsRules: readonly RuleDefinition[] = [
  peGroupIdInvalid,
  peLocationMismatch,
  peSubnetReserved,
  pePublicAccessEnabled,
  peSubnetPoliciesIgnored,
  plsSubnetPolicies,
  subnetPoliciesValue,
  routeNvaNextHop,
  nsgGatewaySubnet,
];
