// What a virtual network PUT does to subnets it does not list (FACTS §14, S46), for subnet-inline-and-child.
// Invariant: the threshold is the API version of the request, as the Azure Networking blog states.

/**
 * FACTS §14: from this API version a VNet PUT without `properties.subnets` leaves the existing subnets
 * alone; before it, the subnets the PUT omits are deleted (or the PUT fails with InUseSubnetCannotBeDeleted).
 */
export const vnetPutKeepsUnlistedSubnetsSince = '2023-09-01';

/** FACTS §14: the version users confirmed the new behaviour with, the safe one to suggest. */
export const vnetPutSuggestedApiVersion = '2023-11-01';
