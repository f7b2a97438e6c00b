// What a Bicep resource declaration evaluates to (evaluate/bicep/resources.ts): the value other
// expressions read (the body's keys but `properties`, `parent` and `scope`, then id, name, type,
// apiVersion and properties) and the declaration's `body` (every key but `properties`, `__proto__`
// kept as data), each written key by key. Private endpoints and zone groups are read whole, so every key
// they write is evaluated (a type read in part evaluates fewer: evaluate-demand.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace } from '../../server/src/engine/workspace';
import type { ResourceDecl } from '../../server/src/evaluate/declaration';
import { makeObject, objectValuePrototype, Unknown, type Value } from '../../server/src/evaluate/value';
import { sizeOf } from '../../server/src/evaluate/value-size';
import { fixtureHost, splitFixture } from '../support/fixture';

async function declarations(text: string): Promise<ResourceDecl[]> {
  const files = splitFixture(text);
  const workspace = new Workspace(fixtureHost(files));
  for (const [uri, content] of files) workspace.setFile(uri, content);
  return (await workspace.evaluate()).flatMap((result) => result.resources);
}

test("a resource's body keeps every key but properties, `__proto__` as data", async () => {
  const [endpoint] = await declarations(`resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-app'
  location: 'westeurope'
  '__proto__': { polluted: true }
  tags: { team: 'net' }
  properties: { privateLinkServiceConnections: [] }
}`);
  assert.deepEqual(Object.keys(endpoint.body), ['name', 'location', '__proto__', 'tags']);
  assert.equal(Object.getPrototypeOf(endpoint.body), Object.prototype, 'the prototype is not replaced');
  assert.equal(
    (Object.getOwnPropertyDescriptor(endpoint.body, '__proto__')?.value as { polluted: boolean }).polluted,
    true,
  );
  assert.equal(endpoint.body.location, 'westeurope');
});

test("a resource's value: body keys first (but properties, parent, scope), then its own fields", async () => {
  const resources = await declarations(`resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-blob'
  location: 'westeurope'
  tags: { team: 'net' }
  properties: {}
}
resource group 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: endpoint
  name: 'default'
  location: 'westeurope'
  properties: { privateDnsZoneConfigs: [], endpointSeen: endpoint, groupSeen: { name: 'x' } }
}
resource other 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-other'
  properties: { groupSeen: group }
}
`);
  const other = resources.find((decl) => decl.symbol === 'other')!;
  const group = (other.properties as Record<string, Record<string, unknown>>).groupSeen;
  assert.deepEqual(Object.keys(group), ['name', 'location', 'id', 'type', 'apiVersion', 'properties']);
  assert.equal(group.name, 'default');
  assert.equal(group.type, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups');
  assert.equal(group.apiVersion, '2024-05-01');
  assert.equal(group.id, resources.find((decl) => decl.symbol === 'group')!.id);
  const endpoint = (group.properties as Record<string, Record<string, unknown>>).endpointSeen;
  assert.deepEqual(Object.keys(endpoint), ['name', 'location', 'tags', 'id', 'type', 'apiVersion', 'properties']);
});

test('an object literal is written key by key: spreads in place, later keys winning, sized as a walk finds', async () => {
  const [endpoint] = await declarations(`var base = { b: 'from base', c: 'from base', nested: { deep: [1, 'two'] } }
resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-app'
  tags: { a: 'first', ...base, c: 'last' }
  location: { plain: 'westeurope', list: ['x', { y: 'z' }] }
}`);
  const tags = endpoint.body.tags as Record<string, Value>;
  assert.deepEqual(Object.keys(tags), ['a', 'b', 'c', 'nested']);
  assert.deepEqual([tags.a, tags.b, tags.c], ['first', 'from base', 'last']);
  // An object value sees nothing of Object.prototype: a key a user writes is never one of its members.
  assert.equal(Object.getPrototypeOf(tags), objectValuePrototype);
  assert.ok(!('toString' in tags) && !('__proto__' in tags) && !('constructor' in tags));
  // A repeated key is not remembered with a size; a literal without one is, and both equal a fresh walk.
  const fresh = (value: Record<string, Value>) => sizeOf(makeObject(Object.entries(value)));
  assert.equal(sizeOf(tags), fresh(tags));
  const location = endpoint.body.location as Record<string, Value>;
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
