// What a Bicep resource declaration evaluates to (evaluate/bicep/resources.ts): the value other
// expressions read (the body's keys but `properties`, `parent` and `scope`, then id, name, type,
// apiVersion and properties) and the declaration's `body` (every key but `properties`, `__proto__`
// kept as data), each written key by key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import type { ResourceDecl } from '../../server/src/evaluate/declaration';
import { makeObject, Unknown, type Value } from '../../server/src/evaluate/value';
import { sizeOf } from '../../server/src/evaluate/value-size';
import { fixtureHost, splitFixture } from '../support/fixture';

async function declarations(text: string): Promise<ResourceDecl[]> {
  const files = splitFixture(text);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, content] of files) workspace.setFile(uri, content);
  return (await workspace.evaluate()).flatMap((result) => result.resources);
}

test("a resource's body keeps every key but properties, `__proto__` as data", async () => {
  const [nsg] = await declarations(`resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-app'
  location: 'westeurope'
  '__proto__': { polluted: true }
  tags: { team: 'net' }
  properties: { securityRules: [] }
}`);
  assert.deepEqual(Object.keys(nsg.body), ['name', 'location', '__proto__', 'tags']);
  assert.equal(Object.getPrototypeOf(nsg.body), Object.prototype, 'the prototype is not replaced');
  assert.equal((Object.getOwnPropertyDescriptor(nsg.body, '__proto__')?.value as { polluted: boolean }).polluted, true);
  assert.equal(nsg.body.location, 'westeurope');
});

test("a resource's value: body keys first (but properties, parent, scope), then its own fields", async () => {
  const resources = await declarations(`resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
  tags: { team: 'net' }
  properties: {}
}
resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: 'link-hub'
  location: 'global'
  properties: { registrationEnabled: false, zoneSeen: zone, linkSeen: { name: 'x' } }
}
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-app'
  properties: { linkSeen: link }
}
`);
  const nsg = resources.find((decl) => decl.symbol === 'nsg')!;
  const link = (nsg.properties as Record<string, Record<string, unknown>>).linkSeen;
  assert.deepEqual(Object.keys(link), ['name', 'location', 'id', 'type', 'apiVersion', 'properties']);
  assert.equal(link.name, 'link-hub');
  assert.equal(link.type, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks');
  assert.equal(link.apiVersion, '2020-06-01');
  assert.equal(link.id, nsg.properties && resources.find((decl) => decl.symbol === 'link')!.id);
  const zone = (link.properties as Record<string, Record<string, unknown>>).zoneSeen;
  assert.deepEqual(Object.keys(zone), ['name', 'location', 'tags', 'id', 'type', 'apiVersion', 'properties']);
});

test('an object literal is written key by key: spreads in place, later keys winning, sized as a walk finds', async () => {
  const [nsg] = await declarations(`var base = { b: 'from base', c: 'from base', nested: { deep: [1, 'two'] } }
resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-app'
  tags: { a: 'first', ...base, c: 'last' }
  location: { plain: 'westeurope', list: ['x', { y: 'z' }] }
}`);
  const tags = nsg.body.tags as Record<string, Value>;
  assert.deepEqual(Object.keys(tags), ['a', 'b', 'c', 'nested']);
  assert.deepEqual([tags.a, tags.b, tags.c], ['first', 'from base', 'last']);
  assert.equal(Object.getPrototypeOf(tags), null);
  // A repeated key is not remembered with a size; a literal without one is, and both equal a fresh walk.
  const fresh = (value: Record<string, Value>) => sizeOf(makeObject(Object.entries(value)));
  assert.equal(sizeOf(tags), fresh(tags));
  const location = nsg.body.location as Record<string, Value>;
  assert.equal(sizeOf(location), fresh(location));
  assert.equal(sizeOf(location), 1 + 5 + 11 + 4 + (1 + 2 + (1 + 1 + 2)));
});

test('a symbol read while it is evaluated is a cycle; its value is kept once known', async () => {
  const [first, second] = await declarations(`var a = b
var b = a
resource first 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: a
}
resource second 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: b
}`);
  assert.ok(first.name instanceof Unknown);
  assert.match(first.name.key, /^cycle:.*#a$/);
  assert.equal(second.name, first.name, 'b holds the cycle found evaluating a');
});
