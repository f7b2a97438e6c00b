// Where an edge is drawn: along ELK's orthogonal route while it has one (layout.ts; a drag bends it
// along, `withEndMoved`), else straight from the border of its source's box to the border of its
// target's (a packed drawing), or as a loop beside a node peered with itself. All in model units.
import type { Box } from './container-boxes';
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';

/** The points an edge goes through, from its source's end to its target's. */
export function edgePoints(edge: DrawnEdge, source: DrawnNode, target: DrawnNode): Point[] {
  if (edge.route) return edge.route;
  if (source === target) {
    // A loop out of the node's top-right corner and back into its right side.
    const right = source.x + source.w / 2;
    const top = source.y - source.h / 2;
    return [
      { x: right - 12, y: top },
      { x: right - 12, y: top - 18 },
      { x: right + 18, y: top - 18 },
      { x: right + 18, y: top + 12 },
      { x: right, y: top + 12 },
    ];
  }
  return [borderPoint(source, target), borderPoint(target, source)];
}

/** The points an edge is drawn through, or none while one of its ends is not among the drawn nodes. */
export function pointsAmong(edge: DrawnEdge, nodes: ReadonlyMap<string, DrawnNode>): Point[] | undefined {
  const [source, target] = [nodes.get(edge.source), nodes.get(edge.target)];
  return source && target ? edgePoints(edge, source, target) : undefined;
}

/** Where the line from a node's centre towards another's leaves the node's box. */
function borderPoint(node: DrawnNode, towards: Point): Point {
  const dx = towards.x - node.x;
  const dy = towards.y - node.y;
  const scale = Math.min(1, Math.abs(node.w / 2 / (dx || 1e-9)), Math.abs(node.h / 2 / (dy || 1e-9)));
  return { x: node.x + dx * scale, y: node.y + dy * scale };
}

