// Every reference form of DESIGN §2 resolves by identity in Bicep: symbols, existing resources,
// parent:, nested children and `::`, inline collections, interpolated and resourceId() ids,
// module outputs, parameter files, loops, conditions and scopes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { workspaceModel } from '../../server/src/engine/analyze';
import { displayValue } from '../../server/src/model/json';
import type { NetworkModel, Reference } from '../../server/src/model/types';
import { fixtureHost, splitFixture } from '../support/fixture';

async function modelOf(fixture: string): Promise<NetworkModel> {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  return workspaceModel(workspace, undefined);
}

function targetName<T extends { name: unknown }>(reference: Reference<T> | undefined): string {
  if (!reference) return 'none';
  return reference.resolved ? displayValue(reference.target.name as never) : `unresolved:${reference.reason}`;
}

const vnet = `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24' } }
      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } }
    ]
  }
}
`;
const pe = (
  subnetId: string,
  name = 'pe-x',
) => `resource pe${name.replace(/\W/g, '')} 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: {
    subnet: { id: ${subnetId} }
    privateLinkServiceConnections: []
  }
}
`;

describe('Bicep reference forms', () => {
  test('inline collection by index, interpolated id and resourceId() reach the same subnet', async () => {
    const model = await modelOf(
      vnet +
        pe('vnet.properties.subnets[1].id', 'pe-index') +
        pe("'${vnet.id}/subnets/snet-pe'", 'pe-interpolated') +
        pe("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')", 'pe-resourceid'),
    );
    assert.equal(model.subnets.length, 2);
    assert.deepEqual(
      model.privateEndpoints.map((e) => targetName(e.subnet)),
      ['snet-pe', 'snet-pe', 'snet-pe'],
    );
    assert.equal(model.subnets[1].privateEndpoints.length, 3);
  });

  test('child subnet with parent:, existing VNet and a symbol reference', async () => {
    const model = await modelOf(`resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'
}
resource snet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  parent: hub
  name: 'snet-pe'
  properties: { addressPrefix: '10.0.1.0/24' }
}
${pe('snet.id')}`);
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'vnet-hub/snet-pe');
    assert.equal(displayValue(model.subnets[0].vnet?.name), 'vnet-hub');
    assert.equal(model.vnets[0].decl.existing, true);
  });

  test('nested child resource and parent::child access', async () => {
    const model = await modelOf(`resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-a'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.2.0.0/16'] } }
  resource snet 'subnets' = {
    name: 'snet-pe'
    properties: { addressPrefix: '10.2.0.0/24' }
  }
}
${pe('vnet::snet.id')}`);
    assert.equal(model.subnets[0].decl.type, 'Microsoft.Network/virtualNetworks/subnets');
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'vnet-a/snet-pe');
  });

  test('nested peerings of two VNets that name each other both resolve (a nested resource is no part of its parent)', async () => {
    const vnetPeeredTo = (
      symbol: string,
      name: string,
      remote: string,
    ) => `resource ${symbol} 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.${symbol === 'hub' ? 0 : 1}.0.0/16'] } }
  resource peering 'virtualNetworkPeerings' = {
    name: 'to-${remote}'
    properties: { remoteVirtualNetwork: { id: ${remote}.id } }
  }
}
`;
    const model = await modelOf(vnetPeeredTo('hub', 'vnet-hub', 'spoke') + vnetPeeredTo('spoke', 'vnet-spoke', 'hub'));
    assert.deepEqual(
      model.peerings.map((peering) => `${displayValue(peering.name)} -> ${targetName(peering.remote)}`).sort(),
      ['vnet-hub/to-spoke -> vnet-spoke', 'vnet-spoke/to-hub -> vnet-hub'],
    );
  });

  test('module outputs flow back to the caller', async () => {
    const model = await modelOf(`//- /main.bicep
module net 'net.bicep' = {
  name: 'net'
  params: { vnetName: 'vnet-m' }
}
${pe('net.outputs.peSubnetId')}
//- /net.bicep
param vnetName string
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.3.0.0/16'] }
    subnets: [ { name: 'snet-pe', properties: { addressPrefix: '10.3.0.0/24' } } ]
  }
}
output peSubnetId string = vnet.properties.subnets[0].id
`);
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'snet-pe');
    assert.equal(model.privateEndpoints[0].decl.via.length, 0);
    assert.equal(model.vnets[0].decl.via.length, 1, 'the VNet is reached through the module call');
  });

  test('a .bicepparam file binds its template; unbound parameters stay unknown with one key', async () => {
    const model = await modelOf(`//- /main.bicep
param vnetName string
param otherName string
resource a 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.4.0.0/16'] } }
}
resource b 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' = {
  name: '\${otherName}/snet'
  properties: { addressPrefix: '10.4.0.0/24' }
}
//- /main.bicepparam
using 'main.bicep'
param vnetName = 'vnet-from-params'
`);
    assert.equal(displayValue(model.vnets[0].name), 'vnet-from-params');
    assert.ok(!model.subnets[0].vnet, 'a subnet of an unknown VNet is not guessed onto another');
  });

  test('a .bicepparam file that extends another takes its assignments, its own winning; an unread base leaves the rest unknown', async () => {
    const template = `//- /main.bicep
param vnetName string = 'vnet-default'
param prefix string = '10.9.0.0/16'
resource a 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ prefix ] } }
}
`;
    const model = await modelOf(`${template}//- /base.bicepparam
using none
param vnetName = 'vnet-base'
param prefix = '10.5.0.0/16'
//- /prod.bicepparam
using 'main.bicep'
extends 'base.bicepparam'
param prefix = '10.6.0.0/16'
`);
    const vnets = model.vnets.map((vnet) => `${displayValue(vnet.name)} ${displayValue(vnet.addressPrefixes)}`);
    assert.ok(vnets.includes('vnet-base ["10.6.0.0/16"]'), vnets.join(' | '));
    const missingBase = await modelOf(`${template}//- /prod.bicepparam
using 'main.bicep'
extends 'base.bicepparam'
param prefix = '10.6.0.0/16'
`);
    const names = missingBase.vnets.map((vnet) => displayValue(vnet.name));
    assert.ok(
      !names.includes('vnet-default'),
      `the default is not taken where a base may assign: ${names.join(' | ')}`,
    );
  });

  test('loops with known items expand; conditions that are false create nothing', async () => {
    // A deployer's switch (`param deployExtra bool = false`) would make vnet-extra maybe deployed
    // (caller-choices.test.ts); a variable fixes it.
    const model = await modelOf(`var deployExtra = false
var names = ['a', 'b', 'c']
resource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for (n, i) in names: {
  name: 'vnet-\${n}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.\${i}.0.0/16'] } }
}]
resource extra 'Microsoft.Network/virtualNetworks@2024-05-01' = if (deployExtra) {
  name: 'vnet-extra'
  location: 'westeurope'
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnets[0]
  name: 'a-to-c'
  properties: { remoteVirtualNetwork: { id: vnets[2].id } }
}`);
    assert.deepEqual(
      model.vnets.map((v) => displayValue(v.name)),
      ['vnet-a', 'vnet-b', 'vnet-c'],
    );
    assert.deepEqual(
      model.vnets.map((v) => v.decl.count),
      [3, 3, 3],
    );
    assert.equal(displayValue(model.peerings[0].local?.name), 'vnet-a');
    assert.equal(targetName(model.peerings[0].remote), 'vnet-c');
  });

  test('a reference to something outside the files, or to an unknown value, says why', async () => {
    const model = await modelOf(`param subnetId string
${pe("resourceId('rg-other', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet')", 'pe-outside')}
${pe('subnetId', 'pe-unknown')}`);
    assert.deepEqual(
      model.privateEndpoints.map((e) => targetName(e.subnet)),
      ['unresolved:outside', 'unresolved:unknown'],
    );
  });

  test('a reference written null names nothing (a ternary that attaches no NSG to the gateway subnet)', async () => {
    const model = await modelOf(`resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-default'
  location: 'westeurope'
}
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [for name in [ 'GatewaySubnet', 'snet-mgmt' ]: {
      name: name
      properties: {
        addressPrefix: name == 'GatewaySubnet' ? '10.0.0.0/27' : '10.0.1.0/24'
        networkSecurityGroup: name == 'GatewaySubnet' ? null : { id: nsg.id }
      }
    }]
  }
}
`);
    assert.deepEqual(
      model.subnets.map((subnet) => `${displayValue(subnet.name as never)} ${targetName(subnet.nsg)}`),
      ['GatewaySubnet none', 'snet-mgmt nsg-default'],
    );
  });

  test('an existing resource scoped to an existing resource group symbol has the id of the one a module deploys there', async () => {
    const model = await modelOf(`//- /main.bicep
resource hubRg 'Microsoft.Resources/resourceGroups@2024-03-01' existing = {
  scope: subscription()
  name: 'rg-hub'
}
module hubnet 'hubnet.bicep' = {
  name: 'hubnet'
  scope: hubRg
}
resource hubVnet 'Microsoft.Network/virtualNetworks@2023-11-01' existing = {
  scope: hubRg
  name: 'vnet-hub'
}
resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.vaultcore.azure.net'
  location: 'global'
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: 'link-hub'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: hubVnet.id } }
}
//- /hubnet.bicep
resource hub 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
`);
    const link = model.vnetLinks[0].vnet;
    assert.ok(link?.resolved && !link.target.decl.existing, 'the link reaches the VNet the module creates');
    assert.match(
      displayValue(model.vnets[0].id),
      /\/resourceGroups\/rg-hub\/providers\/Microsoft\.Network\/virtualNetworks\/vnet-hub$/,
    );
  });

  test('a module scoped to another resource group deploys there', async () => {
    const model = await modelOf(`//- /main.bicep
module spoke 'vnet.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke')
}
resource peer 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  name: 'vnet-hub/to-spoke'
  properties: { remoteVirtualNetwork: { id: resourceId('rg-spoke', 'Microsoft.Network/virtualNetworks', 'vnet-s') } }
}
//- /vnet.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-s'
  location: 'westeurope'
}
`);
    assert.match(displayValue(model.vnets[0].id), /\/resourceGroups\/rg-spoke\//);
    assert.equal(targetName(model.peerings[0].remote), 'vnet-s');
  });
});
