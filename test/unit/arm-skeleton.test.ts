// Parts of a template with the wrong shape are skipped one by one, with a reason, and never crash the reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readArmFile } from '../../server/src/syntax/arm';

const header = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';

/** Reads a template whose body is `body`; returns it with the text of each skipped range and its reason. */
function readBody(body: string) {
  const text = `{ ${header}, ${body} }`;
  const file = readArmFile(text);
  assert.equal(file.kind, 'arm-template');
  assert.deepEqual(file.errors, [], 'skips are not errors');
  return {
    template: file.template!,
    skips: file.skipped.map((skip) => [text.slice(skip.start, skip.end), skip.reason]),
  };
}

test('a section of the wrong type is skipped whole, the others are read', () => {
  const { template, skips } = readBody(
    '"parameters": [], "variables": { "a": 1 }, "resources": "[variables(\'r\')]", "outputs": 7',
  );
  assert.deepEqual(skips, [
    ['[]', "template 'parameters' must be object"],
    ['"[variables(\'r\')]"', "template 'resources' must be array,object"],
    ['7', "template 'outputs' must be object"],
  ]);
  assert.deepEqual(template.parameters, []);
  assert.deepEqual(
    template.variables.map((v) => v.name),
    ['a'],
  );
  assert.deepEqual(template.resources, []);
});

test('a resource without a string type is skipped, with its children; its neighbours are read', () => {
  const { template, skips } = readBody(`"resources": [
    { "name": "no-type" },
    { "type": 42, "name": "number-type" },
    "not an object",
    { "type": "Microsoft.Network/virtualNetworks", "name": "ok", "resources": [ { "name": "child-without-type" }, { "type": "subnets", "name": "s" } ] },
    { "type": "Microsoft.Network/virtualNetworks", "name": "bad-copy", "copy": { "count": 2 } },
    { "type": "Microsoft.Network/virtualNetworks", "name": "bad-children", "resources": {} }
  ]`);
  assert.deepEqual(
    template.resources.map((r) => r.fullName),
    ['ok'],
  );
  assert.deepEqual(
    template.resources[0].children.map((r) => r.fullName),
    ['ok/s'],
  );
  assert.deepEqual(
    skips.map(([, reason]) => reason),
    [
      "resource must have required property 'type'",
      "resource 'type' must be string",
      'resource must be object',
      "resource must have required property 'type'",
      "resource 'copy' must have required property 'name'",
      "resource 'resources' must be array",
    ],
  );
  assert.equal(skips[0][0], '{ "name": "no-type" }');
});

test('declarations of the wrong shape are skipped one by one', () => {
  const { template, skips } = readBody(`
    "parameters": { "good": { "type": "string" }, "text": "string", "badType": { "type": 1 } },
    "variables": { "copy": { "name": "x" }, "v": 1 },
    "functions": [ { "members": {} }, { "namespace": "ns", "members": { "f": { "parameters": [ { "type": "string" } ] }, "g": { "output": { "value": 1 } } } } ],
    "outputs": { "o": "value", "p": { "type": "string", "value": "x" }, "q": { "type": "array", "copy": { "input": 1 } } }`);
  assert.deepEqual(
    template.parameters.map((p) => p.name),
    ['good'],
  );
  assert.deepEqual(
    template.variables.map((v) => v.name),
    ['v'],
  );
  assert.deepEqual(
    template.functions.map((f) => `${f.namespace}.${f.name}`),
    ['ns.g'],
  );
  assert.deepEqual(
    template.outputs.map((o) => o.name),
    ['p'],
  );
  assert.deepEqual(
    skips.map(([, reason]) => reason),
    [
      'parameter must be object',
      "parameter 'type' must be string",
      "variables 'copy' must be an array of copy loops",
      "function namespace must have required property 'namespace'",
      "function 'parameters.0' must have required property 'name'",
      'output must be object',
      "output 'copy' must have required property 'count'",
    ],
  );
});

test('nested deployment properties of the wrong shape are skipped, the rest of the deployment is read', () => {
  const { template, skips } = readBody(`"resources": [ { "type": "Microsoft.Resources/deployments", "name": "d",
    "properties": { "template": 5, "expressionEvaluationOptions": { "scope": 1 }, "templateLink": { "relativePath": "a.json" } } } ]`);
  const deployment = template.resources[0].deployment!;
  assert.equal(deployment.template, undefined);
  assert.equal(deployment.scope, 'outer');
  assert.equal(deployment.relativePath?.value, 'a.json');
  assert.deepEqual(skips, [
    ['5', "deployment properties 'template' must be object,string"],
    ['1', "deployment properties 'expressionevaluationoptions.scope' must be string"],
  ]);
});

test('a parameter file with parameters of the wrong shape', () => {
  const text = `{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
    "parameters": { "a": { "value": 1 }, "b": 2, "c": { "reference": "kv" } } }`;
  const file = readArmFile(text);
  assert.equal(file.kind, 'arm-parameters');
  assert.deepEqual(
    file.parameters!.parameters.map((p) => p.name),
    ['a'],
  );
  assert.deepEqual(
    file.skipped.map((skip) => skip.reason),
    ['parameter value must be object', "parameter value 'reference' must be object"],
  );
  const broken = readArmFile(
    '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": [] }',
  );
  assert.deepEqual(broken.parameters!.parameters, []);
  assert.deepEqual(
    broken.skipped.map((skip) => skip.reason),
    ["parameter file 'parameters' must be object"],
  );
});
