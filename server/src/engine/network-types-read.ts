// The Microsoft.Network resource types something downstream of evaluation reads, lower case, each with
// who reads it. A type missing here is never evaluated on its own: a module declaring only such types
// (public DNS records, public IPs, load balancers, firewalls, NAT gateways…) goes quiet. Invariant: a
// type a reader uses to silence a rule stays here, or dropping it would make false alarms; the test
// `needed-network-types` fails when a server source names a Microsoft.Network type this list lacks.

export const networkTypesRead: Readonly<Record<string, string>> = {
  'microsoft.network/virtualnetworks': 'model/build.ts: VNet entities (inline subnets and peerings)',
  'microsoft.network/virtualnetworks/subnets': 'model/build.ts: subnet entities',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'model/build.ts: peering entities',
  'microsoft.network/privateendpoints': 'model/build.ts: private endpoint entities',
  'microsoft.network/privateendpoints/privatednszonegroups': 'model/build.ts: zone group entities',
  'microsoft.network/privatednszones': 'model/build.ts: private DNS zone entities',
  'microsoft.network/privatednszones/virtualnetworklinks': 'model/build.ts: VNet link entities',
  'microsoft.network/privatednszones/a':
    'rules/pe-dns-zone-group-missing.ts: manual A records stand in for a zone group (silences)',
  'microsoft.network/networksecuritygroups': 'model/build.ts: NSG entities',
  'microsoft.network/networksecuritygroups/securityrules':
    'rules/support/endpoint-traffic.ts: rule resources that block traffic to endpoints',
  'microsoft.network/routetables': 'model/build.ts: route table entities',
  'microsoft.network/routetables/routes': 'model/build.ts and rules/route-nva-next-hop.ts: route resources',
  'microsoft.network/privatelinkservices': 'model/build.ts: Private Link service entities (a group-id target too)',
  'microsoft.network/virtualnetworkgateways': 'model/build.ts: gateway entities (peering gateway order)',
  'microsoft.network/dnsresolvers': 'model/dns-servers.ts: resolvers a VNet may use for DNS',
  'microsoft.network/dnsresolvers/inboundendpoints': "model/dns-servers.ts: resolvers' addresses as DNS servers",
  'microsoft.network/dnsforwardingrulesets/virtualnetworklinks':
    'rules/support/dns-network.ts: a VNet linked to a forwarding ruleset is not judged on its zone links (silences)',
  'microsoft.network/dnsforwardingrulesets/forwardingrules':
    'rules/support/dns-network.ts: the domains a ruleset forwards (a rule for the zone silences)',
  'microsoft.network/virtualhubs': 'facts/peering-hubs.ts routeServerTypes: a Route Server silences gateway order',
  'microsoft.network/virtualhubs/ipconfigurations': 'facts/peering-hubs.ts routeServerTypes: as virtualhubs',
};

/**
 * The `properties` keys read of the network types whose readers take a few of many keys, with who reads
 * each: a declaration of such a type evaluates only these (needed-types.ts neededProperties), its other
 * keys hold unknowns, so a reader that asks whether one is there is told it may be. Every other type on
 * the list is read whole. Invariant: a reader of another key adds it here; until it does it reads an
 * unknown, and its rule stays silent (its tests that must fire fail).
 */
export const networkPropertiesRead: Readonly<Record<string, readonly string[]>> = {
  // model/build.ts; dns-servers.ts and rules/support/dns-network.ts (dhcpOptions, also whether it is
  // written); rules/support/address-prefixes.ts; rules/subnet-inline-and-child.ts.
  'microsoft.network/virtualnetworks': ['addressSpace', 'dhcpOptions', 'subnets', 'virtualNetworkPeerings'],
  // model/build.ts (registrationEnabled), resolve-references.ts (virtualNetwork).
  'microsoft.network/privatednszones/virtualnetworklinks': ['registrationEnabled', 'virtualNetwork'],
  // Zones are read by type, name and place only.
  'microsoft.network/privatednszones': [],
  // rules/support/endpoint-traffic.ts (inline security rules).
  'microsoft.network/networksecuritygroups': ['securityRules'],
  // model/build.ts (inline routes).
  'microsoft.network/routetables': ['routes'],
  // model/resolve-references.ts (the subnets of its ip configurations).
  'microsoft.network/privatelinkservices': ['ipConfigurations'],
  'microsoft.network/virtualnetworkgateways': ['ipConfigurations'],
  // model/dns-servers.ts: the resolver's VNet, its inbound endpoints' addresses.
  'microsoft.network/dnsresolvers': ['virtualNetwork'],
  'microsoft.network/dnsresolvers/inboundendpoints': ['ipConfigurations'],
  // rules/support/dns-network.ts: the VNet a forwarding ruleset is linked to.
  'microsoft.network/dnsforwardingrulesets/virtualnetworklinks': ['virtualNetwork'],
  'microsoft.network/dnsforwardingrulesets/forwardingrules': ['domainName', 'forwardingRuleState'],
  // facts/peering-hubs.ts routeServerTypes: hubs are read by type only.
  'microsoft.network/virtualhubs': [],
  'microsoft.network/virtualhubs/ipconfigurations': [],
};
