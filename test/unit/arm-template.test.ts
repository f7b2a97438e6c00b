// The template views: sections, resources (array and symbolic), nested children, copy loops, conditions,
// nested deployments, and the iteration helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node } from 'jsonc-parser';
import {
  armExpressions,
  armLiteralString,
  armResources,
  armTemplates,
  readArmFile,
  type ArmFile,
  type ArmTemplate,
} from '../../server/src/syntax/arm';

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function read(body: object): { file: ArmFile; template: ArmTemplate; text: string } {
  const text = JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', ...body }, null, 2);
  const file = readArmFile(text);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(file.skipped, []);
  assert.ok(file.template);
  return { file, template: file.template, text };
}

const at = (text: string, node: Node | undefined) =>
  node ? text.slice(node.offset, node.offset + node.length) : undefined;

test('parameters, variables (with a copy loop), functions, definitions and outputs', () => {
  const { template, text } = read({
    parameters: {
      vnetName: { type: 'string', defaultValue: "[format('vnet-{0}', uniqueString(resourceGroup().id))]" },
      size: { type: 'int', allowedValues: [1, 2], metadata: { description: '[Required] the size [1-2]' } },
    },
    variables: {
      prefix: '10.0.0.0/16',
      copy: [{ name: 'subnets', count: 3, input: { name: "[format('s{0}', copyIndex('subnets'))]" } }],
      last: "[last(variables('subnets'))]",
    },
    functions: [
      {
        namespace: 'contoso',
        members: {
          zoneName: {
            parameters: [{ name: 'service', type: 'string' }],
            output: { type: 'string', value: "[format('privatelink.{0}', parameters('service'))]" },
          },
        },
      },
    ],
    definitions: { subnetType: { type: 'object' } },
    outputs: {
      vnetId: { type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworks', parameters('vnetName'))]" },
      names: { type: 'array', copy: { count: 2, input: '[copyIndex()]' } },
    },
  });
  assert.deepEqual(
    template.parameters.map((p) => [p.name, p.typeName]),
    [
      ['vnetName', 'string'],
      ['size', 'int'],
    ],
  );
  assert.equal(at(text, template.parameters[1].allowedValues)?.replace(/\s/g, ''), '[1,2]');
  assert.equal(at(text, template.parameters[0].nameNode), '"vnetName"');
  assert.deepEqual(
    template.variables.map((v) => [v.kind, v.name]),
    [
      ['value', 'prefix'],
      ['copy', 'subnets'],
      ['value', 'last'],
    ],
  );
  const copy = template.variables[1];
  assert.ok(copy.kind === 'copy');
  assert.equal(copy.count?.value, 3);
  assert.equal(copy.input?.type, 'object');
  const fn = template.functions[0];
  assert.deepEqual(
    [fn.namespace, fn.name, fn.parameters.map((p) => p.name), fn.outputType?.value],
    ['contoso', 'zoneName', ['service'], 'string'],
  );
  assert.deepEqual(
    template.definitions.map((d) => d.name),
    ['subnetType'],
  );
  assert.deepEqual(
    template.outputs.map((o) => o.name),
    ['vnetId', 'names'],
  );
  assert.equal(template.outputs[1].copy?.count?.value, 2);
  // Expressions come from default values, variables, function outputs and outputs, not from metadata.
  const sources = armExpressions(template).map((site) => site.node.value as string);
  assert.deepEqual(sources, [
    "[format('vnet-{0}', uniqueString(resourceGroup().id))]",
    "[format('s{0}', copyIndex('subnets'))]",
    "[last(variables('subnets'))]",
    "[format('privatelink.{0}', parameters('service'))]",
    "[resourceId('Microsoft.Network/virtualNetworks', parameters('vnetName'))]",
    '[copyIndex()]',
  ]);
  assert.ok(armExpressions(template).every((site) => site.expression !== undefined && site.template === template));
});

test('resources: keywords, copy, condition, dependsOn, and nested children composed with their parent', () => {
  const { template, text } = read({
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-04-01',
        name: 'hub',
        location: 'westeurope',
        condition: "[parameters('deploy')]",
        copy: { name: 'vnets', count: "[length(parameters('names'))]", mode: 'Serial', batchSize: 1 },
        properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
        resources: [
          { type: 'subnets', apiVersion: '2023-04-01', name: 'pe', dependsOn: ['hub'], properties: {} },
          { type: 'subnets', apiVersion: '2023-04-01', name: "[parameters('subnetName')]" },
        ],
      },
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: 'st1',
        resources: [
          { type: 'blobServices/containers', apiVersion: '2023-01-01', name: 'default/logs' },
          { type: 'Microsoft.Storage/storageAccounts/fileServices', apiVersion: '2023-01-01', name: 'st1/default' },
        ],
      },
    ],
  });
  const [vnet, storage] = template.resources;
  assert.equal(vnet.fullType, 'Microsoft.Network/virtualNetworks');
  assert.equal(vnet.fullName, 'hub');
  assert.equal(at(text, vnet.condition), '"[parameters(\'deploy\')]"');
  assert.deepEqual(
    [vnet.copy?.name?.value, vnet.copy?.mode?.value, vnet.copy?.batchSize?.value],
    ['vnets', 'Serial', 1],
  );
  assert.equal(vnet.apiVersion?.value, '2023-04-01');
  assert.equal(vnet.location?.value, 'westeurope');
  assert.equal(vnet.properties?.type, 'object');

  const [pe, dynamic] = vnet.children;
  assert.equal(pe.parent, vnet);
  assert.equal(pe.fullType, 'Microsoft.Network/virtualNetworks/subnets');
  assert.equal(pe.fullName, 'hub/pe');
  assert.deepEqual(
    pe.typeChain.map((n) => n.value),
    ['Microsoft.Network/virtualNetworks', 'subnets'],
  );
  assert.equal(at(text, pe.dependsOn)?.replace(/\s/g, ''), '["hub"]');
  // A name that is an expression: no composed string, but the parts to compose.
  assert.equal(dynamic.fullName, undefined);
  assert.deepEqual(
    dynamic.nameChain?.map((n) => n.value),
    ['hub', "[parameters('subnetName')]"],
  );
  assert.equal(dynamic.fullType, 'Microsoft.Network/virtualNetworks/subnets');

  const [containers, files] = storage.children;
  assert.equal(containers.fullType, 'Microsoft.Storage/storageAccounts/blobServices/containers');
  assert.equal(containers.fullName, 'st1/default/logs');
  // A child written with its full type has its full name already.
  assert.equal(files.fullType, 'Microsoft.Storage/storageAccounts/fileServices');
  assert.equal(files.fullName, 'st1/default');

  assert.deepEqual(
    armResources(template).map((r) => [r.fullName, r.parent?.fullName]),
    [
      ['hub', undefined],
      ['hub/pe', 'hub'],
      [undefined, 'hub'],
      ['st1', undefined],
      ['st1/default/logs', 'st1'],
      ['st1/default', 'st1'],
    ],
  );
  // Each resource's expressions are its own: the child's are not counted twice.
  assert.equal(armExpressions(template).length, 3);
});

