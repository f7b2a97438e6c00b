// Where a drawing's records go: a large drawing packed by ELK's box layout (layout-packed.ts), keeping
// the drawn places when a redraw only adds top-level resources; a drag moving a node (a container
// with everything inside it) and fitting the containers around it again, with the ends of edges on them.
import { type Box, containersAround, fitContainers, type LabelSize, nodeBox, unionBox } from './container-boxes';
import { shifted, withEndMoved, withEndOnResizedBox } from './edge-geometry';
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';
import { keepsPlaces, layoutPacked, packBelow, type DrawnPlaces, type PackedNode } from './layout-packed';
import type { Nesting } from './nesting';

/**
 * Gives the leaves of a large drawing their places. A redraw that only adds top-level resources (with
 * their contents) keeps every drawn resource where it is, and packs the new ones below the drawing;
 * any other change packs the whole drawing again. Says whether the drawn places were kept.
 */
export async function placePacked(
  nodes: ReadonlyMap<string, DrawnNode>,
  edges: readonly DrawnEdge[],
  nesting: Nesting,
  labelSize: LabelSize,
  aspect: number,
  drawn?: DrawnPlaces,
): Promise<boolean> {
  const packed: PackedNode[] = [...nodes.values()].map((node) => {
    const parent = nesting.parentOf(node.id);
    return {
      id: node.id,
      ...(parent !== undefined ? { parent } : {}),
      kind: node.kind,
      width: node.w,
      height: node.h,
      label: node.container ? labelSize(node) : { width: 0, height: 0 },
    };
  });
  const ends = edges.map(({ source, target }) => ({ source, target }));
  const kept = drawn && keepsPlaces(packed, new Set(nesting.containers), drawn) ? drawn : undefined;
  const centres = kept ? await packBelow(packed, ends, aspect, kept) : await layoutPacked(packed, ends, aspect);
  for (const [id, centre] of centres) {
    const node = nodes.get(id);
    if (node) Object.assign(node, centre);
  }
  return kept !== undefined;
}

/** Where the drawn resources are (leaves' centres and sizes, what holds what) and the drawing's box. */
export function drawnPlaces(nodes: ReadonlyMap<string, DrawnNode>, nesting: Nesting): DrawnPlaces {
  const leaves = new Map<string, Point>();
  const sizes = new Map<string, { w: number; h: number }>();
  for (const node of nodes.values()) {
    if (node.container) continue;
    leaves.set(node.id, { x: node.x, y: node.y });
    sizes.set(node.id, { w: node.w, h: node.h });
  }
  const box = unionBox([...nodes.values()].map(nodeBox));
  return { nesting, ids: new Set(nodes.keys()), leaves, sizes, box };
}

/**
 * Moves a node by `by` (model units), with everything inside it; edges whose both ends moved keep
 * their route, shifted, and those with one end moved bend their route along (edge-geometry.ts
 * `withEndMoved`). The containers around it are fitted again. Returns the nodes that moved or changed size.
 */
export function moveNode(
  id: string,
  by: Point,
  nodes: ReadonlyMap<string, DrawnNode>,
  edges: readonly DrawnEdge[],
  nesting: Nesting,
  labelSize: LabelSize,
): Set<string> {
  const moved = new Set([id, ...descendants(nesting, id)]);
  for (const movedId of moved) {
    const node = nodes.get(movedId);
    if (node) Object.assign(node, { x: node.x + by.x, y: node.y + by.y });
  }
  for (const edge of edges) {
    if (!edge.route) continue;
    const [source, target] = [moved.has(edge.source), moved.has(edge.target)];
    if (source && target) edge.route = shifted(edge.route, by);
    else if (source || target) edge.route = withEndMoved(edge.route, source ? 'source' : 'target', by);
  }
  const around = containersAround(nesting, [id]);
  const was = new Map(around.flatMap((container) => nodeBoxOf(nodes, container)));
  const refitted = fitContainers(nodes, nesting, labelSize, around);
  keepEdgeEndsOnBorders(edges, nodes, new Map(refitted.map((container) => [container, was.get(container)!])));
  return new Set([...moved, ...refitted]);
}

/**
 * Routed edges ending on a node whose box changed from its box in `was` (a container fitted again)
 * keep their ends on its border (`withEndOnResizedBox`).
 */
function keepEdgeEndsOnBorders(
  edges: readonly DrawnEdge[],
  nodes: ReadonlyMap<string, DrawnNode>,
  was: ReadonlyMap<string, Box>,
): void {
  if (was.size === 0) return;
  for (const edge of edges) {
    for (const end of ['source', 'target'] as const) {
      const before = was.get(edge[end]);
      const node = nodes.get(edge[end]);
      if (!edge.route || !before || !node) continue;
      const now = nodeBox(node);
      if (now.x1 !== before.x1 || now.y1 !== before.y1 || now.x2 !== before.x2 || now.y2 !== before.y2)
        edge.route = withEndOnResizedBox(edge.route, end, before, now);
    }
  }
}

function nodeBoxOf(nodes: ReadonlyMap<string, DrawnNode>, id: string): [string, Box][] {
  const node = nodes.get(id);
  return node ? [[id, nodeBox(node)]] : [];
}

function descendants(nesting: Nesting, id: string): string[] {
  const all: string[] = [];
  for (const child of nesting.childrenOf(id)) all.push(child, ...descendants(nesting, child));
  return all;
}
