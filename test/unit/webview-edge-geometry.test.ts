// Where the topology page draws an edge (client/webview/edge-geometry.ts): along ELK's route, else
// straight between the borders of its ends' boxes, or as a loop; its label halfway along; and whether
// it crosses the part of the drawing in view (only those are drawn, drawn-layers.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DrawnEdge, DrawnNode } from '../../client/webview/drawn-types';
import { edgePoints, lineMeets, midpoint } from '../../client/webview/edge-geometry';

const node = (id: string, x: number, y: number): DrawnNode => ({
  id,
  kind: 'target',
  name: id,
  label: id,
  tooltip: id,
  container: false,
  x,
  y,
  w: 100,
  h: 40,
});
const edge = (source: string, target: string, route?: DrawnEdge['route']): DrawnEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  kind: 'peering',
  state: 'ok',
  name: 'e',
  label: 'e',
  tooltip: 'e',
  ...(route ? { route } : {}),
});

test('edgePoints: straight from border to border without a route, along the route with one, a loop for a self-edge', () => {
  const [a, b] = [node('a', 0, 0), node('b', 300, 0)];
  assert.deepEqual(edgePoints(edge('a', 'b'), a, b), [
    { x: 50, y: 0 },
    { x: 250, y: 0 },
  ]);
  const diagonal = node('c', 100, 100);
  const [start, end] = edgePoints(edge('a', 'c'), a, diagonal);
  assert.deepEqual(
    [start, end],
    [
      { x: 20, y: 20 },
      { x: 80, y: 80 },
    ],
  );
  const route = [
    { x: 0, y: 20 },
    { x: 0, y: 60 },
    { x: 300, y: 60 },
    { x: 300, y: 20 },
  ];
  assert.equal(edgePoints(edge('a', 'b', route), a, b), route);
  const loop = edgePoints(edge('a', 'a'), a, a);
  assert.ok(loop.length > 2 && loop.some((point) => point.x > 50), 'a loop beside the node');
});

test('midpoint: halfway along the whole polyline', () => {
  assert.deepEqual(
    midpoint([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
      { x: 30, y: 10 },
    ]),
    { x: 10, y: 10 },
  );
  assert.deepEqual(midpoint([{ x: 5, y: 5 }]), { x: 5, y: 5 });
});

test('lineMeets: a segment crossing the box meets it even with both ends outside; one passing beside it does not', () => {
  const box = { x1: 0, y1: 0, x2: 100, y2: 100 };
  const line = (x1: number, y1: number, x2: number, y2: number) => [
    { x: x1, y: y1 },
    { x: x2, y: y2 },
  ];
  assert.equal(lineMeets(line(-50, 50, 150, 50), box), true, 'straight through');
  assert.equal(lineMeets(line(-50, -40, 40, 150), box), true, 'diagonally through');
  assert.equal(lineMeets(line(10, 10, 20, 20), box), true, 'inside');
  assert.equal(lineMeets(line(-50, 120, 150, 120), box), false, 'below');
  assert.equal(lineMeets(line(-100, 50, 50, 250), box), false, "across the box's bounding corner, not the box");
  assert.equal(
    lineMeets(
      [
        { x: -10, y: -10 },
        { x: -10, y: 200 },
        { x: 50, y: 200 },
        { x: 50, y: 90 },
      ],
      box,
    ),
    true,
    'the last segment of a route enters it',
  );
});
