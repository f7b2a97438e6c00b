// The drawing: a cytoscape instance laid out by fCoSE (compound-aware force layout, so VNets hold
// their subnets and subnets their endpoints). A new model keeps the user's pan and zoom and starts the
// layout from the nodes' previous places; a model with the same shape only updates the labels.
// Invariant: positions come from the layout library; names reach cytoscape as data, drawn as canvas text.
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type EventObject, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { findingsText, fileName } from './names';
import { labelFont, readTheme, stylesheet, type Theme } from './theme';

cytoscape.use(fcose);

export interface ViewHandlers {
  reveal(file: string, line: number): void;
}

const levelGlyph = { error: '⚠ ', warning: '⚠ ', info: 'ℹ ' } as const;

export class TopologyView {
  readonly cy: Core;
  private theme: Theme;
  private shape = '';
  private readonly measure = document.createElement('canvas').getContext('2d');

  constructor(container: HTMLElement, handlers: ViewHandlers) {
    this.theme = readTheme();
    this.cy = cytoscape({
      container, style: stylesheet(this.theme), minZoom: 0.05, maxZoom: 4,
      boxSelectionEnabled: false, autoungrabify: false,
    });
    this.cy.on('tap', 'node, edge', (event: EventObject) => {
      const { file, line } = event.target.data() as { file?: string; line?: number };
      if (file !== undefined && line !== undefined) handlers.reveal(file, line);
    });
    this.cy.on('mouseover', 'node, edge', (event: EventObject) => {
      container.title = event.target.data('tooltip') ?? '';
      container.style.cursor = event.target.data('file') ? 'pointer' : '';
    });
    this.cy.on('mouseout', 'node, edge', () => {
      container.title = '';
      container.style.cursor = '';
    });
  }

  /**
   * Draws a graph and returns the milliseconds it took (elements, layout). `refit` fits the drawing to
   * the view (a new scope); otherwise a redraw keeps the user's pan and zoom.
   */
  render(graph: Graph, refit = false): number {
    const started = performance.now();
    const elements = [...graph.nodes.map((node) => this.nodeElement(node)), ...graph.edges.map((edge) => this.edgeElement(edge))];
    const shape = JSON.stringify([graph.nodes.map((node) => [node.id, node.parent ?? '']), graph.edges.map((edge) => [edge.id, edge.source, edge.target])]);
    const cy = this.cy;
    if (shape === this.shape) {
      // Same resources and relations: new labels, sizes and markers, same places.
      cy.batch(() => {
        for (const element of elements) cy.getElementById(element.data.id as string).data(element.data);
      });
      return performance.now() - started;
    }
    const first = this.shape === '' || cy.nodes().length === 0 || refit;
    this.shape = shape;
    const previous = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    const viewport = { pan: { ...cy.pan() }, zoom: cy.zoom() };
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
      for (const node of cy.nodes()) {
        const place = previous.get(node.id()) ?? (node.parent().nonempty() ? previous.get(node.parent().first().id()) : undefined);
        if (place) node.position(place);
      }
    });
    const known = cy.nodes().filter((node) => previous.has(node.id())).length;
    // Zone-group edges run from a few zones to endpoints in every VNet: as springs they pull all VNets
    // onto each other, so the layout leaves them out (they are still drawn). VNet links are weak springs
    // for the same reason. Compound nodes repel harder, which keeps VNets and subnets apart.
    cy.elements().not(cy.edges('[kind = "zoneGroup"]')).layout({
      name: 'fcose', animate: false, fit: first, padding: 30, quality: 'default',
      randomize: first || known < cy.nodes().length / 2, nodeDimensionsIncludeLabels: true,
      nodeSeparation: 75, nestingFactor: 0.5, gravityRangeCompound: 2,
      idealEdgeLength: (edge: EdgeSingular) => (edge.data('kind') === 'vnetLink' ? 180 : 100),
      edgeElasticity: (edge: EdgeSingular) => (edge.data('kind') === 'vnetLink' ? 0.1 : 0.45),
      nodeRepulsion: (node: NodeSingular) => (node.isParent() ? 60000 : 15000),
      tilingPaddingVertical: 14, tilingPaddingHorizontal: 14,
    } as cytoscape.LayoutOptions).run();
    if (!first) cy.viewport(viewport);
    return performance.now() - started;
  }

  /** Reads the theme again and restyles; sizes follow the (possibly new) font. */
  applyTheme(): void {
    this.theme = readTheme();
    this.cy.style(stylesheet(this.theme));
    this.cy.batch(() => {
      for (const node of this.cy.nodes()) node.data(this.size(String(node.data('label'))));
    });
  }

  get currentTheme(): Theme {
    return this.theme;
  }

  fit(): void {
    this.cy.fit(undefined, 30);
  }

  private nodeElement(node: GraphNode): ElementDefinition {
    const lines = [...node.lines, ...node.badges];
    if (node.level) lines[0] = `${levelGlyph[node.level]}${lines[0]}`;
    const label = lines.join('\n');
    return {
      group: 'nodes',
      data: {
        id: node.id, ...(node.parent ? { parent: node.parent } : {}), kind: node.kind, label, name: node.name,
        ...(node.level ? { level: node.level } : {}), ...(node.file !== undefined ? { file: node.file, line: node.line } : {}),
        tooltip: tooltip(node.name, node.lines.slice(1), node.badges, node.file, node.line, findingsText(node.findings)),
        ...this.size(label),
      },
    };
  }

  private edgeElement(edge: GraphEdge): ElementDefinition {
    return {
      group: 'edges',
      data: {
        id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, state: edge.state, name: edge.name,
        label: edge.level ? `${levelGlyph[edge.level]}${edge.label}` : edge.label, ...(edge.level ? { level: edge.level } : {}),
        ...(edge.file !== undefined ? { file: edge.file, line: edge.line } : {}),
        tooltip: tooltip(edge.name, [`${edge.kind}${edge.state === 'ok' ? '' : ` (${edge.state === 'broken' ? 'one-way' : 'other end outside the analysed files'})`}`], [], edge.file, edge.line, findingsText(edge.findings)),
      },
    };
  }

  /** Width and height of a leaf node that fits its label; compound nodes take their size from their children. */
  private size(label: string): { w: number; h: number } {
    const font = labelFont(this.theme);
    const lines = label.split('\n');
    let width = 0;
    if (this.measure) {
      this.measure.font = `${font.size}px ${font.family}`;
      for (const line of lines) width = Math.max(width, this.measure.measureText(line).width);
    } else {
      width = Math.max(...lines.map((line) => line.length)) * font.size * 0.6;
    }
    return { w: Math.ceil(width) + 24, h: lines.length * font.lineHeight + 16 };
  }
}

function tooltip(name: string, details: string[], badges: string[], file: string | undefined, line: number | undefined, findings: string): string {
  return [name, ...details, ...badges, ...(file !== undefined ? [`${fileName(file)}:${line}`] : []), ...(findings ? ['', findings] : [])].join('\n');
}
