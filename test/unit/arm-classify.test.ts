// Which JSON files are ARM files: deployment templates and parameter files by `$schema`; the rest is quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readArmFile } from '../../server/src/syntax/arm';

const withSchema = (schema: string, rest = '"resources": []') => `{ "$schema": "${schema}", ${rest} }`;

test('every deployment template schema, old and new, http and https, is a template', () => {
  for (const schema of [
    'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    'https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#',
    'http://schema.management.azure.com/schemas/2014-04-01-preview/deploymentTemplate.json#',
    'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
    'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
    'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#',
    'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json',
  ]) {
    const file = readArmFile(withSchema(schema));
    assert.equal(file.kind, 'arm-template', schema);
    assert.ok(file.template, schema);
    assert.deepEqual(file.errors, [], schema);
  }
});

test('both parameter file schemas, http and https, are parameter files', () => {
  for (const schema of [
    'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    'http://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json#',
    'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentParameters.json#',
  ]) {
    const file = readArmFile(withSchema(schema, '"contentVersion": "1.0.0.0", "parameters": { "a": { "value": 1 } }'));
    assert.equal(file.kind, 'arm-parameters', schema);
    assert.equal(file.template, undefined);
    assert.deepEqual(
      file.parameters?.parameters.map((p) => p.name),
      ['a'],
    );
  }
});

test('other JSON is "other", quietly, even when it is broken', () => {
  for (const text of [
    '{ "name": "vnet-lens", "version": "1.0.0" }',
    '{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }',
    '{ "$schema": "https://schema.management.azure.com/schemas/2019-06-01/policyDefinition.json#" }',
    '{ "$schema": 42 }',
    '[1, 2, 3]',
    '"[concat(\'a\')]"',
    '',
    '{ "name": ',
    '{ "broken": [[[ }',
  ]) {
    const file = readArmFile(text);
    assert.equal(file.kind, 'other', text);
    assert.deepEqual(file.errors, [], text);
    assert.deepEqual(file.skipped, [], text);
    assert.equal(file.template, undefined);
  }
});

test('comments, trailing commas and a byte order mark are accepted, as ARM accepts them', () => {
  const text =
    '\ufeff// a template\n{ /* schema */ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n' +
    '  "resources": [ { "type": "Microsoft.Network/virtualNetworks", "name": "v", }, ],\n}\n';
  const file = readArmFile(text);
  assert.equal(file.kind, 'arm-template');
  assert.deepEqual(file.errors, []);
  assert.equal(file.template?.resources.length, 1);
});
