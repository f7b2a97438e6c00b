import rule from '../../../server/src/rules/dns-custom-server-unlinked';
import unlinked from '../../../server/src/rules/dns-zone-unlinked';
import groupMissing from '../../../server/src/rules/pe-dns-zone-group-missing';
import {
  unreadModuleCall,
  armDnsTemplate,
  armDnsVnet,
  armNewLink,
  armZoneEnd,
  kvEndpoint,
  link,
  newGroup,
  newHubLink,
  newLink,
  vnet,
  zone,
} from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';

const customDns = (servers = "'10.0.1.4'") => `dhcpOptions: { dnsServers: [ ${servers} ] }`;
const hub = (subnet = 'snet-dns') => vnet('hub', 'vnet-hub', 0, '', subnet);
const spoke = (extra = customDns()) => vnet('spoke', 'vnet-spoke', 1, extra);
const endpoint = kvEndpoint({ subnet: 'spoke.properties.subnets[0].id' });
const hubLinkAfterZone = edited([zone(), zone() + newHubLink]);
const resolver = (vnetId = 'hub.id') => `resource resolver 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: 'dnspr-hub'
  location: 'westeurope'
  properties: { virtualNetwork: { id: ${vnetId} } }
}
resource inbound 'Microsoft.Network/dnsResolvers/inboundEndpoints@2025-05-01' = {
  parent: resolver
  name: 'inbound'
  location: 'westeurope'
  properties: { ipConfigurations: [ { privateIpAllocationMethod: 'Static', privateIpAddress: '10.0.1.4', subnet: { id: hub.properties.subnets[0].id } } ] }
}
`;
const message =
  /^Private DNS zone 'privatelink\.vaultcore\.azure\.net' is not linked to 'vnet-hub', where the custom DNS servers 10\.0\.1\.4 of 'vnet-spoke' live: .*resolve private endpoint 'pe-kv' to its public address\.$/;

ruleTests(rule, {
  valid: [
    {
      name: "a module nobody can read, given the DNS servers' VNet, may link it to the zone",
      code: hub() + spoke() + endpoint + zone() + link('toSpoke', 'spoke.id') + unreadModuleCall('dnsVnetId: hub.id'),
    },
    {
      name: 'the zone is linked where the DNS server lives',
      code: hub() + spoke() + endpoint + zone() + link('toHub', 'hub.id'),
    },
    {
      name: 'Azure-provided DNS: dns-zone-vnet-link-missing judges it',
      code: hub() + spoke('') + endpoint + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: 'a server outside every analysed VNet (on-premises DNS)',
      code: hub() + spoke(customDns("'192.168.10.4'")) + endpoint + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: 'a server in AzureFirewallSubnet: the DNS proxy forwards where its policy says',
      code: hub('AzureFirewallSubnet') + spoke() + endpoint + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: 'DNS servers that are not known',
      code: `param servers array\n${hub()}${spoke('dhcpOptions: { dnsServers: servers }')}${endpoint}${zone()}${link('toSpoke', 'spoke.id')}`,
    },
    {
      name: 'one server of two is not known',
      code: `param second string\n${hub()}${spoke(customDns("'10.0.1.4', second"))}${endpoint}${zone()}${link('toSpoke', 'spoke.id')}`,
    },
    {
      name: 'a link that may reach the DNS VNet',
      code: `param linkHub bool\n${hub()}${spoke()}${endpoint}${zone()}${link('toSpoke', 'spoke.id')}${link('toHub', 'hub.id', 'if (linkHub) ')}`,
    },
    {
      name: 'a link to an unknown VNet may be the one',
      code: `param vnetId string\n${hub()}${spoke()}${endpoint}${zone()}${link('toSomewhere', 'vnetId')}`,
    },
    { name: "a zone without links is dns-zone-unlinked's finding", code: hub() + spoke() + endpoint + zone() },
    {
      name: 'a resolver whose VNet is not known may answer',
      code: `param resolverVnetId string\n${hub()}${spoke()}${endpoint}${zone()}${link('toSpoke', 'spoke.id')}${resolver('resolverVnetId')}`,
    },
    {
      name: 'a resolver in a third VNet is linked: a forwarder in the hub may forward to it',
      code:
        hub() +
        spoke() +
        vnet('dnsVnet', 'vnet-dns', 2) +
        resolver('dnsVnet.id').replace("'10.0.1.4'", "'10.2.1.4'").replace('hub.properties', 'dnsVnet.properties') +
        endpoint +
        zone() +
        link('toSpoke', 'spoke.id') +
        link('toDns', 'dnsVnet.id'),
    },
    {
      name: 'a spoke on custom DNS servers inside itself, linked',
      code:
        hub() +
        vnet('spoke', 'vnet-spoke', 1, customDns("'10.1.1.4'")) +
        endpoint +
        zone() +
        link('toSpoke', 'spoke.id'),
    },
    {
      name: "the servers' own VNet asks another server (domain controllers forwarding to a hub firewall's DNS proxy)",
      code:
        vnet('hub', 'vnet-hub', 0, customDns("'10.9.0.68'"), 'snet-dns') +
        spoke() +
        endpoint +
        zone() +
        link('toSpoke', 'spoke.id'),
    },
    {
      name: "the servers' own VNet's DNS is not known",
      code: `param identityDns array
${vnet('hub', 'vnet-hub', 0, 'dhcpOptions: { dnsServers: identityDns }', 'snet-dns')}${spoke()}${endpoint}${zone()}${link('toSpoke', 'spoke.id')}`,
    },
    {
      name: 'an existing zone is linked elsewhere',
      code: `${hub()}${spoke()}${endpoint}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n${link('toSpoke', 'spoke.id')}`,
    },
  ],
  invalid: [
    {
      name: "a spoke on the hub's DNS server, the zone linked only to the spoke",
      code: hub() + spoke() + endpoint + zone('[|zone|]') + link('toSpoke', 'spoke.id'),
      errors: [{ messageId: 'unlinked', level: 'warning', message }],
      fixTitle: /^Link the zone to 'vnet-hub'$/,
      output: hub() + spoke() + endpoint + zone() + newHubLink + link('toSpoke', 'spoke.id'),
    },
    {
      name: "the servers' VNet lists the servers themselves (domain controllers that ask each other)",
      code:
        vnet('hub', 'vnet-hub', 0, customDns(), 'snet-dns') +
        spoke() +
        endpoint +
        zone('[|zone|]') +
        link('toSpoke', 'spoke.id'),
      errors: [{ messageId: 'unlinked', message }],
      output:
        vnet('hub', 'vnet-hub', 0, customDns(), 'snet-dns') +
        spoke() +
        endpoint +
        zone() +
        newHubLink +
        link('toSpoke', 'spoke.id'),
    },
    {
      name: 'the server is a DNS Private Resolver inbound endpoint in the hub',
      code: hub() + spoke() + resolver() + endpoint + zone('[|zone|]') + link('toSpoke', 'spoke.id'),
      errors: [{ messageId: 'unlinked', message }],
      output: hubLinkAfterZone,
    },
    {
      name: 'endpoints created in a loop: one finding',
      code: `${hub()}${spoke()}resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv-prod'\n}\nresource pes 'Microsoft.Network/privateEndpoints@2025-09-01' = [for i in range(0, 2): {\n  name: 'pe-kv-\${i}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: spoke.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}]\nresource groups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = [for i in range(0, 2): {\n  parent: pes[i]\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zone.id } } ] }\n}]\n${zone('[|zone|]')}${link('toSpoke', 'spoke.id')}`,
      errors: [{ messageId: 'unlinked', message: /private endpoint 'pe-kv-0'/ }],
      output: hubLinkAfterZone,
    },
    {
      name: 'the spoke comes from a module',
      code: `//- /main.bicep\n${hub()}module net 'spoke.bicep' = {\n  name: 'spoke'\n}\n${endpoint.replace('spoke.properties.subnets[0].id', 'net.outputs.subnetId')}${zone('[|zone|]')}${link('toSpoke', 'net.outputs.vnetId')}//- /spoke.bicep\n${spoke()}output vnetId string = spoke.id\noutput subnetId string = spoke.properties.subnets[0].id\n`,
      errors: [{ messageId: 'unlinked', message }],
      output: hubLinkAfterZone,
    },
  ],
});

