// What a cached registry module costs (issue 15: with a cache at most 2× without): its text is
// skimmed so resources nothing needs are never read, it is read once per process, and only what
// the analysis needs is evaluated — with the same model as evaluating everything.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeWorkspace, workspaceModel } from '../../server/src/engine/analyze';
import { defaultAnalysisOptions } from '../../server/src/engine/types';
import { defaultLimits } from '../../server/src/engine/limits';
import { needsResourceType } from '../../server/src/engine/needed-types';
import { Workspace } from '../../server/src/engine/workspace';
import { blankUnneededParts, loadArmText } from '../../server/src/evaluate/arm';
import { encodeTag } from '../../server/src/evaluate/registry/cache-location';
import { cachedModuleReading } from '../../server/src/evaluate/registry/cached-reading';
import { cachedModuleMayDeclareNeeded } from '../../server/src/evaluate/registry/cached-skim';
import { withOmittedNulls } from '../../server/src/evaluate/registry/cached-params';
import { LazyBindings } from '../../server/src/evaluate/lazy';
import type { Value } from '../../server/src/evaluate/value';
import { templateNames } from '../../server/src/evaluate/arm/template-names';
import { modelToJson } from '../../server/src/engine/model-json';
import { lockResource, nestedDeployment, templateObject, templateSchema, templateText } from '../support/arm-fixtures';
import { fixtureHost, splitFixture } from '../support/fixture';
import { corpusRoot } from '../support/paths';

const lock = lockResource;
const vnet = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name: 'vnet',
  location: 'westeurope',
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
};
const nested = (resources: unknown[]) => nestedDeployment('inner', { template: templateObject({ resources }) });
const template = (resources: unknown) => templateText({ resources });

describe('the skim of a cached module', () => {
  test('unneeded top-level resources become { spaces }, keeping every offset; needed ones stay', () => {
    const text = template([lock, vnet, nested([lock]), nested([vnet])]);
    const skimmed = blankUnneededParts(text, needsResourceType);
    assert.equal(skimmed.length, text.length);
    assert.equal(skimmed.split('\n').length, text.split('\n').length);
    const parsed = JSON.parse(skimmed) as { resources: Record<string, unknown>[] };
    assert.deepEqual(parsed.resources, [{}, vnet, {}, nested([vnet])]);
    // The kept resources sit exactly where they were.
    const at = text.indexOf('"Microsoft.Network/virtualNetworks"');
    assert.equal(skimmed.slice(at, at + 40), text.slice(at, at + 40));
  });

  test('blanking keeps every line break where it was, CRLF and a lone CR included', () => {
    const text = template([lock, vnet])
      .replace(/\n/g, '\r\n')
      .replace('"Microsoft.Authorization/locks"', '"Microsoft.Authorization/locks"\r');
    const skimmed = blankUnneededParts(text, needsResourceType);
    assert.notEqual(skimmed, text);
    assert.equal(skimmed.length, text.length);
    for (let at = 0; at < text.length; at++)
      if (text[at] === '\r' || text[at] === '\n') assert.equal(skimmed[at], text[at], `line break at ${at}`);
  });

  test('languageVersion 2.0 resources (an object by symbolic name) are skimmed the same way', () => {
    const text = JSON.stringify({
      $schema: templateSchema,
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: { lock, vnet },
    });
    assert.deepEqual((JSON.parse(blankUnneededParts(text, needsResourceType)) as { resources: unknown }).resources, {
      lock: {},
      vnet,
    });
  });

  test('any doubt leaves the text as it is: a comment, a type written as an expression, a linked template, broken JSON', () => {
    const withComment = template([lock]).replace('"resources"', '// note\n  "resources"');
    assert.equal(blankUnneededParts(withComment, needsResourceType), withComment);
    const expression = template([{ ...lock, type: "[parameters('type')]" }]);
    assert.equal(blankUnneededParts(expression, needsResourceType), expression);
    const linked = template([
      { ...nested([]), properties: { mode: 'Incremental', templateLink: { relativePath: 'x.json' } } },
    ]);
    assert.equal(blankUnneededParts(linked, needsResourceType), linked);
    const broken = template([lock]).slice(0, -3);
    assert.equal(blankUnneededParts(broken, needsResourceType), broken);
  });

  test('user-defined types and parameter descriptions become { spaces } too: evaluation reads neither', () => {
    const text = templateText({
      definitions: { lockType: { type: 'object', metadata: { description: 'A lock.' } } },
      parameters: { name: { type: 'string', defaultValue: 'vnet', metadata: { description: 'The name.' } } },
      resources: [vnet],
    });
    const skimmed = blankUnneededParts(text, needsResourceType);
    assert.equal(skimmed.length, text.length);
    const parsed = JSON.parse(skimmed) as Record<string, unknown>;
    assert.deepEqual(parsed.definitions, {});
    assert.deepEqual(parsed.parameters, { name: { type: 'string', defaultValue: 'vnet', metadata: {} } });
    assert.deepEqual(parsed.resources, [vnet]);
  });

  test("a kept nested deployment's inline template is skimmed as the file's is; other resources' templates are not", () => {
    const inner = templateObject({ definitions: { t: { type: 'string' } }, resources: [lock, vnet] });
    const app = {
      type: 'Microsoft.App/containerApps',
      apiVersion: '2024-03-01',
      name: 'app',
      properties: { template: { definitions: { kept: true }, resources: [lock] } },
    };
    const text = template([nestedDeployment('inner', { template: inner }), app]);
    const parsed = JSON.parse(blankUnneededParts(text, needsResourceType)) as {
      resources: [{ properties: { template: { definitions: unknown; resources: unknown } } }, unknown];
    };
    assert.deepEqual(parsed.resources[0].properties.template.definitions, {});
    assert.deepEqual(parsed.resources[0].properties.template.resources, [{}, vnet]);
    assert.deepEqual(parsed.resources[1], {}, 'a container app declares nothing needed');
    const needed = template([{ ...app, properties: { ...app.properties, subnet: vnet } }]);
    assert.equal(blankUnneededParts(needed, needsResourceType), needed);
  });

  test('a compiled AVM module that deploys nothing the analysis needs is not read at all', () => {
    const avm = path.join(corpusRoot, 'broad/Azure__bicep-registry-modules/avm/res');
    const identity = fs.readFileSync(path.join(avm, 'managed-identity/user-assigned-identity/main.json'), 'utf8');
    const endpoint = fs.readFileSync(path.join(avm, 'network/private-endpoint/main.json'), 'utf8');
    assert.equal(cachedModuleMayDeclareNeeded('file:///c/identity/main.json', identity, needsResourceType), false);
    assert.equal(cachedModuleMayDeclareNeeded('file:///c/endpoint/main.json', endpoint, needsResourceType), true);
  });
});

