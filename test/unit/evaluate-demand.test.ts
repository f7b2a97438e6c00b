// Demand-driven evaluation: the analysis evaluates the resources the network model can use and
// what they refer to; everything else (role assignments, locks, outputs nobody reads, parameters
// a module's networking resources never use) is left alone. What is evaluated must be the same
// as before: these cases check both what is skipped and that what is needed is still found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import { displayValue } from '../../server/src/model/json';
import { at } from '../../server/src/model/property-path';
import type { ResourceDecl } from '../../server/src/evaluate/declaration';
import { Unknown, type Value } from '../../server/src/evaluate/value';

async function declarationsOf(files: Record<string, string>): Promise<ResourceDecl[]> {
  const workspace = new Workspace({ readFile: async () => undefined });
  for (const [name, text] of Object.entries(files)) workspace.setFile(`file:///w/${name}`, text);
  return (await workspace.evaluate()).flatMap((result) => result.resources);
}

const types = (decls: readonly ResourceDecl[]) => decls.map((decl) => decl.type).sort();

/** A resource nothing in the model reads: evaluated only when something needed refers to it. */
const lock =
  "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'lock'\n  properties: { level: 'CanNotDelete' }\n}\n";

/** A route table whose one route sends everything to the appliance at `nextHop` (an expression). */
const routeTableTo = (nextHop: string) =>
  "resource table 'Microsoft.Network/routeTables@2024-05-01' = {\n  name: 'rt-spoke'\n  location: 'westeurope'\n" +
  "  properties: {\n    routes: [{ name: 'to-nva', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance'\n" +
  `      nextHopIpAddress: ${nextHop} } }]\n  }\n}\n`;

/**
 * A network interface's body (no reader needs the type): `moreProperties` lines, then one static IP
 * configuration at `address`, and tags no reader reads. Name and address are Bicep string contents.
 */
const nicBody = (name: string, address: string, moreProperties = '') =>
  `{\n  name: '${name}'\n  location: 'westeurope'\n  tags: { size: string(length(range(0, 10))) }\n  properties: {\n` +
  moreProperties +
  `    ipConfigurations: [{ name: 'ip', properties: { privateIPAllocationMethod: 'Static', privateIPAddress: '${address}' } }]\n` +
  '  }\n}';

/** The declarations of `parent` and `child` when `parent` adds a VNet named after `expression`. */
function withVnetNamedAfter(parent: string, child: string, expression: string): Promise<ResourceDecl[]> {
  const peer = `resource peer 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'peer-\${${expression}}'\n  location: 'westeurope'\n}\n`;
  return declarationsOf({ 'main.bicep': `${parent}${peer}`, 'child.bicep': child });
}

test('`metadata name` does not hide `param name` (every Azure Verified Module has both)', async () => {
  const decls = await declarationsOf({
    'main.bicep':
      "metadata name = 'Virtual networks'\nparam name string = 'vnet-a'\n" +
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: name\n  location: 'westeurope'\n}\n",
  });
  assert.deepEqual(
    decls.map((decl) => displayValue(decl.name)),
    ['vnet-a'],
  );
});

test('a resource the model cannot use is evaluated only when a needed one refers to it', async () => {
  const lock =
    "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'lock'\n  properties: { level: 'CanNotDelete' }\n}\n";
  const vnet = (name: string) =>
    `resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: ${name}\n  location: 'westeurope'\n}\n`;
  assert.deepEqual(types(await declarationsOf({ 'a.bicep': `${lock}${vnet("'vnet-a'")}` })), [
    'Microsoft.Network/virtualNetworks',
  ]);
  const referring = await declarationsOf({ 'b.bicep': `${lock}${vnet("'vnet-${lock.name}'")}` });
  assert.deepEqual(types(referring), ['Microsoft.Authorization/locks', 'Microsoft.Network/virtualNetworks']);
  assert.equal(displayValue(referring.find((decl) => decl.symbol === 'vnet')!.name), 'vnet-lock');
});

