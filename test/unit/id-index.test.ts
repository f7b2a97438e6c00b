// The index of entities by id (model/identity.ts): case-insensitive lookup, creations preferred, and
// entities given whole keyed only when a reference is first resolved (most models resolve nothing
// through most of their indexes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdIndex } from '../../server/src/model/identity';

/** An entity whose id counts its reads: an index that keys it reads it once. */
function counted(id: string, existing = false): { readonly id: string; existing: boolean; reads: () => number } {
  let reads = 0;
  return {
    get id() {
      reads++;
      return id;
    },
    existing,
    reads: () => reads,
  };
}

test('entities given whole are not keyed until a reference is resolved', () => {
  const vnet = counted('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub');
  const index = new IdIndex([vnet]);
  assert.equal(vnet.reads(), 0);
  const found = index.resolve('/SUBSCRIPTIONS/s/resourcegroups/RG/providers/microsoft.network/virtualNetworks/hub/');
  assert.equal(found?.resolved && found.target, vnet);
  assert.equal(vnet.reads(), 1);
  index.resolve('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other');
  assert.equal(vnet.reads(), 1, 'keyed once');
});

test('entities added after those given whole come after them, and a preference picks among equals', () => {
  const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/z';
  const referred = counted(id, true);
  const created = counted(id);
  const later = counted(id);
  const index = new IdIndex([referred, created]);
  index.add(later);
  const first = index.resolve(id);
  assert.equal(first?.resolved && first.target, referred);
  const preferred = index.resolve(id, (entity) => !entity.existing);
  assert.equal(preferred?.resolved && preferred.target, created);
  assert.equal(index.resolve(undefined), undefined);
});
