// Dragging in a drawing whose containers are plain nodes (nesting.ts) behaves as with cytoscape's
// compound nodes: a dragged container takes everything inside it along, and the containers around a
// dragged node are fitted to it again (a child dragged out of its subnet widens the subnet).
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { Nesting } from './nesting';

/**
 * Follows the user's drags on `cy`. `nesting` gives the drawing shown; `refitAround` fits the
 * containers around the given nodes.
 */
export function followContainerDrags(
  cy: Core,
  nesting: () => Nesting,
  refitAround: (ids: readonly string[]) => void,
): void {
  // Where each grabbed container was at its last drag event: its contents move by the difference.
  const lastPositions = new Map<string, { x: number; y: number }>();
  cy.on('grab', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    if (nesting().isContainer(node.id())) lastPositions.set(node.id(), { ...node.position() });
  });
  cy.on('drag', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    const last = lastPositions.get(node.id());
    const moved = [node.id()];
    if (last) {
      const now = node.position();
      const delta = { x: now.x - last.x, y: now.y - last.y };
      lastPositions.set(node.id(), { ...now });
      cy.batch(() => {
        for (const id of descendants(nesting(), node.id())) {
          const inside = cy.getElementById(id);
          // A grabbed descendant (selected with it) is moved by cytoscape already.
          if (!inside.grabbed()) inside.shift(delta);
        }
      });
    }
    refitAround(moved);
  });
  cy.on('free', 'node', (event: EventObject) => void lastPositions.delete((event.target as NodeSingular).id()));
}

function descendants(nesting: Nesting, id: string): string[] {
  const all: string[] = [];
  for (const child of nesting.childrenOf(id)) all.push(child, ...descendants(nesting, child));
  return all;
}