describe('readings of cached modules', () => {
  test('one reading per text for the whole process; a changed text is read again', () => {
    const text = template([lock, vnet]);
    const first = cachedModuleReading('file:///cache/a/main.json', text, needsResourceType);
    assert.equal(cachedModuleReading('file:///cache/a/main.json', `${text}`, needsResourceType), first);
    const changed = template([vnet]);
    const second = cachedModuleReading('file:///cache/a/main.json', changed, needsResourceType);
    assert.notEqual(second, first);
    assert.equal(second.arm.template?.resources.length, 1);
    // Skimmed, the lock is not read; without a demand it is.
    assert.equal(first.arm.template?.resources.length, 1);
    assert.equal(cachedModuleReading('file:///cache/a/main.json', text).arm.template?.resources.length, 2);
  });
});

describe('the expressions of a cached module', () => {
  test('are parsed as evaluation reaches them, not while reading: none parsed, none of their errors', () => {
    const text = template([
      { ...vnet, name: '[concat(]' },
      { ...vnet, location: '[resourceGroup().location]' },
    ]);
    const reading = cachedModuleReading('file:///cache/lazy/main.json', text, needsResourceType);
    assert.equal(reading.expressions.size, 0);
    assert.deepEqual(reading.arm.template?.expressions, []);
    assert.deepEqual(reading.arm.errors, []);
    // Read as a workspace file, the same text reports the broken expression.
    assert.equal(loadArmText('file:///workspace/lazy.json', text).arm.errors.length, 1);
  });
});

describe("a reading's template names", () => {
  test('indexed once per template of a reading, lower-cased; a changed text is indexed anew', () => {
    const uri = 'file:///cache/names/main.json';
    const text = templateText({ parameters: { vnetName: { type: 'string' } }, resources: [vnet] });
    const reading = cachedModuleReading(uri, text, needsResourceType);
    const names = templateNames(reading, reading.arm.template!);
    assert.equal(templateNames(reading, reading.arm.template!), names, 'every evaluation shares one index');
    assert.deepEqual([...names.parameters.keys()], ['vnetname']);
    const changed = cachedModuleReading(uri, text.replace('vnetName', 'hubName'), needsResourceType);
    assert.deepEqual([...templateNames(changed, changed.arm.template!).parameters.keys()], ['hubname']);
  });
});

