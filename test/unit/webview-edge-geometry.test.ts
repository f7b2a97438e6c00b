// Where the topology page draws an edge (client/webview/edge-geometry.ts): along ELK's route, else
// straight between the borders of its ends' boxes, or as a loop; its label halfway along; and whether
// it crosses the part of the drawing in view (only those are drawn, drawn-layers.ts); how a route
// bends along when a drag moves one of its ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DrawnEdge } from '../../client/webview/drawn-types';
import {
  edgePoints,
  lineMeets,
  midpoint,
  pointsAmong,
  withEndMoved,
  withEndOnResizedBox,
} from '../../client/webview/edge-geometry';
import { drawnEdge, drawnNode } from '../support/drawn-records';

const node = (id: string, x: number, y: number) => drawnNode(id, { kind: 'target', x, y });
const edge = (source: string, target: string, route?: DrawnEdge['route']) =>
  drawnEdge(`${source}-${target}`, source, target, route ? { route } : {});

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

const points = (...coordinates: [number, number][]) => coordinates.map(([x, y]) => ({ x, y }));
const isOrthogonal = (route: { x: number; y: number }[]) =>
  route.slice(1).every((point, index) => point.x === route[index].x || point.y === route[index].y);

test('withEndMoved: the moved end and the bend beside it move, the rest of the route stays, every segment orthogonal', () => {
  // Down from the source, across, and up into the target.
  const route = points([0, 20], [0, 60], [300, 60], [300, 20]);
  const bySource = withEndMoved(route, 'source', { x: 30, y: -10 });
  assert.deepEqual(bySource, points([30, 10], [30, 60], [300, 60], [300, 20]));
  const byTarget = withEndMoved(route, 'target', { x: 30, y: -10 });
  assert.deepEqual(byTarget, points([0, 20], [0, 60], [330, 60], [330, 10]));
  assert.ok(isOrthogonal(bySource) && isOrthogonal(byTarget));
  // A horizontal first segment: its bend follows the end up and down only.
  assert.deepEqual(
    withEndMoved(points([0, 0], [100, 0], [100, 50]), 'source', { x: 7, y: 5 }),
    points([7, 5], [100, 5], [100, 50]),
  );
  assert.deepEqual(route, points([0, 20], [0, 60], [300, 60], [300, 20]), 'the route given is left as it was');
});

test('withEndMoved: a straight route moved off its line steps halfway; along its line it stays straight', () => {
  const straight = points([0, 0], [100, 0]);
  assert.deepEqual(withEndMoved(straight, 'source', { x: 20, y: 0 }), points([20, 0], [100, 0]));
  assert.deepEqual(withEndMoved(straight, 'target', { x: 20, y: 40 }), points([0, 0], [60, 0], [60, 40], [120, 40]));
  // Two points in one spot do not decide the direction: the segment after them does.
  assert.deepEqual(
    withEndMoved(points([0, 0], [0, 0], [0, 50], [80, 50]), 'source', { x: 10, y: 10 }),
    points([10, 10], [10, 50], [80, 50]),
  );
});

test('pointsAmong: the points between the drawn ends; none while an end is not drawn', () => {
  const nodes = new Map([
    ['a', node('a', 0, 0)],
    ['b', node('b', 300, 0)],
  ]);
  assert.deepEqual(pointsAmong(edge('a', 'b'), nodes), points([50, 0], [250, 0]));
  assert.equal(pointsAmong(edge('a', 'gone'), nodes), undefined);
});

test('withEndMoved: an end dragged up to its first bend pushes the lane ahead of it rather than fold back across its node', () => {
  // Down 40 from the source, across, and down into the target: the source dragged 50 down.
  assert.deepEqual(
    withEndMoved(points([0, 0], [0, 40], [200, 40], [200, 100]), 'source', { x: 0, y: 50 }),
    points([0, 50], [0, 62], [200, 62], [200, 100]),
  );
  // A drag in small moves: the first makes the step; the next ones push it along, never behind the end.
  let route = points([0, 0], [0, 100]);
  for (let move = 0; move < 6; move++) route = withEndMoved(route, 'source', { x: -5, y: 10 });
  assert.deepEqual(route, points([-30, 60], [-30, 72], [0, 72], [0, 100]));
  assert.ok(isOrthogonal(route));
  // With one bend the lane ends at the far end, which stays where it is: the route goes ahead of the
  // end, comes back halfway, and enters the far end as before.
  const detour = withEndMoved(points([0, 0], [0, 40], [200, 40]), 'source', { x: 0, y: 50 });
  assert.deepEqual(detour, points([0, 50], [0, 62], [100, 62], [100, 40], [200, 40]));
  assert.ok(isOrthogonal(detour));
  assert.deepEqual(
    withEndMoved(points([200, 40], [0, 40], [0, 0]), 'target', { x: 30, y: 50 }),
    points([200, 40], [115, 40], [115, 62], [30, 62], [30, 50]),
    'the same at the target end, moved across too',
  );
  // A drag that stays short of the bend keeps the one-bend route.
  assert.deepEqual(
    withEndMoved(points([0, 0], [0, 40], [200, 40]), 'source', { x: 0, y: 20 }),
    points([0, 20], [0, 40], [200, 40]),
  );
});

test('withEndOnResizedBox: an end on a side of a box that grew or shrank moves with that side and stays within it', () => {
  const was = { x1: 0, y1: 0, x2: 100, y2: 100 };
  // Leaves the bottom side downwards, bends right, goes on down.
  const route = [
    { x: 50, y: 100 },
    { x: 50, y: 140 },
    { x: 300, y: 140 },
    { x: 300, y: 200 },
  ];
  assert.deepEqual(
    withEndOnResizedBox(route, 'source', was, { ...was, y2: 120 }),
    [{ x: 50, y: 120 }, ...route.slice(1)],
    'the bottom side went down 20: the end follows it, along its first segment',
  );
  assert.deepEqual(
    withEndOnResizedBox(route, 'source', was, { ...was, x2: 40 }),
    [{ x: 40, y: 100 }, { x: 40, y: 140 }, ...route.slice(2)],
    'the box narrowed past the end: the end slides along the side into it, and the bend beside it along',
  );
  const reversed = [...route].reverse();
  assert.deepEqual(
    withEndOnResizedBox(reversed, 'target', was, { ...was, y2: 120 }),
    [...reversed.slice(0, 3), { x: 50, y: 120 }],
    'the same at the target end',
  );
  const left = [
    { x: 0, y: 30 },
    { x: -80, y: 30 },
  ];
  assert.deepEqual(withEndOnResizedBox(left, 'source', was, { ...was, x1: -20 }), [
    { x: -20, y: 30 },
    { x: -80, y: 30 },
  ]);
  const inside = [
    { x: 50, y: 50 },
    { x: 50, y: 300 },
  ];
  assert.deepEqual(
    withEndOnResizedBox(inside, 'source', was, { ...was, y2: 120 }),
    inside,
    'an end off the border stays',
  );
  assert.deepEqual(withEndOnResizedBox(route, 'source', was, { ...was, x1: -50 }), route, 'another side moved');
});
