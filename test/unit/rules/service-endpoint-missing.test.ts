import rule from '../../../server/src/rules/service-endpoint-missing';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';
import {
  bicepChildSubnet,
  bicepEndpoint,
  bicepVnet,
  connectionTo,
  inlineSubnetItem,
  vnetWithChildSubnet,
} from '../../support/bicep-network';
import { armSpokeSubnets } from '../../support/subnet-fixtures';

/** A VNet whose inline subnet `snet-app` has the properties `extra`, and `resources` after it. */
const vnet = (extra: string, resources: string, head = '') =>
  bicepVnet(inlineSubnetItem("'snet-app'", [`addressPrefix: '10.1.0.0/24'${extra}`]), { head }) + resources;

/** A storage account whose one virtual network rule names `snet-app` (`id` may carry a marker). */
const storage = (
  id = 'vnet.properties.subnets[0].id',
  head = '',
) => `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = ${head}{
  name: 'stapp'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [ { id: ${id}, action: 'Allow' } ]
    }
  }
}
`;
const markedId = '[|vnet.properties.subnets[0].id|]';

/** A Premium Container Registry whose one virtual network rule names `snet-app`. */
const registry = `resource acr 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'acrapp'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { networkRuleSet: { defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: vnet.properties.subnets[0].id } ] } }
}
`;

/** A Key Vault whose rule names `snet-app`, with `flag` in the rule. */
const vault = (
  flag: string,
  id = 'vnet.properties.subnets[0].id',
) => `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-app'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [ { id: ${id}${flag} } ]
    }
  }
}
`;

/** A child subnet snet-app (its `endpoints` lines) and a SQL server's rule naming it by `id`. */
const sqlOnChildSubnet = (id: string, endpoints: string[]) =>
  vnetWithChildSubnet("'snet-app'", ["addressPrefix: '10.1.0.0/24'", ...endpoints]) +
  `resource sql 'Microsoft.Sql/servers@2025-01-01' = {
  name: 'sql-app'
  location: 'westeurope'
  properties: { administratorLogin: 'admin' }
  resource rule 'virtualNetworkRules' = {
    name: 'allow-app'
    properties: { virtualNetworkSubnetId: ${id} }
  }
}
`;

/** main.bicep: the VNet (subnet properties `extra`) passing its subnet's id to data.bicep, whose storage names it by `id`. */
const storageModule = (extra: string, id: string) => `//- /main.bicep
${vnet(
  extra,
  `module data 'data.bicep' = {
  name: 'data'
  params: { subnetId: vnet.properties.subnets[0].id }
}
`,
)}//- /data.bicep
param subnetId string
${storage(id)}`;

