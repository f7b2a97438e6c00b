import rule from '../../../server/src/rules/pe-dns-zone-group-missing';
import {
  unreadModuleCall,
  armNewLink,
  newGroup,
  newLink,
  newZone,
  vnet as spokeVnet,
} from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';
import {
  armKvPe,
  armNewGroup,
  armSpokeVnet,
  armTemplate,
  armZone,
  markedType,
  symbolic,
} from '../../support/zone-group-fixtures';

const kv = `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-prod'
}
`;
const vnet = spokeVnet() + kv;

const kvById = "resourceId('Microsoft.KeyVault/vaults', 'kv-prod')";

/** A private endpoint in vnet-spoke (or `subnet`); `symbol` may carry a [|…|] marker. */
const pe = (
  symbol = 'pe',
  groupIds = "[ 'vault' ]",
  target = 'kv.id',
  head = '',
  subnet = 'vnet.properties.subnets[0].id',
) => `resource ${symbol} 'Microsoft.Network/privateEndpoints@2025-09-01' = ${head}{
  name: 'pe-kv'
  location: 'westeurope'
  properties: {
    subnet: { id: ${subnet} }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: ${target}, groupIds: ${groupIds} } } ]
  }
}
`;
/** What add-dns-zone-group writes after an endpoint when no zone exists: the zone, its link, the group. */
const newZoneAndGroup = (head = '', tail = '', parent = 'pe') =>
  newZone() + newGroup('privateDnsZoneVaultcore.id', head, tail, parent);
const appended = (text: string) => (code: string) => code + text;

const zone = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
`;

const existingZone = `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: 'privatelink.vaultcore.azure.net'
}
`;

const group = (
  head = '',
  parent = "parent: pe\n  name: 'default'",
) => `resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  ${parent}
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zone.id } } ] }
}
`;

/** The endpoint named `pe-kv-${suffix}`; `otherEndpoint`, named `pe-${suffix}`, has its own zone group: the names may be one. */
const suffixed = (symbol = 'pe') => pe(symbol).replace("name: 'pe-kv'", "name: 'pe-kv-${suffix}'");
const otherEndpoint =
  pe('other').replace("name: 'pe-kv'", "name: 'pe-${suffix}'") + group('', "parent: other\n  name: 'default'");

/** Zone groups made by a module looped over `items` (one per endpoint it names), each on the endpoint as an existing resource. */
const zoneGroupsByModule = (items: string, marker = 'pe') =>
  `//- /main.bicep\n${items}\n${vnet}${pe(marker)}${zone}module groups 'group.bicep' = [for g in zoneGroups: {\n  name: 'group-\${g.endpoint}'\n  params: { endpointName: g.endpoint, zoneId: zone.id }\n}]\n//- /group.bicep\nparam endpointName string\nparam zoneId string\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {\n  name: endpointName\n}\nresource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zoneId } } ] }\n}\n`;

/** An endpoint module whose zone group is made only when the caller passes the zone (a nullable parameter). */
const endpointModuleWithOptionalZone = (marker = 'pe') =>
  `//- /data.bicep\nparam subnetId string\nparam zoneId string?\n${kv}${pe(marker, "[ 'vault' ]", 'kv.id', '', 'subnetId')}resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = if (zoneId != null) {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: zoneId! } } ] }\n}\n`;

