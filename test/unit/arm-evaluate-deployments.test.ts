// The ARM evaluator across templates and files: nested deployments (inner and outer expression scope,
// outputs through reference(), moved scopes, copy loops), linked templates by relativePath (with cycles
// and missing files), parameter files bound by name, and ARM JSON used as a Bicep module.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { armModuleEvaluator, evaluateArmDeployment, parameterFileTemplates } from '../../server/src/evaluate/arm';
import { evaluateBicepDeployment } from '../../server/src/evaluate/deployment';
import type { ResourceDecl } from '../../server/src/evaluate/declaration';
import { environmentValue } from '../../server/src/engine/environment';
import { Unknown } from '../../server/src/evaluate/value';
import { displayValue } from '../../server/src/model/json';
import { nestedDeployment, parametersSchema, templateSchema, templateText } from '../support/arm-fixtures';
import { fixtureRoot, fixtureSource } from '../support/fixture';

const options = { cloud: 'AzureCloud' as const, environment: environmentValue('AzureCloud') };

const template = templateText;
const parameterFile = (values: object) =>
  JSON.stringify({ $schema: parametersSchema, contentVersion: '1.0.0.0', parameters: values }, null, 2);
const uri = (path: string) => new URL(path, fixtureRoot).href;

async function deploy(files: Record<string, string>, entry = 'main.json') {
  const map = new Map(Object.entries(files).map(([path, text]) => [uri(path), text]));
  return evaluateArmDeployment(uri(entry), fixtureSource(map), options);
}

const zone = (name: unknown, extra: object = {}) => ({
  type: 'Microsoft.Network/privateDnsZones',
  apiVersion: '2020-06-01',
  name,
  location: 'global',
  ...extra,
});
const names = (decls: readonly ResourceDecl[]) => decls.map((d) => displayValue(d.name));
/** A zone whose name is an output of a deployment, to read outputs back through a resource. */
const zoneFromOutput = (expression: string) => zone(expression);

describe('nested deployments', () => {
  test("'inner' scope: the inline template has its own parameters; outputs come back through reference()", async () => {
    const result = await deploy({
      'main.json': template({
        variables: { zoneName: 'privatelink.blob.core.windows.net' },
        resources: [
          nestedDeployment('net', {
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { name: { value: "[variables('zoneName')]" } },
            template: {
              $schema: templateSchema,
              parameters: { name: { type: 'string' }, suffix: { type: 'string', defaultValue: '-x' } },
              variables: { zoneName: 'inner-variable-not-outer' },
              resources: [zone("[parameters('name')]")],
              outputs: { out: { type: 'string', value: "[concat(parameters('name'), parameters('suffix'))]" } },
            },
          }),
          zoneFromOutput("[reference('net').outputs.out.value]"),
          zoneFromOutput(
            "[reference(resourceId('Microsoft.Resources/deployments', 'net'), '2022-09-01').outputs.out.value]",
          ),
          zoneFromOutput("[reference('net').outputs.missing.value]"),
        ],
      }),
    });
    assert.deepEqual(names(result.resources).slice(0, 3), [
      'privatelink.blob.core.windows.net',
      'privatelink.blob.core.windows.net-x',
      'privatelink.blob.core.windows.net-x',
    ]);
    assert.ok(result.resources[3].name instanceof Unknown, 'an output the template does not declare is unknown');
    assert.equal(result.resources[0].via.length, 1, 'nested resources carry the deployment as via');
  });

  test("'outer' scope (ARM's default): the inline template's expressions see the caller's parameters and variables", async () => {
    const result = await deploy({
      'main.json': template({
        parameters: { prefix: { type: 'string', defaultValue: 'outer' } },
        variables: { v: 'outer-var' },
        resources: [
          nestedDeployment('nested', {
            template: {
              $schema: templateSchema,
              variables: { v: 'inner-var' },
              resources: [zone("[concat(parameters('prefix'), '-', variables('v'))]")],
            },
          }),
        ],
      }),
    });
    assert.deepEqual(names(result.resources), ['outer-outer-var']);
  });

  test('`resourceGroup`/`subscriptionId` move the nested deployment; resources get ids there', async () => {
    const result = await deploy({
      'main.json': template({
        resources: [
          nestedDeployment(
            'spoke',
            {
              expressionEvaluationOptions: { scope: 'inner' },
              template: { $schema: templateSchema, resources: [zone('z')] },
            },
            { resourceGroup: 'rg-spoke', subscriptionId: 'sub-spoke' },
          ),
        ],
      }),
    });
    assert.equal(
      displayValue(result.resources[0].id),
      '/subscriptions/sub-spoke/resourceGroups/rg-spoke/providers/Microsoft.Network/privateDnsZones/z',
    );
  });

  test('a deployment in a copy loop deploys its template once per instance, each with its index', async () => {
    const result = await deploy({
      'main.json': template({
        resources: [
          nestedDeployment(
            "[format('d{0}', copyIndex())]",
            {
              template: { $schema: templateSchema, resources: [zone("[format('z{0}', copyIndex())]")] },
            },
            { copy: { name: 'loop', count: 2 } },
          ),
        ],
      }),
    });
    assert.deepEqual(names(result.resources), ['z0', 'z1']);
    assert.deepEqual(
      result.resources.map((d) => d.instance),
      [0, 1],
    );
  });
});

