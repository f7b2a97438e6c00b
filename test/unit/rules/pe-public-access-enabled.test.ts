import rule from '../../../server/src/rules/pe-public-access-enabled';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

/** A storage account (its `properties` given as Bicep text) and a blob endpoint to it. */
const storage = (
  properties: string,
  symbol = '[|st|]',
  head = '',
) => `${head}resource ${symbol} 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stapp'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: ${properties}
}
`;
const endpoint = (
  name: string,
  target = 'st.id',
  group = 'blob',
) => `resource ${name.replace(/-/g, '')} 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: ${target}, groupIds: [ '${group}' ] } } ]
  }
}
`;
const plain = (text: string) => text.replace('[|st|]', 'st');
/** A Premium container registry with public access on, `networkRuleSet` as given, and an endpoint to it. */
const registryWithRules = (
  networkRuleSet: string,
) => `resource [|acr|] 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'acrapp'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Enabled'
    networkRuleSet: ${networkRuleSet}
  }
}
${endpoint('pe-acr', 'acr.id', 'registry')}`;

/** A web app with public access on, `siteConfig` as given, and an endpoint to it. */
const webApp = (siteConfig: string, head = '') => `${head}resource [|app|] 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-orders'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Enabled'
    siteConfig: ${siteConfig}
  }
}
${endpoint('pe-app', 'app.id', 'sites')}`;

