import rule from '../../../server/src/rules/service-endpoint-with-private-link';
import { bicepEndpoint, connectionTo } from '../../support/bicep-network';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

const subnetId = "resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-app')";
const snetPe = "resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')";
/** A Premium registry with `networkRuleSet` and, unless `endpoint` is '', a private endpoint to it. */
const registry = (
  ruleSet: string,
  endpoint = bicepEndpoint(snetPe, [connectionTo('acr.id', "[ 'registry' ]", 'registry')], { name: 'pe-acrapp' }),
  head = '',
) => `${head}resource acr 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'acrapp'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { networkRuleSet: ${ruleSet} }
}
${endpoint}`;

/** A web app with `restrictions` in its siteConfig and a private endpoint (`condition` on it). */
const app = (restrictions: string, condition = '', head = '') =>
  `${head}resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: 'app-orders'
  location: 'westeurope'
  properties: {
    siteConfig: {
      ${restrictions}
    }
  }
}
` + bicepEndpoint(snetPe, [connectionTo('app.id', "[ 'sites' ]", 'sites')], { name: 'pe-app-orders', condition });

ruleTests(rule, {
  valid: [
    {
      name: 'a registry with a private endpoint and only IP rules',
      code: registry("{ defaultAction: 'Deny', ipRules: [ { action: 'Allow', value: '203.0.113.0/24' } ] }"),
    },
    {
      name: 'a registry with subnet rules and no private endpoint',
      code: registry(`{ defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: ${subnetId} } ] }`, ''),
    },
    {
      name: 'an app with IP restrictions only',
      code: app(
        "ipSecurityRestrictions: [ { name: 'office', ipAddress: '203.0.113.0/24', action: 'Allow', priority: 100 } ]",
      ),
    },
    {
      name: 'an endpoint under an unknown condition',
      code: app(
        `ipSecurityRestrictions: [ { name: 'spoke', vnetSubnetResourceId: ${subnetId}, action: 'Allow', priority: 100 } ]`,
        'if (withPe) ',
        'param withPe bool\n',
      ),
    },
    {
      name: 'outside the public cloud, registries have no service endpoints (FACTS §9.2)',
      cloud: 'AzureChinaCloud',
      code: registry(`{ defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: ${subnetId} } ] }`),
    },
  ],
  invalid: [
    {
      name: 'a registry with a subnet rule and a private endpoint',
      code: registry(`{ defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: [|${subnetId}|] } ] }`),
      errors: [
        {
          messageId: 'both',
          level: 'error',
          message:
            /Container Registry 'acrapp' has 1 service-endpoint network rule\(s\) and private endpoint 'pe-acrapp': Container Registry does not support both/,
        },
      ],
      output: null,
    },
    {
      name: 'an app with a subnet restriction on the SCM site and a private endpoint',
      code: app(
        `scmIpSecurityRestrictions: [ { name: 'spoke', vnetSubnetResourceId: [|${subnetId}|], action: 'Allow', priority: 100 } ]`,
      ),
      errors: [{ messageId: 'both', message: /App Service 'app-orders'/ }],
    },
    {
      name: 'registries in a loop, each with its endpoint: one finding',
      code: `resource acr 'Microsoft.ContainerRegistry/registries@2025-11-01' = [for name in [ 'acrone', 'acrtwo' ]: {
  name: name
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { networkRuleSet: { defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: [|${subnetId}|] } ] } }
}]
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for (name, i) in [ 'acrone', 'acrtwo' ]: {
  name: 'pe-\${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe') }
    privateLinkServiceConnections: [ { name: 'registry', properties: { privateLinkServiceId: acr[i].id, groupIds: [ 'registry' ] } } ]
  }
}]
`,
      errors: [{ messageId: 'both' }],
    },
    {
      name: 'the private endpoint in a module, given the registry id',
      code: `//- /main.bicep
${registry(
  `{ defaultAction: 'Deny', virtualNetworkRules: [ { action: 'Allow', id: [|${subnetId}|] } ] }`,
  `module pe 'pe.bicep' = {
  name: 'pe'
  params: { targetId: acr.id }
}
`,
)}//- /pe.bicep
param targetId string
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-acrapp'
  location: 'westeurope'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe') }
    privateLinkServiceConnections: [ { name: 'registry', properties: { privateLinkServiceId: targetId, groupIds: [ 'registry' ] } } ]
  }
}
`,
      errors: [{ messageId: 'both' }],
    },
  ],
});

const arm = (restrictions: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2025-03-01",
      "name": "app-orders",
      "location": "westeurope",
      "properties": { "siteConfig": { "ipSecurityRestrictions": [ ${restrictions} ] } }
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-app-orders",
      "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.Web/sites', 'app-orders')]" ],
      "properties": {
        "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]" },
        "privateLinkServiceConnections": [ { "name": "sites", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Web/sites', 'app-orders')]", "groupIds": [ "sites" ] } } ]
      }
    }
  ]
}
`;
const armSubnet = `"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-app')]"`;
const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'ARM: an app with an IP restriction and a private endpoint',
      code: arm('{ "name": "office", "ipAddress": "203.0.113.0/24", "action": "Allow", "priority": 100 }'),
    },
  ],
  invalid: [
    {
      name: 'ARM: an app with a subnet restriction and a private endpoint',
      code: arm(`{ "name": "spoke", "vnetSubnetResourceId": [|${armSubnet}|], "action": "Allow", "priority": 100 }`),
      errors: [{ messageId: 'both' }],
    },
  ],
};
ruleTests(rule, armCases);
