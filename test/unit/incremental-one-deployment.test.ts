// Issue 16 item 2, the edge of the join index: a workspace of one deployment keeps no index of created
// ids (it can join nothing), so going from one deployment to two and back must still answer what a
// fresh analysis answers: the spoke joins the hub's VNet when the hub's file arrives, and loses it when
// the file goes.
import { test } from 'node:test';
import { bicepPeering, bicepVnet } from '../support/bicep-network';
import { assertIncrementalEqualsFresh, typeIntoName, type Edit, type Files } from '../support/incremental-equivalence';

const subscription = '00000000-0000-0000-0000-000000000000';

/**
 * A root that deploys, into resource group `group`, a VNet `name` over `space` peered to the VNet `remote`
 * of resource group `remoteGroup` (an id written out from names: it joins that VNet when it is deployed).
 */
function peeredVnetIn(
  group: string,
  name: string,
  space: string,
  remoteGroup: string,
  remote: string,
): [string, string][] {
  const remoteId = `resourceId('${subscription}', '${remoteGroup}', 'Microsoft.Network/virtualNetworks', '${remote}')`;
  return [
    [
      `file:///w/${name}-root.bicep`,
      `module deployed '${name}.bicep' = {\n  name: 'deployed'\n  scope: resourceGroup('${subscription}', '${group}')\n}\n`,
    ],
    [
      `file:///w/${name}.bicep`,
      bicepVnet(undefined, { name, space: `'${space}'` }) + bicepPeering('peering', 'vnet', remoteId),
    ],
  ];
}
const hubFiles = peeredVnetIn('rg-hub', 'vnet-hub', '10.0.0.0/16', 'rg-spoke', 'vnet-spoke');
const spokeFiles = peeredVnetIn('rg-spoke', 'vnet-spoke', '10.0.0.0/24', 'rg-hub', 'vnet-hub');

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
