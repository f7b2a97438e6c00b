import rule from '../../../server/src/rules/pe-group-id-invalid';
import { ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

const pls = `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' = {
  name: 'pls-app'
  location: 'westeurope'
  properties: {}
}
`;
const storage = `resource st 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: 'stapp'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
`;
/** A private endpoint to `target` asking for `groupIds` (Bicep text); `head` goes before `resource`. */
const endpoint = (target: string, groupIds: string, head = '', connections = 'privateLinkServiceConnections') => `${head}resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-app'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    ${connections}: [
      {
        name: 'conn'
        properties: {
          privateLinkServiceId: ${target}
          groupIds: ${groupIds}
        }
      }
    ]
  }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'a Private Link service without group ids', code: pls + endpoint('pls.id', '[]') },
    { name: 'a storage id FACTS lists', code: storage + endpoint('st.id', "[ 'blob' ]") },
    { name: 'an unlisted storage id: the storage list is not complete, so silent', code: storage + endpoint('st.id', "[ 'bloob' ]") },
    { name: 'group ids from a parameter without default', code: pls + endpoint('pls.id', 'ids', 'param ids array\n') },
    { name: 'a target id from a parameter (type unknown)', code: endpoint('plsId', "[ 'blob' ]", 'param plsId string\n') },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: pls + endpoint('pls.id', "[ 'blob' ]", 'param deploy bool\n').replace("= {\n  name: 'pe-app'", "= if (deploy) {\n  name: 'pe-app'"),
    },
    {
      name: 'an endpoint loop with an unknown count cannot cause a finding',
      code: `param n int\n${pls}resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for i in range(0, n): {
  name: 'pe-\${i}'
  location: 'westeurope'
  properties: {
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: pls.id, groupIds: [ 'blob' ] } } ]
  }
}]
`,
    },
  ],
  invalid: [
    {
      name: 'a group id on a Private Link service',
      code: pls + endpoint('pls.id', "[ [|'blob'|] ]"),
      errors: [{ messageId: 'noGroupIds', level: 'error', message: /'pe-app' asks Microsoft\.Network\/privateLinkServices 'pls-app' for group id 'blob'.*takes no group ids/ }],
    },
    {
      name: 'a manual connection to a Private Link service by resourceId()',
      code: pls + endpoint("resourceId('Microsoft.Network/privateLinkServices', 'pls-app')", "[ [|'default'|] ]", '', 'manualPrivateLinkServiceConnections'),
      errors: [{ messageId: 'noGroupIds' }],
    },
    {
      name: 'each invalid value is its own finding',
      code: pls + endpoint('pls.id', "[\n            [|'blob'|]\n            [|'file'|]\n          ]"),
      errors: [{ messageId: 'noGroupIds' }, { messageId: 'noGroupIds' }],
    },
    {
      name: 'a loop of two endpoints gives one finding',
      code: `${pls}resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = [for i in range(0, 2): {
  name: 'pe-\${i}'
  location: 'westeurope'
  properties: {
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: pls.id, groupIds: [ [|'blob'|] ] } } ]
  }
}]
`,
      errors: [{ messageId: 'noGroupIds' }],
    },
    {
      name: 'the endpoint in a module, the service in the caller',
      code: `//- /main.bicep
${pls}module ep 'ep.bicep' = {
  name: 'ep'
  params: { plsId: pls.id }
}
//- /ep.bicep
param plsId string
${endpoint('plsId', "[ [|'sites'|] ]")}`,
      errors: [{ messageId: 'noGroupIds' }],
    },
  ],
});

// ARM JSON: the same cases in deployment templates (the marker sits on the offending value).
const arm = (resources: string, parameters = '{}') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": ${parameters},
  "resources": [
    {
      "type": "Microsoft.Network/privateLinkServices",
      "apiVersion": "2025-09-01",
      "name": "pls-app",
      "location": "westeurope",
      "properties": {}
    },
${resources}
  ]
}
`;
const armEndpoint = (groupIds: string, extra = '') => `    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2025-09-01",
      "name": "pe-app",
      "location": "westeurope",${extra}
      "properties": {
        "privateLinkServiceConnections": [
          {
            "name": "conn",
            "properties": {
              "privateLinkServiceId": "[resourceId('Microsoft.Network/privateLinkServices', 'pls-app')]",
              "groupIds": ${groupIds}
            }
          }
        ]
      }
    }`;

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'ARM: a Private Link service without group ids', code: arm(armEndpoint('[]')) },
    { name: 'ARM: a condition on a parameter without default', code: arm(armEndpoint('[ "blob" ]', '\n      "condition": "[parameters(\'deploy\')]",'), '{ "deploy": { "type": "bool" } }') },
  ],
  invalid: [
    { name: 'ARM: a group id on a Private Link service', code: arm(armEndpoint('[ [|"blob"|] ]')), errors: [{ messageId: 'noGroupIds' }] },
  ],
};
ruleTests(rule, armCases);
