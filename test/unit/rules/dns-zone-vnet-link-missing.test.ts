// dns-zone-vnet-link-missing, and its fix add-vnet-link: the zone is linked to the endpoint's VNet
// and to VNets peered both ways with it, after the zone's declaration; Bicep and ARM.
import rule from '../../../server/src/rules/dns-zone-vnet-link-missing';
import {
  unreadModuleCall,
  armDnsTemplate,
  armDnsVnet,
  armNewLink,
  armZoneByParameter,
  armZoneEnd,
  kvEndpoint,
  link,
  newHubLink,
  newLink,
  vnet,
  zone,
} from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';

const hub = (extra = '') => vnet('hub', 'vnet-hub', 0, extra);
const spoke = (extra = '') => vnet('spoke', 'vnet-spoke', 1, extra);

const peering = (
  symbol: string,
  parent: string,
  remote: string,
  head = '',
) => `resource ${symbol} 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = ${head}{
  parent: ${parent}
  name: 'to-${remote}'
  properties: { remoteVirtualNetwork: { id: ${remote}.id }, allowVirtualNetworkAccess: true }
}
`;
const peered = peering('hubToSpoke', 'hub', 'spoke') + peering('spokeToHub', 'spoke', 'hub');

/** A Key Vault endpoint in vnet-spoke (or in `subnet`) with a zone group on `zone`. */
const endpoint = (subnet = 'spoke.properties.subnets[0].id', targetType?: string) => kvEndpoint({ subnet, targetType });
const newSpokeLink = newLink('spoke.id');

const hubAndSpoke = armDnsVnet('vnet-hub', 0) + armDnsVnet('vnet-spoke', 1);
const farLink = `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[format('{0}/{1}', parameters('zoneName'), 'link-far')]",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/far" } }
    }`;