ruleTests(rule, {
  valid: [
    {
      name: "a module nobody can read, given the endpoint's name, may give it its zone group",
      code: vnet + pe() + zone + unreadModuleCall('endpointName: pe.name'),
    },
    { name: 'an endpoint with a zone group', code: vnet + pe() + zone + group() },
    {
      name: 'a zone group named by its full name, without parent',
      code: vnet + pe() + zone + group('', "name: 'pe-kv/default'"),
    },
    {
      name: 'a zone group that may be deployed silences the finding',
      code: `param dns bool\n${vnet}${pe()}${zone}${group('if (dns) ')}`,
    },
    {
      name: 'a zone group whose parent name is unknown may belong to the endpoint',
      code: `param peName string\n${vnet}${pe()}${zone}${group('', "name: '${peName}/default'")}`,
    },
    {
      name: 'an endpoint that may not be deployed',
      code: `param deploy bool\n${vnet}${pe('pe', "[ 'vault' ]", 'kv.id', 'if (deploy) ')}`,
    },
    {
      name: 'an existing endpoint is not ours to change',
      code: "resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {\n  name: 'pe-kv'\n}\n",
    },
    {
      name: 'a target given as an unknown id has no known type',
      code: `param targetId string\n${vnet}${pe('pe', "[ 'vault' ]", 'targetId')}`,
    },
    { name: 'an unknown group id', code: `param groupId string\n${vnet}${pe('pe', '[ groupId ]')}` },
    {
      name: 'a group id with no private DNS zone (a Web Apps slot)',
      code: `${vnet}resource site 'Microsoft.Web/sites@2025-03-01' existing = {\n  name: 'app'\n}\n${pe('pe', "[ 'sites-staging' ]", 'site.id')}`,
    },
    {
      name: 'a customer Private Link service takes no group id and has no zone',
      code: `${vnet}resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {\n  name: 'pls'\n}\n${pe('pe', '[]', 'pls.id')}`,
    },
    {
      name: 'pe-group-id-invalid takes precedence (a Private Link service given a group id)',
      code: `${vnet}resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {\n  name: 'pls'\n}\n${pe('pe', "[ 'vault' ]", 'pls.id')}`,
    },
    {
      name: 'a group id without zones in the configured cloud (Static Web Apps in Azure China)',
      cloud: 'AzureChinaCloud',
      code: `${vnet}resource swa 'Microsoft.Web/staticSites@2025-03-01' existing = {\n  name: 'swa'\n}\n${pe('pe', "[ 'staticSites' ]", 'swa.id')}`,
    },
    {
      name: 'a manual A record in the needed zone replaces the zone group',
      code: `${vnet}${pe()}${zone}resource record 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {\n  parent: zone\n  name: 'kv-prod'\n  properties: { ttl: 10, aRecords: [ { ipv4Address: '10.1.1.4' } ] }\n}\n`,
    },
    {
      // Both calls declare endpoint pe-kv and its group: one endpoint, declared twice, whose group the model
      // resolves to the first declaration only. A group is judged by its parent's id.
      name: 'an endpoint module called twice with the same params, each call with the zone group',
      code: `//- /main.bicep\n${vnet}${zone}module first 'data.bicep' = {\n  name: 'first'\n  params: { subnetId: vnet.properties.subnets[0].id }\n}\nmodule again 'data.bicep' = {\n  name: 'again'\n  params: { subnetId: vnet.properties.subnets[0].id }\n}\n//- /data.bicep\nparam subnetId string\n${kv}${pe('pe', "[ 'vault' ]", 'kv.id', '', 'subnetId')}${existingZone}${group()}`,
    },
    {
      // Absence is judged over every value a caller may pass (DESIGN §2).
      name: 'zone groups from a module looped over a parameter that defaults to none: a caller may pass some',
      code: zoneGroupsByModule('param zoneGroups array = []'),
    },
    {
      name: 'an endpoint module given the zone its nullable parameter asks for makes the zone group',
      code: `//- /main.bicep\n${vnet}${zone}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id, zoneId: zone.id }\n}\n${endpointModuleWithOptionalZone()}`,
    },
    {
      name: 'the zone group in another file, on the endpoint as an existing resource',
      code: `//- /main.bicep\n${vnet}${pe()}module dns 'dns.bicep' = {\n  name: 'dns'\n}\n//- /dns.bicep\nresource pe 'Microsoft.Network/privateEndpoints@2025-09-01' existing = {\n  name: 'pe-kv'\n}\n${zone}${group()}`,
    },
  ],
  invalid: [
    {
      name: 'the zone is written but an environment switches it off: reported there, with no fix that would declare a second zone',
      code: `//- /main.bicep\nparam deployZone bool = true\n${vnet}${pe('[|pe|]')}${zone.replace('= {', '= if (deployZone) {')}//- /off.bicepparam\nusing 'main.bicep'\nparam deployZone = false\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'the zone group is written but an environment switches it off: reported there, with no fix that would add a second',
      code: `//- /main.bicep\nparam createZoneGroup bool = true\n${vnet}${pe('[|pe|]')}${zone}${group('if (createZoneGroup) ')}//- /dev.bicepparam\nusing 'main.bicep'\nparam createZoneGroup = false\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'zone groups from a module looped over a variable with none: reported (nobody can pass any), no fix beside the loop, as for a resource loop',
      code: zoneGroupsByModule('var zoneGroups = []', '[|pe|]'),
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: "another created endpoint's zone group is that endpoint's, though their names may be one",
      code: `param suffix string\n${vnet}${zone}${suffixed('[|pe|]')}${otherEndpoint}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: edited([zone, zone + newLink()], [suffixed(), suffixed() + newGroup('zone.id')]),
    },
    {
      name: 'an endpoint module whose call leaves out the nullable zone parameter makes no zone group',
      code: `//- /main.bicep\n${vnet}${zone}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id }\n}\n${endpointModuleWithOptionalZone('[|pe|]')}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'a Key Vault endpoint without a zone group',
      code: vnet + pe('[|pe|]') + zone,
      errors: [
        {
          messageId: 'missingInVnet',
          level: 'warning',
          message:
            /^Private endpoint 'pe-kv' has no private DNS zone group: no record for 'kv-prod' is written to 'privatelink\.vaultcore\.azure\.net', so clients in 'vnet-spoke' do not resolve it to the endpoint's private address\.$/,
        },
      ],
      output: edited([pe(), pe() + newGroup('zone.id')], [zone, zone + newLink()]),
    },
    {
      // An `existing` target that only resourceId() names is never evaluated: the message takes its
      // name from the id, as it does for the symbol's.
      name: 'a target named by resourceId() is named by its id',
      code: vnet + pe('[|pe|]', undefined, kvById) + zone,
      errors: [{ messageId: 'missingInVnet', message: /no record for 'kv-prod' is written/ }],
      output: edited(
        [pe('pe', undefined, kvById), pe('pe', undefined, kvById) + newGroup('zone.id')],
        [zone, zone + newLink()],
      ),
    },
    {
      name: 'the subnet given as an id: the VNet is not named',
      code: `param subnetId string\nresource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\nresource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-st'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missing', message: /'stprod'.*'privatelink\.blob\.core\.windows\.net'/ }],
    },
    {
      name: 'a target given by resourceId(): the type and the name come from the id',
      code: vnet + pe('[|pe|]', "[ 'vault' ]", "resourceId('Microsoft.KeyVault/vaults', 'kv-other')"),
      errors: [{ messageId: 'missingInVnet', message: /no record for 'kv-other' is written/ }],
      output: appended(newZoneAndGroup()),
    },
    {
      name: 'a target whose id ends in a name not known is named by its type',
      code:
        'param kvName string\n' + vnet + pe('[|pe|]', "[ 'vault' ]", "resourceId('Microsoft.KeyVault/vaults', kvName)"),
      errors: [{ messageId: 'missingInVnet', message: /no record for its Azure Key Vault is written/ }],
      output: appended(newZoneAndGroup()),
    },
    {
      name: 'a manual (pending) connection needs DNS too',
      code: `${vnet}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    manualPrivateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: appended(newZoneAndGroup()),
    },
    {
      name: 'zone names follow the configured cloud',
      cloud: 'AzureUSGovernment',
      code: vnet + pe('[|pe|]'),
      errors: [{ messageId: 'missingInVnet', message: /'privatelink\.vaultcore\.usgovcloudapi\.net'/ }],
      output: appended(
        newZone("'privatelink.vaultcore.usgovcloudapi.net'") +
          newGroup('privateDnsZoneVaultcore.id', '', '', 'pe', 'privatelink-vaultcore-usgovcloudapi-net'),
      ),
    },
    {
      name: 'a manual A record in another zone does not replace the zone group',
      code: `${vnet}${pe('[|pe|]')}resource blob 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'privatelink.blob.core.windows.net'\n  location: 'global'\n}\nresource record 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {\n  parent: blob\n  name: 'kv-prod'\n  properties: { ttl: 10, aRecords: [ { ipv4Address: '10.1.1.4' } ] }\n}\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: edited([pe(), pe() + newZoneAndGroup()]),
    },
    {
      name: 'endpoints in a loop give one finding',
      code: `${vnet}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-\${name}'), groupIds: [ 'vault' ] } } ]\n  }\n}]\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: appended(newZoneAndGroup("[for (name, i) in [ 'a', 'b' ]: ", ']', 'pe[i]')),
    },
    {
      name: 'reported in the module that declares the endpoint',
      code: `//- /main.bicep\n${vnet}module data 'data.bicep' = {\n  name: 'data'\n  params: { subnetId: vnet.properties.subnets[0].id }\n}\n//- /data.bicep\nparam subnetId string\nresource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {\n  name: 'kv-prod'\n}\nresource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: subnetId }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\n`,
      errors: [{ messageId: 'missingInVnet', message: /clients in 'vnet-spoke'/ }],
      output: (code) =>
        edited(
          ['subnetId: vnet.properties.subnets[0].id', 'subnetId: vnet.properties.subnets[0].id, vnetSpokeId: vnet.id'],
          [
            'param subnetId string\n',
            "param subnetId string\n@description('Resource id of the virtual network vnet-spoke.')\nparam vnetSpokeId string\n",
          ],
        )(code) +
        newZone(undefined, undefined, 'vnetSpokeId') +
        newGroup('privateDnsZoneVaultcore.id'),
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the endpoint's "type").
const arm = (resources: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "dns": { "type": "bool" } },
  "resources": [
${armKvPe()}${resources}
  ]
}
`;
const armGroup = (condition = '') => `,
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",${condition}
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": { "privateDnsZoneConfigs": [ { "name": "kv", "properties": { "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]" } } ] }
    }`;

const armCases = {
  valid: [
    { name: 'ARM: an endpoint with a zone group', code: arm(armGroup()) },
    {
      name: 'ARM: a zone group that may be deployed',
      code: arm(armGroup(`\n      "condition": "[parameters('dns')]",`)),
    },
  ],
  invalid: [
    {
      name: 'ARM: a Key Vault endpoint without a zone group',
      code: arm('').replace(
        '"type": "Microsoft.Network/privateEndpoints"',
        '"type": [|"Microsoft.Network/privateEndpoints"|]',
      ),
      errors: [{ messageId: 'missing', message: /'privatelink\.vaultcore\.azure\.net'/ }],
    },
  ],
};
ruleTests(rule, armCases);

// add-dns-zone-group: the zone group reuses a zone the workspace declares (same file, `existing`, a
// parameter already bound to its id, or a module output threaded in as a new parameter), else adds the
// zone (global), a link to the endpoint's VNet and the group. Zone names per cloud; Bicep writes
// environment() where it yields the right name, the literal otherwise (Key Vault).
const network = spokeVnet();
const kvPe = (symbol = 'pe', subnet?: string) => pe(symbol, undefined, undefined, undefined, subnet);
const kvExisting = `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: 'kv-prod'
}
`;
const zoneLink = (
  vnetId = 'vnet.id',
) => `resource zoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-spoke'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${vnetId} } }
}
`;
/** The Key Vault zone (created with a link to the spoke unless `head` makes it existing). */
const linkedZone = (
  head = '',
  vnetId = 'vnet.id',
) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' ${head}= {
  name: 'privatelink.vaultcore.azure.net'${head ? '' : "\n  location: 'global'"}
}
${head ? '' : zoneLink(vnetId)}`;
/** A second VNet, where a zone may be linked instead of the endpoint's. */
const hubVnet = `resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
`;
const marked = (text: string) => text.replace("resource pe '", "resource [|pe|] '");

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'the zone declared in the same file: the group points at it',
      code: network + kvExisting + linkedZone() + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group using 'privatelink\.vaultcore\.azure\.net'$/,
      output: network + kvExisting + linkedZone() + kvPe() + newGroup('zone.id'),
    },
    {
      name: 'a zone of the file without a link: the link to the endpoint VNet is added beside it',
      code: network + kvExisting + linkedZone().replace(zoneLink(), '') + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      output:
        network +
        kvExisting +
        linkedZone().replace(zoneLink(), '') +
        `resource zoneLinkVnetSpoke 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-vnet-spoke'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}
` +
        kvPe() +
        newGroup('zone.id'),
    },
    {
      name: "a zone of the file linked elsewhere only: the endpoint VNet's link is added beside it",
      code: network + hubVnet + kvExisting + linkedZone('', 'hub.id') + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      output:
        network +
        hubVnet +
        kvExisting +
        linkedZone('', 'hub.id').replace(zoneLink('hub.id'), newLink() + zoneLink('hub.id')) +
        kvPe() +
        newGroup('zone.id'),
    },
    {
      name: 'an existing zone in the same file',
      code: network + kvExisting + linkedZone('existing ') + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      output: network + kvExisting + linkedZone('existing ') + kvPe() + newGroup('zone.id'),
    },
    {
      // A landing zone's workload: the spoke VNet is the platform's, often linked to its central zone
      // of that name already; a new zone of the name linked to it would fail (FACTS §5.2).
      name: "no zone anywhere, the endpoint's VNet existing in another resource group: no new zone linked to it, no fix",
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-lz-spoke-001'
  scope: resourceGroup('rg-network')
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'snet-pe'
}
${kvExisting}${marked(kvPe('pe', 'snet.id'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: "the zone declared here, the endpoint's VNet existing: no link to that VNet, no fix",
      code: `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-lz-spoke-001'
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: vnet
  name: 'snet-pe'
}
${kvExisting}${zone}${marked(kvPe('pe', 'snet.id'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'no zone anywhere: zone (global, literal Key Vault name), link to the VNet and group',
      code: network + kvExisting + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group with new zone 'privatelink\.vaultcore\.azure\.net'$/,
      output: network + kvExisting + kvPe() + newZone() + newGroup('privateDnsZoneVaultcore.id'),
    },
    {
      // A landing zone's central zone, known here by id only: a second zone of that name linked to the
      // VNet would fail beside the central zone's link or hide its records (FACTS §5.2), so no fix.
      name: 'another endpoint points at a zone of the name by id only: no new zone, no fix',
      code: `${network}${kvExisting}${marked(kvPe())}${kvPe('other').replace("name: 'pe-kv'", "name: 'pe-kv-2'")}resource otherGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: other
  name: 'default'
  properties: { privateDnsZoneConfigs: [ { name: 'kv', properties: { privateDnsZoneId: '/subscriptions/x/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net' } } ] }
}
`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'storage blob: the new zone is named through environment().suffixes.storage',
      code: `${network}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\n${marked(kvPe()).replace('kv.id', 'st.id').replace("'vault'", "'blob'")}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `${network}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stprod'\n}\n${kvPe().replace('kv.id', 'st.id').replace("'vault'", "'blob'")}${newZone("'privatelink.blob.${environment().suffixes.storage}'", 'Blob')}${newGroup('privateDnsZoneBlob.id').replace('privatelink-vaultcore-azure-net', 'privatelink-blob-core-windows-net')}`,
    },
    {
      name: 'Azure US Government: the zone name of that cloud, written out',
      cloud: 'AzureUSGovernment',
      code: network + kvExisting + marked(kvPe()),
      errors: [{ messageId: 'missingInVnet' }],
      output:
        network +
        kvExisting +
        kvPe() +
        newZone("'privatelink.vaultcore.usgovcloudapi.net'") +
        newGroup('privateDnsZoneVaultcore.id').replace(
          'privatelink-vaultcore-azure-net',
          'privatelink-vaultcore-usgovcloudapi-net',
        ),
    },
    {
      name: 'endpoints in a loop with a condition: the group repeats both, one per instance',
      code: `param deploy bool = true\n${network}${kvExisting}${linkedZone()}resource [|pe|] 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: if (deploy) {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}]\n`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `param deploy bool = true\n${network}${kvExisting}${linkedZone()}resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for name in [ 'a', 'b' ]: if (deploy) {\n  name: 'pe-\${name}'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}]\n${newGroup('zone.id', "[for (name, i) in [ 'a', 'b' ]: if (deploy) ", ']', 'pe[i]')}`,
    },
    {
      name: 'blank lines between declarations and CRLF line ends are kept',
      code: `${network}\n${kvExisting}\n${linkedZone()}\n${marked(kvPe())}\n// the end\n`.replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingInVnet' }],
      output: `${network}\n${kvExisting}\n${linkedZone()}\n${kvPe()}\n${newGroup('zone.id')}\n// the end\n`.replace(
        /\n/g,
        '\r\n',
      ),
    },
    {
      name: 'in a module, the zone id already passed in as a parameter is reused',
      code: `//- /main.bicep
${network}${linkedZone()}module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
    vaultZoneId: zone.id
  }
}
//- /data.bicep
param subnetId string
param vaultZoneId string
${kvExisting}${marked(kvPe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: `//- /data.bicep
param subnetId string
param vaultZoneId string
${kvExisting}${kvPe('pe', 'subnetId')}${newGroup('vaultZoneId')}`,
    },
    {
      name: "in a module, a sibling module's output: threaded through a new parameter (as in examples/)",
      code: `//- /main.bicep
${network}module dns 'dns.bicep' = {
  name: 'dns'
  params: { vnetId: vnet.id }
}
module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
  }
}
//- /dns.bicep
param vnetId string
${linkedZone('', 'vnetId')}output vaultZoneId string = zone.id
//- /data.bicep
param subnetId string

