// What the topology page draws, read back from cytoscape as plain data: nodes and edges with their
// places, colours and styles, the viewport and the theme. The page exposes it as
// `window.vnetLensTopology.describe()` for the tests (in a browser and in VS Code) and for debugging.
import type { TopologyView } from './view';

export function describeDrawing(view: TopologyView) {
  return {
    nodes: view.cy.nodes().map((node) => ({
      id: node.id(),
      kind: node.data('kind'),
      name: node.data('name'),
      label: node.data('label'),
      parent: view.nesting.parentOf(node.id()) ?? null,
      file: node.data('file') ?? null,
      line: node.data('line') ?? null,
      level: node.data('level') ?? null,
      tooltip: node.data('tooltip'),
      box: node.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
      colour: node.style('border-color'),
      background: node.style('background-color'),
      fontSize: Number.parseFloat(node.style('font-size')),
      icon: node.style('background-image'),
      borderStyle: node.style('border-style'),
      classes: node.classes(),
      selected: node.selected(),
    })),
    edges: view.cy.edges().map((edge) => ({
      id: edge.id(),
      kind: edge.data('kind'),
      state: edge.data('state'),
      source: edge.source().id(),
      target: edge.target().id(),
      label: edge.data('label'),
      lineStyle: edge.style('line-style'),
      colour: edge.style('line-color'),
      file: edge.data('file') ?? null,
      line: edge.data('line') ?? null,
      midpoint: edge.renderedMidpoint(),
      fontSize: Number.parseFloat(edge.style('font-size')),
      curve: edge.style('curve-style'),
      classes: edge.classes(),
      route: [
        edge.renderedSourceEndpoint(),
        ...(edge.style('curve-style') === 'segments' ? (edge.renderedSegmentPoints() ?? []) : []),
        edge.renderedTargetEndpoint(),
      ],
    })),
    viewport: { zoom: view.cy.zoom(), pan: view.cy.pan() },
    theme: view.currentTheme,
  };
}
