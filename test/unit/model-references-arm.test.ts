// Every reference form of DESIGN §2 resolves by identity in ARM JSON as in Bicep (model-references.test.ts):
// inline subnets by resourceId() and by concatenated ids, existing resources, child resources (nested
// and `parent/child`), nested deployment outputs, linked templates, parameter files, copy loops,
// conditions, moved scopes, and the reasons a reference stays unresolved.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateArmDeployment } from '../../server/src/evaluate/arm';
import { environmentValue } from '../../server/src/engine/environment';
import { buildModel } from '../../server/src/model/build';
import { displayValue } from '../../server/src/model/json';
import type { NetworkModel, Reference } from '../../server/src/model/types';
import {
  innerDeployment,
  nestedDeployment,
  parametersSchema,
  templateObject,
  templateText,
} from '../support/arm-fixtures';
import { fixtureRoot, fixtureSource } from '../support/fixture';

const template = templateText;
const uri = (path: string) => new URL(path, fixtureRoot).href;

async function modelOf(files: Record<string, string> | object, entry = 'main.json'): Promise<NetworkModel> {
  const isFiles = Object.keys(files).every((key) => /\.jsonc?$/.test(key));
  const texts = isFiles ? (files as Record<string, string>) : { 'main.json': template(files) };
  const source = fixtureSource(new Map(Object.entries(texts).map(([path, text]) => [uri(path), text])));
  const result = await evaluateArmDeployment(uri(entry), source, {
    cloud: 'AzureCloud',
    environment: environmentValue('AzureCloud'),
  });
  return buildModel(result.resources);
}

function targetName<T extends { name: unknown }>(reference: Reference<T> | undefined): string {
  if (!reference) return 'none';
  return reference.resolved ? displayValue(reference.target.name as never) : `unresolved:${reference.reason}`;
}

const vnet = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2024-05-01',
  name: 'vnet-spoke',
  location: 'westeurope',
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
    subnets: [
      { name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24' } },
      { name: 'snet-pe', properties: { addressPrefix: '10.1.1.0/24' } },
    ],
  },
};
const pe = (subnetId: string, name = 'pe-x', extra: object = {}) => ({
  type: 'Microsoft.Network/privateEndpoints',
  apiVersion: '2024-05-01',
  name,
  location: 'westeurope',
  properties: { subnet: { id: subnetId }, privateLinkServiceConnections: [] },
  ...extra,
});

