import rule from '../../../server/src/rules/pe-dns-zone-group-limit';
import { keyVaultEndpoint } from '../../support/bicep-network';
import { ruleTests } from '../../support/rule-test';
import { armKvPe } from '../../support/zone-group-fixtures';

const endpoint = keyVaultEndpoint("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')");

const config = (index: number) =>
  `      { name: 'z${index}', properties: { privateDnsZoneId: resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', 'zone${index}.example') } }`;

/** A zone group `symbol` named `name` on `pe` with `count` configs. */
const group = (
  symbol: string,
  name: string,
  count = 1,
  head = '',
) => `resource ${symbol} 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = ${head}{
  parent: pe
  name: '${name}'
  properties: {
    privateDnsZoneConfigs: [
${Array.from({ length: count }, (_, index) => config(index)).join('\n')}
    ]
  }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'one zone group with one config', code: endpoint + group('dns', 'default') },
    { name: 'five configs is the limit', code: endpoint + group('dns', 'default', 5) },
    {
      name: 'a second group that may not be deployed',
      code: `param second bool\n${endpoint}${group('dns', 'default')}${group('dns2', 'other', 1, 'if (second) ')}`,
    },
    {
      name: 'the same group declared twice is one group',
      code: endpoint + group('dns', 'default') + group('dns2', 'default'),
    },
    {
      name: 'a second group whose name is unknown may be the same group',
      code: `param groupName string\n${endpoint}${group('dns', 'default')}${group('dns2', '${groupName}')}`,
    },
    {
      name: 'zone groups of two endpoints',
      code: `${endpoint}${group('dns', 'default')}resource pe2 'Microsoft.Network/privateEndpoints@2025-09-01' = {\n  name: 'pe-kv2'\n  location: 'westeurope'\n  properties: {\n    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe') }\n    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]\n  }\n}\nresource dns2 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe2\n  name: 'default'\n  properties: { privateDnsZoneConfigs: [] }\n}\n`,
    },
    {
      name: 'an unknown list of configs',
      code: `param configs array\n${endpoint}resource dns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: { privateDnsZoneConfigs: configs }\n}\n`,
    },
    {
      name: 'a group with too many configs that may not be deployed',
      code: `param dns bool\n${endpoint}${group('dns', 'default', 6, 'if (dns) ')}`,
    },
  ],
  invalid: [
    {
      name: 'a second zone group on one endpoint',
      code: endpoint + group('dns', 'default') + group('[|dns2|]', 'other'),
      errors: [
        {
          messageId: 'secondGroup',
          level: 'error',
          message:
            /^Private endpoint 'pe-kv' already has zone group 'pe-kv\/default'; a private endpoint takes only one DNS zone group, so deploying 'pe-kv\/other' fails/,
        },
      ],
    },
    {
      name: 'a second and a third group: each later one is reported',
      code: endpoint + group('dns', 'default') + group('[|dns2|]', 'second') + group('[|dns3|]', 'third'),
      errors: [{ messageId: 'secondGroup' }, { messageId: 'secondGroup' }],
    },
    {
      name: 'zone groups in a loop over known names give one finding',
      code: `${endpoint}resource [|dns|] 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = [for name in [ 'a', 'b', 'c' ]: {\n  parent: pe\n  name: name\n  properties: { privateDnsZoneConfigs: [] }\n}]\n`,
      errors: [{ messageId: 'secondGroup' }],
    },
    {
      name: 'six zone configs in one group',
      code: endpoint + group('[|dns|]', 'default', 6),
      errors: [
        {
          messageId: 'tooManyConfigs',
          level: 'error',
          message: /^Zone group 'pe-kv\/default' has 6 zone configs; a zone group holds at most 5 zones/,
        },
      ],
    },
    {
      name: 'configs made by a loop over known items',
      code: `${endpoint}resource [|dns|] 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {\n  parent: pe\n  name: 'default'\n  properties: {\n    privateDnsZoneConfigs: [for i in range(0, 7): { name: 'z\${i}', properties: { privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', 'zone\${i}.example') } }]\n  }\n}\n`,
      errors: [{ messageId: 'tooManyConfigs', message: /has 7 zone configs/ }],
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the later group's "type").
const armGroup = (name: string, configs: number, marked = false) => `,
    {
      "type": ${marked ? '[|"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"|]' : '"Microsoft.Network/privateEndpoints/privateDnsZoneGroups"'},
      "apiVersion": "2025-09-01",
      "name": "pe-kv/${name}",
      "dependsOn": [ "[resourceId('Microsoft.Network/privateEndpoints', 'pe-kv')]" ],
      "properties": {
        "privateDnsZoneConfigs": [
${Array.from({ length: configs }, (_, index) => `          { "name": "z${index}", "properties": { "privateDnsZoneId": "[resourceId('rg-hub', 'Microsoft.Network/privateDnsZones', 'zone${index}.example')]" } }`).join(',\n')}
        ]
      }
    }`;
const arm = (groups: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
${armKvPe()}${groups}
  ]
}
`;

const armCases = {
  valid: [{ name: 'ARM: one zone group with five configs', code: arm(armGroup('default', 5)) }],
  invalid: [
    {
      name: 'ARM: a second zone group',
      code: arm(armGroup('default', 1) + armGroup('other', 1, true)),
      errors: [{ messageId: 'secondGroup' }],
    },
    {
      name: 'ARM: six zone configs',
      code: arm(armGroup('default', 6, true)),
      errors: [{ messageId: 'tooManyConfigs' }],
    },
  ],
};
ruleTests(rule, armCases);
