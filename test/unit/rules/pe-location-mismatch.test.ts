import rule from '../../../server/src/rules/pe-location-mismatch';
import { arm as armTemplate, armEndpointIn, armSubnetId, armVnetWithSubnets } from '../../support/arm-fixtures';
import { bicepEndpoint, bicepVnet, oneLineSubnet, vnetWithChildSubnet } from '../../support/bicep-network';
import { edited, ruleTests, type InvalidCase, type ValidCase } from '../../support/rule-test';

/** A VNet in `vnetLocation` with one inline subnet and a private endpoint in `peLocation` (Bicep expressions). */
const network = (vnetLocation: string, peLocation: string, head = '', vnetIf = '', endpointIf = '') =>
  bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24'), { location: vnetLocation, head, condition: vnetIf }) +
  bicepEndpoint('vnet.properties.subnets[0].id', [], { location: peLocation, condition: endpointIf });

/** A Key Vault module of the registry in `location` whose endpoint entry (with `entryExtra`) is in the VNet's subnet. */
const avmVault = (location: string, entryExtra = '') =>
  bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24'), { location: "'northeurope'" }) +
  `module kv 'br/public:avm/res/key-vault/vault:0.11.0' = {
  name: 'kv'
  params: {
    name: 'kv-app'
    location: ${location}
    privateEndpoints: [ { subnetResourceId: vnet.properties.subnets[0].id${entryExtra} } ]
  }
}
`;

ruleTests(rule, {
  valid: [
    {
      name: "AVM: an endpoint entry without location is not taken to be in the module's location (FACTS §17 does not say)",
      code: avmVault("'westeurope'"),
    },
    { name: 'same literal region', code: network("'westeurope'", "'westeurope'") },
    {
      name: 'one location parameter for both',
      code: network('location', 'location', "param location string = 'westeurope'\n"),
    },
    { name: 'resourceGroup().location on both', code: network('resourceGroup().location', 'resourceGroup().location') },
    {
      name: "a case and space difference is not certainly another region ('West Europe')",
      code: network("'West Europe'", "'westeurope'"),
    },
    { name: 'an unknown VNet location', code: network('where', "'eastus'", 'param where string\n') },
    { name: 'a blank VNet location names no region', code: network("''", "'eastus'") },
    {
      name: "a VNet in 'global' names no region: no location to move the endpoint to",
      code: network("'global'", "'eastus'"),
    },
    { name: 'a region that is unknown but certainly a region', code: network('resourceGroup().location', "'eastus'") },
    {
      name: 'a VNet whose condition is unknown cannot cause a finding',
      code: network("'westeurope'", "'eastus'", 'param deploy bool\n', 'if (deploy) '),
    },
    {
      name: 'an endpoint whose condition is unknown cannot cause a finding',
      code: network("'westeurope'", "'eastus'", 'param deploy bool\n', '', 'if (deploy) '),
    },
    {
      name: 'a subnet outside the analysed files',
      code: `resource pe 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: 'pe-kv'
  location: 'eastus'
  properties: { subnet: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-pe' } }
}
`,
    },
  ],
  invalid: [
    {
      name: 'literal regions that differ',
      code: network("'westeurope'", "[|'eastus'|]"),
      errors: [
        {
          messageId: 'mismatch',
          level: 'error',
          message: /'pe-kv' is in 'eastus' but its VNet 'vnet-spoke' is in 'westeurope'/,
        },
      ],
      output: edited(['eastus', 'westeurope']),
    },
    {
      name: 'a parameter default against a literal',
      code: network('location', "[|'northeurope'|]", "param location string = 'westeurope'\n"),
      errors: [{ messageId: 'mismatch' }],
      output: edited(["'northeurope'", 'location']),
    },
    {
      name: 'a child subnet resource, the endpoint in a module',
      code: `//- /main.bicep
${vnetWithChildSubnet("'snet-pe'", "addressPrefix: '10.1.1.0/24'")}module ep 'ep.bicep' = {
  name: 'ep'
  params: { subnetId: snet.id }
}
//- /ep.bicep
param subnetId string
${bicepEndpoint('subnetId', [], { location: "[|'swedencentral'|]" })}`,
      errors: [{ messageId: 'mismatch' }],
      output: edited(['swedencentral', 'westeurope']),
    },
    {
      name: 'AVM: an endpoint entry in another region than its VNet',
      code: avmVault("'westeurope'", ", location: [|'westeurope'|]"),
      errors: [{ messageId: 'mismatch', message: /is in 'westeurope' but its VNet 'vnet-spoke' is in 'northeurope'/ }],
    },
    {
      name: "the endpoint's location a parameter its caller sets: reported, without a fix that would write one region over it",
      code: `//- /main.bicep
${bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24'))}module ep 'ep.bicep' = {
  name: 'ep'
  params: { subnetId: vnet.properties.subnets[0].id, location: 'northeurope' }
}
//- /ep.bicep
param subnetId string
param location string
${bicepEndpoint('subnetId', [], { location: '[|location|]' })}`,
      errors: [{ messageId: 'mismatch', message: /is in 'northeurope' but its VNet 'vnet-spoke' is in 'westeurope'/ }],
      output: null,
    },
    {
      name: "the VNet in a module whose location its caller passes: reported, without writing one parameter file's region",
      code: `//- /main.bicep
param location string
module net 'vnet.bicep' = {
  name: 'net'
  params: { location: location }
}
${bicepEndpoint('net.outputs.subnetId', [], { location: "[|'westeurope'|]" })}//- /main.bicepparam
using 'main.bicep'
param location = 'northeurope'
//- /vnet.bicep
param location string
${bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24'), { location: 'location' })}output subnetId string = vnet.properties.subnets[0].id
`,
      errors: [{ messageId: 'mismatch', message: /is in 'westeurope' but its VNet 'vnet-spoke' is in 'northeurope'/ }],
      output: null,
    },
    {
      name: 'a loop of endpoints gives one finding',
      code:
        bicepVnet(oneLineSubnet('snet-pe', '10.1.1.0/24')) +
        bicepEndpoint('vnet.properties.subnets[0].id', [], {
          name: 'pe-${name}',
          location: "[|'eastus'|]",
          condition: "[for name in [ 'a', 'b' ]: ",
        }),
      errors: [{ messageId: 'mismatch' }],
      output: edited(['eastus', 'westeurope']),
    },
  ],
});

