// The drawing: a cytoscape instance laid out by ELK (layout.ts: layered, containers for VNets and
// subnets, orthogonal edges), or packed by ELK's box layout (layout-packed.ts) when it has more than
// `routedUpTo` nodes, where the layered layout would take too long. It never zooms out below the size at which labels stay readable
// (theme.ts `readableZoom`): a drawing larger than the panel is panned (drag, or scroll with the
// wheel; Ctrl+wheel zooms). A new model keeps the user's pan and zoom; a model with the same shape
// only updates the labels. Each step of a drawing is a performance measure named `topology:<step>`
// (the render bench reports them).
// Invariant: positions come from the layout library; names reach cytoscape as data, drawn as canvas text.
import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeCollection,
  type SingularElementReturnValue,
} from 'cytoscape';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { iconSize, loadIcons } from './icons';
import { layoutWithElk, routedUpTo } from './layout';
import {
  containerLabelShifts,
  keepsPlaces,
  layoutPacked,
  packBelow,
  type DrawnPlaces,
  type PackedNode,
} from './layout-packed';
import { findingsText, fileName } from './names';
import { iconInset, iconUrls, labelFont, readableZoom, readTheme, stylesheet, type Theme } from './theme';

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
    loadIcons(iconUrls(this.theme));
    this.cy = cytoscape({
      container,
      style: stylesheet(this.theme),
      minZoom: readableZoom(this.theme),
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
      userZoomingEnabled: false,
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
    let phaseStart = started;
    const phase = (name: string) => {
      performance.measure(`topology:${name}`, { start: phaseStart });
      phaseStart = performance.now();
    };
    const elements = [
      ...graph.nodes.map((node) => this.nodeElement(node)),
      ...graph.edges.map((edge) => this.edgeElement(edge)),
    ];
    const shape = JSON.stringify([
      graph.nodes.map((node) => [node.id, node.parent ?? '', node.lines.length + node.badges.length]),
      graph.edges.map((edge) => [edge.id, edge.source, edge.target]),
    ]);
    const cy = this.cy;
    phase('elements');
    if (shape === this.shape) {
      // Same resources and relations: new labels and markers, same places.
      cy.batch(() => {
        for (const element of elements) updateData(cy.getElementById(element.data.id as string), element.data);
      });
      return performance.now() - started;
    }
    const first = this.shape === '' || cy.nodes().length === 0 || refit;
    this.shape = shape;
    const viewport = { pan: { ...cy.pan() }, zoom: cy.zoom() };
    const packed = graph.nodes.length > routedUpTo;
    const kept = packed && (await this.placePacked(graph, elements, first ? undefined : this.drawnPlaces()));
    phase('pack');
    cy.batch(() => {
      if (kept) {
        // The drawn elements stay (cytoscape keeps their styles): only what changed is touched.
        const ids = new Set(elements.map((element) => String(element.data.id)));
        cy.elements()
          .filter((element) => !ids.has(element.id()))
          .remove();
        for (const element of elements) {
          const drawn = cy.getElementById(String(element.data.id));
          if (drawn.empty()) cy.add(element);
          else updateData(drawn, element.data);
        }
      } else {
        cy.elements().remove();
        cy.add(elements);
      }
    });
    phase('add');
    if (!packed) await layoutWithElk(cy, (node) => this.labelBox(String(node.data('label'))));
    phase('layered');
    if (first) this.fit();
    else cy.viewport(viewport);
    phase('fit');
    return performance.now() - started;
  }

  /**
   * Gives the elements of a large drawing their places (layout-packed.ts) before cytoscape sees them.
   * A redraw that only adds top-level resources (with their contents) keeps every drawn resource where
   * it is, and packs the new ones below the drawing; any other change packs the whole drawing again.
   * Says whether the drawn places were kept.
   */
  private async placePacked(graph: Graph, elements: ElementDefinition[], drawn?: DrawnPlaces): Promise<boolean> {
    const parents = new Set(graph.nodes.flatMap((node) => (node.parent === undefined ? [] : [node.parent])));
    const nodes: PackedNode[] = elements
      .filter((element) => element.group === 'nodes')
      .map(({ data }) => ({
        id: String(data.id),
        ...(data.parent !== undefined ? { parent: String(data.parent) } : {}),
        kind: String(data.kind),
        width: Number(data.w),
        height: Number(data.h),
        label: parents.has(String(data.id)) ? this.labelBox(String(data.label)) : { width: 0, height: 0 },
      }));
    const aspect = this.cy.width() / Math.max(1, this.cy.height());
    const kept = drawn && keepsPlaces(nodes, parents, drawn) ? drawn : undefined;
    const centres = kept
      ? await packBelow(nodes, graph.edges, aspect, kept)
      : await layoutPacked(nodes, graph.edges, aspect);
    const shifts = containerLabelShifts(nodes, centres);
    for (const element of elements) {
      const id = String(element.data.id);
      const centre = centres.get(id);
      if (centre) element.position = centre;
      const shift = shifts.get(id);
      if (shift !== undefined) element.data.labelShift = shift;
    }
    return kept !== undefined;
  }

  /** Where the drawn resources are (leaves' centres, containers' parents) and the drawing's box. */
  private drawnPlaces(): DrawnPlaces {
    const leaves = new Map<string, { x: number; y: number }>();
    const sizes = new Map<string, { w: number; h: number }>();
    const containers = new Set<string>();
    const parentOf = new Map<string, string | undefined>();
    this.cy.nodes().forEach((node) => {
      parentOf.set(node.id(), node.parent().nonempty() ? node.parent().first().id() : undefined);
      if (node.isParent()) containers.add(node.id());
      else {
        leaves.set(node.id(), { ...node.position() });
        sizes.set(node.id(), { w: Number(node.data('w')), h: Number(node.data('h')) });
      }
    });
    return { leaves, sizes, containers, parentOf, box: this.cy.elements().boundingBox({}) };
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
      // Only the marked ones: cytoscape restyles every element removeClass is called on, marked or not.
      cy.elements('.on-path, .off-path').removeClass('on-path off-path');
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
    loadIcons(iconUrls(this.theme));
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
        id: node.id,
        ...(node.parent ? { parent: node.parent } : {}),
        kind: node.kind,
        label,
        name: node.name,
        ...(node.level ? { level: node.level } : {}),
        ...(node.file !== undefined ? { file: node.file, line: node.line } : {}),
        tooltip: tooltip(
          node.name,
          node.lines.slice(1),
          node.badges,
          node.file,
          node.line,
          findingsText(node.findings),
        ),
        ...this.size(label),
      },
    };
  }

  private edgeElement(edge: GraphEdge): ElementDefinition {
    return {
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        state: edge.state,
        name: edge.name,
        label: edge.level ? `${levelGlyph[edge.level]}${edge.label}` : edge.label,
        ...(edge.level ? { level: edge.level } : {}),
        ...(edge.file !== undefined ? { file: edge.file, line: edge.line } : {}),
        tooltip: tooltip(
          edge.name,
          [
            `${edge.kind}${edge.state === 'ok' ? '' : ` (${edge.state === 'broken' ? 'one-way' : 'other end outside the analysed files'})`}`,
          ],
          [],
          edge.file,
          edge.line,
          findingsText(edge.findings),
        ),
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

/** Sets an element's data to `data`, dropping keys it no longer has (a finding gone takes its level). */
function updateData(element: SingularElementReturnValue, data: ElementDefinition['data']): void {
  const stale = Object.keys(element.data() as object).filter((key) => !(key in data));
  if (stale.length > 0) element.removeData(stale.join(' '));
  if (stale.length > 0 || Object.entries(data).some(([key, value]) => element.data(key) !== value)) element.data(data);
}

function tooltip(
  name: string,
  details: string[],
  badges: string[],
  file: string | undefined,
  line: number | undefined,
  findings: string,
): string {
  return [
    name,
    ...details,
    ...badges,
    ...(file !== undefined ? [`${fileName(file)}:${line}`] : []),
    ...(findings ? ['', findings] : []),
  ].join('\n');
}