test('a private-link target is evaluated on its own (an endpoint may name it by resourceId()), its public access only', async () => {
  const vault =
    "param skuName string\nresource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-a'\n  location: 'westeurope'\n" +
    "  tags: { owner: skuName }\n  properties: {\n    sku: { family: 'A', name: skuName }\n    publicNetworkAccess: 'Enabled'\n  }\n}\n";
  const decls = await declarationsOf({ 'main.bicep': vault });
  assert.deepEqual(types(decls), ['Microsoft.KeyVault/vaults']);
  const properties = decls[0].properties as Record<string, Value>;
  assert.deepEqual(Object.keys(properties), ['sku', 'publicNetworkAccess'], 'every key written is there');
  assert.equal(properties.publicNetworkAccess, 'Enabled', 'what the rules read is evaluated');
  assert.ok(properties.sku instanceof Unknown, 'the rest is not');
  assert.equal(decls[0].location, 'westeurope');
  assert.deepEqual(
    [...decls[0].propertyRanges.keys()].sort(),
    ['location', 'name', 'properties', 'properties.publicNetworkAccess', 'properties.sku'],
    'ranges where fixes and findings point',
  );
});

test('an ARM private-link target is evaluated as in Bicep: identity, location and its public access only', async () => {
  const template = (properties: object) =>
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { skuName: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults',
          apiVersion: '2023-07-01',
          name: 'kv-a',
          location: 'westeurope',
          tags: { owner: "[parameters('skuName')]" },
          properties,
        },
      ],
    });
  const [vault] = await declarationsOf({
    'main.json': template({ sku: { family: 'A', name: "[parameters('skuName')]" }, publicNetworkAccess: 'Enabled' }),
  });
  const properties = vault.properties as Record<string, Value>;
  assert.deepEqual(Object.keys(properties), ['sku', 'publicNetworkAccess']);
  assert.equal(properties.publicNetworkAccess, 'Enabled', 'what the rules read');
  assert.ok(properties.sku instanceof Unknown, 'the rest is there, not evaluated');
  assert.equal(vault.location, 'westeurope');
  assert.deepEqual(Object.keys(vault.body).sort(), ['location', 'name'], 'no tags: nothing reads them');
  assert.deepEqual([...vault.propertyRanges.keys()].sort(), [
    'location',
    'name',
    'properties',
    'properties.publicNetworkAccess',
    'properties.sku',
  ]);
  // A property copy loop could make any key: the whole object is evaluated.
  const copied = template({
    copy: [{ name: 'publicNetworkAccess', count: 1, input: 'Disabled' }],
    sku: { family: 'A' },
  });
  const [looped] = await declarationsOf({ 'main.json': copied });
  assert.deepEqual(Object.keys(looped.properties as object).sort(), ['publicNetworkAccess', 'sku']);
});

test('a network type read in part (network-types-read.ts) evaluates the keys read; the others are written as unknowns', async () => {
  const bicep =
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-hub'\n  location: 'westeurope'\n" +
    "  tags: { owner: 'net' }\n  properties: {\n    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }\n" +
    "    encryption: { enabled: true, enforcement: 'AllowUnencrypted' }\n" +
    "    subnets: [{ name: 'snet-a', properties: { addressPrefix: '10.0.0.0/24' } }]\n  }\n}\n" +
    "resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {\n  name: 'pe'\n  location: 'westeurope'\n" +
    '  properties: {\n    subnet: { id: vnet.properties.subnets[0].id }\n    customNetworkInterfaceName: string(vnet.properties.encryption.enabled)\n  }\n}\n';
  const arm = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2024-05-01',
        name: 'vnet-hub',
        location: 'westeurope',
        tags: { owner: 'net' },
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          encryption: { enabled: true, enforcement: 'AllowUnencrypted' },
          subnets: [{ name: 'snet-a', properties: { addressPrefix: '10.0.0.0/24' } }],
        },
      },
    ],
  });
  for (const [name, text] of [
    ['main.bicep', bicep],
    ['main.json', arm],
  ]) {
    const decls = await declarationsOf({ [name]: text });
    const vnet = decls.find((decl) => decl.type === 'Microsoft.Network/virtualNetworks')!;
    const properties = vnet.properties as Record<string, Value>;
    assert.deepEqual(Object.keys(properties), ['addressSpace', 'encryption', 'subnets'], `${name}: every key written`);
    assert.deepEqual(at(properties, 'addressSpace.addressPrefixes'), ['10.0.0.0/16'], name);
    assert.ok(properties.encryption instanceof Unknown, `${name}: a key no reader reads is not evaluated`);
    assert.ok(vnet.propertyRanges.has('properties.encryption'), `${name}: but its range is known`);
    assert.deepEqual(Object.keys(vnet.body).sort(), ['location', 'name'], `${name}: no tags`);
  }
  // What a reference reads of a key read: its value; of a key not read: an unknown.
  const pe = (await declarationsOf({ 'main.bicep': bicep })).find((decl) => decl.symbol === 'pe')!;
  assert.match(displayValue(at(pe.properties, 'subnet.id')) as string, /virtualNetworks\/vnet-hub\/subnets\/snet-a$/);
  assert.ok(at(pe.properties, 'customNetworkInterfaceName') instanceof Unknown);
});