test('languageVersion 2.0: resources keyed by symbolic name, existing, scope', () => {
  const { template } = read({
    languageVersion: '2.0',
    resources: {
      hub: {
        existing: true,
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-04-01',
        name: 'hub',
        scope: "[resourceGroup('other')]",
      },
      peering: {
        type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        apiVersion: '2023-04-01',
        name: 'spoke/to-hub',
        dependsOn: ['hub'],
        properties: { remoteVirtualNetwork: { id: "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]" } },
      },
    },
  });
  assert.equal(template.languageVersion, '2.0');
  assert.equal(template.symbolicNames, true);
  assert.deepEqual(
    template.resources.map((r) => r.symbolicName),
    ['hub', 'peering'],
  );
  assert.equal(template.resources[0].existing?.value, true);
  assert.equal(template.resources[0].scope?.value, "[resourceGroup('other')]");
  assert.equal(template.resources[1].fullName, 'spoke/to-hub');
  assert.equal(template.resources[0].symbolicNameNode?.value, 'hub');
});

test('nested deployments: inline templates read recursively, inner and outer scope, linked templates', () => {
  const inner = {
    $schema: schema,
    contentVersion: '1.0.0.0',
    parameters: { name: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/privateDnsZones',
        apiVersion: '2020-06-01',
        name: "[parameters('name')]",
        location: 'global',
      },
    ],
    outputs: { id: { type: 'string', value: "[resourceId('Microsoft.Network/privateDnsZones', parameters('name'))]" } },
  };
  const { template } = read({
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'zone',
        properties: {
          mode: 'Incremental',
          expressionEvaluationOptions: { scope: 'inner' },
          parameters: { name: { value: "[parameters('zoneName')]" } },
          template: inner,
        },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'outer',
        properties: { mode: 'Incremental', template: inner },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'linked',
        properties: {
          mode: 'Incremental',
          templateLink: { relativePath: 'modules/spoke.json' },
          parameters: { a: { reference: { keyVault: { id: 'kv' }, secretName: 's' } } },
        },
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2022-09-01',
        name: 'loaded',
        properties: { mode: 'Incremental', template: "[variables('$fxv#0')]" },
      },
    ],
  });
  const [zone, outer, linked, loaded] = template.resources.map((r) => r.deployment!);
  assert.equal(zone.scope, 'inner');
  assert.equal(outer.scope, 'outer');
  assert.equal(zone.scopeNode?.value, 'inner');
  assert.equal(outer.scopeNode, undefined);
  assert.deepEqual(
    zone.parameters.map((p) => [p.name, p.value?.value]),
    [['name', "[parameters('zoneName')]"]],
  );
  assert.ok(zone.template);
  assert.equal(zone.template.deployment, zone);
  assert.equal(zone.template.resources[0].fullType, 'Microsoft.Network/privateDnsZones');
  assert.equal(linked.template, undefined);
  assert.equal(linked.relativePath?.value, 'modules/spoke.json');
  assert.equal(linked.parameters[0].reference?.type, 'object');
  assert.equal(loaded.template, undefined);
  assert.equal(loaded.templateNode?.value, "[variables('$fxv#0')]");

  // Inner expressions belong to the inner template; the outer template has the deployment's own.
  assert.deepEqual(
    template.expressions.map((site) => site.node.value),
    ["[parameters('zoneName')]", "[variables('$fxv#0')]"],
  );
  assert.equal(zone.template.expressions.length, 2);
  assert.equal(armTemplates(template).length, 3);
  assert.equal(armTemplates(template, { nested: false }).length, 1);
  assert.equal(armExpressions(template).length, 6);
  assert.equal(armExpressions(template, { nested: false }).length, 2);
  assert.deepEqual(
    armResources(template).map((r) => r.template === template),
    [true, true, true, true, false, false],
  );
});

test('keywords are case-insensitive, as in ARM', () => {
  const text = `{ "$Schema": "${schema}", "Resources": [ { "Type": "Microsoft.Network/virtualNetworks", "Name": "v", "ApiVersion": "2023-04-01",
    "DependsOn": [], "Properties": { "subnets": [] } } ] }`;
  const file = readArmFile(text);
  assert.equal(file.kind, 'arm-template');
  const resource = file.template!.resources[0];
  assert.equal(resource.fullName, 'v');
  assert.equal(resource.apiVersion?.value, '2023-04-01');
  assert.equal(resource.properties?.type, 'object');
});

test('armLiteralString undoes the [[ escape and refuses expressions', () => {
  const { template } = read({ variables: { a: '[[literal]', b: '[expr()]', c: 'plain' } });
  assert.deepEqual(
    template.variables.map((v) => (v.kind === 'value' ? armLiteralString(v.value) : 'copy')),
    ['[literal]', undefined, 'plain'],
  );
});