describe("a cached module call's params", () => {
  test('omitted nullable parameters read as null, and no binding is evaluated before the module reads it', () => {
    const text = JSON.stringify({
      $schema: templateSchema,
      contentVersion: '1.0.0.0',
      parameters: {
        name: { type: 'string' },
        tags: { type: 'object', nullable: true },
        subnetResourceId: { type: 'string', nullable: true },
        lock: { type: 'object', nullable: true, defaultValue: null },
      },
      resources: [],
    });
    const evaluated: string[] = [];
    const bindings = new LazyBindings(
      ['name', 'Tags'],
      (name) => {
        evaluated.push(name);
        return `${name}-value`;
      },
      'call',
    );
    const params = withOmittedNulls(bindings, 'file:///cache/nulls/main.json', text);
    assert.deepEqual(evaluated, [], 'building the params evaluates nothing');
    assert.deepEqual([...params.keys()], ['name', 'Tags', 'subnetResourceId'], 'a name bound in another case is bound');
    assert.equal(params.get('subnetResourceId'), null);
    assert.equal(params.has('lock'), false, 'a parameter with a default keeps it');
    assert.equal(params.get('name'), 'name-value');
    assert.deepEqual(evaluated, ['name'], 'only what is read');
  });

  test('the parameters are found in the text without parsing the rest, wherever the section is', () => {
    const tricky = {
      ...lock,
      properties: { notes: 'a "parameters": { "x": { "nullable": true } } \\ "quoted" }' },
    };
    const text = JSON.stringify({
      $schema: templateSchema,
      contentVersion: '1.0.0.0',
      resources: [tricky, nested([lock])],
      parameters: { zone: { type: 'string', nullable: true } },
      outputs: { id: { type: 'string', value: '[resourceId()]' } },
    });
    const params = withOmittedNulls(new Map<string, Value>(), 'file:///cache/section/main.json', text);
    assert.deepEqual([...params.keys()], ['zone']);
    const notJson = `${text.slice(0, -1)},}`;
    assert.equal(withOmittedNulls(new Map(), 'file:///cache/broken/main.json', notJson).size, 0);
  });
});

describe('demand-driven evaluation of a cached module', () => {
  const module = JSON.stringify(
    {
      $schema: templateSchema,
      contentVersion: '1.0.0.0',
      parameters: { name: { type: 'string' } },
      resources: [
        {
          ...lock,
          name: "[format('{0}-lock', parameters('name'))]",
          scope: "[format('Microsoft.Network/virtualNetworks/{0}', parameters('name'))]",
        },
        { ...vnet, name: "[parameters('name')]" },
        nested([lock]),
        { ...nested([{ ...vnet, name: 'inner-vnet' }]), name: 'with-vnet' },
      ],
      outputs: {
        resourceId: { type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworks', parameters('name'))]" },
        lockName: { type: 'string', value: "[format('{0}-lock', parameters('name'))]" },
      },
    },
    null,
    2,
  );
  const cacheUri = `file:///cache/br/contoso.azurecr.io/hub/${encodeURIComponent(encodeTag('1.0.0'))}/main.json`;
  const fixture = `//- /main.bicep
module hub 'br:contoso.azurecr.io/hub:1.0.0' = {
  name: 'hub'
  params: { name: 'vnet-hub' }
}
module spoke 'br:contoso.azurecr.io/hub:1.0.0' = {
  name: 'spoke'
  params: { name: 'vnet-spoke' }
}
resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  name: 'vnet-spoke/to-hub'
  properties: { remoteVirtualNetwork: { id: hub.outputs.resourceId } }
}
`;

  async function analyse(evaluateEverything: boolean) {
    const files = splitFixture(fixture);
    files.set('file:///fixture/bicepconfig.json', '{ "cacheRootDirectory": "/cache" }');
    const workspace = new Workspace(
      fixtureHost(new Map([...files, [cacheUri, module]])),
      defaultLimits,
      evaluateEverything,
    );
    for (const [uri, text] of files) if (uri.endsWith('.bicep')) workspace.setFile(uri, text);
    const model = JSON.stringify(modelToJson(await workspaceModel(workspace, undefined), () => 0));
    const findings = (await analyzeWorkspace(workspace, workspace.uris(), defaultAnalysisOptions)).findings
      .map((f) => `${f.ruleId}@${f.start}-${f.end}`)
      .sort();
    return { model, findings };
  }

  test('evaluating only what is needed finds what evaluating everything finds, without evaluating the rest', async () => {
    const demanded = await analyse(false);
    const everything = await analyse(true);
    assert.ok(demanded.findings.length > 0, 'the one-way peering is found');
    assert.deepEqual(demanded.findings, everything.findings);
    for (const name of ['vnet-hub', 'vnet-spoke', 'inner-vnet', 'to-hub'])
      assert.ok(demanded.model.includes(name), `${name} is in the model`);
    // The locks nothing reads are evaluated only when everything is.
    assert.ok(everything.model.includes('vnet-hub-lock'));
    assert.ok(!demanded.model.includes('vnet-hub-lock'));
  });
});
