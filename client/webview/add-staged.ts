// Adds a drawing's elements to cytoscape in the order that styles them cheaply (issue 16): the leaves
// alone, styled; then the containers, fitted around them (container-boxes.ts) before cytoscape first
// styles them; then the edges.
// cytoscape styles an element one property at a time, and after each property clears the style caches
// of the element and of its edges: styled before any edge exists, a node's family is itself. A
// container styled before it is fitted would be styled twice (its size is data the stylesheet reads).
import type { Core, ElementDefinition } from 'cytoscape';

/**
 * Adds `elements` to `cy`, whose drawing is empty, with the same result as `cy.add(elements)` followed
 * by `fitContainers()`.
 */
export function addStaged(cy: Core, elements: readonly ElementDefinition[], fitContainers: () => void): void {
  const nodes = elements.filter((element) => element.group === 'nodes');
  const edges = elements.filter((element) => element.group === 'edges');
  cy.startBatch();
  const added = cy.add(nodes);
  // Ending the batch marks the new nodes' styles as due; reading any property then styles each in full
  // (in a batch of its own, which holds the renderer's notifications back).
  cy.endBatch();
  cy.batch(() =>
    added.forEach((node) => {
      if (node.data('container') !== true) void node.numericStyle('width');
    }),
  );
  fitContainers();
  cy.batch(() => cy.add(edges));
}
