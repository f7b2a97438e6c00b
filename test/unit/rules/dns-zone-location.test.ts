import rule from '../../../server/src/rules/dns-zone-location';
import { armBlobZone } from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';

const zone = (
  location: string,
  name = 'privatelink.blob.core.windows.net',
) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}'
  location: ${location}
}
`;

ruleTests(rule, {
  valid: [
    { name: "location 'global'", code: zone("'global'") },
    { name: "location 'Global' (case-insensitive)", code: zone("'Global'") },
    { name: 'a parameter without default could be global', code: `param where string\n${zone('where')}` },
    { name: 'a blank location names no region', code: zone("''") },
    {
      name: 'an existing zone is not ours to place',
      code: `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {\n  name: 'privatelink.blob.core.windows.net'\n}\n`,
    },
    {
      name: 'a conditional zone whose condition is unknown cannot cause a finding',
      code: `param deploy bool\nresource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (deploy) {\n  name: 'x.example'\n  location: 'westeurope'\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a region literal',
      code: zone("[|'westeurope'|]"),
      errors: [{ messageId: 'zone', level: 'warning', message: /'westeurope'/ }],
      output: edited(['westeurope', 'global']),
    },
    {
      name: 'resourceGroup().location is a region, never global',
      code: zone('[|resourceGroup().location|]'),
      errors: [{ messageId: 'zone', message: /has location resourceGroup\(\)\.location \(a region\);/ }],
      output: edited(['resourceGroup().location', "'global'"]),
    },
    {
      name: 'a location parameter defaulting to the resource group',
      code: `param location string = resourceGroup().location\n${zone('[|location|]')}`,
      errors: [{ messageId: 'zone' }],
      output: edited(['location: location', "location: 'global'"]),
    },
    {
      name: 'a VNet link in a region',
      code: `${zone("'global'")}resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-hub'
  location: [|'eastus'|]
  properties: { registrationEnabled: false, virtualNetwork: { id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v' } }
}
`,
      errors: [{ messageId: 'link' }],
      output: edited(['eastus', 'global']),
    },
    {
      name: '#disable-next-line on the line above silences that finding only',
      code: `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'a.example'\n  #disable-next-line dns-zone-location\n  location: 'westeurope'\n}\nresource zone2 'Microsoft.Network/privateDnsZones@2024-06-01' = {\n  name: 'b.example'\n  location: [|'westeurope'|]\n}\n`,
      errors: [{ messageId: 'zone' }],
      output: edited([
        `b.example'
  location: 'westeurope`,
        `b.example'
  location: 'global`,
      ]),
    },
  ],
});

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'a loop of zones in a region is one finding, not one per instance',
      code: `resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in ['a.example', 'b.example', 'c.example']: {
  name: name
  location: [|'westeurope'|]
}]
`,
      errors: [{ messageId: 'zone' }],
      output: edited(['westeurope', 'global']),
    },
  ],
});

// set-location-global: the value replaced in place, whatever expression it was, comments kept.
const zoneWithComment = (value: string) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: ${value} // keep this comment
}
`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: a region literal',
      code: zoneWithComment("[|'westeurope'|]"),
      errors: [{ messageId: 'zone' }],
      fixTitle: /^Set location to 'global'$/,
      output: zoneWithComment("'global'"),
    },
    {
      name: 'Bicep: resourceGroup().location',
      code: zoneWithComment('[|resourceGroup().location|]'),
      errors: [{ messageId: 'zone' }],
      output: zoneWithComment("'global'"),
    },
    {
      name: 'Bicep: zones in a loop share the location expression; global is right for each',
      code: `param location string = resourceGroup().location\nresource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in [ 'a.example' ]: {\n  name: name\n  location: [|location|]\n}]\n`,
      errors: [{ messageId: 'zone' }],
      output: edited(['location: location', "location: 'global'"]),
    },
    {
      name: 'ARM: an expression string',
      code: armBlobZone('[|"[resourceGroup().location]"|]'),
      errors: [{ messageId: 'zone' }],
      output: armBlobZone('"global"'),
    },
  ],
});