test('a resource no reader needs, referred to: a reference reads what the template says; what nobody reads is not evaluated', async () => {
  const decls = await declarationsOf({
    'main.bicep':
      "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = " +
      nicBody('nic-nva', '10.0.1.4', '    enableIPForwarding: true\n') +
      '\n' +
      routeTableTo('nic.properties.ipConfigurations[0].properties.privateIPAddress'),
  });
  assert.deepEqual(types(decls), ['Microsoft.Network/networkInterfaces', 'Microsoft.Network/routeTables']);
  const table = decls.find((decl) => decl.symbol === 'table')!;
  const [route] = at(table.properties, 'routes') as Value[];
  assert.equal(at(route, 'properties.nextHopIpAddress'), '10.0.1.4');
  const nic = decls.find((decl) => decl.symbol === 'nic')!;
  assert.ok(nic.properties instanceof Unknown, 'no reader reads a network interface');
  assert.deepEqual(Object.keys(nic.body).sort(), ['location', 'name']);
  assert.ok(nic.propertyRanges.has('properties'), 'its properties were read by the route');
  assert.ok(!nic.propertyRanges.has('tags'), 'its tags never were');
});

test('a loop of resources no reader needs, referred to through one instance: what nobody reads of any instance is not evaluated', async () => {
  const decls = await declarationsOf({
    'main.bicep':
      "resource nics 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(0, 2): " +
      nicBody('nic-${i}', '10.0.1.${4 + i}') +
      ']\n' +
      routeTableTo('nics[1].properties.ipConfigurations[0].properties.privateIPAddress'),
  });
  const table = decls.find((decl) => decl.symbol === 'table')!;
  const [route] = at(table.properties, 'routes') as Value[];
  assert.equal(at(route, 'properties.nextHopIpAddress'), '10.0.1.5');
  const nics = decls.filter((decl) => decl.symbol === 'nics');
  assert.deepEqual(
    nics.map((nic) => nic.propertyRanges.has('properties')),
    [false, true],
    'the route read the properties of the second instance only',
  );
  assert.ok(
    nics.every((nic) => !nic.propertyRanges.has('tags')),
    "no instance's tags were evaluated",
  );
});

test('module outputs are evaluated when read, module params when the callee reads them', async () => {
  const child =
    'param prefix string\nparam unused string\n' +
    "resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: guid('x')\n  properties: { principalId: unused }\n}\n" +
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: '${prefix}-vnet'\n  location: 'westeurope'\n}\n" +
    'output assignmentId string = assignment.id\noutput vnetName string = vnet.name\n';
  // The parent passes `unused` from a lock; nothing networking reads it, so the lock stays unevaluated.
  const parent = `${lock}module m 'child.bicep' = {\n  name: 'm'\n  params: {\n    prefix: 'spoke'\n    unused: lock.id\n  }\n}\n`;
  const quiet = await declarationsOf({ 'main.bicep': parent, 'child.bicep': child });
  assert.deepEqual(types(quiet), ['Microsoft.Network/virtualNetworks']);
  assert.equal(displayValue(quiet[0].name), 'spoke-vnet', 'the param the VNet reads is bound');

  // Reading the output that names the role assignment evaluates it (in the child) — its identity only:
  // the model reads no property of a role assignment, so `unused` (and with it the lock) stays unread.
  const reading = await withVnetNamedAfter(parent, child, 'm.outputs.assignmentId');
  assert.deepEqual(types(reading), [
    'Microsoft.Authorization/roleAssignments',
    'Microsoft.Network/virtualNetworks',
    'Microsoft.Network/virtualNetworks',
  ]);
});

