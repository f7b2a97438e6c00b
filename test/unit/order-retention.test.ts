// What a kept deployment result holds on to: a Bicep order frame (evaluate/bicep/order.ts) keeps the
// file's text, not the outline evaluation used (with every declaration it parsed) — a workspace of
// 4,000 spoke files held half a gigabyte that way — and still answers the order from the text; an
// ARM order entry keeps its resource's span of the text, not the JSON tree nor the evaluator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluateBicepDeployment, type DeploymentResult } from '../../server/src/evaluate/deployment';
import { outlineFile, type LoadedBicepFile } from '../../server/src/evaluate/bicep/files';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import type { LoadedArmFile } from '../../server/src/evaluate/arm/input';
import { readArmFile } from '../../server/src/syntax/arm';
import { orderedBefore } from '../../server/src/model';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const uri = 'file:///w/main.bicep';
const text = `resource a 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-a'
  location: 'westeurope'
}
var aId = a.id
resource b 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-b'
  location: 'westeurope'
  tags: { after: aId }
}
`;

/** Evaluates `text`, handing evaluation an outline the test can watch; returns the result and a weak handle on that outline. */
async function evaluateWatched(): Promise<{ result: DeploymentResult; outline: WeakRef<object> }> {
  let loaded: LoadedBicepFile | undefined = outlineFile(uri, text);
  const outline = new WeakRef(loaded.outline);
  const source = { read: async () => undefined, parsed: () => loaded };
  const result = await evaluateBicepDeployment(uri, source, { cloud: 'AzureCloud', environment: {} });
  loaded = undefined;
  return { result, outline };
}

/** Collects garbage until `watched` is gone or a few tries passed (pending promises may hold it a turn longer). */
async function collected(watched: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 5 && watched.deref() !== undefined; attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return watched.deref() === undefined;
}

function declNamed(result: DeploymentResult): (name: string) => DeploymentResult['resources'][number] {
  return (name) => {
    const found = result.resources.find((candidate) => candidate.name === name);
    assert.ok(found?.order, `declaration ${name} with its order node`);
    return found;
  };
}

test('Bicep: a kept result lets go of the outline evaluation used, and its order is still known from the text', async () => {
  const { result, outline } = await evaluateWatched();
  assert.ok(await collected(outline), 'the outline is still reachable from the result');
  const decl = declNamed(result);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-b')), true, 'b names a through a variable');
  assert.equal(orderedBefore(decl('nsg-b'), decl('nsg-a')), false);
});

const armUri = 'file:///w/main.json';
const armNsg = (name: string, extra = '') =>
  `{ "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01", "name": "${name}", "location": "westeurope"${extra} }`;
const armText = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    ${armNsg('nsg-a')},
    ${armNsg('nsg-b', ', "dependsOn": ["nsg-a"]')},
    ${armNsg('nsg-c', `, "properties": { "x": "[reference('nsg-a')]" }`)}
  ]
}
`;

test('ARM: a kept result lets go of the JSON tree, and reference() still makes the order unknown', async () => {
  let loaded: LoadedArmFile | undefined = {
    uri: armUri,
    text: armText,
    arm: readArmFile(armText),
    expressions: new Map(),
    templateNames: new Map(),
    errorsComplete: true,
  };
  assert.ok(loaded.arm.root);
  const tree = new WeakRef(loaded.arm.root);
  const source = { read: async () => armText, armParsed: () => loaded };
  const result = await evaluateArmDeployment(armUri, source, { cloud: 'AzureCloud', environment: {} });
  loaded = undefined;
  assert.ok(await collected(tree), 'the JSON tree is still reachable from the result');
  const decl = declNamed(result);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-b')), true);
  assert.equal(orderedBefore(decl('nsg-a'), decl('nsg-c')), 'unknown', 'reference() is an implicit dependency');
});
