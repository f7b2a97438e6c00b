// The drawing: a cytoscape instance laid out by ELK (layout.ts: layered, containers for VNets and
// subnets, orthogonal edges), or by fCoSE (compound-aware force layout) when it has more than
// `routedUpTo` nodes, where ELK would take too long. It never zooms out below the size at which labels stay readable
// (theme.ts `readableZoom`): a drawing larger than the panel is panned (drag, or scroll with the
// wheel; Ctrl+wheel zooms). A new model keeps the user's pan and zoom; a model with the same shape
// only updates the labels.
// Invariant: positions come from the layout library; names reach cytoscape as data, drawn as canvas text.
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type EventObject, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { iconSize } from './icons';
import { layoutWithElk, routedUpTo } from './layout';
import { findingsText, fileName } from './names';
import { iconInset, labelFont, readableZoom, readTheme, stylesheet, type Theme } from './theme';

cytoscape.use(fcose);

/** Space kept around the drawing when it is fitted to the view. */
const fitPadding = 24;

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
      container, style: stylesheet(this.theme), minZoom: readableZoom(this.theme), maxZoom: 4,
      boxSelectionEnabled: false, autoungrabify: false, userZoomingEnabled: false,
    });
    container.addEventListener('wheel', (event) => this.wheel(event, container), { passive: false });
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
  async render(graph: Graph, refit = false): Promise<number> {
    const started = performance.now();
    const elements = [...graph.nodes.map((node) => this.nodeElement(node)), ...graph.edges.map((edge) => this.edgeElement(edge))];
    const shape = JSON.stringify([graph.nodes.map((node) => [node.id, node.parent ?? '', node.lines.length + node.badges.length]), graph.edges.map((edge) => [edge.id, edge.source, edge.target])]);
    const cy = this.cy;
    if (shape === this.shape) {
      // Same resources and relations: new labels and markers, same places.
      cy.batch(() => {
        for (const element of elements) cy.getElementById(element.data.id as string).data(element.data);
      });
      return performance.now() - started;
    }
    const first = this.shape === '' || cy.nodes().length === 0 || refit;
    this.shape = shape;
    const viewport = { pan: { ...cy.pan() }, zoom: cy.zoom() };
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    if (cy.nodes().length <= routedUpTo) await layoutWithElk(cy, (node) => this.labelBox(String(node.data('label'))));
    else forceLayout(cy);
    if (first) this.fit();
    else cy.viewport(viewport);
    return performance.now() - started;
  }

  /**
   * Marks a path (a name resolution): its nodes and edges stand out and the rest fades, except the
   * containers of its nodes (a faded VNet would fade everything drawn inside it). Empty lists clear it.
   * `bringIntoView` pans to a path partly outside the view.
   */
  showPath(nodeIds: readonly string[], edgeIds: readonly string[], bringIntoView = true): void {
    const cy = this.cy;
    let path = cy.collection();
    for (const id of [...nodeIds, ...edgeIds]) path = path.union(cy.getElementById(id));
    cy.batch(() => {
      cy.elements().removeClass('on-path off-path');
      if (path.empty()) return;
      path.addClass('on-path');
      cy.elements().not(path.union(path.nodes().ancestors())).addClass('off-path');
    });
    if (bringIntoView) this.bringIntoView(path.nodes());
  }

  /** Pans (never zooms) so that the elements are seen, when some of them are outside the view. */
  private bringIntoView(elements: NodeCollection): void {
    if (elements.empty()) return;
    const box = elements.boundingBox({});
    const extent = this.cy.extent();
    const inside = box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
    if (!inside) this.cy.center(elements);
  }

  /** Reads the theme again and restyles; sizes follow the (possibly new) font. */
  applyTheme(): void {
    this.theme = readTheme();
    this.cy.style(stylesheet(this.theme));
    this.cy.minZoom(readableZoom(this.theme));
    this.cy.batch(() => {
      for (const node of this.cy.nodes()) node.data(this.size(String(node.data('label'))));
    });
  }

  get currentTheme(): Theme {
    return this.theme;
  }

  /**
   * Fits the drawing to the view, but not below the readable zoom: then the drawing starts at its top
   * (centred across when it fits across) and the rest is a pan away.
   */
  fit(): void {
    const cy = this.cy;
    if (cy.elements().length === 0) return;
    cy.fit(undefined, fitPadding);
    const zoom = Math.max(cy.zoom(), readableZoom(this.theme));
    const box = cy.elements().boundingBox({});
    const width = cy.width();
    const height = cy.height();
    const across = box.w * zoom + 2 * fitPadding <= width;
    const down = box.h * zoom + 2 * fitPadding <= height;
    cy.viewport({
      zoom,
      pan: {
        x: across ? (width - box.w * zoom) / 2 - box.x1 * zoom : fitPadding - box.x1 * zoom,
        y: down ? (height - box.h * zoom) / 2 - box.y1 * zoom : fitPadding - box.y1 * zoom,
      },
    });
  }

  /** The wheel scrolls the drawing (Shift: across); with Ctrl or Cmd (and pinch) it zooms at the pointer. */
  private wheel(event: WheelEvent, container: HTMLElement): void {
    event.preventDefault();
    const cy = this.cy;
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? container.clientHeight : 1;
    if (event.ctrlKey || event.metaKey) {
      const bounds = container.getBoundingClientRect();
      const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * Math.exp(-event.deltaY * scale * 0.002)));
      cy.zoom({ level, renderedPosition: { x: event.clientX - bounds.left, y: event.clientY - bounds.top } });
      return;
    }
    const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
    const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
    cy.panBy({ x: -dx * scale, y: -dy * scale });
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

  /** Width and height of a leaf node that fits its label and icon; compound nodes take their size from their children. */
  private size(label: string): { w: number; h: number } {
    const box = this.labelBox(label);
    return { w: Math.ceil(box.width) + 24 + iconSize + iconInset, h: box.height + 16 };
  }

  /** The size of a label's text. */
  private labelBox(label: string): { width: number; height: number } {
    const font = labelFont(this.theme);
    const lines = label.split('\n');
    let width = 0;
    if (this.measure) {
      this.measure.font = `${font.size}px ${font.family}`;
      for (const line of lines) width = Math.max(width, this.measure.measureText(line).width);
    } else {
      width = Math.max(...lines.map((line) => line.length)) * font.size * 0.6;
    }
    return { width, height: lines.length * font.lineHeight };
  }
}