test("a module's name is evaluated when read: what only the name refers to stays unevaluated", async () => {
  const child =
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'spoke-vnet'\n  location: 'westeurope'\n}\n";
  // Both calls name themselves after a lock, as AVM modules name theirs after uniqueString(…).
  const parent =
    lock +
    "module local 'child.bicep' = {\n  name: 'local-${lock.id}'\n}\n" +
    "module registry 'br/public:avm/res/network/private-dns-zone:0.8.0' = {\n  name: 'registry-${lock.id}'\n  params: { name: 'privatelink.vaultcore.azure.net' }\n}\n";
  const quiet = await declarationsOf({ 'main.bicep': parent, 'child.bicep': child });
  assert.deepEqual(types(quiet), ['Microsoft.Network/privateDnsZones', 'Microsoft.Network/virtualNetworks']);

  const reading = await withVnetNamedAfter(parent, child, 'local.name');
  assert.deepEqual(types(reading), [
    'Microsoft.Authorization/locks',
    'Microsoft.Network/privateDnsZones',
    'Microsoft.Network/virtualNetworks',
    'Microsoft.Network/virtualNetworks',
  ]);
  const peer = reading.find((decl) => decl.symbol === 'peer')!;
  assert.match(displayValue(peer.name), /^peer-local-/, 'the name read is the name written');
});

test('a registry module no interface model knows deploys nothing known: only the unread deployment it is, with what it is given', async () => {
  const decls = await declarationsOf({
    'main.bicep':
      "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  name: 'lock'\n}\n" +
      "module pe 'br:contoso.azurecr.io/bicep/modules/private-endpoint:0.11.0' = {\n  name: 'pe'\n  params: { lockId: lock.id }\n}\n" +
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {\n  name: 'vnet-\${pe.outputs.name}'\n  location: 'westeurope'\n}\n",
  });
  // The lock is declared as what the call is given refers to it (a resource referred to is evaluated).
  assert.deepEqual(types(decls), [
    'Microsoft.Authorization/locks',
    'Microsoft.Network/virtualNetworks',
    'Microsoft.Resources/deployments',
  ]);
  const call = decls.find((decl) => decl.type === 'Microsoft.Resources/deployments')!;
  assert.equal(call.unread, true);
  assert.equal(call.name, 'pe');
  // What it is given is kept as the strings in it: the lock's id, a type nothing needs, is reached for it.
  const given = at(call.properties, 'given') as Value[];
  assert.deepEqual(
    given.map((value) => displayValue(value).replace(/^.*\/providers\//, '')),
    ['Microsoft.Authorization/locks/lock'],
  );
  const vnet = decls.find((decl) => decl.type === 'Microsoft.Network/virtualNetworks')!;
  assert.match(
    String((vnet.name as { key?: string }).key ?? ''),
    /module:.*#pe\.outputs\.name/,
    'the output is an unknown named after the module',
  );
});

test('an `existing` target is evaluated only when referred to; an `existing` network resource always', async () => {
  const existingVault = "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv-a'\n}\n";
  const existingVnet =
    "resource hub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {\n  name: 'vnet-hub'\n}\n";
  assert.deepEqual(types(await declarationsOf({ 'main.bicep': `${existingVault}${existingVnet}` })), [
    'Microsoft.Network/virtualNetworks',
  ]);
  const endpoint =
    "resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {\n  name: 'pe'\n  location: 'westeurope'\n" +
    "  properties: {\n    privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: kv.id, groupIds: ['vault'] } }]\n  }\n}\n";
  assert.deepEqual(types(await declarationsOf({ 'main.bicep': `${existingVault}${endpoint}` })), [
    'Microsoft.KeyVault/vaults',
    'Microsoft.Network/privateEndpoints',
  ]);
});
