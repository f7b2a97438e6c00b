// set-location-global (dns-zone-location) and set-registration-disabled (dns-zone-link-registration):
// the value replaced in place, whatever expression it was, in Bicep and ARM.
import location from '../../../server/src/rules/dns-zone-location';
import registration from '../../../server/src/rules/dns-zone-link-registration';
import { ruleTests } from '../../support/rule-test';

const zone = (value: string) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: ${value} // keep this comment
}
`;
const armZone = (value: string, link = '') => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/privateDnsZones",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net",
      "location": ${value}
    }${link}
  ]
}
`;

ruleTests(location, {
  valid: [],
  invalid: [
    { name: 'Bicep: a region literal', code: zone("[|'westeurope'|]"), errors: [{ messageId: 'zone' }], fixTitle: /^Set location to 'global'$/, output: zone("'global'") },
    { name: 'Bicep: resourceGroup().location', code: zone('[|resourceGroup().location|]'), errors: [{ messageId: 'zone' }], output: zone("'global'") },
    {
      name: 'Bicep: zones in a loop share the location expression; global is right for each',
      code: `param location string = resourceGroup().location\nresource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in [ 'a.example' ]: {\n  name: name\n  location: [|location|]\n}]\n`,
      errors: [{ messageId: 'zone' }],
      output: `param location string = resourceGroup().location\nresource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in [ 'a.example' ]: {\n  name: name\n  location: 'global'\n}]\n`,
    },
    { name: 'ARM: an expression string', code: armZone('[|"[resourceGroup().location]"|]'), errors: [{ messageId: 'zone' }], output: armZone('"global"') },
  ],
});

const link = (value: string) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: 'privatelink.vaultcore.azure.net'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-hub'
  location: 'global'
  properties: { registrationEnabled: ${value}, virtualNetwork: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub' } }
}
`;

ruleTests(registration, {
  valid: [],
  invalid: [
    { name: 'Bicep: true becomes false', code: link('[|true|]'), errors: [{ messageId: 'registration' }], fixTitle: /^Set registrationEnabled to false$/, output: link('false') },
    {
      name: 'ARM: true becomes false',
      code: armZone('"global"', `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net/link-hub",
      "location": "global",
      "properties": { "registrationEnabled": [|true|], "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub" } }
    }`),
      errors: [{ messageId: 'registration' }],
      output: armZone('"global"', `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net/link-hub",
      "location": "global",
      "properties": { "registrationEnabled": false, "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub" } }
    }`),
    },
  ],
});