ruleTests(rule, {
  valid: [
    {
      name: "the subnet has 'Microsoft.Storage'",
      code: vnet("\n          serviceEndpoints: [ { service: 'Microsoft.Storage' } ]", storage()),
    },
    {
      name: "the subnet has the cross-region 'Microsoft.Storage.Global' (FACTS §9.1)",
      code: vnet(
        "\n          serviceEndpoints: [ { service: 'Microsoft.Storage.Global', locations: [ '*' ] } ]",
        storage(),
      ),
    },
    {
      name: 'the endpoint list comes from a parameter without default',
      code: vnet('\n          serviceEndpoints: endpoints', storage(), 'param endpoints array\n'),
    },
    {
      name: 'one entry of the list is unknown',
      code: vnet(
        "\n          serviceEndpoints: [ { service: 'Microsoft.Sql' }, { service: other } ]",
        storage(),
        'param other string\n',
      ),
    },
    {
      name: 'Key Vault with ignoreMissingVnetServiceEndpoint: true (FACTS §9.2)',
      code: vnet('', vault(', ignoreMissingVnetServiceEndpoint: true')),
    },
    {
      name: 'Key Vault with the flag from a parameter without default',
      code: vnet('', vault(', ignoreMissingVnetServiceEndpoint: skip'), 'param skip bool\n'),
    },
    {
      name: 'a subnet outside the analysed files',
      code: storage("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-app')"),
    },
    {
      name: 'an existing subnet (its endpoints are not known)',
      code: `resource snet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' existing = {\n  name: 'vnet-x/snet-app'\n}\n${storage('snet.id')}`,
    },
    {
      name: 'a storage account whose condition is unknown',
      code: vnet('', storage(undefined, 'if (deploy) '), 'param deploy bool\n'),
    },
    {
      name: 'a VNet the caller may switch on holds a twin with the endpoint (absence over caller values)',
      code: `param withEndpoints bool = false
${vnet('', storage())}${bicepVnet(
        "      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24', serviceEndpoints: [ { service: 'Microsoft.Storage' } ] } }",
        { symbol: 'vnet2', condition: 'if (withEndpoints) ' },
      )}`,
    },
    {
      name: 'a child subnet twin of the inline subnet carries the endpoint',
      code: vnet(
        '',
        bicepChildSubnet(
          "'snet-app'",
          "addressPrefix: '10.1.0.0/24', serviceEndpoints: [ { service: 'Microsoft.Storage' } ]",
          { symbol: 'twin' },
        ) + storage(),
      ),
    },
    {
      name: 'Container Registry outside the public cloud (no such endpoint there, FACTS §9.2)',
      cloud: 'AzureUSGovernment',
      code: vnet('', registry),
    },
    {
      name: 'a Container Registry with a private endpoint: subnet rules are not supported beside it (FACTS §9.3)',
      code: vnet(
        '',
        registry +
          bicepEndpoint('vnet.properties.subnets[0].id', [connectionTo('acr.id', "[ 'registry' ]", 'registry')]),
      ),
    },
    {
      name: 'an App Service with a private endpoint under an unknown condition (FACTS §9.3)',
      code: vnet(
        '',
        `resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-orders'
  location: 'westeurope'
  properties: {
    siteConfig: {
      ipSecurityRestrictions: [ { name: 'spoke', vnetSubnetResourceId: vnet.properties.subnets[0].id, action: 'Allow', priority: 200 } ]
    }
  }
}
` +
          bicepEndpoint('vnet.properties.subnets[0].id', [connectionTo('app.id', "[ 'sites' ]", 'sites')], {
            condition: 'if (withPe) ',
          }),
        'param withPe bool\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a storage rule naming an inline subnet without endpoints; the fix adds the property',
      code: vnet('', storage(markedId)),
      errors: [
        {
          messageId: 'missing',
          level: 'error',
          message:
            /Storage 'stapp' has a virtual network rule for subnet 'snet-app' in VNet 'vnet-spoke', whose serviceEndpoints lack 'Microsoft\.Storage'/,
        },
      ],
      output: vnet(
        "\n          serviceEndpoints: [\n            {\n              service: 'Microsoft.Storage'\n            }\n          ]",
        storage(),
      ),
      fixTitle: /Add the 'Microsoft\.Storage' service endpoint to the subnet/,
    },
    {
      name: 'a subnet with other endpoints; the fix appends to the list',
      code: vnet(
        "\n          serviceEndpoints: [\n            { service: 'Microsoft.Sql' }\n          ]",
        storage(markedId),
      ),
      errors: [{ messageId: 'missing' }],
      output: vnet(
        "\n          serviceEndpoints: [\n            { service: 'Microsoft.Sql' }\n            {\n              service: 'Microsoft.Storage'\n            }\n          ]",
        storage(),
      ),
    },
    {
      name: 'Key Vault with the flag false',
      code: vnet('', vault(', ignoreMissingVnetServiceEndpoint: false', markedId)),
      errors: [{ messageId: 'missing', message: /Key Vault 'kv-app'.*'Microsoft\.KeyVault'/ }],
      output: edited([
        `10.1.0.0/24'
`,
        `10.1.0.0/24'
          serviceEndpoints: [
            {
              service: 'Microsoft.KeyVault'
            }
          ]
`,
      ]),
    },
    {
      name: 'a SQL virtualNetworkRules child of a server, naming a child subnet; the fix adds the property to the child',
      code: sqlOnChildSubnet('[|snet.id|]', []),
      errors: [{ messageId: 'missing', message: /SQL 'sql-app'.*'Microsoft\.Sql'/ }],
      output: sqlOnChildSubnet('snet.id', ['serviceEndpoints: [', '  {', "    service: 'Microsoft.Sql'", '  }', ']']),
    },
    {
      name: 'Cosmos DB, Event Hubs, Service Bus, App Service and Container Registry rules',
      code: vnet(
        "\n          serviceEndpoints: [ { service: 'Microsoft.Storage' } ]",
        `resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: 'cosmos-app'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    isVirtualNetworkFilterEnabled: true
    virtualNetworkRules: [ { id: [|vnet.properties.subnets[0].id|], ignoreMissingVNetServiceEndpoint: false } ]
  }
}
resource eh 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: 'evhns-app'
  location: 'westeurope'
  sku: { name: 'Standard' }
}
resource ehRules 'Microsoft.EventHub/namespaces/networkRuleSets@2026-01-01' = {
  parent: eh
  name: 'default'
  properties: { defaultAction: 'Deny', virtualNetworkRules: [ { subnet: { id: [|vnet.properties.subnets[0].id|] } } ] }
}
resource sb 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: 'sbns-app'
  location: 'westeurope'
  sku: { name: 'Premium' }
  resource rules 'networkRuleSets' = {
    name: 'default'
    properties: { defaultAction: 'Deny', virtualNetworkRules: [ { subnet: { id: [|vnet.properties.subnets[0].id|] } } ] }
  }
}
resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-orders'
  location: 'westeurope'
  properties: {
    siteConfig: {
      ipSecurityRestrictions: [
        { name: 'office', ipAddress: '203.0.113.0/24', action: 'Allow', priority: 100 }
        { name: 'spoke', vnetSubnetResourceId: [|vnet.properties.subnets[0].id|], action: 'Allow', priority: 200 }
      ]
    }
  }
}
resource acr 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'acrapp'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { networkRuleSet: { defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: [|vnet.properties.subnets[0].id|] } ] } }
}
`,
      ),
      errors: [
        { messageId: 'missing', message: /Cosmos DB 'cosmos-app'.*'Microsoft\.AzureCosmosDB'/ },
        { messageId: 'missing', message: /Event Hubs 'evhns-app'.*'Microsoft\.EventHub'/ },
        { messageId: 'missing', message: /Service Bus 'sbns-app'.*'Microsoft\.ServiceBus'/ },
        { messageId: 'missing', message: /App Service 'app-orders'.*'Microsoft\.Web'/ },
        { messageId: 'missing', message: /Container Registry 'acrapp'.*'Microsoft\.ContainerRegistry'/ },
      ],
      output: edited(["Microsoft.Storage' }", "Microsoft.Storage' }, { service: 'Microsoft.AzureCosmosDB' }"]),
    },
    {
      name: 'rules built by a for-expression, over subnets built by one: the finding, and no fix (the subnets share their source)',
      code: `var names = [ 'snet-a', 'snet-b' ]
${bicepVnet(undefined, { extra: ["subnets: [for (name, i) in names: { name: name, properties: { addressPrefix: '10.1.${i}.0/24' } }]"] })}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stapp'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    networkAcls: {
      defaultAction: 'Deny'
      virtualNetworkRules: [|[for name in skip(names, 1): { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', name) }]|]
    }
  }
}
`,
      errors: [{ messageId: 'missing', message: /subnet 'snet-b'/ }],
      output: null,
    },
    {
      name: 'storage accounts in a loop, each naming the subnet: one finding',
      code: vnet(
        '',
        `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = [for name in [ 'stone', 'sttwo' ]: {
  name: name
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [ { id: [|vnet.properties.subnets[0].id|] } ] } }
}]
`,
      ),
      errors: [{ messageId: 'missing' }],
      output: edited([
        `10.1.0.0/24'
`,
        `10.1.0.0/24'
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
          ]
`,
      ]),
    },
    {
      name: 'a VNet module called twice, the rule naming one of its subnets: reported, no fix (it would turn the endpoint on in both VNets)',
      code: `//- /main.bicep
module netProd 'vnet.bicep' = {
  name: 'net-prod'
  params: { name: 'vnet-prod', prefix: '10.1.0.0/24' }
}
module netTest 'vnet.bicep' = {
  name: 'net-test'
  params: { name: 'vnet-test', prefix: '10.2.0.0/24' }
}
${storage('[|netProd.outputs.appSubnetId|]')}//- /vnet.bicep
param name string
param prefix string
resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: name
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: [ prefix ] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: prefix } } ]
  }
}
output appSubnetId string = vnet.properties.subnets[0].id
`,
      errors: [{ messageId: 'missing' }],
      output: null,
    },
    {
      name: 'a storage module given the subnet id (the finding is in the module, the fix in the caller)',
      code: storageModule('', '[|subnetId|]'),
      errors: [{ messageId: 'missing' }],
      output: storageModule(
        "\n          serviceEndpoints: [\n            {\n              service: 'Microsoft.Storage'\n            }\n          ]",
        'subnetId',
      ),
    },
  ],
});

/** An ARM template: a VNet with inline subnet `snet-app` (`extra` properties), a child subnet `snet-data`, and `resources`. */
const arm = (extra: string, resources: string) =>
  armSpokeSubnets(
    `          { "name": "snet-app", "properties": { "addressPrefix": "10.1.0.0/24"${extra} } }`,
    `,
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2025-09-01",
      "name": "vnet-spoke/snet-data",
      "dependsOn": [ "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]" ],
      "properties": {
        "addressPrefix": "10.1.1.0/24"
      }
    },
${resources}`,
  );
const armStorage = (
  subnet: string,
  id = `"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', '${subnet}')]"`,
  copy = '',
) => `    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2026-04-01",
      "name": "stapp${copy ? '[copyIndex()]' : ''}",${copy}
      "location": "westeurope",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2",
      "properties": {
        "networkAcls": {
          "defaultAction": "Deny",
          "virtualNetworkRules": [ { "id": ${id}, "action": "Allow" } ]
        }
      }
    }`;
const armId = (subnet: string) =>
  `[|"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', '${subnet}')]"|]`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "ARM: the inline subnet has 'Microsoft.Storage'",
      code: arm(', "serviceEndpoints": [ { "service": "Microsoft.Storage" } ]', armStorage('snet-app')),
    },
  ],
  invalid: [
    {
      name: 'ARM: an inline subnet; the fix adds the property',
      code: arm('', armStorage('snet-app', armId('snet-app'))),
      errors: [{ messageId: 'missing' }],
      output: arm(', "serviceEndpoints": [ { "service": "Microsoft.Storage" } ]', armStorage('snet-app')),
    },
    {
      name: 'ARM: a child subnet; the fix adds the property to it',
      code: arm('', armStorage('snet-data', armId('snet-data'))),
      errors: [{ messageId: 'missing' }],
      output: arm('', armStorage('snet-data')).replace(
        '"addressPrefix": "10.1.1.0/24"\n',
        '"addressPrefix": "10.1.1.0/24",\n        "serviceEndpoints": [\n          {\n            "service": "Microsoft.Storage"\n          }\n        ]\n',
      ),
    },
    {
      name: 'ARM: a copy loop of storage accounts: one finding',
      code: arm('', armStorage('snet-app', armId('snet-app'), '\n      "copy": { "name": "accounts", "count": 2 },')),
      errors: [{ messageId: 'missing' }],
      output: edited(['10.1.0.0/24"', '10.1.0.0/24", "serviceEndpoints": [ { "service": "Microsoft.Storage" } ]']),
    },
  ],
};
ruleTests(rule, armCases);
