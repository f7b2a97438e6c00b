// dns-zone-unlinked, and its fix add-vnet-link: a global link without auto-registration from the zone
// to each VNet that must resolve through it, written after the zone's declaration; Bicep and ARM.
import rule from '../../../server/src/rules/dns-zone-unlinked';
import {
  unreadModuleCall,
  armDnsTemplate,
  armDnsVnet,
  armNewLink,
  armZoneByParameter,
  armZoneEnd,
  kvEndpoint,
  link,
  newLink,
  vnet,
  zone,
} from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';

const network = vnet();
const endpoint = (groupHead = '', targetType?: string) => kvEndpoint({ groupHead, targetType });
/** The zone's link to vnet-spoke, as an author writes it (on zone `parent`, or named in full). */
const spokeLink = (head = '', name = 'link-spoke', parent = 'zone') => link('link', 'vnet.id', head, name, parent);
const linkAfterZone = edited([zone(), zone() + newLink()]);

ruleTests(rule, {
  valid: [
    {
      name: 'a module nobody can read, given the zone, may link it',
      code: network + endpoint() + zone() + unreadModuleCall('zoneName: zone.name'),
    },
    { name: 'the zone is linked', code: network + endpoint() + zone() + spokeLink() },
    { name: 'a zone no zone group uses', code: network + zone() },
    {
      name: 'an existing zone is linked elsewhere',
      code: `${network}${endpoint()}resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\n`,
    },
    { name: 'a zone that is not a privatelink zone', code: network + endpoint() + zone('zone', 'contoso.internal') },
    {
      name: 'a link that may be deployed',
      code: `param linkIt bool\n${network}${endpoint()}${zone()}${spokeLink('if (linkIt) ')}`,
    },
    {
      name: 'a link whose zone name is unknown may belong to the zone',
      code: `param zoneName string\n${network}${endpoint()}${zone()}${spokeLink('', '${zoneName}/link-spoke', '')}`,
    },
    { name: 'a zone group that may be deployed', code: `param dns bool\n${network}${endpoint('if (dns) ')}${zone()}` },
    {
      // Absence is judged over every value a caller may pass (DESIGN §2).
      name: 'links in a loop over a parameter that defaults to no VNets: a caller may pass some',
      code: `param vnetIds array = []\n${network}${endpoint()}${zone()}resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (id, i) in vnetIds: {
  parent: zone
  name: 'link-\${i}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: id } }
}]
`,
    },
    {
      name: 'links from a module looped over a parameter that defaults to no VNets: a caller may pass some',
      code: `//- /main.bicep\nparam vnetIds array = []\n${network}${endpoint()}${zone()}module links 'link.bicep' = [for (id, i) in vnetIds: {\n  name: 'link-\${i}'\n  params: { vnetId: id, index: i }\n}]\n//- /link.bicep\nparam vnetId string\nparam index int\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\nresource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {\n  parent: zone\n  name: 'link-\${index}'\n  location: 'global'\n  properties: { registrationEnabled: false, virtualNetwork: { id: vnetId } }\n}\n`,
    },
    {
      name: 'ARM: a copy loop of links whose count is a parameter defaulting to none',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "vnetIds": { "type": "array", "defaultValue": [] }, "subnetId": { "type": "string" } },
  "resources": [
    { "type": "Microsoft.Network/privateDnsZones", "apiVersion": "2024-06-01", "name": "privatelink.vaultcore.azure.net", "location": "global" },
    { "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "apiVersion": "2024-06-01", "name": "[format('privatelink.vaultcore.azure.net/link-{0}', copyIndex())]", "location": "global",
      "copy": { "name": "links", "count": "[length(parameters('vnetIds'))]" },
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[parameters('vnetIds')[copyIndex()]]" } } },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-kv", "location": "westeurope",
      "properties": { "subnet": { "id": "[parameters('subnetId')]" }, "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv1')]", "groupIds": [ "vault" ] } } ] } },
    { "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "apiVersion": "2025-09-01", "name": "pe-kv/default",
      "properties": { "privateDnsZoneConfigs": [ { "name": "z", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } } ] } }
  ]
}
`,
    },
    {
      name: 'a zone that may be deployed',
      code: `param dns bool\n${network}${endpoint()}${zone('zone', 'privatelink.vaultcore.azure.net', 'if (dns) ')}`,
    },
    {
      name: 'an unknown zone name',
      code: `param zoneName string\n${network}${endpoint()}${zone('zone', '${zoneName}')}`,
    },
    {
      name: 'pe-group-id-invalid silences the DNS rules of its endpoint',
      code: network + endpoint('', 'Microsoft.Network/privateLinkServices@2025-09-01') + zone(),
    },
    {
      name: 'the link declared in another file on the zone as an existing resource',
      code: `//- /main.bicep\n${network}${endpoint()}${zone()}module links 'links.bicep' = {\n  name: 'links'\n  params: { vnetId: vnet.id }\n}\n//- /links.bicep\nparam vnetId string\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\nresource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {\n  parent: zone\n  name: 'link'\n  location: 'global'\n  properties: { registrationEnabled: false, virtualNetwork: { id: vnetId } }\n}\n`,
    },
    {
      name: 'ARM: the zone is linked',
      code: armDnsTemplate(armDnsVnet('vnet-spoke', 1), { linkedVnet: 'vnet-spoke', linkName: 'link-spoke' }),
    },
  ],
  invalid: [
    {
      name: 'links from a module looped over a variable with no VNets: reported (nobody can pass any), no fix beside the loop, as for a resource loop',
      code: `//- /main.bicep\nvar vnetIds = []\n${network}${endpoint()}${zone('[|zone|]')}module links 'link.bicep' = [for (id, i) in vnetIds: {\n  name: 'link-\${i}'\n  params: { vnetId: id, index: i }\n}]\n//- /link.bicep\nparam vnetId string\nparam index int\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.vaultcore.azure.net'\n}\nresource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {\n  parent: zone\n  name: 'link-\${index}'\n  location: 'global'\n  properties: { registrationEnabled: false, virtualNetwork: { id: vnetId } }\n}\n`,
      errors: [{ messageId: 'unlinked' }],
      output: null,
    },
    {
      name: 'the link is written but an environment switches it off: reported there, with no fix that would link every environment',
      code: `//- /main.bicep\nparam linkZone bool = true\n${network}${endpoint()}${zone('[|zone|]')}${spokeLink('if (linkZone) ')}//- /dev.bicepparam\nusing 'main.bicep'\nparam linkZone = false\n`,
      errors: [{ messageId: 'unlinked' }],
      output: null,
    },
    {
      name: "a zone a zone group uses, with no link: a link to the endpoint's VNet after the zone",
      code: network + endpoint() + zone('[|zone|]'),
      errors: [
        {
          messageId: 'unlinked',
          level: 'warning',
          message:
            /^Private DNS zone 'privatelink\.vaultcore\.azure\.net' holds the record of private endpoint 'pe-kv' but is linked to no virtual network/,
        },
      ],
      fixTitle: /^Link the zone to 'vnet-spoke'$/,
      output: linkAfterZone,
    },
    {
      name: 'a link to another zone does not count',
      code:
        network +
        endpoint() +
        zone('[|zone|]') +
        zone('blob', 'privatelink.blob.core.windows.net') +
        spokeLink('', 'link-spoke', 'blob'),
      errors: [{ messageId: 'unlinked' }],
      output: linkAfterZone,
    },
    {
      name: 'reported in the file that creates the zone, the zone group in a module',
      code: `//- /main.bicep\n${network}${zone('[|zone|]')}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id, zoneId: zone.id }\n}\n//- /data.bicep\nparam subnetId string\nparam zoneId string\n${kvEndpoint({ subnet: 'subnetId', zoneId: 'zoneId' })}`,
      errors: [{ messageId: 'unlinked' }],
      output: linkAfterZone,
    },
    {
      name: "the zone in a module whose caller declares the VNet: the VNet's id is passed in",
      code: `//- /main.bicep
${network}${endpoint().replace('zone.id', 'dns.outputs.zoneId')}module dns 'dns.bicep' = {
  name: 'dns'
}
//- /dns.bicep
${zone('[|zone|]')}output zoneId string = zone.id
`,
      errors: [{ messageId: 'unlinked' }],
      output: `//- /main.bicep
${network}${endpoint().replace('zone.id', 'dns.outputs.zoneId')}module dns 'dns.bicep' = {
  name: 'dns'
  params: {
    vnetSpokeId: vnet.id
  }
}
//- /dns.bicep
@description('Resource id of the virtual network vnet-spoke.')
param vnetSpokeId string

${zone()}${newLink('vnetSpokeId')}output zoneId string = zone.id
`,
    },
    {
      name: 'ARM: a zone a zone group uses, with no link',
      code: armDnsTemplate(armDnsVnet('vnet-spoke', 1), { marked: true }),
      errors: [{ messageId: 'unlinked' }],
      output: edited([armZoneEnd, `${armZoneEnd}\n${armNewLink('vnet-spoke')},`]),
    },
    {
      name: 'ARM: a link named with format() after a zone whose name is a parameter',
      code: armZoneByParameter('[|"Microsoft.Network/privateDnsZones"|]'),
      errors: [{ messageId: 'unlinked' }],
      output: armZoneByParameter(
        '"Microsoft.Network/privateDnsZones"',
        `,\n${armNewLink('vnet-spoke', "parameters('zoneName')", "[format('{0}/{1}', parameters('zoneName'), 'link-vnet-spoke')]")}`,
      ),
    },
  ],
});
