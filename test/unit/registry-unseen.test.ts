// Registry modules nobody can see into (issue 15, item 5): the model the topology view gets names
// each call neither cached nor modelled, with its file and line, so the page draws an opaque box.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unseenModulesJson } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { fixtureHost, splitFixture } from '../support/fixture';

const fixture = `//- /main.bicep
module site 'br:contoso.azurecr.io/bicep/app:1.0.0' = {
  name: 'site'
}

module vnet 'br/public:avm/res/network/virtual-network:0.7.0' = {
  name: 'vnet'
  params: { name: 'vnet-hub', addressPrefixes: ['10.0.0.0/16'] }
}
//- /other.bicep
resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
}
`;

test('calls neither cached nor modelled are listed for the drawing, by file and line, in the files shown', async () => {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const main = [...files.keys()].find((uri) => uri.endsWith('/main.bicep'))!;
  const other = [...files.keys()].find((uri) => uri.endsWith('/other.bicep'))!;
  // A private registry's module has no interface model; the AVM virtual network module has one.
  assert.deepEqual(await unseenModulesJson(workspace, undefined), {
    unseenModules: [{ reference: 'br:contoso.azurecr.io/bicep/app:1.0.0', file: main, line: 1 }],
  });
  assert.deepEqual(await unseenModulesJson(workspace, main), {
    unseenModules: [{ reference: 'br:contoso.azurecr.io/bicep/app:1.0.0', file: main, line: 1 }],
  });
  assert.deepEqual(await unseenModulesJson(workspace, other), {}, 'not in the deployments of other.bicep');
});