${kvExisting}
${marked(kvPe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      fixTitle: /^Add DNS zone group using 'privatelink\.vaultcore\.azure\.net'$/,
      output: `//- /main.bicep
${network}module dns 'dns.bicep' = {
  name: 'dns'
  params: { vnetId: vnet.id }
}
module data 'data.bicep' = {
  name: 'data'
  params: {
    subnetId: vnet.properties.subnets[0].id
    vaultcoreDnsZoneId: dns.outputs.vaultZoneId
  }
}
//- /data.bicep
param subnetId string

@description('Resource id of the privatelink.vaultcore.azure.net private DNS zone.')
param vaultcoreDnsZoneId string

${kvExisting}
${kvPe('pe', 'subnetId')}
${newGroup('vaultcoreDnsZoneId')}`,
    },
    {
      // A group written once for the loop would point the dfs endpoint at the blob zone (review of fixes).
      name: "a loop of endpoints over group ids: each instance needs its own zone, so the loop's group gets no fix",
      code: `${spokeVnet()}resource st 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: 'stlake'
}
resource [|pes|] 'Microsoft.Network/privateEndpoints@2025-09-01' = [for groupId in [ 'blob', 'dfs' ]: {
  name: 'pe-stlake-\${groupId}'
  location: 'westeurope'
  properties: {
    subnet: { id: vnet.properties.subnets[0].id }
    privateLinkServiceConnections: [ { name: groupId, properties: { privateLinkServiceId: st.id, groupIds: [ groupId ] } } ]
  }
}]
`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'an endpoint module whose group id is a parameter: a zone written into it would be wrong for other callers',
      code: `//- /main.bicep
${vnet}module pe 'pe.bicep' = {
  name: 'pe'
  params: { subnetId: vnet.properties.subnets[0].id, targetId: kv.id, groupId: 'vault' }
}
//- /pe.bicep
param subnetId string
param targetId string
param groupId string
${marked(pe('pe', '[ groupId ]', 'targetId', '', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
    {
      name: 'the zone exists in a module called twice: it cannot be threaded in and is not duplicated',
      code: `//- /main.bicep
${network}module dns 'dns.bicep' = {
  name: 'dns'
}
module data 'data.bicep' = {
  name: 'data'
  params: { subnetId: vnet.properties.subnets[0].id }
}
module data2 'data.bicep' = {
  name: 'data2'
  params: { subnetId: vnet.properties.subnets[0].id }
}
//- /dns.bicep
${linkedZone()}output vaultZoneId string = zone.id
//- /data.bicep
param subnetId string
${kvExisting}${marked(kvPe('pe', 'subnetId'))}`,
      errors: [{ messageId: 'missingInVnet' }],
      output: null,
    },
  ],
});

/** A nested deployment (inner scope) whose template writes another endpoint's zone group at 2023-11-01. */
const nestedZoneGroup = `    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "other-endpoint-dns",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
              "apiVersion": "2023-11-01",
              "name": "pe-other/default",
              "properties": { "privateDnsZoneConfigs": [] }
            }
          ]
        }
      }
    }`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM: the zone of the same template, with dependsOn on the endpoint and the zone',
      code: armTemplate([armZone, armNewLink('vnet-spoke'), armSpokeVnet, armKvPe(markedType)].join(',\n')),
      errors: [{ messageId: 'missingInVnet' }],
      output: armTemplate([armZone, armNewLink('vnet-spoke'), armSpokeVnet, armKvPe(), armNewGroup].join(',\n')),
    },
    {
      name: 'ARM: a conditional endpoint in a tab-indented CRLF template: the group takes the condition',
      code: armTemplate(
        [
          armZone,
          armNewLink('vnet-spoke'),
          armSpokeVnet,
          armKvPe(markedType).replace(
            '"apiVersion": "2025-09-01",\n      "name": "pe-kv",',
            '"apiVersion": "2025-09-01",\n      "name": "pe-kv",\n      "condition": "[parameters(\'dns\')]",',
          ),
        ].join(',\n'),
        '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "parameters": { "dns": { "type": "bool", "defaultValue": true } },',
      )
        .replace(/ {2}/g, '\t')
        .replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'missingInVnet' }],
      output: armTemplate(
        [
          armZone,
          armNewLink('vnet-spoke'),
          armSpokeVnet,
          armKvPe().replace(
            '"apiVersion": "2025-09-01",\n      "name": "pe-kv",',
            '"apiVersion": "2025-09-01",\n      "name": "pe-kv",\n      "condition": "[parameters(\'dns\')]",',
          ),
          armNewGroup.replace(
            '"name": "pe-kv/default",',
            '"name": "pe-kv/default",\n      "condition": "[parameters(\'dns\')]",',
          ),
        ].join(',\n'),
        '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "parameters": { "dns": { "type": "bool", "defaultValue": true } },',
      )
        .replace(/ {2}/g, '\t')
        .replace(/\n/g, '\r\n'),
    },
    {
      // DESIGN §4: the API version the file already uses for the type, in any of its templates.
      name: 'ARM: the group takes the API version a nested template of the file uses for zone groups',
      code: armTemplate(
        [armZone, armNewLink('vnet-spoke'), armSpokeVnet, nestedZoneGroup, armKvPe(markedType)].join(',\n'),
      ),
      errors: [{ messageId: 'missingInVnet' }],
      output: armTemplate(
        [
          armZone,
          armNewLink('vnet-spoke'),
          armSpokeVnet,
          nestedZoneGroup,
          armKvPe(),
          armNewGroup.replace('"apiVersion": "2025-09-01"', '"apiVersion": "2023-11-01"'),
        ].join(',\n'),
      ),
    },
    {
      name: 'ARM: no zone: zone, link and group after the endpoint',
      code: armTemplate(
        [
          armSpokeVnet,
          armKvPe(markedType),
          armZone.replace('privateDnsZones', 'networkSecurityGroups').replace('privatelink.vaultcore.azure.net', 'nsg'),
        ].join(',\n'),
      ),
      errors: [{ messageId: 'missingInVnet' }],
      output: armTemplate(
        [
          armSpokeVnet,
          armKvPe(),
          armZone,
          armNewLink('vnet-spoke'),
          armNewGroup,
          armZone.replace('privateDnsZones', 'networkSecurityGroups').replace('privatelink.vaultcore.azure.net', 'nsg'),
        ].join(',\n'),
      ),
    },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'ARM languageVersion 2.0: a symbolic name for the group, dependsOn by symbolic names',
      code: symbolic(markedType),
      errors: [{ messageId: 'missingInVnet' }],
      output: symbolic(
        '"Microsoft.Network/privateEndpoints"',
        `,
    "peDnsZoneGroup": {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-kv/default",
      "dependsOn": [
        "pe",
        "zone"
      ],
      "properties": {
        "privateDnsZoneConfigs": [
          {
            "name": "privatelink-vaultcore-azure-net",
            "properties": {
              "privateDnsZoneId": "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.vaultcore.azure.net')]"
            }
          }
        ]
      }
    }`,
      ),
    },
  ],
});
