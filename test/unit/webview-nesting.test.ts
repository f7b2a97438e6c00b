// The topology page keeps what holds what itself (client/webview/nesting.ts), fits its containers
// around their children (container-boxes.ts) and moves a dragged node with what it holds
// (places.ts): pinned here on plain records (the page's suite checks the drawing in Chromium).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  containerLabelGap,
  containersAround,
  containerPadding,
  fitContainers,
  nodeBox,
  unionBox,
} from '../../client/webview/container-boxes';
import type { DrawnNode } from '../../client/webview/drawn-types';
import { moveNode } from '../../client/webview/places';
import { Nesting } from '../../client/webview/nesting';
import { drawnEdge, drawnNode } from '../support/drawn-records';

/** A VNet holding two subnets, one holding two endpoints; a zone apart; a node whose parent is not drawn. */
const nodes = [
  { id: 'vnet' },
  { id: 'zone' },
  { id: 'snet-a', parent: 'vnet' },
  { id: 'snet-b', parent: 'vnet' },
  { id: 'pe-1', parent: 'snet-a' },
  { id: 'pe-2', parent: 'snet-a' },
  { id: 'stray', parent: 'not-drawn' },
];

test('Nesting: parents, children, ancestors, depth; containers innermost first; unknown parents ignored', () => {
  const nesting = new Nesting(nodes);
  assert.equal(nesting.parentOf('pe-1'), 'snet-a');
  assert.equal(nesting.parentOf('vnet'), undefined);
  assert.equal(nesting.parentOf('stray'), undefined);
  assert.deepEqual(nesting.childrenOf('vnet'), ['snet-a', 'snet-b']);
  assert.deepEqual(nesting.childrenOf('pe-1'), []);
  assert.deepEqual(nesting.ancestors('pe-2'), ['snet-a', 'vnet']);
  assert.equal(nesting.depth('pe-2'), 2);
  assert.equal(nesting.isContainer('snet-a'), true);
  assert.equal(nesting.isContainer('snet-b'), false, 'an empty subnet is drawn as a leaf');
  assert.deepEqual(nesting.containers, ['snet-a', 'vnet']);
  assert.deepEqual(containersAround(nesting, ['pe-1', 'zone']), ['snet-a', 'vnet']);
  assert.deepEqual(containersAround(nesting, ['snet-b']), ['vnet']);
});

/** The nodes as records, leaves 100×40 at given centres, containers unsized; every label 20 px high. */
function drawing(): Map<string, DrawnNode> {
  const centres: Record<string, { x: number; y: number }> = {
    zone: { x: -300, y: 0 },
    'snet-b': { x: 400, y: 50 },
    'pe-1': { x: 0, y: 0 },
    'pe-2': { x: 150, y: 60 },
  };
  const nesting = new Nesting(nodes);
  // Containers are sized by fitting them; until then they are points at the origin.
  return new Map(
    nodes.map(({ id }) => [
      id,
      drawnNode(id, { container: nesting.isContainer(id), ...(centres[id] ?? { w: 0, h: 0 }) }),
    ]),
  );
}
const labelHeight = 20;

/** How far a box lies inside another on each side (left, top, right, bottom). */
function margins(outer: { x1: number; y1: number; x2: number; y2: number }, inner: typeof outer): number[] {
  return [inner.x1 - outer.x1, inner.y1 - outer.y1, outer.x2 - inner.x2, outer.y2 - inner.y2];
}

const box = (drawn: Map<string, DrawnNode>, id: string) => nodeBox(drawn.get(id) as DrawnNode);
const union = (drawn: Map<string, DrawnNode>, ids: readonly string[]) => unionBox(ids.map((id) => box(drawn, id)));

test("fitContainers: each container encloses its children with the padding, and an inner container's name above it", () => {
  const drawn = drawing();
  const nesting = new Nesting(nodes);
  const labelSize = () => ({ width: 10, height: labelHeight });
  assert.deepEqual(fitContainers(drawn, nesting, labelSize), ['snet-a', 'vnet']);
  const around = containerPadding;
  assert.deepEqual(margins(box(drawn, 'snet-a'), union(drawn, ['pe-1', 'pe-2'])), [around, around, around, around]);
  assert.deepEqual(margins(box(drawn, 'vnet'), union(drawn, ['snet-a', 'snet-b'])), [
    around,
    around + labelHeight + containerLabelGap,
    around,
    around,
  ]);
  assert.deepEqual([drawn.get('zone')?.x, drawn.get('zone')?.y], [-300, 0], 'what stands alone stays');
  assert.deepEqual(fitContainers(drawn, nesting, labelSize), [], 'fitted containers are not changed again');
});

