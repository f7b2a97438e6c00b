// Values are sized where they can grow (value-size.ts): objects and arrays are sized as they are
// built, and parts, choices and literals pass without a walk. A value that doubles through JSON
// members, array literals or a choice is still cut at the cap, with one notice where it was built.
// A callee's outputs are capped each where it is computed: reaching them whole (a loop of calls, a
// variable or parameter holding them) computes none that nobody reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocuments, modelOfDocuments } from '../../server/src/engine/analyze';
import { sizedArray, sizedObject, sizeOf } from '../../server/src/evaluate/value-size';
import { getProperty, makeObject, Unknown, withOrigin, type Value } from '../../server/src/evaluate/value';
import { innerDeployment, templateText, templateWithAnOutputOverTheCap } from '../support/arm-fixtures';

const options = { cloud: 'AzureCloud' as const, ruleLevels: {} };
const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

async function notices(files: Record<string, string>) {
  const documents = Object.entries(files).map(([name, text]) => ({ uri: `file:///w/${name}`, text }));
  const result = await analyzeDocuments(documents, { readFile: async () => undefined }, options);
  return result.notices.map((notice) => files[Object.keys(files)[0]].slice(notice.start, notice.start + 20));
}

test('an object or array sized as it is built has the size a walk over a copy finds', () => {
  const inner = sizedObject([
    ['name', 'vnet'],
    ['tags', makeObject([['a', 'b']])],
  ]);
  const entries: [string, Value][] = [
    ['inner', inner],
    ['list', sizedArray(['x', 1, null, new Unknown('u')])],
    ['again', inner],
  ];
  const copy = (value: Value): Value =>
    Array.isArray(value)
      ? value.map(copy)
      : value !== null && typeof value === 'object' && !(value instanceof Unknown)
        ? makeObject(Object.entries(value).map(([key, item]) => [key, copy(item)]))
        : value;
  const built = sizedObject(entries);
  assert.equal(sizeOf(built), sizeOf(copy(built)));
  // A repeated key keeps the later value, and the size counts only what the object holds.
  const repeated = sizedObject([
    ['a', 'a long first value'],
    ['a', 'x'],
  ]);
  assert.equal(sizeOf(repeated), sizeOf(makeObject([['a', 'x']])));
});

test('an ARM variable doubled through JSON members 60 times is cut off once, where the object is written', async () => {
  const variables: Record<string, unknown> = { v0: { a: 1 } };
  for (let i = 1; i < 60; i++) variables[`v${i}`] = { a: `[variables('v${i - 1}')]`, b: `[variables('v${i - 1}')]` };
  const template = {
    $schema: schema,
    contentVersion: '1.0.0.0',
    variables,
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2024-05-01',
        name: "[string(length(string(variables('v59'))))]",
        location: 'westeurope',
        properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
      },
    ],
  };
  const found = await notices({ 'main.json': JSON.stringify(template, null, 1) });
  assert.equal(found.length, 1);
  assert.match(found[0], /^\{/);
});