ruleTests(rule, {
  valid: [
    {
      name: "publicNetworkAccess 'Disabled'",
      code: plain(storage("{ publicNetworkAccess: 'Disabled' }")) + endpoint('pe-blob'),
    },
    {
      name: "'SecuredByPerimeter' is not public",
      code: plain(storage("{ publicNetworkAccess: 'SecuredByPerimeter' }")) + endpoint('pe-blob'),
    },
    {
      name: 'an absent property stays silent (the service default is not verified)',
      code: plain(storage('{}')) + endpoint('pe-blob'),
    },
    {
      name: 'a value from a parameter without default',
      code: plain(storage('{ publicNetworkAccess: access }', undefined, 'param access string\n')) + endpoint('pe-blob'),
    },
    {
      name: 'public access on, but no private endpoint points at it',
      code: plain(storage("{ publicNetworkAccess: 'Enabled' }")),
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code:
        plain(storage("{ publicNetworkAccess: 'Enabled' }", undefined, 'param deploy bool\n')) +
        endpoint('pe-blob').replace("= {\n  name: 'pe-blob'", "= if (deploy) {\n  name: 'pe-blob'"),
    },
    {
      name: 'an existing target is not ours to change',
      code: `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {\n  name: 'stapp'\n}\n${endpoint('pe-blob')}`,
    },
    {
      name: 'a type whose enabling value no source states (Data Factory) stays silent',
      code: `resource adf 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-orders'
  location: 'westeurope'
  properties: { publicNetworkAccess: 'Enabled' }
}
${endpoint('pe-adf', 'adf.id', 'dataFactory')}`,
    },
  ],
  invalid: [
    {
      name: "storage with publicNetworkAccess 'Enabled'",
      code: storage("{ publicNetworkAccess: 'Enabled' }") + endpoint('pe-blob'),
      errors: [
        {
          messageId: 'enabled',
          level: 'warning',
          message:
            /'stapp' \(Microsoft\.Storage\/storageAccounts\) is reached through private endpoint 'pe-blob' but sets properties\.publicNetworkAccess to 'Enabled'/,
        },
      ],
      output: edited(['Enabled', 'Disabled']),
    },
    {
      name: "values compare case-insensitively (FACTS §6): 'enabled'",
      code: storage("{ publicNetworkAccess: 'enabled' }") + endpoint('pe-blob'),
      errors: [{ messageId: 'enabled' }],
      output: edited(['enabled', 'Disabled']),
    },
    {
      name: "a target that writes virtual network rules: reported, but turning access off is the author's call (no fix)",
      code:
        storage(
          "{\n    publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Allow', virtualNetworkRules: [ { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-app' } ] }\n  }",
        ) + endpoint('pe-blob'),
      errors: [{ messageId: 'enabled' }],
      output: null,
    },
    {
      name: 'a SQL server whose VNet rules need public access on beside its endpoint (FACTS §9.3): information, no fix',
      code: `resource [|sql|] 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: 'westeurope'
  properties: { publicNetworkAccess: 'Enabled' }
}
resource rule 'Microsoft.Sql/servers/virtualNetworkRules@2023-08-01' = {
  parent: sql
  name: 'allow-app'
  properties: { virtualNetworkSubnetId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-app' }
}
${endpoint('pe-sql', 'sql.id', 'sqlServer')}`,
      errors: [
        {
          messageId: 'enabledForNetworkRules',
          level: 'info',
          message: /which its virtual network or IP rules need: its public endpoint stays on for them/,
        },
      ],
      output: null,
    },
    {
      name: 'a firewall that denies by default with virtual network rules, which need the public endpoint: information, no fix',
      code:
        storage(
          "{\n    publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [ { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-app' } ] }\n  }",
        ) + endpoint('pe-blob'),
      errors: [{ messageId: 'enabledForNetworkRules', level: 'info' }],
      output: null,
    },
    {
      name: 'a firewall that denies by default (FACTS §6): the public endpoint is on but not open to all; said so, no fix',
      code:
        storage(
          "{\n    publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }\n  }",
        ) + endpoint('pe-blob'),
      errors: [
        {
          messageId: 'enabledBehindFirewall',
          message: /its public endpoint stays on, closed by its firewall's default action 'Deny'/,
        },
      ],
      output: null,
    },
    {
      name: 'an App Service with access restrictions and no default action denies what they do not allow (FACTS §9.2): no fix',
      code: webApp(
        "{ ipSecurityRestrictions: [ { name: 'office', action: 'Allow', priority: 100, ipAddress: '203.0.113.0/24' } ] }",
      ),
      errors: [
        {
          messageId: 'enabledBehindRules',
          message: /its public endpoint stays on, open only to what its access restrictions allow/,
        },
      ],
      output: null,
    },
    {
      name: "an App Service whose access restriction allows every address ('Any', 0.0.0.0/0) is open to all: fixed",
      code: webApp("{ ipSecurityRestrictions: [ { name: 'all', action: 'Allow', priority: 100, ipAddress: 'Any' } ] }"),
      errors: [{ messageId: 'enabled' }],
      output: (code: string) => code.replace("publicNetworkAccess: 'Enabled'", "publicNetworkAccess: 'Disabled'"),
    },
    {
      name: 'an App Service whose access restrictions are not known: no public reach is claimed',
      code: webApp('{ ipSecurityRestrictions: restrictions }', 'param restrictions array\n'),
      errors: [{ messageId: 'enabledFirewallUnknown' }],
      output: null,
    },
    {
      name: 'an App Service with no access restriction is open to all: fixed',
      code: webApp('{ ipSecurityRestrictions: [] }'),
      errors: [{ messageId: 'enabled' }],
      output: edited([
        webApp('{ ipSecurityRestrictions: [] }').replace('[|app|]', 'app'),
        webApp('{ ipSecurityRestrictions: [] }')
          .replace('[|app|]', 'app')
          .replace("publicNetworkAccess: 'Enabled'", "publicNetworkAccess: 'Disabled'"),
      ]),
    },
    {
      name: "Azure Cache for Redis with publicNetworkAccess 'Enabled' (the REST specification's enum): fixed",
      code: `resource [|redis|] 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-orders'
  location: 'westeurope'
  properties: { sku: { name: 'Premium', family: 'P', capacity: 1 }, publicNetworkAccess: 'Enabled' }
}
${endpoint('pe-redis', 'redis.id', 'redisCache')}`,
      errors: [
        {
          messageId: 'enabled',
          message: /^'redis-orders' \(Microsoft\.Cache\/redis\) is reached through private endpoint 'pe-redis'/,
        },
      ],
      output: (code: string) => code.replace("publicNetworkAccess: 'Enabled'", "publicNetworkAccess: 'Disabled'"),
    },
    {
      name: 'Redis whose firewall rules are child resources: they need the public endpoint; information, no fix',
      code: `resource [|redis|] 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-orders'
  location: 'westeurope'
  properties: { sku: { name: 'Premium', family: 'P', capacity: 1 }, publicNetworkAccess: 'Enabled' }
}
resource office 'Microsoft.Cache/redis/firewallRules@2024-11-01' = {
  parent: redis
  name: 'office'
  properties: { startIP: '203.0.113.1', endIP: '203.0.113.254' }
}
${endpoint('pe-redis', 'redis.id', 'redisCache')}`,
      errors: [{ messageId: 'enabledForNetworkRules', level: 'info' }],
      output: null,
    },
    {
      name: "a container registry's networkRuleSet that denies by default",
      code: registryWithRules("{ defaultAction: 'Deny' }"),
      errors: [{ messageId: 'enabledBehindFirewall' }],
      output: null,
    },
    {
      // As a storage account's (regression review): the IP rules are why public access stays on.
      name: 'a container registry that denies by default with IP rules, which need the public endpoint: information, no fix',
      code: registryWithRules("{ defaultAction: 'Deny', ipRules: [ { action: 'Allow', value: '203.0.113.10' } ] }"),
      errors: [{ messageId: 'enabledForNetworkRules', level: 'info' }],
      output: null,
    },
    {
      name: 'a firewall from a parameter without default: its action is not known, so no public reach is claimed',
      code:
        storage("{\n    publicNetworkAccess: 'Enabled'\n    networkAcls: acls\n  }", '[|st|]', 'param acls object\n') +
        endpoint('pe-blob'),
      errors: [{ messageId: 'enabledFirewallUnknown', message: /open to whatever its firewall lets through/ }],
      output: null,
    },
    {
      name: 'a firewall that allows by default changes nothing: reachable from public networks, fixed',
      code:
        storage("{\n    publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Allow' }\n  }") +
        endpoint('pe-blob'),
      errors: [{ messageId: 'enabled', message: /so it stays reachable from public networks/ }],
      output: edited(["publicNetworkAccess: 'Enabled'", "publicNetworkAccess: 'Disabled'"]),
    },
    {
      name: 'two endpoints to one target give one finding',
      code: storage("{ publicNetworkAccess: 'Enabled' }") + endpoint('pe-blob') + endpoint('pe-file', 'st.id', 'file'),
      errors: [{ messageId: 'enabled', message: /'pe-blob' \(and 1 more\)/ }],
      output: edited(['Enabled', 'Disabled']),
    },
    {
      name: 'a boolean setting: Automation publicNetworkAccess true',
      code: `resource [|aa|] 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: 'aa-ops'
  location: 'westeurope'
  properties: { publicNetworkAccess: true, sku: { name: 'Basic' } }
}
${endpoint('pe-aa', 'aa.id', 'Webhook')}`,
      errors: [{ messageId: 'enabled', message: /to true/ }],
      output: edited(['publicNetworkAccess: true', 'publicNetworkAccess: false']),
    },
    {
      name: 'the target in the caller, the endpoint in a module',
      code: `//- /main.bicep
${storage("{ publicNetworkAccess: 'Enabled' }")}module ep 'ep.bicep' = {
  name: 'ep'
  params: { targetId: st.id }
}
//- /ep.bicep
param targetId string
${endpoint('pe-blob', 'targetId')}`,
      errors: [{ messageId: 'enabled' }],
      output: edited(['Enabled', 'Disabled']),
    },
  ],
});

