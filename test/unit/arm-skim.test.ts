// The skim of ARM template text (evaluate/arm/skim.ts): a template that certainly deploys nothing the
// analysis needs is not read into a tree nor evaluated; any doubt reads it in full.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaresNothingNeeded } from '../../server/src/evaluate/arm/skim';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { lockResource, nestedDeployment, parametersSchema, templateText } from '../support/arm-fixtures';
import { environmentValue } from '../../server/src/engine/environment';

const template = (resources: unknown[], extra: Record<string, unknown> = {}) =>
  templateText({ parameters: { name: { type: 'string' } }, resources, ...extra });
const lock = lockResource;
const vnet = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name: 'vnet',
  location: 'westeurope',
  properties: {},
};

test('a template of unneeded types declares nothing needed; a needed type, an expression or a doubt says otherwise', () => {
  assert.equal(declaresNothingNeeded(template([lock]), needsResourceType), true);
  assert.equal(declaresNothingNeeded(template([lock, vnet]), needsResourceType), false);
  // The key's case does not matter to ARM, nor to the skim.
  assert.equal(
    declaresNothingNeeded(
      template([lock]).replace(
        '"type": "Microsoft.Authorization/locks"',
        '"TYPE": "Microsoft.Network/networkSecurityGroups"',
      ),
      needsResourceType,
    ),
    false,
  );
  assert.equal(declaresNothingNeeded(template([{ ...lock, type: "[parameters('type')]" }]), needsResourceType), false);
  assert.equal(
    declaresNothingNeeded(
      template([lock]).replace('Microsoft.Authorization', 'Microsoft\\u002eNetwork'),
      needsResourceType,
    ),
    false,
  );
  // A nested inline template's resources are in the same text.
  const nested = nestedDeployment('inner', { template: JSON.parse(template([vnet])) });
  assert.equal(declaresNothingNeeded(template([nested]), needsResourceType), false);
  // A linked template's types are in another file.
  const linked = nestedDeployment('linked', { templateLink: { relativePath: 'other.json' } });
  assert.equal(declaresNothingNeeded(template([linked]), needsResourceType), false);
  // A parameter file is not a template.
  assert.equal(
    declaresNothingNeeded(JSON.stringify({ $schema: parametersSchema, parameters: {} }), needsResourceType),
    false,
  );
});

test('the deployment of a template that needs nothing reads its text only and declares nothing', async () => {
  const uri = 'file:///w/locks.json';
  const texts = new Map([
    [uri, template([lock])],
    ['file:///w/net.json', template([lock, vnet])],
  ]);
  const reads: string[] = [];
  const parsed: string[] = [];
  const source = {
    read: async (file: string) => {
      reads.push(file);
      return texts.get(file);
    },
    armParsed: (file: string) => {
      parsed.push(file);
      return undefined;
    },
  };
  const options = {
    cloud: 'AzureCloud' as const,
    environment: environmentValue('AzureCloud'),
    needsType: needsResourceType,
  };
  const skimmed = await evaluateArmDeployment(uri, source, options);
  assert.deepEqual(skimmed, { entry: uri, template: uri, files: [uri], resources: [] });
  assert.deepEqual(parsed, [], 'no tree built');
  assert.deepEqual(reads, [uri]);
  const full = await evaluateArmDeployment('file:///w/net.json', source, options);
  // A template with a needed type is read and evaluated on demand, as a Bicep entry (demand.ts): the
  // needed resources only, a lock nothing refers to never.
  assert.deepEqual(
    full.resources.map((resource) => resource.type),
    ['Microsoft.Network/virtualNetworks'],
  );
});
