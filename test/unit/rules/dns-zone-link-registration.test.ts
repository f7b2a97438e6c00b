import rule from '../../../server/src/rules/dns-zone-link-registration';
import { armBlobZone } from '../../support/dns-fixtures';
import { edited, ruleTests } from '../../support/rule-test';

const zone = (
  name = 'privatelink.blob.core.windows.net',
  existing = false,
) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' ${existing ? 'existing ' : ''}= {
  name: '${name}'${existing ? '' : "\n  location: 'global'"}
}
`;

/** A link `link` on `zone` (or named in full by `name`); `registration` is the property's value text. */
const link = (
  registration: string,
  head = '',
  parent = "parent: zone\n  name: 'link-hub'",
) => `resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = ${head}{
  ${parent}
  location: 'global'
  properties: {
    registrationEnabled: ${registration}
    virtualNetwork: { id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub') }
  }
}
`;

ruleTests(rule, {
  valid: [
    { name: 'a privatelink zone link without registration', code: zone() + link('false') },
    { name: 'registration on a zone that is not a privatelink zone', code: zone('contoso.internal') + link('true') },
    { name: 'an unknown registration value', code: `param register bool\n${zone()}${link('register')}` },
    { name: 'a link that may not be deployed', code: `param linkIt bool\n${zone()}${link('true', 'if (linkIt) ')}` },
    { name: 'an unknown zone name', code: `param zoneName string\n${zone('${zoneName}')}${link('true')}` },
    {
      name: 'a link named in full with an unknown zone name',
      code: `param zoneName string\n${link('true', '', "name: '${zoneName}/link-hub'")}`,
    },
  ],
  invalid: [
    {
      name: 'registration on a privatelink zone',
      code: zone() + link('[|true|]'),
      errors: [
        {
          messageId: 'registration',
          level: 'warning',
          message:
            /^VNet link 'privatelink\.blob\.core\.windows\.net\/link-hub' turns on auto-registration in private link zone 'privatelink\.blob\.core\.windows\.net'/,
        },
      ],
      output: edited(['registrationEnabled: true', 'registrationEnabled: false']),
    },
    {
      name: 'a link named in full, without a declared zone',
      code: link('[|true|]', '', "name: 'privatelink.vaultcore.azure.net/link-hub'"),
      errors: [{ messageId: 'registration', message: /'privatelink\.vaultcore\.azure\.net'/ }],
      output: edited(['registrationEnabled: true', 'registrationEnabled: false']),
    },
    {
      name: 'a link on an existing privatelink zone (the link is ours)',
      code: zone('privatelink.vaultcore.azure.net', true) + link('[|true|]'),
      errors: [{ messageId: 'registration' }],
      output: edited(['registrationEnabled: true', 'registrationEnabled: false']),
    },
    {
      name: 'a privatelink-global zone (Azure Virtual Desktop)',
      code: zone('privatelink-global.wvd.microsoft.com') + link('[|true|]'),
      errors: [{ messageId: 'registration' }],
      output: edited(['registrationEnabled: true', 'registrationEnabled: false']),
    },
    {
      // A caller or parameter file may set it for a zone where registration is right: no literal overrules it.
      name: 'a parameter whose default is true: found, with no fix',
      code: `param register bool = true\n${zone()}${link('[|register|]')}`,
      errors: [{ messageId: 'registration' }],
      output: null,
    },
  ],
});

// ARM JSON: the same cases in a deployment template (the marker sits on the property's value).
const arm = (zone: string, registration: string) => `//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "${zone}/link-hub",
      "location": "global",
      "properties": {
        "registrationEnabled": ${registration},
        "virtualNetwork": { "id": "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]" }
      }
    }
  ]
}
`;

const armCases = {
  valid: [
    { name: 'ARM: registration on a zone that is not a privatelink zone', code: arm('contoso.internal', 'true') },
    {
      name: 'ARM: a privatelink zone link without registration',
      code: arm('privatelink.blob.core.windows.net', 'false'),
    },
  ],
  invalid: [
    {
      name: 'ARM: registration on a privatelink zone',
      code: arm('privatelink.blob.core.windows.net', '[|true|]'),
      errors: [{ messageId: 'registration' }],
      output: edited([': true', ': false']),
    },
    {
      name: 'ARM: a parameter defaulting to true: found, with no fix (a parameter file may set it)',
      code: arm('privatelink.blob.core.windows.net', `[|"[parameters('register')]"|]`).replace(
        '"contentVersion": "1.0.0.0",',
        '"contentVersion": "1.0.0.0",\n  "parameters": { "register": { "type": "bool", "defaultValue": true } },',
      ),
      errors: [{ messageId: 'registration' }],
      output: null,
    },
  ],
};
ruleTests(rule, armCases);

// set-registration-disabled: the value replaced in place, in Bicep and ARM.

const hubLink = (value: string) => `resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: 'privatelink.vaultcore.azure.net'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: zone
  name: 'link-hub'
  location: 'global'
  properties: { registrationEnabled: ${value}, virtualNetwork: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub' } }
}
`;

const armLinkHub = (value: string) => `,
    {
      "type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      "apiVersion": "2024-06-01",
      "name": "privatelink.blob.core.windows.net/link-hub",
      "location": "global",
      "properties": { "registrationEnabled": ${value}, "virtualNetwork": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/hub" } }
    }`;

ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: 'Bicep: true becomes false',
      code: hubLink('[|true|]'),
      errors: [{ messageId: 'registration' }],
      fixTitle: /^Set registrationEnabled to false$/,
      output: hubLink('false'),
    },
    {
      name: 'ARM: true becomes false',
      code: armBlobZone('"global"', armLinkHub('[|true|]')),
      errors: [{ messageId: 'registration' }],
      output: armBlobZone('"global"', armLinkHub('false')),
    },
  ],
});