test('fitContainers: a container is as wide as its name; a node moved out of its subnet widens it and its VNet', () => {
  const drawn = drawing();
  const nesting = new Nesting(nodes);
  const labelSize = (node: DrawnNode) => ({ width: node.id === 'snet-a' ? 1000 : 10, height: labelHeight });
  fitContainers(drawn, nesting, labelSize);
  assert.ok(box(drawn, 'vnet').x2 >= box(drawn, 'snet-a').x1 + 1000, "the VNet holds its subnet's long name");
  const [before] = [box(drawn, 'snet-a')];
  drawn.get('pe-2')!.x = 2000;
  fitContainers(drawn, nesting, labelSize, containersAround(nesting, ['pe-2']));
  assert.equal(box(drawn, 'snet-a').x2, 2050 + containerPadding);
  assert.equal(box(drawn, 'vnet').x2, 2050 + 2 * containerPadding);
  assert.equal(box(drawn, 'snet-a').x1, before.x1);
});

test('moveNode: a dragged VNet takes what it holds along; routes of edges within keep their shape, others bend along', () => {
  const drawn = drawing();
  const nesting = new Nesting(nodes);
  const labelSize = () => ({ width: 10, height: labelHeight });
  fitContainers(drawn, nesting, labelSize);
  const route = [
    { x: 0, y: 20 },
    { x: 0, y: 40 },
    { x: 150, y: 40 },
  ];
  const edge = (id: string, source: string, target: string) =>
    drawnEdge(id, source, target, { kind: 'endpointTarget', route });
  const edges = [edge('inside', 'pe-1', 'pe-2'), edge('out', 'pe-1', 'zone')];
  const before = new Map([...drawn].map(([id, node]) => [id, nodeBox(node)]));
  const moved = moveNode('vnet', { x: 10, y: -5 }, drawn, edges, nesting, labelSize);
  assert.deepEqual([...moved].sort(), ['pe-1', 'pe-2', 'snet-a', 'snet-b', 'vnet']);
  for (const id of moved) {
    const [was, now] = [before.get(id)!, box(drawn, id)];
    assert.deepEqual([now.x1 - was.x1, now.y1 - was.y1, now.x2 - was.x2], [10, -5, 10], `${id} moved with its VNet`);
  }
  assert.deepEqual(
    edges[0].route,
    route.map(({ x, y }) => ({ x: x + 10, y: y - 5 })),
  );
  assert.deepEqual(
    edges[1].route,
    [
      { x: 10, y: 15 },
      { x: 10, y: 40 },
      { x: 150, y: 40 },
    ],
    'an edge leaving the moved VNet moves its end and the bend beside it, and keeps the rest',
  );
  // A leaf dragged down out of its subnet: the subnet and VNet grow down around it.
  const subnetBottom = box(drawn, 'snet-a').y2;
  const grown = moveNode('pe-1', { x: 0, y: 300 }, drawn, edges, nesting, labelSize);
  assert.deepEqual([...grown].sort(), ['pe-1', 'snet-a', 'vnet']);
  assert.equal(box(drawn, 'snet-a').y2, box(drawn, 'pe-1').y2 + containerPadding);
  assert.ok(box(drawn, 'snet-a').y2 > subnetBottom + 200);
});

test('moveNode: an edge ending on a container that grows around a dragged child keeps its end on the border', () => {
  const drawn = drawing();
  const nesting = new Nesting(nodes);
  const labelSize = () => ({ width: 10, height: labelHeight });
  fitContainers(drawn, nesting, labelSize);
  const vnet = box(drawn, 'vnet');
  // From the zone, to the bottom side of the VNet, arriving upwards.
  const route = [
    { x: -250, y: 0 },
    { x: -200, y: 0 },
    { x: -200, y: vnet.y2 + 50 },
    { x: 60, y: vnet.y2 + 50 },
    { x: 60, y: vnet.y2 },
  ];
  const edges = [drawnEdge('to-vnet', 'zone', 'vnet', { kind: 'vnetLink', route })];
  moveNode('pe-1', { x: 0, y: 300 }, drawn, edges, nesting, labelSize);
  const grown = box(drawn, 'vnet');
  assert.ok(grown.y2 > vnet.y2 + 200, 'the VNet grew down');
  const ends = edges[0].route!.slice(-2);
  assert.deepEqual(
    ends,
    [
      { x: 60, y: grown.y2 + 12 },
      { x: 60, y: grown.y2 },
    ],
    'the end is on the new bottom side; the lane below it moved ahead of it',
  );
  assert.deepEqual(edges[0].route!.slice(0, 2), route.slice(0, 2), 'the far end and its first segment stay');
});
