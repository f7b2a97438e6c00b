// Places the drawing with ELK's layered algorithm (elkjs): VNets and subnets are containers ELK lays
// out with their contents (hierarchy handling "include children"), and edges are routed orthogonally
// around the containers. cytoscape then draws leaves at ELK's places, containers around them, and edges
// along ELK's bend points.
// ELK's hierarchical layout grows steeply with size (300 nodes take seconds), so a drawing of more
// than `routedUpTo` nodes is packed by ELK's box layout instead (layout-packed.ts).
// Invariant: positions and routes come from ELK; this module only translates between the two graphs.
import type { Core, EdgeSingular } from 'cytoscape';
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { containerPadding, fitContainers } from './container-boxes';
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

/** Sizes of a container's label, drawn above its box (inside the space ELK leaves at the top). */
export type LabelSize = (id: string) => { width: number; height: number };

/**
 * Lays the elements of `cy` out and moves them there: leaves at ELK's places, containers fitted around
 * them (container-boxes.ts), edges along ELK's orthogonal routes.
 */
export async function layoutWithElk(cy: Core, nesting: Nesting, labelSize: LabelSize): Promise<void> {
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
  // cytoscape lists parents before their children (graph.ts sorts them so).
  for (const node of cy.nodes()) {
    const id = node.id();
    const elkNode: ElkNode = { id };
    if (nesting.isContainer(id)) {
      elkNode.children = [];
      elkNode.layoutOptions = containerLayoutOptions(labelSize(id));
    } else {
      elkNode.width = Number(node.data('w'));
      elkNode.height = Number(node.data('h'));
    }
    elkNodes.set(id, elkNode);
    const parent = nesting.parentOf(id);
    ((parent !== undefined ? elkNodes.get(parent) : undefined) ?? graph).children?.push(elkNode);
  }
  // A self-loop (a VNet peered to itself) keeps cytoscape's own loop.
  const edges: EdgeSingular[] = [];
  cy.edges().forEach((edge) => {
    if (edge.source().id() !== edge.target().id()) edges.push(edge);
  });
  graph.edges = edges.map((edge): ElkExtendedEdge => ({
    id: edge.id(),
    sources: [edge.source().id()],
    targets: [edge.target().id()],
  }));

  const result = await elk.layout(graph);
  const placed = new Map<string, ElkNode>();
  const collect = (node: ElkNode) => {
    placed.set(node.id, node);
    for (const child of node.children ?? []) collect(child);
  };
  collect(result);
  cy.batch(() => {
    for (const node of cy.nodes()) {
      const box = placed.get(node.id());
      if (!nesting.isContainer(node.id()) && box?.x !== undefined && box.y !== undefined) {
        node.position({ x: box.x + (box.width ?? 0) / 2, y: box.y + (box.height ?? 0) / 2 });
      }
    }
  });
  fitContainers(cy, nesting, (id) => labelSize(id).width);
  const routes = new Map((result.edges ?? []).map((edge) => [edge.id, edge as ElkExtendedEdge]));
  cy.batch(() => {
    for (const edge of edges) applyRoute(edge, routes.get(edge.id()));
  });
}

/** ELK options of a container: room for its label on top, and at least the label's width. */
export function containerLayoutOptions(label: { width: number; height: number }): Record<string, string> {
  return {
    'elk.padding': `[top=${containerPadding + label.height + 4},left=${containerPadding},bottom=${containerPadding},right=${containerPadding}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${Math.ceil(label.width) + 2 * containerPadding},${label.height + 2 * containerPadding})`,
  };
}

/**
 * Draws an edge along ELK's route: the end points as offsets from the node centres, the bend points
 * as cytoscape segment weights (along the line between the ends) and distances (across it).
 */
function applyRoute(edge: EdgeSingular, route: ElkExtendedEdge | undefined): void {
  const section = route?.sections?.[0];
  if (!section) return;
  const start = section.startPoint;
  const end = section.endPoint;
  const source = edge.source().position();
  const target = edge.target().position();
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy);
  const bends = section.bendPoints ?? [];
  if (length < 1) return;
  const weights: number[] = [];
  const distances: number[] = [];
  for (const point of bends) {
    const px = point.x - start.x;
    const py = point.y - start.y;
    weights.push((px * dx + py * dy) / (length * length));
    distances.push((px * -dy + py * dx) / length);
  }
  edge.style({
    'curve-style': bends.length > 0 ? 'segments' : 'straight',
    'edge-distances': 'endpoints',
    'source-endpoint': `${(start.x - source.x).toFixed(1)}px ${(start.y - source.y).toFixed(1)}px`,
    'target-endpoint': `${(end.x - target.x).toFixed(1)}px ${(end.y - target.y).toFixed(1)}px`,
    ...(bends.length > 0 ? { 'segment-weights': weights.join(' '), 'segment-distances': distances.join(' ') } : {}),
  });
}
