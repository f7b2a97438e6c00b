// Facts lost through modules and odd ids (issue 14, class 6): a subnet whose VNet name comes from another
// module's output keeps its subnet checks, and `resourceId('Microsoft.Network/virtualNetworks/', name)`
// (a trailing slash ARM accepts) resolves like the form without it, so the peering rules see the VNet.
import peeringReverseMissing from '../../../server/src/rules/peering-reverse-missing';
import subnetSize from '../../../server/src/rules/subnet-size';
import vnetAddressOverlap from '../../../server/src/rules/vnet-address-overlap';
import { arm, armHubAndSpoke, armPeering, armReverse } from '../../support/arm-fixtures';
import { ruleTests } from '../../support/rule-test';

/** A caller that deploys a VNet module and a Bastion subnet module named after the VNet module's output. */
const bastionThroughModules = (prefix: string, subnetSymbol = 'snet') => `//- /main.bicep
module vnet 'vnet.bicep' = {
  name: 'vnet'
}
module bastion 'bastion.bicep' = {
  name: 'bastion'
  params: {
    vnetName: vnet.outputs.name
    prefix: '${prefix}'
  }
}
//- /vnet.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-\${uniqueString(resourceGroup().id)}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
output name string = vnet.name
//- /bastion.bicep
param vnetName string
param prefix string
resource ${subnetSymbol} 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  name: '\${vnetName}/AzureBastionSubnet'
  properties: { addressPrefix: ${prefix.startsWith('[|') ? prefix : 'prefix'} }
}
resource pip 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-bastion'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}
resource host 'Microsoft.Network/bastionHosts@2024-05-01' = {
  name: 'bas'
  location: 'westeurope'
  properties: {
    ipConfigurations: [ { name: 'ip', properties: { subnet: { id: ${subnetSymbol}.id }, publicIPAddress: { id: pip.id } } } ]
  }
}
`;

/** An ARM Bastion subnet whose VNet name is a parameter without default (as a nested deployment's output would be). */
const armBastion = (prefix: string) =>
  arm(
    `    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2024-05-01",
      "name": "[concat(parameters('vnetName'), '/AzureBastionSubnet')]",
      "properties": { "addressPrefix": ${prefix} }
    }`,
    '{ "vnetName": { "type": "string" } }',
  );

ruleTests(subnetSize, {
  valid: [
    {
      name: 'modules (class 6): a /26 AzureBastionSubnet named after a module output',
      code: bastionThroughModules('10.0.1.0/26'),
    },
    {
      name: 'ARM modules (class 6): a /26 AzureBastionSubnet of a VNet named by a parameter',
      code: armBastion('"10.0.1.0/26"'),
    },
  ],
  invalid: [
    {
      name: 'modules (class 6): a /27 AzureBastionSubnet named after a module output',
      code: bastionThroughModules('10.0.1.0/27').replace('addressPrefix: prefix', 'addressPrefix: [|prefix|]'),
      errors: [
        {
          messageId: 'dedicated',
          message: /is a \/27 \('10\.0\.1\.0\/27'\); AzureBastionSubnet must be a \/26 or larger/,
        },
      ],
    },
    {
      name: 'ARM modules (class 6): a /27 AzureBastionSubnet of a VNet named by a parameter',
      code: armBastion('[|"10.0.1.0/27"|]'),
      errors: [{ messageId: 'dedicated' }],
    },
  ],
});

/** `resourceId()` with the trailing slash ARM accepts after the type. */
const slashId = (name: string) => `"[resourceId('Microsoft.Network/virtualNetworks/', '${name}')]"`;
const hubToSpoke = (mark = false) => armPeering('vnet-hub', 'hub-to-spoke', slashId('vnet-spoke'), { mark });
const spokeToHub = (mark = false) => armPeering('vnet-spoke', 'spoke-to-hub', slashId('vnet-hub'), { mark });
/** vnet-hub (10.0.0.0/16) and vnet-spoke over `spoke`, peered by ids with the trailing slash. */
const slashed = (spoke: string, ...peerings: string[]) => armHubAndSpoke('"10.0.0.0/16"', spoke, ...peerings);

ruleTests(peeringReverseMissing, {
  valid: [
    {
      name: 'odd ids (class 6): a trailing-slash resourceId() finds the reverse peering',
      code: slashed('"10.1.0.0/16"', hubToSpoke(), spokeToHub()),
    },
  ],
  invalid: [
    {
      name: 'odd ids (class 6): a trailing-slash resourceId() names a VNet of the template',
      code: slashed('"10.1.0.0/16"', hubToSpoke(true)),
      errors: [{ messageId: 'missing', message: /connects 'vnet-hub' to 'vnet-spoke'/ }],
      output: slashed('"10.1.0.0/16"', armReverse(), hubToSpoke()),
    },
  ],
});

ruleTests(vnetAddressOverlap, {
  valid: [
    {
      name: 'odd ids (class 6): trailing-slash ids between VNets that do not overlap',
      code: slashed('"10.1.0.0/16"', hubToSpoke(), spokeToHub()),
    },
  ],
  invalid: [
    {
      name: 'odd ids (class 6): trailing-slash ids between overlapping VNets',
      code: slashed('"10.0.128.0/17"', hubToSpoke(true), spokeToHub(true)),
      errors: [{ messageId: 'overlap' }, { messageId: 'overlap' }],
    },
  ],
});