// ARM JSON: the spoke on the hub's DNS server, the zone linked to `linkedVnet` only.
const arm = (linkedVnet: string, marked = false) =>
  armDnsTemplate(armDnsVnet('vnet-hub', 0, '', 'snet-a') + armDnsVnet('vnet-spoke', 1, '10.0.1.4', 'snet-a'), {
    subnet: 'snet-a',
    marked,
    linkedVnet,
  });

ruleTests(rule, {
  valid: [{ name: 'ARM: the zone is linked to the hub, where the server lives', code: arm('vnet-hub') }],
  invalid: [
    {
      name: 'ARM: the zone is linked to the spoke only',
      code: arm('vnet-spoke', true),
      errors: [{ messageId: 'unlinked', message }],
      output: edited([armZoneEnd, `${armZoneEnd}\n${armNewLink('vnet-hub')},`]),
    },
  ],
});

// dns-zone-unlinked's fix also links the zone where the endpoint VNet's custom DNS servers live, so
// it adds no dns-custom-server-unlinked finding (DESIGN §4 c).
const newSpokeLink = newLink('spoke.id');
ruleTests(unlinked, {
  valid: [],
  invalid: [
    {
      name: "a zone without links used from a spoke on the hub's DNS server: linked to both",
      code: hub() + spoke() + endpoint + zone('[|zone|]'),
      errors: [{ messageId: 'unlinked' }],
      fixTitle: /^Link the zone to 'vnet-spoke', 'vnet-hub'$/,
      output: hub() + spoke() + endpoint + zone() + newSpokeLink + newHubLink,
    },
  ],
});

// pe-dns-zone-group-missing's fix, pointing the endpoint at a zone linked only to its custom-DNS
// spoke, links the zone where the servers live too (DESIGN §4 c).
const endpointWithoutGroup = endpoint.slice(0, endpoint.indexOf('resource group'));
ruleTests(groupMissing, {
  valid: [],
  invalid: [
    {
      name: "the new zone group writes into a zone the hub's DNS server cannot see: the hub is linked too",
      code:
        hub() +
        spoke() +
        endpointWithoutGroup.replace('resource pe ', 'resource [|pe|] ') +
        zone() +
        link('toSpoke', 'spoke.id'),
      errors: [{ messageId: 'missingInVnet' }],
      output:
        hub() +
        spoke() +
        endpointWithoutGroup +
        newGroup('zone.id') +
        zone() +
        newHubLink +
        link('toSpoke', 'spoke.id'),
    },
  ],
});