// ARM JSON: a VNet with an inline subnet and an endpoint referring to it by resourceId().
const arm = (vnetLocation: string, peLocation: string, parameters = '{}') =>
  armTemplate(
    `${armVnetWithSubnets(`          { "name": "snet-pe", "properties": { "addressPrefix": "10.1.1.0/24" } }`, { location: vnetLocation })},
${armEndpointIn(armSubnetId('vnet-spoke', 'snet-pe'), { location: peLocation })}`,
    parameters,
  );

const armCases: { valid: ValidCase[]; invalid: InvalidCase[] } = {
  valid: [
    {
      name: 'ARM: one location parameter for both',
      code: arm(
        '"[parameters(\'location\')]"',
        '"[parameters(\'location\')]"',
        '{ "location": { "type": "string", "defaultValue": "westeurope" } }',
      ),
    },
    { name: 'ARM: resourceGroup().location against a literal', code: arm('"[resourceGroup().location]"', '"eastus"') },
  ],
  invalid: [
    {
      name: 'ARM: literal regions that differ',
      code: arm('"westeurope"', '[|"eastus"|]'),
      errors: [{ messageId: 'mismatch' }],
      output: edited(['eastus', 'westeurope']),
    },
  ],
};
ruleTests(rule, armCases);

// use-vnet-location: the VNet's own location expression written on the endpoint.
ruleTests(rule, {
  valid: [],
  invalid: [
    {
      name: "Bicep: the VNet's own location expression",
      code: network('vnetLocation', "[|'eastus'|]", "param vnetLocation string = 'westeurope'\n"),
      errors: [{ messageId: 'mismatch' }],
      fixTitle: /^Use the virtual network's location$/,
      output: network('vnetLocation', 'vnetLocation', "param vnetLocation string = 'westeurope'\n"),
    },
    {
      name: "ARM: the VNet's expression",
      code: arm(
        `"[parameters('location')]"`,
        '[|"eastus"|]',
        '{ "location": { "type": "string", "defaultValue": "westeurope" } }',
      ),
      errors: [{ messageId: 'mismatch' }],
      output: edited(['"location": "eastus"', `"location": "[parameters('location')]"`]),
    },
  ],
});