describe('ARM reference forms', () => {
  test('resourceId() of the subnet, a concatenated and a formatted VNet id reach the same inline subnet', async () => {
    const model = await modelOf({
      resources: [
        vnet,
        pe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-pe')]", 'pe-resourceid'),
        pe("[concat(resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke'), '/subnets/snet-pe')]", 'pe-concat'),
        pe(
          "[format('{0}/subnets/{1}', resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke'), 'snet-pe')]",
          'pe-format',
        ),
      ],
    });
    assert.equal(model.subnets.length, 2);
    assert.deepEqual(
      model.privateEndpoints.map((e) => targetName(e.subnet)),
      ['snet-pe', 'snet-pe', 'snet-pe'],
    );
    assert.equal(model.subnets[1].privateEndpoints.length, 3);
  });

  test('reference() of a VNet the template declares reads its inline subnets, by id and by symbolic name', async () => {
    const byId = await modelOf({
      resources: [
        vnet,
        pe("[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke'), '2024-05-01').subnets[1].id]"),
      ],
    });
    assert.equal(targetName(byId.privateEndpoints[0].subnet), 'snet-pe');
    const bySymbol = await modelOf({
      languageVersion: '2.0',
      resources: { spoke: vnet, pe: pe("[reference('spoke').subnets[0].id]") },
    });
    assert.equal(targetName(bySymbol.privateEndpoints[0].subnet), 'snet-app');
  });

  test('an existing VNet (languageVersion 2.0) with a child subnet named `parent/child`', async () => {
    const model = await modelOf({
      languageVersion: '2.0',
      resources: {
        hub: { existing: true, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'vnet-hub' },
        snet: {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2024-05-01',
          name: 'vnet-hub/snet-pe',
          properties: { addressPrefix: '10.0.1.0/24' },
        },
        pe: pe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet-pe')]"),
      },
    });
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'vnet-hub/snet-pe');
    assert.equal(displayValue(model.subnets[0].vnet?.name), 'vnet-hub');
    assert.equal(model.vnets[0].decl.existing, true);
    assert.equal(model.vnets[0].decl.symbol, 'hub');
  });

  test("a nested child resource (relative type in the VNet's `resources`)", async () => {
    const model = await modelOf({
      parameters: { vnetName: { type: 'string', defaultValue: 'vnet-a' } },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: "[parameters('vnetName')]",
          location: 'westeurope',
          properties: { addressSpace: { addressPrefixes: ['10.2.0.0/16'] } },
          resources: [
            {
              type: 'subnets',
              apiVersion: '2024-05-01',
              name: 'snet-pe',
              dependsOn: ["[parameters('vnetName')]"],
              properties: { addressPrefix: '10.2.0.0/24' },
            },
          ],
        },
        pe("[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('vnetName'), 'snet-pe')]"),
      ],
    });
    assert.equal(model.subnets[0].decl.type, 'Microsoft.Network/virtualNetworks/subnets');
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'vnet-a/snet-pe');
    assert.equal(displayValue(model.subnets[0].vnet?.name), 'vnet-a');
  });

  test('nested deployment outputs flow back through reference()', async () => {
    const model = await modelOf({
      resources: [
        innerDeployment(
          'net',
          templateObject({
            parameters: { vnetName: { type: 'string' } },
            resources: [{ ...vnet, name: "[parameters('vnetName')]" }],
            outputs: {
              peSubnetId: {
                type: 'string',
                value: "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('vnetName'), 'snet-pe')]",
              },
            },
          }),
          { vnetName: { value: 'vnet-m' } },
        ),
        pe("[reference('net').outputs.peSubnetId.value]"),
      ],
    });
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'snet-pe');
    assert.equal(model.privateEndpoints[0].decl.via.length, 0);
    assert.equal(model.vnets[0].decl.via.length, 1, 'the VNet is reached through the nested deployment');
  });

  test("a linked template (relativePath) declares the VNet; the caller's endpoint resolves into it", async () => {
    const model = await modelOf({
      'main.json': template({
        resources: [
          nestedDeployment('net', { templateLink: { relativePath: 'modules/vnet.json' } }),
          pe("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'snet-app')]"),
        ],
      }),
      'modules/vnet.json': template({ resources: [vnet] }),
    });
    assert.equal(targetName(model.privateEndpoints[0].subnet), 'snet-app');
    assert.equal(model.vnets[0].decl.uri, uri('modules/vnet.json'));
  });

  test('a parameter file binds its template; unbound parameters stay unknown with one key', async () => {
    const model = await modelOf(
      {
        'main.json': template({
          parameters: { vnetName: { type: 'string' }, otherName: { type: 'string' } },
          resources: [
            {
              ...vnet,
              name: "[parameters('vnetName')]",
              properties: { addressSpace: { addressPrefixes: ['10.4.0.0/16'] } },
            },
            {
              type: 'Microsoft.Network/virtualNetworks/subnets',
              apiVersion: '2024-05-01',
              name: "[format('{0}/snet', parameters('otherName'))]",
              properties: { addressPrefix: '10.4.0.0/24' },
            },
          ],
        }),
        'main.parameters.json': JSON.stringify({
          $schema: parametersSchema,
          contentVersion: '1.0.0.0',
          parameters: { vnetName: { value: 'vnet-from-params' } },
        }),
      },
      'main.parameters.json',
    );
    assert.equal(displayValue(model.vnets[0].name), 'vnet-from-params');
    assert.ok(!model.subnets[0].vnet, 'a subnet of an unknown VNet is not guessed onto another');
  });

  test('copy loops with known counts expand; conditions that are false create nothing', async () => {
    const model = await modelOf({
      parameters: { deployExtra: { type: 'bool', defaultValue: false } },
      variables: { names: ['a', 'b', 'c'] },
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: "[format('vnet-{0}', variables('names')[copyIndex()])]",
          location: 'westeurope',
          copy: { name: 'vnets', count: "[length(variables('names'))]" },
          properties: { addressSpace: { addressPrefixes: ["[format('10.{0}.0.0/16', copyIndex())]"] } },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2024-05-01',
          name: 'vnet-extra',
          location: 'westeurope',
          condition: "[parameters('deployExtra')]",
        },
        {
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          apiVersion: '2024-05-01',
          name: 'vnet-a/a-to-c',
          properties: {
            remoteVirtualNetwork: {
              id: "[resourceId('Microsoft.Network/virtualNetworks', format('vnet-{0}', variables('names')[2]))]",
            },
          },
        },
      ],
    });
    assert.deepEqual(
      model.vnets.map((v) => displayValue(v.name)),
      ['vnet-a', 'vnet-b', 'vnet-c'],
    );
    assert.deepEqual(
      model.vnets.map((v) => v.decl.count),
      [3, 3, 3],
    );
    assert.deepEqual(
      model.vnets.map((v) => displayValue(v.addressPrefixes)),
      ['["10.0.0.0/16"]', '["10.1.0.0/16"]', '["10.2.0.0/16"]'],
    );
    assert.equal(displayValue(model.peerings[0].local?.name), 'vnet-a');
    assert.equal(targetName(model.peerings[0].remote), 'vnet-c');
  });

  test('a reference to something outside the files, or to an unknown value, says why', async () => {
    const model = await modelOf({
      parameters: { subnetId: { type: 'string' } },
      resources: [
        pe("[resourceId('rg-other', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-x', 'snet')]", 'pe-outside'),
        pe("[parameters('subnetId')]", 'pe-unknown'),
        pe(
          "[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet-y'), '2024-05-01').subnets[0].id]",
          'pe-reference',
        ),
      ],
    });
    assert.deepEqual(
      model.privateEndpoints.map((e) => targetName(e.subnet)),
      ['unresolved:outside', 'unresolved:unknown', 'unresolved:unknown'],
    );
  });

  test('a nested deployment moved to another resource group deploys there', async () => {
    const model = await modelOf({
      resources: [
        innerDeployment(
          'spoke',
          templateObject({
            resources: [
              {
                type: 'Microsoft.Network/virtualNetworks',
                apiVersion: '2024-05-01',
                name: 'vnet-s',
                location: 'westeurope',
              },
            ],
          }),
          undefined,
          { resourceGroup: 'rg-spoke' },
        ),
        {
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          apiVersion: '2024-05-01',
          name: 'vnet-hub/to-spoke',
          properties: {
            remoteVirtualNetwork: { id: "[resourceId('rg-spoke', 'Microsoft.Network/virtualNetworks', 'vnet-s')]" },
          },
        },
      ],
    });
    assert.match(displayValue(model.vnets[0].id), /\/resourceGroups\/rg-spoke\//);
    assert.equal(targetName(model.peerings[0].remote), 'vnet-s');
  });
});
