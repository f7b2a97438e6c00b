// Issue 16 item 2, the edge of the join index: a workspace of one deployment keeps no index of created
// ids (it can join nothing), so going from one deployment to two and back must still answer what a
// fresh analysis answers: the spoke joins the hub's VNet when the hub's file arrives, and loses it when
// the file goes.
import { test } from 'node:test';
import { assertIncrementalEqualsFresh, typeIntoName, type Edit, type Files } from '../support/incremental-equivalence';

const subscription = '00000000-0000-0000-0000-000000000000';
const inGroup = (group: string, module: string) => `module deployed '${module}' = {
  name: 'deployed'
  scope: resourceGroup('${subscription}', '${group}')
}
`;
const vnet = (
  name: string,
  prefix: string,
  remoteId: string,
) => `resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '${name}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '${prefix}' ] } }
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-09-01' = {
  parent: vnet
  name: 'to-other'
  properties: { remoteVirtualNetwork: { id: ${remoteId} } }
}
`;
const hubFiles: [string, string][] = [
  ['file:///w/hub.bicep', inGroup('rg-hub', 'hub-vnet.bicep')],
  [
    'file:///w/hub-vnet.bicep',
    vnet(
      'vnet-hub',
      '10.0.0.0/16',
      `resourceId('${subscription}', 'rg-spoke', 'Microsoft.Network/virtualNetworks', 'vnet-spoke')`,
    ),
  ],
];
const spokeFiles: [string, string][] = [
  ['file:///w/spoke.bicep', inGroup('rg-spoke', 'spoke-vnet.bicep')],
  [
    'file:///w/spoke-vnet.bicep',
    vnet(
      'vnet-spoke',
      '10.0.0.0/24',
      `resourceId('${subscription}', 'rg-hub', 'Microsoft.Network/virtualNetworks', 'vnet-hub')`,
    ),
  ],
];

/** Takes the hub's deployment away, or brings it back: one deployment, then two, then one. */
const toggleHub: Edit = (files: Files) => {
  const [[root]] = hubFiles;
  if (files.has(root)) {
    for (const [uri] of hubFiles) files.delete(uri);
    return 'remove the hub';
  }
  for (const [uri, text] of hubFiles) files.set(uri, text);
  return 'add the hub';
};

test('one deployment, then two joined through an existing VNet, then one again: as a fresh analysis', async () => {
  const initial: Files = new Map(spokeFiles);
  for (const seed of [1, 2, 3])
    await assertIncrementalEqualsFresh(initial, [toggleHub, toggleHub, typeIntoName], 12, seed);
});