function tooltip(name: string, details: string[], badges: string[], file: string | undefined, line: number | undefined, findings: string): string {
  return [name, ...details, ...badges, ...(file !== undefined ? [`${fileName(file)}:${line}`] : []), ...(findings ? ['', findings] : [])].join('\n');
}

/**
 * fCoSE for drawings too large for ELK. Zone-group edges run from a few zones to endpoints in every
 * VNet: as springs they pull all VNets onto each other, so the layout leaves them out (they are still
 * drawn). VNet links are weak springs for the same reason. Compound nodes repel harder, which keeps
 * VNets and subnets apart.
 */
function forceLayout(cy: Core): void {
  cy.elements().not(cy.edges('[kind = "zoneGroup"]')).layout({
    name: 'fcose', animate: false, fit: false, padding: 30, quality: 'default', randomize: true,
    nodeDimensionsIncludeLabels: true, nodeSeparation: 75, nestingFactor: 0.5, gravityRangeCompound: 2,
    idealEdgeLength: (edge: EdgeSingular) => (edge.data('kind') === 'vnetLink' ? 180 : 100),
    edgeElasticity: (edge: EdgeSingular) => (edge.data('kind') === 'vnetLink' ? 0.1 : 0.45),
    nodeRepulsion: (node: NodeSingular) => (node.isParent() ? 60000 : 15000),
    tilingPaddingVertical: 14, tilingPaddingHorizontal: 14,
  } as cytoscape.LayoutOptions).run();
}
