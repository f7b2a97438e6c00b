// Ids of inline children (evaluate/inline-children.ts): a VNet's subnets get theirs; a type without
// inline children, or one named like an Object.prototype member, keeps its properties as they are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withInlineChildIds } from '../../server/src/evaluate/inline-children';
import { makeObject } from '../../server/src/evaluate/value';

const vnetId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub';

test("a VNet's inline subnets get their ids; a named id is kept", () => {
  const properties = makeObject([
    [
      'subnets',
      [
        makeObject([['name', 'snet-a']]),
        makeObject([
          ['name', 'snet-b'],
          ['id', '/given'],
        ]),
      ],
    ],
  ]);
  const withIds = withInlineChildIds('Microsoft.Network/virtualNetworks', vnetId, properties) as {
    subnets: { id: string; name: string }[];
  };
  assert.equal(withIds.subnets[0].id, `${vnetId}/subnets/snet-a`);
  assert.deepEqual(Object.keys(withIds.subnets[0]), ['id', 'name']);
  assert.equal(withIds.subnets[1].id, '/given');
});

test('a type without inline children, or named like an Object.prototype member, is left as it is', () => {
  const properties = makeObject([['name', [makeObject([['name', 'x']])]]]);
  for (const type of ['Microsoft.Storage/storageAccounts', 'constructor', 'toString', '__proto__'])
    assert.equal(withInlineChildIds(type, vnetId, properties), properties, type);
});

test("a VNet's property named like an Object.prototype member gets no child ids", () => {
  const children = [makeObject([['name', 'x']])];
  const properties = makeObject([
    ['constructor', children],
    ['toString', children],
  ]);
  const withIds = withInlineChildIds('Microsoft.Network/virtualNetworks', vnetId, properties) as Record<
    string,
    { id?: string }[]
  >;
  for (const key of ['constructor', 'toString']) assert.equal(withIds[key][0].id, undefined, key);
});
