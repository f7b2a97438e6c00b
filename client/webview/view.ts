// The drawing: a cytoscape instance laid out by ELK (layout.ts: layered, containers for VNets and
// subnets, orthogonal edges), or packed by ELK's box layout (layout-packed.ts) when it has more than
// `routedUpTo` nodes, where the layered layout would take too long. It never zooms out below the size at which labels stay readable
// (theme.ts `readableZoom`): a drawing larger than the panel is panned (drag, or scroll with the
// wheel; Ctrl+wheel zooms). A new model keeps the user's pan and zoom; a model with the same shape
// only updates the labels. Each step of a drawing is a performance measure named `topology:<step>`
// (the render bench reports them). VNets and subnets are plain nodes fitted around what they hold
// (nesting.ts, container-boxes.ts); dragging one drags its contents, and a container grows around a
// child dragged inside it, as cytoscape's compound nodes did.
// Invariant: leaves' positions come from the layout library, containers' from their children; names
// reach cytoscape as data, drawn as canvas text.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type NodeCollection } from 'cytoscape';
import { addStaged } from './add-staged';
import { containersAround, fitContainers } from './container-boxes';
import { followContainerDrags } from './container-drag';
import { edgeElement, LabelMeasure, nodeElement, updateData } from './elements';
import type { Graph } from './graph';
import { loadIcons } from './icons';
import { layoutWithElk, routedUpTo } from './layout';
import { keepsPlaces, layoutPacked, packBelow, type DrawnPlaces, type PackedNode } from './layout-packed';
import { Nesting } from './nesting';
import { iconUrls, readableZoom, readTheme, stylesheet, type Theme } from './theme';

/** Space kept around the drawing when it is fitted to the view. */
const fitPadding = 24;

export interface ViewHandlers {
  reveal(file: string, line: number): void;
}

export class TopologyView {
  readonly cy: Core;
  private theme: Theme;
  private shape = '';
  private readonly measure: LabelMeasure;
  /** What holds what in the drawing shown. */
  private drawn = new Nesting([]);

  constructor(container: HTMLElement, handlers: ViewHandlers) {
    this.theme = readTheme();
    this.measure = new LabelMeasure(this.theme);
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
    followContainerDrags(
      this.cy,
      () => this.drawn,
      (ids) => this.fitContainers(containersAround(this.drawn, ids)),
    );
  }

  /** What holds what in the drawing shown. */
  get nesting(): Nesting {
    return this.drawn;
  }

  /** Fits the drawn containers (all, or these, innermost first) around their children. */
  private fitContainers(containers?: readonly string[]): void {
    const labelWidth = (id: string) => this.measure.box(String(this.cy.getElementById(id).data('label'))).width;
    fitContainers(this.cy, this.drawn, labelWidth, containers);
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
    const nesting = new Nesting(graph.nodes);
    const elements = [
      ...graph.nodes.map((node) => nodeElement(node, this.measure, nesting)),
      ...graph.edges.map(edgeElement),
    ];
    const shape = JSON.stringify([
      graph.nodes.map((node) => [node.id, node.parent ?? '', node.lines.length + node.badges.length]),
      graph.edges.map((edge) => [edge.id, edge.source, edge.target]),
    ]);
    const cy = this.cy;
    phase('elements');
    if (shape === this.shape) {
      // Same resources and relations: new labels and markers, same places; containers grow around
      // children whose labels grew.
      cy.batch(() => {
        for (const element of elements) this.updateElement(element);
      });
      this.fitContainers();
      return performance.now() - started;
    }
    const first = this.shape === '' || cy.nodes().length === 0 || refit;
    this.shape = shape;
    const drawnPlaces = first ? undefined : this.drawnPlaces();
    this.drawn = nesting;
    const viewport = { pan: { ...cy.pan() }, zoom: cy.zoom() };
    const packed = graph.nodes.length > routedUpTo;
    const kept = packed && (await this.placePacked(nesting, elements, drawnPlaces));
    phase('pack');
    if (kept) {
      cy.batch(() => {
        // The drawn elements stay (cytoscape keeps their styles): only what changed is touched.
        const ids = new Set(elements.map((element) => String(element.data.id)));
        cy.elements()
          .filter((element) => !ids.has(element.id()))
          .remove();
        for (const element of elements) {
          if (cy.getElementById(String(element.data.id)).empty()) cy.add(element);
          else this.updateElement(element);
        }
      });
      this.fitContainers();
    } else {
      cy.elements().remove();
      addStaged(cy, elements, () => this.fitContainers());
    }
    phase('add');
    if (!packed)
      await layoutWithElk(cy, nesting, (id) => this.measure.box(String(cy.getElementById(id).data('label'))));
    phase('layered');
    if (first) this.fit();
    else cy.viewport(viewport);
    phase('fit');
    return performance.now() - started;
  }

