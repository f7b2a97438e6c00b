import rule from '../../../server/src/rules/pe-group-id-invalid';
import { bicepEndpoint } from '../../support/bicep-network';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

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
const cosmos = `resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: 'cosmos-app'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [ { locationName: 'westeurope' } ] }
}
`;
const site = `resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: 'app-web'
  location: 'westeurope'
}
`;
const vault = `resource kv 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: 'kv-app'
  location: 'westeurope'
  properties: { tenantId: subscription().tenantId, sku: { family: 'A', name: 'standard' } }
}
`;
/** A zone group on `pe` pointing at a hub zone outside the set, so that the fixed endpoint has its DNS. */
const zoneGroup = (
  zone: string,
) => `resource zg 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: pe
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: 'z', properties: { privateDnsZoneId: '/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/${zone}' } } ]
  }
}
`;
/** A private endpoint to `target` asking for `groupIds` (Bicep text); `head` goes before `resource`. */
const endpoint = (
  target: string,
  groupIds: string,
  head = '',
  connections = 'privateLinkServiceConnections',
  condition = '',
) =>
  bicepEndpoint(
    "'/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe'",
    [
      `${connections}: [`,
      '  {',
      "    name: 'conn'",
      '    properties: {',
      `      privateLinkServiceId: ${target}`,
    ].concat([`      groupIds: ${groupIds}`, '    }', '  }', ']']),
    { name: 'pe-app', head, condition },
  );