const peeredWithVnet = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
resource hubToSpoke 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: hub
  name: 'hub-to-spoke'
  properties: { remoteVirtualNetwork: { id: vnet.id } }
}
resource spokeToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'spoke-to-hub'
  properties: { remoteVirtualNetwork: { id: hub.id } }
}
`;

ruleTests(rule, {
  valid: [
    {
      name: "a module nobody can read, given the spoke's id, may link it to the zones",
      code: hub() + spoke() + endpoint() + zone() + link('toHub', 'hub.id') + unreadModuleCall('vnetId: spoke.id'),
    },
    {
      // FACTS does not say how a forwarding ruleset's rules meet the VNet's own zone links; Learn shows a
      // spoke resolving a hub-linked zone through a rule to the resolver's inbound endpoint (review of
      // enterprise patterns).
      name: 'the endpoint VNet is linked to a DNS forwarding ruleset: its zone links are not judged',
      code: `${hub()}${spoke()}${endpoint()}${zone()}${link('toHub', 'hub.id')}resource ruleset 'Microsoft.Network/dnsForwardingRulesets@2025-05-01' existing = {
  name: 'dnsfrs-hub'
}
resource rulesetLink 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2025-05-01' = {
  parent: ruleset
  name: 'spoke'
  properties: { virtualNetwork: { id: spoke.id } }
}
`,
    },
    {
      name: "the zone is linked to the endpoint's VNet",
      code: spoke() + endpoint() + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: "linked to the endpoint's VNet and to the VNet peered both ways",
      code: hub() + spoke() + peered + endpoint() + zone() + link('toSpoke', 'spoke.id') + link('toHub', 'hub.id'),
    },
    {
      name: 'a one-way peering from the spoke does not make the hub a client',
      code: hub() + spoke() + peering('spokeToHub', 'spoke', 'hub') + endpoint() + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: 'a one-way peering from the hub does not make the hub a client',
      code: hub() + spoke() + peering('hubToSpoke', 'hub', 'spoke') + endpoint() + zone() + link('toSpoke', 'spoke.id'),
    },
    {
      name: 'a peering that may not be deployed',
      code: `param back bool\n${hub()}${spoke()}${peering('hubToSpoke', 'hub', 'spoke')}${peering('spokeToHub', 'spoke', 'hub', 'if (back) ')}${endpoint()}${zone()}${link('toSpoke', 'spoke.id')}`,
    },
    {
      name: 'a spoke on custom DNS resolves through the hub, which is linked',
      code:
        hub() +
        spoke("dhcpOptions: { dnsServers: [ '10.0.1.4' ] }") +
        peered +
        endpoint() +
        zone() +
        link('toHub', 'hub.id'),
    },
    {
      // The hub is where the spoke's servers live: dns-custom-server-unlinked asks for that link, and one
      // missing link makes one finding (review of enterprise patterns: both rules said it).
      name: "the hub where a spoke's custom DNS servers live, not linked: dns-custom-server-unlinked's finding",
      code:
        hub() +
        spoke("dhcpOptions: { dnsServers: [ '10.0.1.4' ] }") +
        peered +
        endpoint() +
        zone() +
        link('toSpoke', 'spoke.id'),
    },
    { name: "a zone without any link is dns-zone-unlinked's finding", code: spoke() + endpoint() + zone() },
    {
      name: 'a link to an unknown VNet may be the missing one',
      code: `param vnetId string\n${spoke()}${endpoint()}${zone()}${link('toSomewhere', 'vnetId')}`,
    },
    {
      name: 'a link that may be deployed',
      code: `param linkIt bool\n${hub()}${spoke()}${endpoint()}${zone()}${link('toHub', 'hub.id')}${link('toSpoke', 'spoke.id', 'if (linkIt) ')}`,
    },
    {
      name: 'DNS servers that are not known',
      code: `param dns object\n${hub()}${spoke('dhcpOptions: dns')}${endpoint()}${zone()}${link('toHub', 'hub.id')}`,
    },
    {
      name: 'an endpoint whose subnet is given as an unknown id',
      code: `param subnetId string\n${hub()}${endpoint('subnetId')}${zone()}${link('toHub', 'hub.id')}`,
    },
    {
      name: 'an existing zone is linked elsewhere',
      code: `${hub()}${spoke()}${endpoint()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n${link('toHub', 'hub.id')}`,
    },
    {
      name: 'a VNet redeployed later with custom DNS servers (a firewall DNS proxy)',
      code: `//- /main.bicep\n${hub()}${spoke()}${endpoint()}${zone()}${link('toHub', 'hub.id')}module dns 'dns.bicep' = {\n  name: 'dns'\n}\n//- /dns.bicep\n${spoke("dhcpOptions: { dnsServers: [ '10.0.1.4' ] }")}`,
    },
    {
      name: "ARM: the zone is linked to the endpoint's VNet",
      code: armDnsTemplate(hubAndSpoke, { linkedVnet: 'vnet-spoke' }),
    },
    {
      name: 'pe-group-id-invalid silences the DNS rules of its endpoint',
      code:
        hub() +
        spoke() +
        endpoint('spoke.properties.subnets[0].id', 'Microsoft.Network/privateLinkServices@2025-09-01') +
        zone() +
        link('toHub', 'hub.id'),
    },
  ],
  invalid: [
    {
      name: "the spoke module is fed by the zone module's output: passing the spoke's VNet back would be a cycle, so no fix",
      code: `//- /main.bicep
module dns 'dns.bicep' = {
  name: 'dns'
}
module spoke 'spoke.bicep' = {
  name: 'spoke'
  params: { vaultZoneId: dns.outputs.zoneId }
}
//- /dns.bicep
resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/24' ] } }
}
resource [|zone|] 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'hub'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: hub.id } }
}
output zoneId string = zone.id
//- /spoke.bicep
param vaultZoneId string
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ '10.1.0.0/24' ] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.1.0.0/26' } } ]
  }
}
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-spoke-01'
}
resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
  }
  resource zg 'privateDnsZoneGroups' = {
    name: 'default'
    properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: vaultZoneId } } ] }
  }
}
output vnetId string = vnet.id
`,
      errors: [{ messageId: 'ownVnet' }],
      output: null,
    },
    {
      name: "a zone linked to the hub only: the endpoint's own VNet cannot resolve it",
      code: hub() + spoke() + endpoint() + zone('[|zone|]') + link('toHub', 'hub.id'),
      errors: [
        {
          messageId: 'ownVnet',
          level: 'warning',
          message:
            /^Private DNS zone 'privatelink\.vaultcore\.azure\.net' is not linked to 'vnet-spoke', the virtual network of private endpoint 'pe-kv': clients there use Azure-provided DNS/,
        },
      ],
      output: edited([zone(), zone() + newSpokeLink]),
    },
    {
      name: 'the hub peered both ways is not linked',
      code: hub() + spoke() + peered + endpoint() + zone('[|zone|]') + link('toSpoke', 'spoke.id'),
      errors: [
        {
          messageId: 'peered',
          message: /is not linked to 'vnet-hub', peered with the virtual network of private endpoint 'pe-kv'/,
        },
      ],
      output: edited([zone(), zone() + newHubLink]),
    },
    {
      name: 'an empty list of DNS servers is Azure-provided DNS',
      code: hub() + spoke('dhcpOptions: { dnsServers: [] }') + endpoint() + zone('[|zone|]') + link('toHub', 'hub.id'),
      errors: [{ messageId: 'ownVnet' }],
      output: edited([zone(), zone() + newSpokeLink]),
    },
    {
      // A ruleset changes nothing for names none of its rules covers (regression review: linked to the
      // spoke with a rule for corp.contoso.com only, it silenced this finding).
      name: "a ruleset linked to the endpoint's VNet whose one rule is for another domain",
      code: `${hub()}${spoke()}${endpoint()}${zone('[|zone|]')}${link('toHub', 'hub.id')}resource ruleset 'Microsoft.Network/dnsForwardingRulesets@2025-05-01' existing = {
  name: 'dnsfrs-hub'
}
resource rule 'Microsoft.Network/dnsForwardingRulesets/forwardingRules@2025-05-01' = {
  parent: ruleset
  name: 'corp'
  properties: { domainName: 'corp.contoso.com.', targetDnsServers: [ { ipAddress: '10.0.1.4', port: 53 } ] }
}
resource rulesetLink 'Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@2025-05-01' = {
  parent: ruleset
  name: 'spoke'
  properties: { virtualNetwork: { id: spoke.id } }
}
`,
      errors: [{ messageId: 'ownVnet' }],
      output: (code: string) => code.replace(zone(), zone() + newSpokeLink),
    },
    {
      // FACTS §5.2 names 168.63.129.16 as Azure-provided DNS (a review of enterprise patterns: pinned, it was read as custom).
      name: "a list of only Azure-provided DNS's address, 168.63.129.16, is Azure-provided DNS",
      code:
        hub() +
        spoke("dhcpOptions: { dnsServers: [ '168.63.129.16' ] }") +
        endpoint() +
        zone('[|zone|]') +
        link('toHub', 'hub.id'),
      errors: [{ messageId: 'ownVnet' }],
      output: edited([zone(), zone() + newSpokeLink]),
    },
    {
      name: 'an existing reference to the VNet elsewhere sets nothing',
      code: `//- /main.bicep\n${hub()}${spoke()}${endpoint()}${zone('[|zone|]')}${link('toHub', 'hub.id')}module other 'other.bicep' = {\n  name: 'other'\n}\n//- /other.bicep\nresource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  name: 'vnet-spoke'\n}\noutput id string = spoke.id\n`,
      errors: [{ messageId: 'ownVnet' }],
      output: edited([zone(), zone() + newSpokeLink]),
    },
    {
      name: 'neither the own VNet nor the peered one is linked',
      code:
        hub() +
        spoke() +
        vnet('other', 'vnet-other', 2) +
        peered +
        endpoint() +
        zone('[|zone|]') +
        link('toOther', 'other.id'),
      errors: [
        {
          messageId: 'ownVnet',
          message: /'vnet-spoke', the virtual network of private endpoint 'pe-kv' \(nor to 'vnet-hub'\)/,
        },
      ],
      output: edited([zone(), zone() + newSpokeLink + newHubLink]),
    },
    {
      name: 'ARM: the zone is linked to the hub only',
      code: armDnsTemplate(hubAndSpoke, { marked: true, linkedVnet: 'vnet-hub' }),
      errors: [{ messageId: 'ownVnet' }],
      output: edited([armZoneEnd, `${armZoneEnd}\n${armNewLink('vnet-spoke')},`]),
    },
    {
      name: 'ARM: the endpoint VNet, using Azure-provided DNS, is linked (the zone had a link to another VNet)',
      code: armZoneByParameter('[|"Microsoft.Network/privateDnsZones"|]', farLink),
      errors: [{ messageId: 'ownVnet' }],
      output: armZoneByParameter(
        '"Microsoft.Network/privateDnsZones"',
        `,\n${armNewLink('vnet-spoke', "parameters('zoneName')", "[format('{0}/{1}', parameters('zoneName'), 'link-vnet-spoke')]")}${farLink}`,
      ),
    },
    {
      name: 'the hub, peered both ways with the endpoint VNet named vnet, gets its link',
      code: vnet() + peeredWithVnet + kvEndpoint() + zone('[|zone|]') + link('spokeLink', 'vnet.id', '', 'link-spoke'),
      errors: [{ messageId: 'peered' }],
      output: edited([zone(), zone() + newHubLink]),
    },
    {
      // Each call of a module looped over known items deploys one spoke VNet and one endpoint
      // (evaluate/declaration.ts instanceIn): the hub zone its group uses is linked to neither spoke.
      name: 'spokes deployed by a module looped over known items, the zone in the caller linked to the hub only',
      code: `//- /main.bicep
${hub()}${zone('[|zone|]')}${link('toHub', 'hub.id')}module spoke 'spoke.bicep' = [for (name, i) in [ 'a', 'b' ]: {
  name: 'spoke-\${name}'
  params: { name: name, octet: i + 1 }
}]
//- /spoke.bicep
param name string
param octet int
${vnet('spoke', 'vnet-${name}', '${octet}')}${kvEndpoint({ subnet: 'spoke.properties.subnets[0].id', zoneId: "resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')" }).replace("'pe-kv'", "'pe-${name}'")}`,
      errors: [
        {
          messageId: 'ownVnet',
          message: /not linked to 'vnet-a', the virtual network of private endpoint 'pe-a' \(nor to 'vnet-b'\)/,
        },
      ],
      output: null,
    },
  ],
});
