// The page's drawing and the SVG export paint in one order (client/webview/paint-order.ts): pinned
// here on plain records; the webview suite compares the export with the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Nesting } from '../../client/webview/nesting';
import { paintOrder } from '../../client/webview/paint-order';
import { drawnNode } from '../support/drawn-records';

const graph = [
  { id: 'pe', parent: 'snet' },
  { id: 'snet', parent: 'vnet' },
  { id: 'zone' },
  { id: 'vnet' },
  { id: 'inner', parent: 'other' },
  { id: 'other', parent: 'vnet' },
];
const nesting = new Nesting(graph);
const record = (id: string) => drawnNode(id, { container: nesting.isContainer(id) });

test('paintOrder: containers outer first (siblings in the given order), leaves apart in the given order', () => {
  const { containers, leaves } = paintOrder(
    graph.map(({ id }) => record(id)),
    nesting,
  );
  assert.deepEqual(
    containers.map((node) => node.id),
    ['vnet', 'snet', 'other'],
  );
  assert.deepEqual(
    leaves.map((node) => node.id),
    ['pe', 'zone', 'inner'],
  );
});