ruleTests(rule, {
  valid: [
    {
      // FACTS §1 compares group ids without case; Azure's own modules write 'web' for Synapse's 'Web'
      // (reviews of real Bicep: PlatformPlatform's 'SqlServer'). Not judged either way.
      name: "another case of a documented id ('Vault', 'SqlServer') is not judged",
      code: vault + endpoint('kv.id', "[ 'Vault' ]") + zoneGroup('privatelink.vaultcore.azure.net'),
    },
    { name: 'a Private Link service without group ids', code: pls + endpoint('pls.id', '[]') },
    {
      name: "a blank group id for a Private Link service: FACTS does not say if [''] is none",
      code: pls + endpoint('pls.id', "[ '' ]"),
    },
    {
      name: 'a blank group id for a Key Vault is not a near miss of vault',
      code: vault + endpoint('kv.id', "[ ' ' ]"),
    },
    { name: 'a storage id FACTS lists', code: storage + endpoint('st.id', "[ 'blob' ]") },
    {
      name: 'an undocumented storage id unlike any documented one: FACTS §12 has no complete list, so silent',
      code: storage + endpoint('st.id', "[ 'archive' ]"),
    },
    {
      name: 'near miss (class 7): every documented storage id is silent',
      code: storage + endpoint('st.id', "[ 'blob', 'blob_secondary', 'file_secondary', 'dfs', 'web_secondary' ]"),
    },
    {
      name: 'near miss (class 7): Cosmos DB ids compare without case (FACTS §12)',
      code: cosmos + endpoint('cosmos.id', "[ 'SQL' ]"),
    },
    {
      name: 'near miss (class 7): a Web App slot id (sites-<slot>) is documented',
      code: site + endpoint('app.id', "[ 'sites-staging' ]"),
    },
    {
      name: 'near miss (class 7): a near miss of an unknown target type stays silent',
      code: endpoint('targetId', "[ 'blobs' ]", 'param targetId string\n'),
    },
    { name: 'group ids from a parameter without default', code: pls + endpoint('pls.id', 'ids', 'param ids array\n') },
    {
      name: 'a target id from a parameter (type unknown)',
      code: endpoint('plsId', "[ 'blob' ]", 'param plsId string\n'),
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: pls + endpoint('pls.id', "[ 'blob' ]", 'param deploy bool\n', undefined, 'if (deploy) '),
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
      name: "near miss (class 7): 'blobs' on a storage account is fixed to 'blob'",
      code: storage + endpoint('st.id', "[ [|'blobs'|] ]") + zoneGroup('privatelink.blob.core.windows.net'),
      errors: [
        {
          messageId: 'invalid',
          level: 'error',
          message:
            /group id 'blobs', which is documented for none of that type's sub-resources \(.*'blob'.*\) and nearly spells 'blob'\. Use 'blob'\./,
        },
      ],
      output: storage + endpoint('st.id', "[ 'blob' ]") + zoneGroup('privatelink.blob.core.windows.net'),
    },
    {
      name: "near miss 'queu' beside a zone group on the blob zone: reported, no fix (the group may say 'blob' was meant)",
      code: storage + endpoint('st.id', "[ [|'queu'|] ]") + zoneGroup('privatelink.blob.core.windows.net'),
      errors: [{ messageId: 'invalid', message: /nearly spells 'queue'\. Use 'queue'\./ }],
      output: null,
    },
    {
      name: "near miss 'queu' beside a zone group on the queue zone: fixed to 'queue'",
      code: storage + endpoint('st.id', "[ [|'queu'|] ]") + zoneGroup('privatelink.queue.core.windows.net'),
      errors: [{ messageId: 'invalid', message: /nearly spells 'queue'/ }],
      output: storage + endpoint('st.id', "[ 'queue' ]") + zoneGroup('privatelink.queue.core.windows.net'),
    },
    {
      name: "near miss (class 7): 'sqlServers' on a SQL server",
      code: `resource sql 'Microsoft.Sql/servers@2023-08-01' = {
  name: 'sql-app'
  location: 'westeurope'
}
${endpoint('sql.id', "[ [|'sqlServers'|] ]")}`,
      errors: [{ messageId: 'invalid', message: /nearly spells 'sqlServer'/ }],
      // With a valid group id the endpoint's missing zone group shows (a DESIGN §4 (c) gap of the fix).
      reveals: ['pe-dns-zone-group-missing'],
      output: edited(['sqlServers', 'sqlServer']),
    },
    {
      name: 'a group id on a Private Link service',
      code: pls + endpoint('pls.id', "[ [|'blob'|] ]"),
      errors: [
        {
          messageId: 'noGroupIds',
          level: 'error',
          message:
            /'pe-app' asks Microsoft\.Network\/privateLinkServices 'pls-app' for group id 'blob'.*takes no group ids/,
        },
      ],
    },
    {
      name: 'a manual connection to a Private Link service by resourceId()',
      code:
        pls +
        endpoint(
          "resourceId('Microsoft.Network/privateLinkServices', 'pls-app')",
          "[ [|'default'|] ]",
          '',
          'manualPrivateLinkServiceConnections',
        ),
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

const armZoneGroup = `,
    {
      "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
      "apiVersion": "2025-09-01",
      "name": "pe-app/default",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-app')]" ],
      "properties": {
        "privateDnsZoneConfigs": [ { "name": "z", "properties": { "privateDnsZoneId": "/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net" } } ]
      }
    }`;
const armStorage = (endpointJson: string) =>
  arm(`    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2026-04-01",
      "name": "stapp",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": { "name": "Standard_LRS" }
    },
${endpointJson}${armZoneGroup}`);
const armStorageEndpoint = (groupIds: string) =>
  armEndpoint(groupIds).replace(
    "resourceId('Microsoft.Network/privateLinkServices', 'pls-app')",
    "resourceId('Microsoft.Storage/storageAccounts', 'stapp')",
  );

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    { name: 'ARM: a Private Link service without group ids', code: arm(armEndpoint('[]')) },
    {
      name: "ARM: near miss (class 7): the documented 'blob' is silent",
      code: armStorage(armStorageEndpoint('[ "blob" ]')),
    },
    {
      name: 'ARM: a condition on a parameter without default',
      code: arm(
        armEndpoint('[ "blob" ]', '\n      "condition": "[parameters(\'deploy\')]",'),
        '{ "deploy": { "type": "bool" } }',
      ),
    },
  ],
  invalid: [
    {
      name: "ARM: near miss (class 7): 'blobs' on a storage account is fixed to 'blob'",
      code: armStorage(armStorageEndpoint('[ [|"blobs"|] ]')),
      errors: [{ messageId: 'invalid', message: /nearly spells 'blob'/ }],
      output: armStorage(armStorageEndpoint('[ "blob" ]')),
    },
    {
      name: 'ARM: a group id on a Private Link service',
      code: arm(armEndpoint('[ [|"blob"|] ]')),
      errors: [{ messageId: 'noGroupIds' }],
    },
  ],
};
ruleTests(rule, armCases);

// FACTS §2.1 gives a complete group id list only for a Private Link service, which takes none: there is
// no closest valid id to write, so the rule requests no fix (and the case documents it).
const plsEndpoint = (groupIds: string) => `resource pls 'Microsoft.Network/privateLinkServices@2025-09-01' existing = {
  name: 'pls'
}
resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-pls'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' }
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: pls.id, groupIds: ${groupIds} } } ]
  }
}
`;
ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: a Private Link service given a group id: no id to write, no fix',
      code: plsEndpoint("[ [|'vault'|] ]"),
      errors: [{ messageId: 'noGroupIds' }],
      output: null,
    },
    {
      name: 'ARM: the same, no fix',
      code: `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Network/privateLinkServices", "apiVersion": "2025-09-01", "name": "pls", "location": "westeurope", "properties": {} },
    { "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2025-09-01", "name": "pe-pls", "location": "westeurope",
      "properties": { "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe" },
        "privateLinkServiceConnections": [ { "name": "c", "properties": { "privateLinkServiceId": "[resourceId('Microsoft.Network/privateLinkServices', 'pls')]", "groupIds": [ [|"vault"|] ] } } ] } }
  ]
}
`,
      errors: [{ messageId: 'noGroupIds' }],
      output: null,
    },
  ],
});
