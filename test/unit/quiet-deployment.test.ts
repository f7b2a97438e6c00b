// Deployments that deploy nothing needed are answered from the index (engine/quiet-deployment.ts):
// for every entry the workspace gives exactly what evaluating it gives (entry, template, the files
// read in the order they are read, the resources), and it is kept and dropped on edits like any
// other. Checked on fixtures that do and do not take that path, and on real registry modules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { environmentValue } from '../../server/src/engine/environment';
import { neededProperties, needsResourceType } from '../../server/src/engine/needed-types';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import { outlineFile, referencedPaths } from '../../server/src/evaluate/bicep/files';
import { quietDeployment } from '../../server/src/engine/quiet-deployment';
import { fixtureHost, splitFixture } from '../support/fixture';
import { corpusRoot } from '../support/paths';

/** The workspace's results beside those of evaluating each of its entries on its own, as text. */
async function bothWays(files: ReadonlyMap<string, string>): Promise<[string, string]> {
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const kept = await workspace.evaluate();
  const evaluated = [];
  for (const entry of workspace.entries()) {
    const source = {
      read: async (uri: string) => files.get(uri),
      parsed: (uri: string) =>
        /\.bicep(param)?$/.test(uri) && files.has(uri) ? outlineFile(uri, files.get(uri)!) : undefined,
    };
    evaluated.push(
      await evaluateBicepDeployment(entry, source, {
        cloud: 'AzureCloud',
        environment: environmentValue('AzureCloud'),
        scopeTag: entry.replace(/^file:\/\/\//, '/'),
        needsType: needsResourceType,
        neededProperties,
      }),
    );
  }
  // Fresh unknowns are numbered process-wide: renumbered in order of appearance.
  const text = (value: unknown) => {
    const numbers = new Map<string, number>();
    return JSON.stringify(value, null, 1).replace(/#(\d+)\b/g, (_, n: string) => {
      if (!numbers.has(n)) numbers.set(n, numbers.size);
      return `#fresh${numbers.get(n)}`;
    });
  };
  return [text(kept), text(evaluated)];
}

const fixture = `//- /quiet/main.bicep
module roles 'roles.bicep' = { name: 'roles' }
module again 'roles.bicep' = { name: 'again' }
import { shared } from 'types.bicep'
resource lock 'Microsoft.Authorization/locks@2020-05-01' = { name: 'keep', properties: { level: 'CanNotDelete' } }
//- /quiet/roles.bicep
resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = { name: guid('r'), properties: { principalId: 'p', roleDefinitionId: 'd' } }
//- /quiet/types.bicep
@export()
var shared = 'x'
//- /needed/main.bicep
module net 'vnet.bicep' = { name: 'net' }
//- /needed/vnet.bicep
resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
}
//- /missing/main.bicep
module gone 'not-here.bicep' = { name: 'gone' }
resource lock 'Microsoft.Authorization/locks@2020-05-01' = { name: 'keep', properties: { level: 'CanNotDelete' } }
//- /registry/main.bicep
module site 'br:contoso.azurecr.io/bicep/app:1.0.0' = { name: 'site' }
//- /imports/main.bicep
import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'
import * as shared from 'br:contoso.azurecr.io/bicep/types:1.0.0'
resource lock 'Microsoft.Authorization/locks@2020-05-01' = { name: 'keep', properties: { level: 'CanNotDelete' } }
//- /arm/main.bicep
module compiled 'compiled.json' = { name: 'compiled' }
//- /arm/compiled.json
{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] }
//- /params/main.bicepparam
using 'template.bicep'
param name = 'x'
//- /params/template.bicep
param name string
resource lock 'Microsoft.Authorization/locks@2020-05-01' = { name: name, properties: { level: 'CanNotDelete' } }
`;

test('entries with nothing needed, with needed resources, missing modules, registry and JSON modules: as evaluated', async () => {
  const [kept, evaluated] = await bothWays(splitFixture(fixture));
  assert.equal(kept, evaluated);
  assert.match(kept, /quiet\/roles\.bicep/, 'the quiet deployment lists the files it reads');
  assert.match(kept, /virtualNetworks/, 'the needed VNet is evaluated');
});

test('a file that only imports from registry modules is quiet: an import deploys nothing, and no config is read for it', () => {
  const files = splitFixture(fixture);
  const indexed = (uri: string) => {
    const text = files.get(uri);
    const loaded = text === undefined ? undefined : outlineFile(uri, text);
    return loaded && { loaded, version: 1, references: referencedPaths(loaded.outline) };
  };
  const entry = (folder: string) => [...files.keys()].find((uri) => uri.endsWith(`/${folder}/main.bicep`))!;
  assert.deepEqual(quietDeployment(entry('imports'), indexed, needsResourceType)?.result.files, [entry('imports')]);
  assert.equal(
    quietDeployment(entry('registry'), indexed, needsResourceType),
    undefined,
    'a registry module call is evaluated',
  );
});

test('edits to a module of a quiet deployment are seen: the lock becomes a VNet and back', async () => {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const roles = [...files.keys()].find((uri) => uri.endsWith('/quiet/roles.bicep'))!;
  const count = async () => (await workspace.evaluate()).reduce((sum, result) => sum + result.resources.length, 0);
  const before = await count();
  workspace.setFile(
    roles,
    `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'v'\n  location: 'westeurope'\n}\n`,
  );
  assert.equal(await count(), before + 2, 'the module is called twice');
  workspace.setFile(roles, files.get(roles)!);
  assert.equal(await count(), before);
});

test('registry modules of the corpus: every entry as evaluated', async () => {
  const avm = path.join(corpusRoot, 'broad/Azure__bicep-registry-modules/avm/res');
  const modules = ['authorization/role-assignment', 'insights/action-group', 'managed-identity/user-assigned-identity'];
  for (const module of ['event-hub/namespace', 'key-vault/vault', ...modules]) {
    const dir = path.join(avm, module);
    const files = new Map(
      fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.bicep') && !/[\\/]tests[\\/]/.test(file))
        .map((file) => [pathToFileURL(path.join(dir, file)).href, fs.readFileSync(path.join(dir, file), 'utf8')]),
    );
    const [kept, evaluated] = await bothWays(files);
    assert.equal(kept, evaluated, module);
  }
});
