// DESIGN §10: where evaluation cuts something short it says so, once, where it happens: a loop with
// more items than it evaluates one by one, and a module call nested deeper than it follows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocuments } from '../../server/src/engine/analyze';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };

async function notices(files: Record<string, string>) {
  const documents = Object.entries(files).map(([name, text]) => ({ uri: `file:///w/${name}`, text }));
  const result = await analyzeDocuments(documents, { readFile: async () => undefined }, options);
  return result.notices.map((notice) => ({
    file: notice.uri.replace('file:///w/', ''),
    at: files[notice.uri.replace('file:///w/', '')]?.slice(notice.start, notice.end),
    message: notice.message,
  }));
}

const vnets = (
  count: number,
) => `resource vnets 'Microsoft.Network/virtualNetworks@2024-05-01' = [for i in range(0, ${count}): {
  name: 'vnet-\${i}'
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: [ '10.\${i}.0.0/16' ] } }
}]
`;

test('a Bicep loop of 101 items is one declaration of 101 instances, and says so at the loop; 100 are told apart', async () => {
  const cut = await notices({ 'main.bicep': vnets(101) });
  assert.equal(cut.length, 1);
  assert.equal(cut[0].at?.startsWith('[for i in range(0, 101)'), true, cut[0].at);
  assert.match(cut[0].message, /evaluates this loop of 101 items as one declaration of that many instances/);
  assert.deepEqual(await notices({ 'main.bicep': vnets(100) }), []);
});

test('an ARM copy loop of 101 says so at its copy', async () => {
  const template = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2024-05-01',
        name: "[concat('vnet-', copyIndex())]",
        location: 'westeurope',
        copy: { name: 'vnets', count: 101 },
        properties: { addressSpace: { addressPrefixes: ["[concat('10.', copyIndex(), '.0.0/16')]"] } },
      },
    ],
  });
  const cut = await notices({ 'azuredeploy.json': template });
  assert.equal(cut.length, 1);
  assert.match(cut[0].message, /^VNet Lens evaluates this loop of 101 items as one declaration/);
  assert.equal(cut[0].at, '{"name":"vnets","count":101}');
});

test('a chain of 33 modules is followed 32 deep, and the call it does not follow says so', async () => {
  const files: Record<string, string> = {};
  for (let depth = 0; depth < 33; depth++)
    files[`m${depth}.bicep`] = `module next 'm${depth + 1}.bicep' = {\n  name: 'next'\n}\n`;
  files['m33.bicep'] = vnets(1);
  const cut = await notices(files);
  assert.deepEqual(
    cut.map(({ file, at, message }) => [file, at, message.slice(0, 60)]),
    [['m31.bicep', 'next', 'VNet Lens does not follow this call: modules and nested depl']],
  );
});