  /**
   * Updates a drawn element's data; a container keeps its fitted box (fitContainers changes it if its
   * children changed), so that an unchanged one is not restyled.
   */
  private updateElement(element: ElementDefinition): void {
    const drawn = this.cy.getElementById(String(element.data.id));
    if (element.data.container === true)
      for (const key of ['w', 'h', 'labelShift']) element.data[key] = drawn.data(key);
    updateData(drawn, element.data);
  }

  /**
   * Gives the elements of a large drawing their places (layout-packed.ts) before cytoscape sees them.
   * A redraw that only adds top-level resources (with their contents) keeps every drawn resource where
   * it is, and packs the new ones below the drawing; any other change packs the whole drawing again.
   * Says whether the drawn places were kept.
   */
  private async placePacked(nesting: Nesting, elements: ElementDefinition[], drawn?: DrawnPlaces): Promise<boolean> {
    const parents = new Set(nesting.containers);
    const nodes: PackedNode[] = elements
      .filter((element) => element.group === 'nodes')
      .map(({ data }) => {
        const parent = nesting.parentOf(String(data.id));
        return {
          id: String(data.id),
          ...(parent !== undefined ? { parent } : {}),
          kind: String(data.kind),
          width: Number(data.w),
          height: Number(data.h),
          label: parents.has(String(data.id)) ? this.measure.box(String(data.label)) : { width: 0, height: 0 },
        };
      });
    const edgeEnds = elements
      .filter((element) => element.group === 'edges')
      .map(({ data }) => ({ source: String(data.source), target: String(data.target) }));
    const aspect = this.cy.width() / Math.max(1, this.cy.height());
    const kept = drawn && keepsPlaces(nodes, parents, drawn) ? drawn : undefined;
    const centres = kept ? await packBelow(nodes, edgeEnds, aspect, kept) : await layoutPacked(nodes, edgeEnds, aspect);
    for (const element of elements) {
      const centre = centres.get(String(element.data.id));
      if (centre) element.position = centre;
    }
    return kept !== undefined;
  }

  /** Where the drawn resources are (leaves' centres and sizes, what holds what) and the drawing's box. */
  private drawnPlaces(): DrawnPlaces {
    const ids = new Set<string>();
    const leaves = new Map<string, { x: number; y: number }>();
    const sizes = new Map<string, { w: number; h: number }>();
    this.cy.nodes().forEach((node) => {
      ids.add(node.id());
      if (this.drawn.isContainer(node.id())) return;
      leaves.set(node.id(), { ...node.position() });
      sizes.set(node.id(), { w: Number(node.data('w')), h: Number(node.data('h')) });
    });
    return { nesting: this.drawn, ids, leaves, sizes, box: this.cy.elements().boundingBox({}) };
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
      const kept = new Set(path.map((element) => element.id()));
      path.nodes().forEach((node) => this.drawn.ancestors(node.id()).forEach((id) => kept.add(id)));
      cy.elements()
        .filter((element) => !kept.has(element.id()))
        .addClass('off-path');
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
    this.measure.setTheme(this.theme);
    loadIcons(iconUrls(this.theme));
    this.cy.style(stylesheet(this.theme));
    this.cy.minZoom(readableZoom(this.theme));
    this.cy.batch(() => {
      for (const node of this.cy.nodes())
        if (!this.drawn.isContainer(node.id())) node.data(this.measure.size(String(node.data('label'))));
    });
    this.fitContainers();
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
}