// ARM JSON: a Key Vault (its `properties` as JSON text) and an endpoint to it.
const arm = (properties: string, parameters = '{}', type = '[|"Microsoft.KeyVault/vaults"|]') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": ${parameters},
  "resources": [
    {
      "type": ${type},
      "apiVersion": "2026-02-01",
      "name": "kv-prod",
      "location": "westeurope",
      "properties": ${properties}
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "properties": {
        "privateLinkServiceConnections": [
          { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } }
        ]
      }
    }
  ]
}
`;
const unmarked = '"Microsoft.KeyVault/vaults"';

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "ARM: publicNetworkAccess 'Disabled'",
      code: arm(
        '{ "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "publicNetworkAccess": "Disabled" }',
        '{}',
        unmarked,
      ),
    },
    {
      name: 'ARM: absent property',
      code: arm('{ "tenantId": "t", "sku": { "family": "A", "name": "standard" } }', '{}', unmarked),
    },
    {
      name: 'ARM: a value from a parameter without default',
      code: arm(
        '{ "publicNetworkAccess": "[parameters(\'access\')]" }',
        '{ "access": { "type": "string" } }',
        unmarked,
      ),
    },
  ],
  invalid: [
    {
      name: "ARM: a Key Vault with publicNetworkAccess 'Enabled'",
      code: arm('{ "tenantId": "t", "sku": { "family": "A", "name": "standard" }, "publicNetworkAccess": "Enabled" }'),
      errors: [{ messageId: 'enabled', message: /'kv-prod' \(Microsoft\.KeyVault\/vaults\)/ }],
      output: edited(['Enabled', 'Disabled']),
    },
  ],
};
ruleTests(rule, armCases);

// disable-public-access: the value on the target turned off, in Bicep and ARM.
const storageBehindEndpoint = (
  properties: string,
  symbol = 'st',
) => `resource ${symbol} 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stapp'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: ${properties}
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-blob'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: st.id, groupIds: [ 'blob' ] } } ]
  }
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: "Bicep: 'Enabled' becomes 'Disabled'",
      code: storageBehindEndpoint(
        "{\n    minimumTlsVersion: 'TLS1_2'\n    publicNetworkAccess: 'Enabled'\n  }",
        '[|st|]',
      ),
      errors: [{ messageId: 'enabled' }],
      fixTitle: /^Turn public network access off$/,
      output: storageBehindEndpoint("{\n    minimumTlsVersion: 'TLS1_2'\n    publicNetworkAccess: 'Disabled'\n  }"),
    },
    {
      name: 'Bicep: a parameter that enables it: no fix, which would overrule every caller and parameter file that sets it',
      code: `param access string = 'Enabled'\n${storageBehindEndpoint('{ publicNetworkAccess: access }', '[|st|]')}`,
      errors: [{ messageId: 'enabled' }],
      output: null,
    },
    {
      name: 'ARM: a Key Vault',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": [|"Microsoft.KeyVault/vaults"|],
      "apiVersion": "2026-02-01",
      "name": "kv-prod",
      "location": "westeurope",
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },
        "publicNetworkAccess": "Enabled"
      }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-kv",
      "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]" ],
      "properties": {
        "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.KeyVault/vaults', 'kv-prod')]", "groupIds": [ "vault" ] } } ]
      }
    }
  ]
}
`,
      errors: [{ messageId: 'enabled' }],
      output: edited(['"publicNetworkAccess": "Enabled"', '"publicNetworkAccess": "Disabled"']),
    },
  ],
});