describe('linked templates (templateLink.relativePath)', () => {
  test('a linked file is evaluated with its parameters, relative to the template that links it', async () => {
    const files: Record<string, string> = {
      'main.json': template({
        resources: [
          nestedDeployment('linked', {
            templateLink: { relativePath: 'nested/zone.json' },
            parameters: { name: { value: 'z-linked' } },
          }),
          zoneFromOutput("[reference('linked').outputs.id.value]"),
        ],
      }),
      'nested/zone.json': template({
        parameters: { name: { type: 'string' } },
        resources: [
          zone("[parameters('name')]"),
          nestedDeployment('deeper', { templateLink: { relativePath: 'leaf.json' } }),
        ],
        outputs: {
          id: { type: 'string', value: "[resourceId('Microsoft.Network/privateDnsZones', parameters('name'))]" },
        },
      }),
      'nested/leaf.json': template({ resources: [zone('z-leaf')] }),
    };
    const result = await deploy(files);
    assert.deepEqual(result.files.sort(), [uri('main.json'), uri('nested/leaf.json'), uri('nested/zone.json')]);
    assert.equal(result.resources[0].uri, uri('nested/zone.json'));
    const linkedText = files['nested/zone.json'];
    const { range, propertyRanges } = result.resources[0];
    assert.equal(linkedText.slice(range.start, range.end), '"Microsoft.Network/privateDnsZones"');
    assert.equal(
      linkedText.slice(propertyRanges.get('name')!.start, propertyRanges.get('name')!.end),
      '"[parameters(\'name\')]"',
    );
    assert.deepEqual(names(result.resources), [
      'z-linked',
      'z-leaf',
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}/providers/Microsoft.Network/privateDnsZones/z-linked',
    ]);
    assert.deepEqual(
      result.resources.map((d) => d.via.length),
      [1, 2, 0],
    );
  });

  test('a cycle of links and a missing file give unknown outputs, never a loop', async () => {
    const result = await deploy({
      'main.json': template({
        resources: [
          nestedDeployment('a', { templateLink: { relativePath: 'a.json' } }),
          nestedDeployment('gone', { templateLink: { relativePath: 'missing.json' } }),
          zoneFromOutput("[reference('gone').outputs.x.value]"),
        ],
      }),
      'a.json': template({
        resources: [zone('in-a'), nestedDeployment('back', { templateLink: { relativePath: 'main.json' } })],
      }),
    });
    const declared = result.resources.filter((decl) => !decl.unread);
    assert.equal(declared.length, 2, 'a.json is evaluated once; its link back to main.json is not followed');
    assert.equal(declared[0].name, 'in-a');
    assert.ok(declared[1].name instanceof Unknown);
    assert.match(displayValue(declared[1].name), /^\{deployment:.*\.outputs\.x\.value\}$/);
    // The missing file is the deployment nobody can read; the cycle back to main.json is no such thing.
    assert.deepEqual(
      result.resources.filter((decl) => decl.unread).map((decl) => decl.name),
      ['gone'],
    );
  });
});

