// File classification: by extension for Bicep, by `$schema` for ARM JSON, everything else 'other'.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyFile, isCandidateFileName, topLevelSchema } from '../../server/src/syntax/classify';

const template = (schema: string) =>
  `{\n  "$schema": "${schema}",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}`;
const schemas = 'https://schema.management.azure.com/schemas';

describe('classifyFile', () => {
  test('Bicep and bicepparam by extension, whatever the content', () => {
    assert.equal(classifyFile('file:///w/main.bicep', ''), 'bicep');
    assert.equal(classifyFile('/w/Main.BICEP', '{}'), 'bicep');
    assert.equal(classifyFile('file:///w/main.bicepparam', "using './main.bicep'"), 'bicepparam');
  });

  test('ARM templates of every deployment scope and schema version', () => {
    for (const file of [
      '2019-04-01/deploymentTemplate.json#',
      '2015-01-01/deploymentTemplate.json#',
      '2018-05-01/subscriptionDeploymentTemplate.json#',
      '2019-08-01/managementGroupDeploymentTemplate.json#',
      '2019-08-01/tenantDeploymentTemplate.json#',
    ]) {
      assert.equal(classifyFile('/w/azuredeploy.json', template(`${schemas}/${file}`)), 'arm-template', file);
    }
    assert.equal(
      classifyFile(
        '/w/t.json',
        template('http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#'),
      ),
      'arm-template',
    );
    assert.equal(classifyFile('/w/t.jsonc', template(`${schemas}/2019-04-01/deploymentTemplate.json`)), 'arm-template');
  });

  test('ARM parameter files', () => {
    assert.equal(
      classifyFile('/w/p.json', template(`${schemas}/2019-04-01/deploymentParameters.json#`)),
      'arm-parameters',
    );
    assert.equal(
      classifyFile('/w/p.json', template(`${schemas}/2018-05-01/subscriptionDeploymentParameters.json#`)),
      'arm-parameters',
    );
  });

  test('other JSON is other', () => {
    assert.equal(classifyFile('/w/package.json', '{ "name": "x" }'), 'other');
    assert.equal(classifyFile('/w/bicepconfig.json', '{ "analyzers": {} }'), 'other');
    assert.equal(
      classifyFile(
        '/w/wf.json',
        template(
          'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        ),
      ),
      'other',
    );
    assert.equal(classifyFile('/w/broken.json', '{ "$schema": '), 'other');
    assert.equal(classifyFile('/w/readme.md', template(`${schemas}/2019-04-01/deploymentTemplate.json#`)), 'other');
  });

  test('only a top-level $schema counts, and comments are allowed', () => {
    const nested = `{ "variables": { "$schema": "${schemas}/2019-04-01/deploymentTemplate.json#" } }`;
    assert.equal(classifyFile('/w/x.json', nested), 'other');
    const commented = `// a template\n{ /* first */ "$schema" : "${schemas}/2019-04-01/deploymentTemplate.json#" }`;
    assert.equal(classifyFile('/w/x.json', commented), 'arm-template');
    assert.equal(topLevelSchema(`{ "a": [1, {"$schema": "x"}], "$schema": "y" }`), 'y');
  });

  test('candidate file names', () => {
    assert.ok(isCandidateFileName('a/b/main.bicep'));
    assert.ok(isCandidateFileName('main.bicepparam'));
    assert.ok(isCandidateFileName('azuredeploy.parameters.json'));
    assert.ok(isCandidateFileName('x.jsonc'));
    assert.ok(!isCandidateFileName('deploy.ps1'));
    assert.ok(!isCandidateFileName('main.bicep.bak'));
  });
});
