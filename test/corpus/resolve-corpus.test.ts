// The resolution explainer on real templates, answers checked by hand against each template:
// - spring-apps landing zone (archive/Bicep): zones linked to the hub only (deploy.bicep vnetlink
//   modules use vnetHub.outputs.vnetId), both VNets on Azure-provided DNS: private from the hub,
//   public from the spoke — what the reviewed dns-zone-vnet-link-missing findings say.
// - quickstart azure-firewall-dns-proxy: the spokes' DNS server is the firewall's private IP, read
//   with reference() (azuredeploy.json:1081-1083, 1121-1123): unknown from them, private from the hub.
// - quickstart key-vault-private-endpoint: one VNet, linked, zone group: private.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { deploymentModels } from '../../server/src/engine/deployments';
import { explainResolution, type Resolution } from '../../server/src/engine/resolve';
import { targetAccesses } from '../../server/src/engine/resolve-target';
import { Workspace } from '../../server/src/engine/workspace';
import { corpusRoot } from '../support/paths';

const repository = (name: string) => path.join(corpusRoot, 'networking', name);

/** How each endpoint (by name or symbol) resolves from each VNet (by name) of the folder's deployments. */
async function resolutionsIn(folder: string): Promise<Map<string, Resolution>> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const file of fs.readdirSync(folder, { recursive: true }).map(String)) {
    const full = path.join(folder, file);
    if (/\.(bicep|bicepparam|json)$/i.test(file) && fs.statSync(full).isFile())
      workspace.setFile(pathToFileURL(full).href, fs.readFileSync(full, 'utf8'));
  }
  const found = new Map<string, Resolution>();
  for (const model of deploymentModels(await workspace.evaluate())) {
    for (const endpoint of model.privateEndpoints) {
      const accesses = targetAccesses(model, 'AzureCloud', (connection) => endpoint.connections.includes(connection));
      const endpointName = typeof endpoint.name === 'string' ? endpoint.name : (endpoint.decl.symbol ?? '?');
      for (const vnet of model.vnets) {
        if (vnet.decl.existing || typeof vnet.name !== 'string' || accesses.length === 0) continue;
        const groups = accesses.map((access) => access.groupId).join('+');
        found.set(
          `${endpointName}:${groups} from ${vnet.name}`,
          explainResolution(model, { asked: endpointName, resourceName: endpointName, accesses }, vnet),
        );
      }
    }
  }
  return found;
}

const answers = (found: Map<string, Resolution>) =>
  Object.fromEntries([...found].map(([key, resolution]) => [key, resolution.answer]));

describe('resolution on corpus repositories', () => {
  test('spring-apps landing zone: private from the hub, public from the spoke (zones linked to the hub only)', async () => {
    const found = await resolutionsIn(
      path.join(repository('Azure__azure-spring-apps-landing-zone-accelerator'), 'archive/Bicep'),
    );
    assert.deepEqual(answers(found), {
      'privateEndpoint:Vault from vnet-hub': 'private',
      'privateEndpoint:Vault from vnet-spoke': 'public',
      'privateEndpoint:mysqlServer from vnet-hub': 'private',
      'privateEndpoint:mysqlServer from vnet-spoke': 'public',
    });
    assert.equal(
      found.get('privateEndpoint:mysqlServer from vnet-spoke')!.steps.at(-1)!.text,
      "public: because zone 'privatelink.mysql.database.azure.com' is not linked to 'vnet-spoke'",
    );
  });

  test('firewall DNS proxy quickstart: spokes ask the firewall, whose address is a reference(): unknown', async () => {
    const found = await resolutionsIn(
      repository('rahulm-msft__azure-quickstart-templates/quickstarts/microsoft.network/azure-firewall-dns-proxy'),
    );
    const fromHub = [...found]
      .filter(([key]) => key.endsWith(' from HubVnet'))
      .map(([, resolution]) => resolution.answer);
    const fromSpokes = [...found].filter(([key]) => !key.endsWith(' from HubVnet'));
    assert.ok(fromHub.length >= 3 && fromHub.every((answer) => answer === 'private'), JSON.stringify(answers(found)));
    assert.ok(
      fromSpokes.length >= 6 && fromSpokes.every(([, resolution]) => resolution.answer === 'unknown'),
      JSON.stringify(answers(found)),
    );
    assert.match(fromSpokes[0][1].steps[0].text, /^the DNS servers of '(Development|Production)VNet' are not known/);
  });

  test('key vault quickstart: private from its one VNet', async () => {
    const found = await resolutionsIn(
      repository('rahulm-msft__azure-quickstart-templates/quickstarts/microsoft.keyvault/key-vault-private-endpoint'),
    );
    assert.equal(
      found.get('KeyVaultPrivateEndpoint:vault from UbuntuVnet')?.answer,
      'private',
      JSON.stringify(answers(found)),
    );
    assert.match(
      found.get('KeyVaultPrivateEndpoint:vault from UbuntuVnet')!.steps.at(-1)!.text,
      /^private: private IP of 'KeyVaultPrivateEndpoint' in 'DefaultSubnet'$/,
    );
  });
});
