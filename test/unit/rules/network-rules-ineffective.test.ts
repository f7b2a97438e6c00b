import rule from '../../../server/src/rules/network-rules-ineffective';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

/** A storage account with `properties` (its body) after `head`. */
const storage = (
  properties: string,
  head = '',
  condition = '',
) => `${head}resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = ${condition}{
  name: 'stapp'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    ${properties}
  }
}
`;
const ipRules = "ipRules: [ { value: '203.0.113.0/24', action: 'Allow' } ]";
const subnetRule =
  "virtualNetworkRules: [ { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-app'), action: 'Allow' } ]";

/** An Event Hubs namespace (`pna` its properties) and its rule set (`ruleSet` properties) at `api`. */
const eventHubs = (
  pna: string,
  ruleSet: string,
  api = '2026-01-01',
) => `resource eh 'Microsoft.EventHub/namespaces@${api}' = {
  name: 'evhns-app'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: { ${pna} }
}
resource rules 'Microsoft.EventHub/namespaces/networkRuleSets@${api}' = {
  parent: eh
  name: 'default'
  properties: { ${ruleSet} }
}
`;

ruleTests(rule, {
  valid: [
    {
      name: "storage: defaultAction 'Deny' with rules, public access on",
      code: storage(`publicNetworkAccess: 'Enabled'\n    networkAcls: { defaultAction: 'Deny', ${ipRules} }`),
    },
    {
      name: "storage: public access 'Disabled' without any rule",
      code: storage(
        "publicNetworkAccess: 'Disabled'\n    networkAcls: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] }",
      ),
    },
    {
      name: "storage: defaultAction 'Allow' without rules",
      code: storage("networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }"),
    },
    {
      name: "storage: 'SecuredByPerimeter' is not judged",
      code: storage(
        `publicNetworkAccess: 'SecuredByPerimeter'\n    networkAcls: { defaultAction: 'Deny', ${ipRules} }`,
      ),
    },
    {
      name: 'storage: public access from a parameter without default',
      code: storage(
        `publicNetworkAccess: access\n    networkAcls: { defaultAction: 'Deny', ${ipRules} }`,
        'param access string\n',
      ),
    },
    {
      name: 'storage: rules from a parameter without default',
      code: storage(
        "publicNetworkAccess: 'Disabled'\n    networkAcls: { defaultAction: 'Deny', ipRules: rules }",
        'param rules array\n',
      ),
    },
    {
      name: 'storage: under an unknown condition',
      code: storage(
        `publicNetworkAccess: 'Disabled'\n    networkAcls: { defaultAction: 'Deny', ${ipRules} }`,
        'param deploy bool\n',
        'if (deploy) ',
      ),
    },
    {
      name: "storage: enum values compare exactly ('disabled')",
      code: storage(`publicNetworkAccess: 'disabled'\n    networkAcls: { defaultAction: 'Deny', ${ipRules} }`),
    },
    {
      name: "Event Hubs: defaultAction 'Allow' before API 2021-06-01-preview (FACTS §9.3)",
      code: eventHubs(
        '',
        `defaultAction: 'Allow', ${subnetRule.replace('id:', 'subnet: { id:').replace(", action: 'Allow' }", ' } }')}`,
        '2018-01-01-preview',
      ),
    },
    {
      name: "Event Hubs: the rule set says 'Enabled' where the namespace says 'Disabled' (FACTS does not say which wins)",
      code: eventHubs(
        "publicNetworkAccess: 'Disabled'",
        "publicNetworkAccess: 'Enabled', defaultAction: 'Deny', ipRules: [ { ipMask: '203.0.113.0/24' } ]",
      ),
    },
    {
      name: 'SQL: IP firewall rules are not judged, only virtual network rules',
      code: "resource sql 'Microsoft.Sql/servers@2025-01-01' = {\n  name: 'sql-app'\n  location: 'westeurope'\n  properties: { publicNetworkAccess: 'Disabled' }\n}\n",
    },
  ],
  invalid: [
    {
      name: "storage: public access 'Disabled' with IP and virtual network rules",
      code: storage(
        `publicNetworkAccess: 'Disabled'\n    networkAcls: {\n      defaultAction: 'Deny'\n      ${ipRules}\n      virtualNetworkRules: [|[ { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-app') } ]|]\n    }`,
      ),
      errors: [
        {
          messageId: 'overridden',
          level: 'warning',
          message:
            /Storage 'stapp' writes 1 virtual network rule and 1 IP rule that grant nothing: publicNetworkAccess is 'Disabled', and only private endpoint traffic is allowed/,
        },
      ],
      output: null,
    },
    {
      name: "storage: defaultAction 'Allow' with IP rules",
      code: storage(
        `networkAcls: {\n      defaultAction: 'Allow'\n      ipRules: [|[ { value: '203.0.113.0/24', action: 'Allow' } ]|]\n    }`,
      ),
      errors: [
        {
          messageId: 'overridden',
          message: /defaultAction is 'Allow', and network rules take effect only with defaultAction Deny/,
        },
      ],
    },
    {
      name: "Key Vault: public access 'disabled' (a free string, compared case-insensitively)",
      code: `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-app'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'disabled'
    networkAcls: { defaultAction: 'Deny', ipRules: [|[ { value: '203.0.113.7' } ]|] }
  }
}
`,
      errors: [{ messageId: 'overridden', message: /Key Vault 'kv-app' writes 1 IP rule/ }],
    },
    {
      name: "Cosmos DB: public access 'Disabled' with virtual network rules",
      code: `resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: 'cosmos-app'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: 'westeurope' } ]
    publicNetworkAccess: 'Disabled'
    isVirtualNetworkFilterEnabled: true
    virtualNetworkRules: [|[ { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-app') } ]|]
  }
}
`,
      errors: [{ messageId: 'overridden', message: /Cosmos DB 'cosmos-app'.*takes precedence/ }],
    },
    {
      name: "Event Hubs: defaultAction 'Allow' in the rule set",
      code: eventHubs('', `defaultAction: 'Allow', ipRules: [|[ { ipMask: '203.0.113.0/24', action: 'Allow' } ]|]`),
      errors: [{ messageId: 'overridden', message: /Event Hubs 'evhns-app'.*not enforced/ }],
    },
    {
      name: "Event Hubs: the namespace's public access 'Disabled'",
      code: eventHubs(
        "publicNetworkAccess: 'Disabled'",
        `defaultAction: 'Deny', ipRules: [|[ { ipMask: '203.0.113.0/24', action: 'Allow' } ]|]`,
      ),
      errors: [{ messageId: 'overridden', message: /private links only/ }],
    },
    {
      name: "Service Bus: nested rule set with its own public access 'Disabled'",
      code: `resource sb 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: 'sbns-app'
  location: 'westeurope'
  sku: { name: 'Premium' }
  resource rules 'networkRuleSets' = {
    name: 'default'
    properties: { publicNetworkAccess: 'Disabled', defaultAction: 'Deny', ipRules: [|[ { ipMask: '203.0.113.0/24' } ]|] }
  }
}
`,
      errors: [{ messageId: 'overridden', message: /Service Bus 'sbns-app'/ }],
    },
    {
      name: "SQL: a virtual network rule on a server with public access 'Disabled'",
      code: `resource sql 'Microsoft.Sql/servers@2025-01-01' = {
  name: 'sql-app'
  location: 'westeurope'
  properties: { publicNetworkAccess: 'Disabled' }
}
resource rule 'Microsoft.Sql/servers/virtualNetworkRules@2025-01-01' = {
  parent: sql
  name: 'allow-app'
  properties: { virtualNetworkSubnetId: [|resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet-app')|] }
}
`,
      errors: [
        {
          messageId: 'overridden',
          message:
            /SQL 'sql-app' writes 1 virtual network rule that grants nothing: publicNetworkAccess is 'Disabled', and SQL virtual network rules need public network access 'Enabled'/,
        },
      ],
    },
    {
      name: 'storage accounts in a loop: one finding',
      code: `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = [for name in [ 'stone', 'sttwo' ]: {
  name: name
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny', ipRules: [|[ { value: '203.0.113.0/24' } ]|] } }
}]
`,
      errors: [{ messageId: 'overridden' }],
    },
    {
      name: 'a storage module whose caller disables public access',
      code: `//- /main.bicep
module st 'st.bicep' = {
  name: 'st'
  params: { access: 'Disabled' }
}
//- /st.bicep
param access string = 'Enabled'
${storage(`publicNetworkAccess: access\n    networkAcls: { defaultAction: 'Deny', ipRules: [|[ { value: '203.0.113.0/24' } ]|] }`)}`,
      errors: [{ messageId: 'overridden' }],
    },
  ],
});

