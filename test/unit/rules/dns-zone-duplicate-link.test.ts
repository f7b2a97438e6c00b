import rule from '../../../server/src/rules/dns-zone-duplicate-link';
import { ruleTests } from '../../support/rule-test';

const hub = `resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
`;

const zone = (
  symbol = 'zone',
  name = 'privatelink.blob.core.windows.net',
  scope = '',
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'${scope}
  location: 'global'
}
`;

/** A link `symbol` named `name` on zone `parent` to the VNet id `vnetId`. */
const link = (
  symbol: string,
  name: string,
  parent = 'zone',
  vnetId = 'hub.id',
  head = '',
) => `resource ${symbol} 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = ${head}{
  parent: ${parent}
  name: '${name}'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: ${vnetId} } }
}
`;

const spoke = `resource spoke 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.1.0.0/16' ] } }
}
`;

/** main.bicep calls link.bicep for two apps; each call links the zone to the VNet `vnetId` reads. */
function linkModuleCalledTwice(vnetId: string): string {
  const call = (symbol: string, app: string) =>
    `module ${symbol} 'link.bicep' = {\n  name: '${symbol}'\n  params: { zoneName: zone.name, appName: '${app}' }\n}\n`;
  return `//- /main.bicep\n${zone()}${call('linkA', 'app-a')}${call('linkB', 'app-b')}//- /link.bicep
