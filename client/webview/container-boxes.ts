// Sizes the drawn containers (VNets, subnets: plain cytoscape nodes, nesting.ts) around their children
// as cytoscape sized its compound nodes: the box of the children, their labels and underlays included
// (cytoscape's own `boundingBox`), and `containerPadding` on every side; its name, drawn above it, moves
// to start at its left edge. Called after a layout, a redraw that changed sizes, a theme change and a drag.
// Invariant: a container's box encloses its children's; nothing else sizes or places a container.
import type { BoundingBox12, BoundingBoxWH, Core } from 'cytoscape';
import type { Nesting } from './nesting';

/** Space inside a container around its children (what cytoscape's compound padding was). */
export const containerPadding = 14;

/** How far a container's name (centred by cytoscape) moves left to start at the container's left edge. */
export function containerLabelShift(labelWidth: number, boxWidth: number): number {
  return Math.min(0, labelWidth / 2 - boxWidth / 2 + containerPadding / 2);
}

/**
 * Fits `containers` (innermost first; all of them when not given) around their children. A container
 * whose box is unchanged is not touched, so cytoscape restyles only what moved or grew. Not in a batch:
 * cytoscape restyles what changed in a batch when the batch ends, and the boxes read here need the styles.
 */
export function fitContainers(
  cy: Core,
  nesting: Nesting,
  labelWidth: (id: string) => number,
  containers: readonly string[] = nesting.containers,
): void {
  for (const id of containers) {
    const container = cy.getElementById(id);
    if (container.empty()) continue;
    const box = childrenBox(cy, nesting.childrenOf(id));
    if (box.w === 0 || box.h === 0) continue;
    const w = box.w + 2 * containerPadding;
    const h = box.h + 2 * containerPadding;
    const position = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const labelShift = containerLabelShift(labelWidth(id), w);
    const drawn = container.position();
    if (drawn.x !== position.x || drawn.y !== position.y) container.position(position);
    if (container.data('w') !== w || container.data('h') !== h || container.data('labelShift') !== labelShift)
      container.data({ w, h, labelShift });
  }
}

/**
 * The box of the children, labels included and overlays not, as cytoscape's compound sizing took it:
 * one collection, merged in place (a collection per child cost more than the boxes).
 */
function childrenBox(cy: Core, children: readonly string[]): BoundingBox12 & BoundingBoxWH {
  const collection = cy.collection();
  for (const id of children) collection.merge(cy.getElementById(id));
  return collection.boundingBox({ includeLabels: true, includeOverlays: false });
}

/** The containers to fit again after `ids` moved or changed size: theirs, innermost first. */
export function containersAround(nesting: Nesting, ids: Iterable<string>): string[] {
  const around = new Set<string>();
  for (const id of ids) for (const ancestor of nesting.ancestors(id)) around.add(ancestor);
  return nesting.containers.filter((id) => around.has(id));
}