const arm = (properties: string, copy = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2026-04-01",
      "name": "stapp",${copy}
      "location": "westeurope",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2",
      "properties": ${properties}
    }
  ]
}
`;
const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: "ARM: defaultAction 'Deny', public access on",
      code: arm(
        '{ "publicNetworkAccess": "Enabled", "networkAcls": { "defaultAction": "Deny", "ipRules": [ { "value": "203.0.113.0/24" } ] } }',
      ),
    },
  ],
  invalid: [
    {
      name: "ARM: public access 'Disabled' with IP rules",
      code: arm(
        '{ "publicNetworkAccess": "Disabled", "networkAcls": { "defaultAction": "Deny", "ipRules": [|[ { "value": "203.0.113.0/24" } ]|] } }',
      ),
      errors: [{ messageId: 'overridden' }],
    },
    {
      name: "ARM: a copy loop with defaultAction 'Allow': one finding",
      code: arm(
        '{ "networkAcls": { "defaultAction": "Allow", "ipRules": [|[ { "value": "203.0.113.0/24" } ]|] } }',
        '\n      "copy": { "name": "accounts", "count": 2 },',
      ).replace('"name": "stapp"', '"name": "[concat(\'stapp\', copyIndex())]"'),
      errors: [{ messageId: 'overridden' }],
    },
  ],
};
ruleTests(rule, armCases);