/** The point halfway along a polyline. */
export function midpoint(points: readonly Point[]): Point {
  const lengths = points.slice(1).map((point, index) => distance(points[index], point));
  let left = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (const [index, length] of lengths.entries()) {
    if (left <= length && length > 0) {
      const [a, b] = [points[index], points[index + 1]];
      return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    }
    left -= length;
  }
  return points[0];
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The route shifted by a drag of both its ends. */
export function shifted(route: readonly Point[], by: Point): Point[] {
  return route.map((point) => ({ x: point.x + by.x, y: point.y + by.y }));
}

/**
 * The route with one end moved by `by` (a drag of that end's node). The end moves with its node and
 * the bend next to it moves across the segment between them only, so every segment stays horizontal
 * or vertical and the rest of the route keeps the lane ELK routed it along (unless the end comes
 * within `stub` of that bend: the lane then moves ahead of it, or with one bend the route detours
 * ahead of it). A straight route that the move takes off its line gets a step halfway.
 */
export function withEndMoved(route: readonly Point[], end: 'source' | 'target', by: Point): Point[] {
  if (end === 'source') return movedAtStart(route, by);
  return movedAtStart([...route].reverse(), by).reverse();
}

/**
 * The route with one end kept on the border of its node's box as the box changed from `was` to `now`
 * (a container fitted again around a dragged child): the end moves with the side of the box it leaves
 * from, staying within that side's span, and the route bends along as for a drag (`withEndMoved`). An
 * end that is not on the border of `was` is left where it is.
 */
export function withEndOnResizedBox(route: readonly Point[], end: 'source' | 'target', was: Box, now: Box): Point[] {
  const point = end === 'source' ? route[0] : route[route.length - 1];
  if (!point) return [...route];
  const sides = [
    { gap: Math.abs(point.x - was.x1), by: { x: now.x1 - was.x1, y: within(point.y, now.y1, now.y2) } },
    { gap: Math.abs(point.x - was.x2), by: { x: now.x2 - was.x2, y: within(point.y, now.y1, now.y2) } },
    { gap: Math.abs(point.y - was.y1), by: { x: within(point.x, now.x1, now.x2), y: now.y1 - was.y1 } },
    { gap: Math.abs(point.y - was.y2), by: { x: within(point.x, now.x1, now.x2), y: now.y2 - was.y2 } },
  ];
  const side = sides.reduce((nearest, candidate) => (candidate.gap < nearest.gap ? candidate : nearest));
  if (side.gap > onBorder || (side.by.x === 0 && side.by.y === 0)) return [...route];
  return withEndMoved(route, end, side.by);
}

/** How far a coordinate must move to lie within [from, to]. */
function within(value: number, from: number, to: number): number {
  return Math.min(Math.max(value, from), to) - value;
}

/** How far from a box's border an edge's end may lie and still be drawn as leaving from it (ELK's ends are exact). */
const onBorder = 0.5;

/** Below this, two coordinates are the same (ELK's routes are exact; a drag moves both alike). */
const sameSpot = 0.01;
/** How far a moved end's first segment leaves its node, at the least, when a lane can move to keep it. */
const stub = 12;

type Axis = 'x' | 'y';

/** The axis a segment runs along; `same` for two points in one spot; none for a slanted one. */
function segmentAxis(from: Point, to: Point): Axis | 'same' | undefined {
  const [flatY, flatX] = [Math.abs(to.y - from.y) < sameSpot, Math.abs(to.x - from.x) < sameSpot];
  if (flatY && flatX) return 'same';
  if (flatY) return 'x';
  return flatX ? 'y' : undefined;
}

function movedAtStart(route: readonly Point[], by: Point): Point[] {
  const [start, next, ...rest] = route;
  const moved = { x: start.x + by.x, y: start.y + by.y };
  if (!next) return [moved];
  const axis = segmentAxis(start, next);
  // Two points in one spot: the second says nothing of the first segment's direction.
  if (axis === 'same') return movedAtStart([start, ...rest], by);
  if (axis === undefined) return [moved, next, ...rest];
  const side: Axis = axis === 'x' ? 'y' : 'x';
  if (rest.length === 0) return by[side] === 0 ? [moved, next] : [moved, ...step(moved, next, axis), next];
  const bend = { ...next, [side]: next[side] + by[side] };
  const [second, ...others] = rest;
  // The end leaves its node outwards. A drag up to or past the first bend would fold the segment back
  // across the node: the lane from the first bend to the second moves ahead instead; with one bend
  // (the lane ends at the far end, which stays) the route detours ahead of the end and comes back
  // halfway to the far end, which it enters as before.
  const outwards = Math.sign(next[axis] - start[axis]);
  if ((bend[axis] - moved[axis]) * outwards >= stub) return [moved, bend, ...rest];
  const lane = moved[axis] + outwards * stub;
  if (others.length === 0) {
    const across = (moved[side] + second[side]) / 2;
    const ahead = { ...moved, [axis]: lane };
    return [moved, ahead, { ...ahead, [side]: across }, { ...second, [side]: across }, second];
  }
  return [moved, { ...bend, [axis]: lane }, { ...second, [axis]: lane }, ...others];
}

/** Two bends that take a straight route from its moved end to its other end: a step halfway. */
function step(moved: Point, end: Point, axis: Axis): Point[] {
  const half = (moved[axis] + end[axis]) / 2;
  return [
    { ...moved, [axis]: half },
    { ...end, [axis]: half },
  ];
}

/** Whether a polyline passes through a box: some segment, clipped to the box (Liang–Barsky), is left. */
export function lineMeets(points: readonly Point[], box: Box): boolean {
  return points.slice(1).some((end, index) => {
    const start = points[index];
    const [dx, dy] = [end.x - start.x, end.y - start.y];
    let [from, to] = [0, 1];
    for (const [p, q] of [
      [-dx, start.x - box.x1],
      [dx, box.x2 - start.x],
      [-dy, start.y - box.y1],
      [dy, box.y2 - start.y],
    ]) {
      if (p === 0) {
        if (q < 0) return false;
        continue;
      }
      const t = q / p;
      if (p < 0) from = Math.max(from, t);
      else to = Math.min(to, t);
    }
    return from <= to;
  });
}