param zoneName string
param appName string
resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}
resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: zoneName
}
${link('toApp', 'link-${appName}', 'zone', vnetId)}`;
}

ruleTests(rule, {
  valid: [
    {
      name: 'one zone linked to two VNets',
      code: hub + spoke + zone() + link('toHub', 'link-hub') + link('toSpoke', 'link-spoke', 'zone', 'spoke.id'),
    },
    {
      name: 'one VNet linked to two zones of different names',
      code:
        hub +
        zone() +
        zone('vault', 'privatelink.vaultcore.azure.net') +
        link('toHub', 'link-hub') +
        link('vaultToHub', 'link-hub', 'vault'),
    },
    {
      name: 'two links to a blank VNet id name no VNet: each fails for its id, not as a second link',
      code: zone() + link('a', 'link-a', 'zone', "''") + link('b', 'link-b', 'zone', "''"),
    },
    {
      name: 'two links to equal VNet ids that are objects name no VNet either',
      code: zone() + link('a', 'link-a', 'zone', "{ i: 'x' }") + link('b', 'link-b', 'zone', "{ i: 'x' }"),
    },
    {
      name: 'the same link declared twice is one link',
      code: hub + zone() + link('toHub', 'link-hub') + link('toHubAgain', 'link-hub'),
    },
    {
      name: 'a second link that may not be deployed',
      code: `param again bool\n${hub}${zone()}${link('toHub', 'link-hub')}${link('toHub2', 'link-hub-2', 'zone', 'hub.id', 'if (again) ')}`,
    },
    {
      name: 'links to VNets given as different unknown ids',
      code: `param a string\nparam b string\n${zone()}${link('toA', 'link-a', 'zone', 'a')}${link('toB', 'link-b', 'zone', 'b')}`,
    },
    {
      name: 'a same-named zone in another resource group may be this resource group',
      code: `//- /main.bicep\n${hub}${zone()}${link('toHub', 'link-hub')}module other 'other.bicep' = {\n  name: 'other'\n  scope: resourceGroup('rg-other')\n  params: { hubId: hub.id }\n}\n//- /other.bicep\nparam hubId string\n${zone()}${link('toHub', 'link-hub', 'zone', 'hubId')}`,
    },
    {
      name: 'a link whose name is unknown may be the same link',
      code: `param linkName string\n${hub}${zone()}${link('toHub', 'link-hub')}${link('toHub2', '${linkName}')}`,
    },
    // A module called twice is evaluated twice: what neither evaluation knows is not one value.
    {
      name: 'a module called twice links a VNet a resource method of each call gives',
      code: linkModuleCalledTwice('app.listVnetInfo().vnetResourceId'),
    },
    {
      name: "a module called twice links a VNet each call's existing resource holds",
      code: linkModuleCalledTwice('app.properties.virtualNetworkId'),
    },
  ],
  invalid: [
    {
      name: 'a same-named zone in another resource group, linked to the VNet under another name: one zone or two, the second link fails',
      code: `//- /main.bicep\n${hub}${zone()}${link('toHub', 'link-hub')}module other 'other.bicep' = {\n  name: 'other'\n  scope: resourceGroup('rg-dns')\n  params: { hubId: hub.id }\n}\n//- /other.bicep\nparam hubId string\n${zone()}${link('[|toHub|]', 'link-central', 'zone', 'hubId')}`,
      errors: [
        {
          messageId: 'sameNameMaybeSameZone',
          message:
            /^VNet link 'privatelink\.blob\.core\.windows\.net\/link-central' links 'vnet-hub' to a zone named 'privatelink\.blob\.core\.windows\.net' a second time \(see 'privatelink\.blob\.core\.windows\.net\/link-hub'\): whether the two zones are one or two, Azure rejects the second link \(a zone takes only 1 link per virtual network, and a virtual network cannot be linked to two zones with the same name\), so the deployment fails\.$/,
        },
      ],
    },
    {
      name: 'one zone linked twice to one VNet: reported on the later link',
      code: hub + zone() + link('toHub', 'link-hub') + link('[|toHubAgain|]', 'link-hub-2'),
      errors: [
        {
          messageId: 'sameZone',
          level: 'error',
          message:
            /^VNet link 'privatelink\.blob\.core\.windows\.net\/link-hub-2' links zone 'privatelink\.blob\.core\.windows\.net' to 'vnet-hub' a second time \(see 'privatelink\.blob\.core\.windows\.net\/link-hub'\)/,
        },
      ],
    },
    {
      name: 'a VNet named by resourceId() only is named by its last segment',
      code: `${zone()}${link('toX', 'link-x', 'zone', "resourceId('Microsoft.Network/virtualNetworks', 'vnet-x')")}${link('[|toXAgain|]', 'link-x-2', 'zone', "resourceId('Microsoft.Network/virtualNetworks', 'vnet-x')")}`,
      errors: [{ messageId: 'sameZone', message: /^VNet link '[^']+' links zone '[^']+' to 'vnet-x' a second time/ }],
    },
    {
      name: 'the same VNet given by the same parameter twice',
      code: `param hubId string\n${zone()}${link('toHub', 'link-hub', 'zone', 'hubId')}${link('[|toHubAgain|]', 'link-hub-2', 'zone', 'hubId')}`,
      errors: [{ messageId: 'sameZone' }],
    },
    {
      name: 'one VNet linked to two zones of the same name in different resource groups',
      code: `//- /main.bicep\n${hub}module a 'a.bicep' = {\n  name: 'a'\n  scope: resourceGroup('rg-a')\n  params: { hubId: hub.id }\n}\nmodule b 'b.bicep' = {\n  name: 'b'\n  scope: resourceGroup('rg-b')\n  params: { hubId: hub.id }\n}\n//- /a.bicep\nparam hubId string\n${zone()}${link('toHub', 'link-hub', 'zone', 'hubId')}//- /b.bicep\nparam hubId string\n${zone()}${link('[|toHub|]', 'link-hub', 'zone', 'hubId')}`,
      errors: [
        {
          messageId: 'sameName',
          message:
            /^VNet link 'privatelink\.blob\.core\.windows\.net\/link-hub' links 'vnet-hub' to a second zone named 'privatelink\.blob\.core\.windows\.net'/,
        },
      ],
    },
    {
      name: 'zones that may be in the same resource group are not known to differ, but one zone linked twice is',
      code: `//- /main.bicep\n${hub}${zone()}${link('toHub', 'link-hub')}module other 'other.bicep' = {\n  name: 'other'\n  params: { hubId: hub.id }\n}\n//- /other.bicep\nparam hubId string\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.blob.core.windows.net'\n}\n${link('[|again|]', 'link-hub-again', 'zone', 'hubId')}`,
      errors: [{ messageId: 'sameZone' }],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the later link's "type").
const armLink = (name: string, marked = false) => `,
    {
      "type": ${marked ? '[|"Microsoft.Network/privateDnsZones/virtualNetworkLinks"|]' : '"Microsoft.Network/privateDnsZones/virtualNetworkLinks"'},
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net/${name}",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" } }
    }`;
const arm = (links: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net",
      "location": "global"
    }${links}
  ]
}
`;

/** main.json deploys link.json twice; each links the zone to the VNet its app's state picks of two. */
const armLinkedTwice = `${arm(
  ['app-a', 'app-b']
    .map(
      (app) => `,
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "link-${app}",
      "properties": { "mode": "Incremental", "templateLink": { "relativePath": "link.json" }, "parameters": { "app": { "value": "${app}" } } }
    }`,
    )
    .join(''),
)}//- /link.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "app": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "[concat('privatelink.blob.core.windows.net/link-', parameters('app'))]",
      "location": "global",
      "properties": {
        "registrationEnabled": false,
        "virtualNetwork": { "id": "[if(reference(resourceId('Microsoft.Web/sites', parameters('app')), '2024-04-01').enabled, resourceId('Microsoft.Network/virtualNetworks', 'vnet-blue'), resourceId('Microsoft.Network/virtualNetworks', 'vnet-green'))]" }
      }
    }
  ]
}
`;

const armCases = {
  valid: [
    { name: 'ARM: one link per VNet', code: arm(armLink('link-hub')) },
    { name: 'ARM: a template linked twice links a VNet each deployment chooses', code: armLinkedTwice },
  ],
  invalid: [
    {
      name: 'ARM: one zone linked twice to one VNet',
      code: arm(armLink('link-hub') + armLink('link-hub-2', true)),
      errors: [{ messageId: 'sameZone' }],
    },
  ],
};
ruleTests(rule, armCases);