test('a Bicep array doubled through a choice and an array literal is cut off once, where the array is written', async () => {
  const lines = ['param pick bool = true', 'var a0 = [ 1 ]'];
  for (let i = 1; i < 60; i++) lines.push(`var a${i} = pick ? [ a${i - 1}, a${i - 1} ] : a${i - 1}`);
  lines.push(
    `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {`,
    `  name: string(length(string(a59)))`,
    `  location: 'westeurope'`,
    '}',
  );
  const found = await notices({ 'main.bicep': lines.join('\n') });
  assert.equal(found.length, 1);
  assert.match(found[0], /^\[ a\d+, a/);
});

test('the remembered size and origin of a value are invisible: keys, JSON and copies do not carry them', () => {
  const built = sizedObject([
    ['name', 'vnet'],
    ['list', sizedArray(['a', 'b'])],
  ]);
  const size = sizeOf(built);
  assert.deepEqual(Object.keys(built), ['name', 'list']);
  assert.equal(JSON.stringify(built), '{"name":"vnet","list":["a","b"]}');
  // A copy with one more entry is sized for what it holds, not for what it was copied from.
  const copy = makeObject(Object.entries({ ...built, more: 'x'.repeat(100) }));
  assert.equal(sizeOf(copy), size + 'more'.length + 101);
  const spread: Value = { ...built, more: 'x'.repeat(100) };
  assert.equal(sizeOf(spread), size + 'more'.length + 101);
  // A value marked twice (a variable used as two resources' properties) keeps the later origin.
  const properties = withOrigin(withOrigin(makeObject([]), 'resource:a.properties'), 'resource:b.properties');
  assert.equal(
    (getProperty(properties, 'provisioningState') as Unknown).key,
    'resource:b.properties.provisioningState',
  );
  assert.match((getProperty({ ...properties }, 'provisioningState') as Unknown).key, /^missing\.provisioningState#/);
});

/** A module whose output `name` is 'spoke-{index}' and whose output `everything` is over the size cap. */
function spokeWithAnOutputOverTheCap(): string {
  const spoke = ['param index int', "var v0 = 'ab'"];
  for (let i = 1; i < 40; i++) spoke.push(`var v${i} = '\${v${i - 1}}\${v${i - 1}}'`);
  spoke.push("output name string = 'spoke-${index}'", 'output everything string = v39');
  return spoke.join('\n');
}

/** The VNets of `main.bicep` (calling spoke.bicep) and the files of the notices the analysis gives. */
async function vnetsAndNotices(main: string, others: Record<string, string> = {}) {
  const files = { 'main.bicep': main, 'spoke.bicep': spokeWithAnOutputOverTheCap(), ...others };
  const documents = Object.entries(files).map(([name, text]) => ({ uri: `file:///w/${name}`, text }));
  const host = { readFile: async () => undefined };
  const model = await modelOfDocuments(documents, host, 'AzureCloud');
  const result = await analyzeDocuments(documents, host, options);
  return {
    vnets: model.entities.map((entity) => `${entity.kind} ${entity.name}`),
    notices: result.notices.map((notice) => notice.uri),
  };
}

const vnetNamed = (expression: string) => `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: ${expression}
  location: 'westeurope'
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }
}
`;

test("a looped module's outputs are computed when read, not when an expression reaches the loop", async () => {
  // `spokes[1].outputs.name` reaches the array of both calls; sizing it whole computed every output of
  // each, and the one over the cap that nobody reads gave a notice of an expression nothing needed.
  const main = `module spokes 'spoke.bicep' = [for i in range(0, 2): {
  name: 'spoke-\${i}'
  params: { index: i }
}]
${vnetNamed('spokes[1].outputs.name')}`;
  assert.deepEqual(await vnetsAndNotices(main), { vnets: ['vnet spoke-1'], notices: [] });
});

test("a module's outputs held whole (a variable, a module parameter) are computed when read", async () => {
  const call = "module spoke 'spoke.bicep' = {\n  name: 'spoke'\n  params: { index: 1 }\n}\n";
  const throughVariable = `${call}var outputs = spoke.outputs\n${vnetNamed('outputs.name')}`;
  assert.deepEqual(await vnetsAndNotices(throughVariable), { vnets: ['vnet spoke-1'], notices: [] });
  const throughParameter = `${call}module consumer 'consumer.bicep' = {\n  name: 'consumer'\n  params: { spoke: spoke.outputs }\n}\n`;
  const consumer = `param spoke object\n${vnetNamed('spoke.name')}`;
  assert.deepEqual(await vnetsAndNotices(throughParameter, { 'consumer.bicep': consumer }), {
    vnets: ['vnet spoke-1'],
    notices: [],
  });
});

test("a nested deployment's outputs held whole in an ARM variable are computed when read", async () => {
  const nested = innerDeployment('nested', templateWithAnOutputOverTheCap('spoke-1'));
  const vnet = {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2024-05-01',
    name: "[variables('outputs').name.value]",
    location: 'westeurope',
    dependsOn: ['nested'],
    properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
  };
  const text = templateText({ variables: { outputs: "[reference('nested').outputs]" }, resources: [nested, vnet] });
  const documents = [{ uri: 'file:///w/main.json', text }];
  const host = { readFile: async () => undefined };
  const model = await modelOfDocuments(documents, host, 'AzureCloud');
  assert.deepEqual(
    model.entities.map((entity) => `${entity.kind} ${entity.name}`),
    ['vnet spoke-1'],
  );
  const result = await analyzeDocuments(documents, host, options);
  assert.deepEqual(result.notices, [], 'no notice of an output nobody read');
});
