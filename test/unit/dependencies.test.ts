// Deployment order as the model answers it (model/dependencies.ts) over real evaluation: Bicep references,
// variables, parents, module calls; ARM dependsOn by id, name, copy loop and symbolic name, nested
// deployments, an unknown entry, and reference() (an implicit dependency: order unknown).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deploymentModels } from '../../server/src/engine/deployments';
import { Workspace } from '../../server/src/engine/workspace';
import { orderedBefore, type ResourceDecl } from '../../server/src/model';
import { fixtureHost, splitFixture } from '../support/fixture';

async function declarations(fixture: string): Promise<(name: string) => ResourceDecl> {
  const files = splitFixture(fixture);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, text] of files) workspace.setFile(uri, text);
  const decls = deploymentModels(await workspace.evaluate()).flatMap((model) => model.declarations);
  return (name) => {
    const found = decls.find((decl) => decl.name === name);
    assert.ok(found, `declaration ${name}`);
    return found;
  };
}

const nsg = (symbol: string, name: string, extra = '') =>
  `resource ${symbol} 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {\n  name: '${name}'\n  location: 'westeurope'${extra}\n}\n`;

test('Bicep: references, variables and dependsOn order; unrelated declarations do not', async () => {
  const decl = await declarations(`//- /main.bicep
${nsg('a', 'nsg-a')}var aId = a.id
${nsg('b', 'nsg-b', '\n  tags: { after: aId }')}${nsg('c', 'nsg-c', '\n  dependsOn: [\n    b\n  ]')}${nsg('d', 'nsg-d')}`);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-b')), true, 'through a variable');
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-c')), true, 'transitively');
  assert.equal(orderedBefore(decl('nsg-c'), decl('nsg-a')), false);
  assert.equal(orderedBefore(decl('nsg-d'), decl('nsg-c')), false);
});

test('Bicep: a module call orders what is inside it, both ways', async () => {
  const decl = await declarations(`//- /main.bicep
${nsg('first', 'nsg-first')}module inner 'inner.bicep' = {
  name: 'inner'
  dependsOn: [
    first
  ]
}
${nsg('last', 'nsg-last', '\n  tags: { after: inner.outputs.id }')}//- /inner.bicep
${nsg('x', 'nsg-inner')}output id string = x.id
`);
  assert.equal(orderedBefore(decl('nsg-first'), decl('nsg-inner')), true);
  assert.equal(orderedBefore(decl('nsg-inner'), decl('nsg-last')), true);
  assert.equal(orderedBefore(decl('nsg-last'), decl('nsg-inner')), false);
});

const armNsg = (name: string, extra = '') =>
  `{ "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01", "name": "${name}", "location": "westeurope"${extra} }`;
const template = (resources: string[], extra = '') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",${extra}
  "resources": [
    ${resources.join(',\n    ')}
  ]
}
`;

test('ARM: dependsOn by resourceId, by name and by copy loop; an unknown entry leaves the order unknown', async () => {
  const decl = await declarations(`//- /main.json
${template(
  [
    armNsg('nsg-a'),
    armNsg('nsg-b', `, "dependsOn": ["[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-a')]"]`),
    armNsg('nsg-c', ', "dependsOn": ["nsg-b"]'),
    armNsg("[concat('nsg-loop', copyIndex())]", ', "copy": { "name": "loop", "count": 2 }'),
    armNsg('nsg-d', ', "dependsOn": ["loop"]'),
    armNsg('nsg-e', `, "dependsOn": ["[parameters('other')]"]`),
    armNsg('nsg-f', `, "properties": { "x": "[reference('nsg-a')]" }`),
  ],
  '\n  "parameters": { "other": { "type": "string" } },',
)}`);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-c')), true);
  assert.equal(orderedBefore(decl('nsg-loop1'), decl('nsg-d')), true);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-d')), false);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-e')), 'unknown');
  assert.equal(
    orderedBefore(decl('nsg-a'), decl('nsg-f')),
    'unknown',
    'reference() is an implicit dependency on a resource the model does not name',
  );
});

test('ARM: symbolic names (languageVersion 2.0) and nested deployments', async () => {
  const decl = await declarations(`//- /main.json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "resources": {
    "a": ${armNsg('nsg-a')},
    "inner": {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "inner",
      "dependsOn": ["a"],
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "template": ${template([armNsg('nsg-inner')]).replace(/\n/g, '\n        ')}
      }
    },
    "b": ${armNsg('nsg-b', ', "dependsOn": ["inner"]')}
  }
}
`);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-inner')), true);
  assert.equal(orderedBefore(decl('nsg-inner'), decl('nsg-b')), true);
  assert.equal(orderedBefore(decl('nsg-b'), decl('nsg-a')), false);
});