describe('parameter files', () => {
  const main = template({
    parameters: {
      zoneName: { type: 'string' },
      secret: { type: 'securestring', defaultValue: 'dflt' },
      other: { type: 'string', defaultValue: 'default-other' },
    },
    resources: [zone("[parameters('zoneName')]"), zone("[parameters('secret')]"), zone("[parameters('other')]")],
  });

  test('X.parameters.json binds X.json: values as written, Key Vault references unknown, the rest by default', async () => {
    const result = await deploy(
      {
        'main.json': main,
        'main.parameters.json': parameterFile({
          zoneName: { value: '[not-evaluated]' },
          secret: {
            reference: {
              keyVault: { id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v' },
              secretName: 'x',
            },
          },
        }),
      },
      'main.parameters.json',
    );
    assert.equal(result.template, uri('main.json'));
    assert.deepEqual(names(result.resources), ['[not-evaluated]', '{param:secret}', 'default-other']);
  });

  test('per-environment parameter files bind the template: X.parameters.dev.json, and X.dev.parameters.json without an X.dev.json', async () => {
    for (const file of ['main.parameters.dev.json', 'main.dev.parameters.json']) {
      const result = await deploy(
        { 'main.json': main, [file]: parameterFile({ zoneName: { value: `z-${file}` } }) },
        file,
      );
      assert.equal(result.template, uri('main.json'), file);
      assert.equal(result.resources[0].name, `z-${file}`);
    }
    assert.deepEqual(parameterFileTemplates('file:///a/b.dev.parameters.json').slice(0, 1), ['file:///a/b.dev.json']);
  });

  test('.parameters.jsonc binds .jsonc; a parameter file without its template declares nothing', async () => {
    const bound = await deploy(
      { 'net.jsonc': main, 'net.parameters.jsonc': parameterFile({ zoneName: { value: 'z' } }) },
      'net.parameters.jsonc',
    );
    assert.equal(bound.template, uri('net.jsonc'));
    assert.equal(bound.resources[0].name, 'z');
    const alone = await deploy({ 'lonely.parameters.json': parameterFile({}) }, 'lonely.parameters.json');
    assert.deepEqual([alone.template, alone.resources.length], [uri('lonely.parameters.json'), 0]);
    assert.deepEqual(parameterFileTemplates('file:///a/b.parameters.json'), [
      'file:///a/b.json',
      'file:///a/b.jsonc',
      'file:///a/b.bicep',
    ]);
  });

  test('an ARM parameter file may bind a Bicep template of the same name', async () => {
    const result = await deploy(
      {
        'main.bicep':
          "param zoneName string\nresource z 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n",
        'main.parameters.json': parameterFile({ zoneName: { value: 'from-json' } }),
      },
      'main.parameters.json',
    );
    assert.equal(result.template, uri('main.bicep'));
    assert.deepEqual(names(result.resources), ['from-json']);
  });

  test('parameters.json alone binds template.json beside it (a portal export); parameters-X.json binds X', async () => {
    const bicep =
      "param zoneName string\nresource z 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n";
    const exported = await deploy(
      { 'template.json': main, 'parameters.json': parameterFile({ zoneName: { value: 'from-export' } }) },
      'parameters.json',
    );
    assert.equal(exported.template, uri('template.json'));
    assert.equal(exported.resources[0].name, 'from-export');
    // Not main.bicep or azuredeploy.json: a review found parameters.json written for another template of the
    // folder (spoke.bicep; nested/vnet.json beside an azuredeploy.json with its own parameter file) bound to them,
    // giving certain errors from values that were not theirs.
    for (const template of ['main.bicep', 'azuredeploy.json']) {
      const other = await deploy(
        {
          [template]: template.endsWith('.bicep') ? bicep : main,
          'parameters.json': parameterFile({ zoneName: { value: 'z' } }),
        },
        'parameters.json',
      );
      assert.deepEqual([other.template, other.resources.length], [uri('parameters.json'), 0], template);
    }
    assert.deepEqual(parameterFileTemplates('file:///m/parameters.dev.json'), []);
    assert.deepEqual(parameterFileTemplates('file:///m/params.json'), []);
    // The landing zone accelerators' parameters-main.json for main.bicep.
    const accelerator = await deploy(
      { 'main.bicep': bicep, 'parameters-main.json': parameterFile({ zoneName: { value: 'lza' } }) },
      'parameters-main.json',
    );
    assert.equal(accelerator.template, uri('main.bicep'));
    assert.deepEqual(names(accelerator.resources), ['lza']);
    assert.deepEqual(parameterFileTemplates('file:///m/parameters-updateUDR.json'), [
      'file:///m/updateUDR.json',
      'file:///m/updateUDR.jsonc',
      'file:///m/updateUDR.bicep',
    ]);
  });

  test("ALZ-Bicep's layout: parameters/X.parameters.all.json binds X.bicep in the folder above, after any X beside it", async () => {
    const result = await deploy(
      {
        'hubNetworking.bicep':
          "param zoneName string\nresource z 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n",
        'parameters/hubNetworking.parameters.all.json': parameterFile({
          zoneName: { value: 'from-parameters-folder' },
        }),
      },
      'parameters/hubNetworking.parameters.all.json',
    );
    assert.equal(result.template, uri('hubNetworking.bicep'));
    assert.deepEqual(names(result.resources), ['from-parameters-folder']);
    assert.deepEqual(parameterFileTemplates('file:///m/parameters/hub.parameters.json'), [
      'file:///m/parameters/hub.json',
      'file:///m/parameters/hub.jsonc',
      'file:///m/parameters/hub.bicep',
      'file:///m/hub.json',
      'file:///m/hub.jsonc',
      'file:///m/hub.bicep',
    ]);
    // Only a folder named so: another folder's file binds only what is beside it.
    assert.deepEqual(parameterFileTemplates('file:///m/envs/hub.parameters.json'), [
      'file:///m/envs/hub.json',
      'file:///m/envs/hub.jsonc',
      'file:///m/envs/hub.bicep',
    ]);
  });

  test("a parameter file that gives a parameter the template does not declare is not that template's (ARM rejects the pair)", async () => {
    const bicep =
      "param zoneName string = 'own'\nresource z 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n";
    const unbound = await deploy(
      {
        'hub.bicep': bicep,
        'parameters/hub.parameters.json': parameterFile({ zoneName: { value: 'z' }, hubVnetId: { value: '/x' } }),
      },
      'parameters/hub.parameters.json',
    );
    assert.deepEqual([unbound.template, unbound.resources.length], [uri('parameters/hub.parameters.json'), 0]);
    // ARM names compare without case: a file that gives ZONENAME is the template's.
    const bound = await deploy(
      { 'main.json': main, 'main.parameters.json': parameterFile({ ZONENAME: { value: 'z' } }) },
      'main.parameters.json',
    );
    assert.equal(bound.template, uri('main.json'));
    // The first candidate that takes every parameter binds: here the one above, not the one beside.
    const above = await deploy(
      {
        'parameters/hub.bicep': 'param other string\n',
        'hub.bicep': bicep,
        'parameters/hub.parameters.json': parameterFile({ zoneName: { value: 'from-file' } }),
      },
      'parameters/hub.parameters.json',
    );
    assert.deepEqual([above.template, names(above.resources)], [uri('hub.bicep'), ['from-file']]);
  });

  const bicepZone =
    "param zoneName string\nresource z 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: zoneName\n  location: 'global'\n}\n";
  /** main.json as Bicep writes it: its generator stamp near the top. */
  const compiled = template({
    metadata: { _generator: { name: 'bicep', version: '0.41.2.15936', templateHash: '1' } },
    parameters: { zoneName: { type: 'string' } },
    resources: [zone("[parameters('zoneName')]")],
  });

  test('the Quickstart layout: azuredeploy.parameters.json binds main.bicep when there is no azuredeploy.json; its US Government file does not', async () => {
    const result = await deploy(
      { 'main.bicep': bicepZone, 'azuredeploy.parameters.json': parameterFile({ zoneName: { value: 'z' } }) },
      'azuredeploy.parameters.json',
    );
    assert.equal(result.template, uri('main.bicep'));
    assert.deepEqual(names(result.resources), ['z']);
    assert.deepEqual(parameterFileTemplates('file:///a/azuredeploy.parameters.json'), [
      'file:///a/azuredeploy.json',
      'file:///a/azuredeploy.jsonc',
      'file:///a/azuredeploy.bicep',
      'file:///a/main.bicep',
    ]);
    // Another cloud's values (`.us.json`), and another parameter file's name, never reach main.bicep.
    const us = await deploy(
      { 'main.bicep': bicepZone, 'azuredeploy.parameters.us.json': parameterFile({ zoneName: { value: 'z' } }) },
      'azuredeploy.parameters.us.json',
    );
    assert.deepEqual(us.resources, []);
    assert.ok(!parameterFileTemplates('file:///a/other.parameters.json').includes('file:///a/main.bicep'));
  });

  test('a template Bicep compiled from a file beside it is passed over for that file; a hand-written one is not', async () => {
    const bound = (template: string, name: string) =>
      deploy(
        {
          'main.bicep': bicepZone,
          [name]: template,
          [name.replace('.json', '.parameters.json')]: parameterFile({ zoneName: { value: 'z' } }),
        },
        name.replace('.json', '.parameters.json'),
      );
    assert.equal((await bound(compiled, 'main.json')).template, uri('main.bicep'));
    assert.equal((await bound(compiled, 'azuredeploy.json')).template, uri('main.bicep'));
    const handWritten = compiled.replace('"bicep"', '"me"');
    assert.equal((await bound(handWritten, 'main.json')).template, uri('main.json'));
    assert.equal((await bound(handWritten, 'azuredeploy.json')).template, uri('azuredeploy.json'));
  });

  test("the Quickstart repository's test tokens (GEN-UNIQUE, GEN-VNET-NAME, GET-PREREQ-vnetName) are unknown, not names", async () => {
    const result = await deploy(
      {
        'main.json': main,
        'main.parameters.json': parameterFile({
          zoneName: { value: 'GEN-UNIQUE' },
          secret: { value: ['a', { name: 'GEN-VNET-NAME' }] },
          other: { value: 'REGEN-UNIQUE is no token' },
        }),
      },
      'main.parameters.json',
    );
    assert.deepEqual(names(result.resources), ['{param:zoneName}', '{param:secret}', 'REGEN-UNIQUE is no token']);
    // An output of the sample's prerequisite deployment, filled in by the same tests.
    const prerequisite = await deploy(
      { 'main.json': main, 'main.parameters.json': parameterFile({ zoneName: { value: 'GET-PREREQ-vnetName' } }) },
      'main.parameters.json',
    );
    assert.equal(names(prerequisite.resources)[0], '{param:zoneName}');
  });

  test('a subscription deployment template deploys at subscription scope; a resource group id is /subscriptions/{s}/resourceGroups/{name}', async () => {
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
      resources: [
        { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2021-04-01', name: 'rg', location: 'westeurope' },
      ],
    });
    const result = await deploy({ 'sub.json': text }, 'sub.json');
    assert.equal(
      displayValue(result.resources[0].id),
      '/subscriptions/{subscription().subscriptionId}/resourceGroups/rg',
    );
  });
});

