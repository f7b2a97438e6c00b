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
  'microsoft.network/virtualhubs': 'facts/peering-hubs.ts routeServerTypes: a Route Server silences gateway order',
  'microsoft.network/virtualhubs/ipconfigurations': 'facts/peering-hubs.ts routeServerTypes: as virtualhubs',
};
