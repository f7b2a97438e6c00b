// Places the drawing with ELK's layered algorithm (elkjs): VNets and subnets are containers ELK lays
// out with their contents (hierarchy handling "include children"), and edges are routed orthogonally
// around the containers. The drawing then puts leaves at ELK's places, fits containers around them,
// and draws edges along ELK's routes.
// ELK's hierarchical layout grows steeply with size (300 nodes take seconds), so a drawing of more
// than `routedUpTo` nodes is packed by ELK's box layout instead (layout-packed.ts).
// Invariant: positions and routes come from ELK; this module only translates between the two graphs.
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { containerPadding, fitContainers, type LabelSize } from './container-boxes';
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';
import type { Nesting } from './nesting';

export const elk = new ELK();

/**
 * ELK builds its layout machinery on first use (a large share of a small drawing's time): do that
 * while the page waits for its first model, not when it arrives.
 */
export function warmUpElk(): void {
  const tiny: ElkNode = {
    id: 'warm-up',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: [
      { id: 'a', width: 10, height: 10, children: [{ id: 'b', width: 10, height: 10 }] },
      { id: 'c', width: 10, height: 10 },
    ],
    edges: [{ id: 'e', sources: ['b'], targets: ['c'] }],
  };
  const packed: ElkNode = {
    id: 'warm-up-box',
    layoutOptions: { 'elk.algorithm': 'box' },
    children: [{ id: 'd', width: 10, height: 10 }],
  };
  setTimeout(
    () =>
      void elk
        .layout(tiny)
        .then(() => elk.layout(packed))
        .catch(() => undefined),
    0,
  );
}

/** Largest drawing ELK lays out; real templates' drawings are far smaller (the examples have 19 nodes). */
export const routedUpTo = 80;

/**
 * Lays the drawing out and moves it there: leaves at ELK's places, containers fitted around them
 * (container-boxes.ts), edges along ELK's orthogonal routes. `nodes` lists parents before their children.
 */
export async function layoutWithElk(
  nodes: ReadonlyMap<string, DrawnNode>,
  edges: readonly DrawnEdge[],
  nesting: Nesting,
  labelSize: LabelSize,
): Promise<void> {
  const graph: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '8',
      'elk.layered.spacing.edgeNodeBetweenLayers': '14',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // The default (7) tries harder to avoid crossings; 1 halves the time on 300 nodes and the
      // drawings of real templates stay as clear.
      'elk.layered.thoroughness': '1',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: [],
    edges: [],
  };
  const elkNodes = new Map<string, ElkNode>();
  for (const node of nodes.values()) {
    const elkNode: ElkNode = node.container
      ? { id: node.id, children: [], layoutOptions: containerLayoutOptions(labelSize(node)) }
      : { id: node.id, width: node.w, height: node.h };
    elkNodes.set(node.id, elkNode);
    const parent = nesting.parentOf(node.id);
    ((parent !== undefined ? elkNodes.get(parent) : undefined) ?? graph).children?.push(elkNode);
  }
  // A self-loop (a VNet peered to itself) is drawn as a loop beside its node (edge-geometry.ts).
  const routed = edges.filter((edge) => edge.source !== edge.target);
  graph.edges = routed.map((edge): ElkExtendedEdge => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
  }));

  const result = await elk.layout(graph);
  const collect = (elkNode: ElkNode) => {
    const node = nodes.get(elkNode.id);
    if (node && !node.container && elkNode.x !== undefined && elkNode.y !== undefined)
      Object.assign(node, { x: elkNode.x + (elkNode.width ?? 0) / 2, y: elkNode.y + (elkNode.height ?? 0) / 2 });
    for (const child of elkNode.children ?? []) collect(child);
  };
  collect(result);
  fitContainers(nodes, nesting, labelSize);
  const routes = new Map((result.edges ?? []).map((edge) => [edge.id, route(edge as ElkExtendedEdge)]));
  for (const edge of routed) {
    const points = routes.get(edge.id);
    if (points) edge.route = points;
    else delete edge.route;
  }
}

/** ELK options of a container: room for its label on top, and at least the label's width. */
export function containerLayoutOptions(label: { width: number; height: number }): Record<string, string> {
  return {
    'elk.padding': `[top=${containerPadding + label.height + 4},left=${containerPadding},bottom=${containerPadding},right=${containerPadding}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${Math.ceil(label.width) + 2 * containerPadding},${label.height + 2 * containerPadding})`,
  };
}

/** ELK's route of an edge (its first section): its ends and bends, or nothing when it has none. */
function route(edge: ElkExtendedEdge): Point[] | undefined {
  const section = edge.sections?.[0];
  if (!section) return undefined;
  const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y }));
  const [start, end] = [points[0], points[points.length - 1]];
  return Math.hypot(end.x - start.x, end.y - start.y) < 1 ? undefined : points;
}