describe('ARM JSON as a Bicep module', () => {
  test("the module's params bind the template; outputs flow back; resources carry the call", async () => {
    const files = new Map([
      [
        uri('main.bicep'),
        "module net './net.json' = {\n  name: 'net'\n  params: { zoneName: 'privatelink.vaultcore.azure.net' }\n}\nresource z2 'Microsoft.Network/privateDnsZones@2020-06-01' = {\n  name: '${net.outputs.zone}-copy'\n  location: 'global'\n}\n",
      ],
      [
        uri('net.json'),
        template({
          parameters: { ZONENAME: { type: 'string' }, unbound: { type: 'string' } },
          resources: [zone("[parameters('zoneName')]"), zone("[parameters('unbound')]")],
          outputs: { zone: { type: 'string', value: "[parameters('zoneName')]" } },
        }),
      ],
    ]);
    const result = await evaluateBicepDeployment(uri('main.bicep'), fixtureSource(files), {
      ...options,
      armModule: armModuleEvaluator,
    });
    assert.deepEqual(names(result.resources), [
      'privatelink.vaultcore.azure.net',
      '{module:main.bicep#net.params:unbound}',
      'privatelink.vaultcore.azure.net-copy',
    ]);
    assert.equal(result.resources[0].language, 'arm');
    assert.deepEqual(
      result.resources[0].via.map((v) => v.uri),
      [uri('main.bicep')],
    );
  });
});
