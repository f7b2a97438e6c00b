// The order in which the page's drawing (drawn-layers.ts) and the SVG export (export-svg.ts) paint, so
// that the file shows what the page shows: containers, outer before inner, then edges, then leaves, so
// that a container lies beneath what it holds and an edge leaving a container is drawn over its fill.
// (Each element's look, alike in both, comes from svg-draw.ts nodeLook and edgeLook.)
// Invariant: loads without a DOM (unit tests).
import type { DrawnNode } from './drawn-types';
import type { Nesting } from './nesting';

/** The nodes to paint, split by layer: containers outer first, then (after the edges) the leaves. */
export function paintOrder(
  nodes: Iterable<DrawnNode>,
  nesting: Nesting,
): { containers: DrawnNode[]; leaves: DrawnNode[] } {
  const containers: DrawnNode[] = [];
  const leaves: DrawnNode[] = [];
  for (const node of nodes) (node.container ? containers : leaves).push(node);
  // A stable sort: siblings keep the graph's order, so the page and the file list them alike.
  containers.sort((a, b) => nesting.depth(a.id) - nesting.depth(b.id));
  return { containers, leaves };
}
