// Compile-time imports bring values: a named import's variable and function, and a namespace import's
// (`import * as shared`) variables and functions, evaluate as if written in the importing file.
import assert from 'node:assert/strict';
import test from 'node:test';
import { workspaceModel } from '../../server/src/engine/analyze';
import { Workspace } from '../../server/src/engine/workspace';
import { displayValue } from '../../server/src/model/json';
import { fixtureHost, splitFixture } from '../support/fixture';

const shared = `//- /shared.bicep
@export()
var hubCidr = '10.0.0.0/16'
@export()
func spokeName(i int) string => 'vnet-spoke-\${padLeft(string(i), 2, '0')}'
`;

async function vnets(main: string): Promise<{ name: string; prefixes: unknown }[]> {
  const files = splitFixture(`${shared}//- /main.bicep\n${main}`);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const model = await workspaceModel(workspace, undefined);
  return model.vnets.map((vnet) => ({ name: displayValue(vnet.name), prefixes: vnet.addressPrefixes }));
}

const vnet = (name: string, prefix: string) => `resource v 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: ${name}
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ ${prefix} ] } }
}
`;

test("a named import's variable and function", async () => {
  assert.deepEqual(
    await vnets(`import { hubCidr, spokeName } from 'shared.bicep'\n${vnet('spokeName(3)', 'hubCidr')}`),
    [{ name: 'vnet-spoke-03', prefixes: ['10.0.0.0/16'] }],
  );
});

test("a namespace import's variable and function", async () => {
  assert.deepEqual(
    await vnets(`import * as shared from 'shared.bicep'\n${vnet('shared.spokeName(3)', 'shared.hubCidr')}`),
    [{ name: 'vnet-spoke-03', prefixes: ['10.0.0.0/16'] }],
  );
});
