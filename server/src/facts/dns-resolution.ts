// How a VNet's DNS queries meet private DNS zones (FACTS §5.2, §7, S5), for dns-custom-server-unlinked
// and the resolution explainer. Invariant: only what FACTS states; cases it leaves open are named here
// so callers stay silent on them.

/** FACTS §5.2 / §7: Azure-provided DNS, the address that answers from the zones linked to the asking VNet. */
export const azureProvidedDnsAddress = '168.63.129.16';

/** FACTS §5.2 [VERIFIED S9, S5]: where queries of a VNet meet linked private DNS zones. */
export const customDnsResolution = {
  /** A VNet on Azure-provided DNS is answered from the zones linked to it. */
  azureProvidedAnswersFromLinkedZones: true,
  /** A VNet with custom `dhcpOptions.dnsServers` does not query the zones linked to it. */
  customServersBypassOwnLinks: true,
  /**
   * The zones must be linked where the DNS server lives: a DNS Private Resolver inbound endpoint, or a
   * forwarder (VM, firewall DNS proxy) in a VNet linked to the zones, forwarding to Azure-provided DNS.
   */
  answeredWhereServerLives: true,
} as const;

/**
 * Subnets whose DNS service forwards where its own configuration says, which templates of the VNet do
 * not show (an Azure Firewall DNS proxy may forward to custom servers): FACTS does not settle where such
 * a query is answered, so callers treat a server there as unknown.
 */
export const forwarderSubnetsOfUnknownUpstream = ['AzureFirewallSubnet'] as const;

/** FACTS §8.1: the DNS Private Resolver resource types. */
export const dnsResolverTypes = {
  resolver: 'Microsoft.Network/dnsResolvers',
  inboundEndpoint: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
} as const;
