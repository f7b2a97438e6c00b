// The drawing: an SVG of the graph, laid out by ELK (layout.ts: layered, containers for VNets and
// subnets, orthogonal edges), or packed by ELK's box layout (layout-packed.ts) when it has more than
// `routedUpTo` nodes, where the layered layout would take too long. It never zooms out below the size
// at which labels stay readable (theme.ts `readableZoom`): a drawing larger than the panel is panned
// (drag, or scroll with the wheel; Ctrl+wheel zooms). A new model keeps the user's pan and zoom; a
// model with the same shape only updates the labels. Each step of a drawing is a performance measure
// named `topology:<step>` (the render bench reports them). VNets and subnets are fitted around what
// they hold (nesting.ts, container-boxes.ts); dragging one drags its contents, and a container grows
// around a child dragged inside it.
// Invariant: leaves' positions come from the layout library, containers' from their children; names
// reach the SVG as text nodes only (svg-draw.ts).
import { fitContainers, nodeBox, outerBox, unionBox, type Box } from './container-boxes';
import { DrawnLayers } from './drawn-layers';
import type { DrawnEdge, DrawnNode } from './drawn-types';
import { edgeRecord, LabelMeasure, nodeRecord } from './elements';
import type { Graph } from './graph';
import { layoutWithElk, routedUpTo } from './layout';
import type { PathMark } from './paint';
import { drawnPlaces, moveNode, placePacked } from './places';
import { followPointer } from './pointer';
import { Nesting } from './nesting';
import { readableZoom, readTheme, type Theme } from './theme';
import { Viewport } from './viewport';

/** Pixels around the view drawn ahead (what a pan or zoom brings into view is drawn in its own frame anyway). */
const nearMargin = 64;

export interface ViewHandlers {
  reveal(file: string, line: number): void;
  /** The selection changed (a tap, Escape, or the list's selection). */
  selectionChanged(): void;
}

export class TopologyView {
  private theme: Theme;
  private shape = '';
  private readonly measure: LabelMeasure;
  readonly svg: SVGSVGElement;
  private readonly layers: DrawnLayers;
  readonly viewport: Viewport;
  /** The drawn nodes, parents before their children, and edges. */
  nodes = new Map<string, DrawnNode>();
  edges: DrawnEdge[] = [];
  /** The drawn edges by id, set with `edges`. */
  private edgesById = new Map<string, DrawnEdge>();
  /** What holds what in the drawing shown. */
  nesting = new Nesting([]);
  readonly selected = new Set<string>();
  readonly marks = new Map<string, PathMark>();

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: ViewHandlers,
  ) {
    this.theme = readTheme();
    this.measure = new LabelMeasure(this.theme);
    this.layers = new DrawnLayers(this);
    this.svg = this.layers.svg;
    container.append(this.svg);
    this.viewport = new Viewport(this.layers.root, container, readableZoom(this.theme), () =>
      this.layers.drawMissing(this.nearExtent()),
    );
    container.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    followPointer(this.svg, {
      tap: (id) => this.tap(id),
      hover: (id) => this.hover(id),
      isNode: (id) => this.nodes.has(id),
      dragBy: (id, dx, dy) => this.drag(id, dx / this.viewport.zoom, dy / this.viewport.zoom),
      panBy: (dx, dy) => this.viewport.panBy(dx, dy),
    });
  }

  get currentTheme(): Theme {
    return this.theme;
  }

  private labelSizes = new Map<string, { width: number; height: number }>();
  /** The size of a node's label text (a container's name, drawn above its box), measured once per theme. */
  readonly labelSize = (node: DrawnNode) => {
    let size = this.labelSizes.get(node.label);
    if (!size) this.labelSizes.set(node.label, (size = this.measure.box(node.label)));
    return size;
  };

  /**
   * Draws a graph and returns the milliseconds it took (records, layout, drawing). `refit` fits the
   * drawing to the view (a new scope); otherwise a redraw keeps the user's pan and zoom.
   */
  async render(graph: Graph, refit = false): Promise<number> {
    const started = performance.now();
    // Labels measured for an earlier drawing are dropped, not kept for the page's lifetime.
    this.labelSizes.clear();
    let phaseStart = started;
    const phase = (name: string) => {
      performance.measure(`topology:${name}`, { start: phaseStart });
      phaseStart = performance.now();
    };
    const nesting = new Nesting(graph.nodes);
    const nodes = new Map(graph.nodes.map((node) => [node.id, nodeRecord(node, this.measure, nesting)]));
    const edges = graph.edges.map(edgeRecord);
    const shape = JSON.stringify([
      graph.nodes.map((node) => [node.id, node.parent ?? '', node.lines.length + node.badges.length]),
      graph.edges.map((edge) => [edge.id, edge.source, edge.target]),
    ]);
    phase('elements');
    if (shape === this.shape) {
      // Same resources and relations: new labels and markers, same places; containers grow around
      // children whose labels grew.
      this.keepPlaces(nodes, edges);
      fitContainers(nodes, nesting, this.labelSize);
      this.show(nodes, edges, nesting, false);
      phase('add');
      return performance.now() - started;
    }
    const first = this.shape === '' || this.nodes.size === 0 || refit;
    this.shape = shape;
    const previous = first ? undefined : drawnPlaces(this.nodes, this.nesting);
    const packed = graph.nodes.length > routedUpTo;
    if (packed) {
      const aspect = this.viewport.width / Math.max(1, this.viewport.height);
      await placePacked(nodes, edges, nesting, this.labelSize, aspect, previous);
      fitContainers(nodes, nesting, this.labelSize);
    }
    phase('pack');
    if (!packed) await layoutWithElk(nodes, edges, nesting, this.labelSize);
    phase('layered');
    if (first) this.viewport.fit(unionBox([...nodes.values()].map(nodeBox)), true);
    phase('fit');
    this.show(nodes, edges, nesting, first);
    phase('add');
    return performance.now() - started;
  }

  /** Gives the new records the drawn ones' places; leaves keep their centres with their new sizes. */
  private keepPlaces(nodes: Map<string, DrawnNode>, edges: DrawnEdge[]): void {
    for (const node of nodes.values()) {
      const drawn = this.nodes.get(node.id);
      if (!drawn) continue;
      Object.assign(node, { x: drawn.x, y: drawn.y });
      if (node.container) Object.assign(node, { w: drawn.w, h: drawn.h });
    }
    const routes = new Map(this.edges.map((edge) => [edge.id, edge.route]));
    for (const edge of edges) {
      const route = routes.get(edge.id);
      if (route) edge.route = route;
    }
  }

  /**
   * Shows placed records, containers fitted: draws what the view shows. A first drawing draws all
   * of it; a redraw keeps the groups of what is drawn as before.
   */
  private show(nodes: Map<string, DrawnNode>, edges: DrawnEdge[], nesting: Nesting, first: boolean): void {
    this.nodes = nodes;
    this.edges = edges;
    this.edgesById = new Map(edges.map((edge) => [edge.id, edge]));
    this.nesting = nesting;
    for (const id of this.selected) if (!nodes.has(id) && !this.edgesById.has(id)) this.selected.delete(id);
    if (first) this.layers.drawAll(this.nearExtent());
    else this.layers.drawChanged(this.nearExtent());
  }

  /** The part of the drawing to draw: what the view shows and `nearMargin` pixels around it. */
  private nearExtent(): Box {
    const { x1, y1, x2, y2 } = this.viewport.extent();
    const margin = nearMargin / this.viewport.zoom;
    return { x1: x1 - margin, y1: y1 - margin, x2: x2 + margin, y2: y2 + margin };
  }

  /** The box around everything drawn, containers' names included (model units). */
  drawingBox(): Box {
    return unionBox([...this.nodes.values()].map((node) => outerBox(node, this.labelSize)));
  }

  /** Fits the drawing to the view, never below the readable zoom (viewport.ts). */
  fit(): void {
    if (this.nodes.size > 0) this.viewport.fit(unionBox([...this.nodes.values()].map(nodeBox)));
  }

  /**
   * Marks a path (a name resolution): its nodes and edges stand out and the rest fades, except the
   * containers of its nodes (a faded VNet would fade everything drawn inside it). Empty lists clear it.
   * `bringIntoView` pans to a path partly outside the view.
   */
  showPath(nodeIds: readonly string[], edgeIds: readonly string[], bringIntoView = true): void {
    const path = new Set([...nodeIds, ...edgeIds].filter((id) => this.nodes.has(id) || this.edgeById(id)));
    const before = new Map(this.marks);
    this.marks.clear();
    if (path.size > 0) {
      const kept = new Set(path);
      for (const id of nodeIds) for (const ancestor of this.nesting.ancestors(id)) kept.add(ancestor);
      for (const id of [...this.nodes.keys(), ...this.edges.map((edge) => edge.id)])
        if (path.has(id)) this.marks.set(id, 'on-path');
        else if (!kept.has(id)) this.marks.set(id, 'off-path');
    }
    const changed = [...new Set([...before.keys(), ...this.marks.keys()])].filter(
      (id) => before.get(id) !== this.marks.get(id),
    );
    this.layers.redraw(changed);
    const onPath = nodeIds.flatMap((id) => this.nodes.get(id) ?? []);
    if (bringIntoView && onPath.length > 0) this.bringIntoView(unionBox(onPath.map(nodeBox)));
  }

  /** Pans (never zooms) so that the box is seen, when some of it is outside the view. */
  private bringIntoView(box: Box): void {
    const extent = this.viewport.extent();
    const inside = box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
    if (!inside) this.viewport.centre(box);
  }

  edgeById(id: string): DrawnEdge | undefined {
    return this.edgesById.get(id);
  }

  /** Selects one element (or none), as a tap does. */
  select(id: string | undefined): void {
    const changed = [...this.selected];
    this.selected.clear();
    if (id !== undefined && (this.nodes.has(id) || this.edgeById(id))) {
      this.selected.add(id);
      changed.push(id);
    }
    this.layers.redraw(changed);
    this.handlers.selectionChanged();
  }

  private tap(id: string | undefined): void {
    this.select(id);
    const element = id === undefined ? undefined : (this.nodes.get(id) ?? this.edgeById(id));
    if (element?.file !== undefined && element.line !== undefined) this.handlers.reveal(element.file, element.line);
  }

  private hover(id: string | undefined): void {
    const element = id === undefined ? undefined : (this.nodes.get(id) ?? this.edgeById(id));
    this.container.title = element?.tooltip ?? '';
    this.container.style.cursor = element?.file !== undefined ? 'pointer' : '';
  }

  private drag(id: string, dx: number, dy: number): void {
    const changed = moveNode(id, { x: dx, y: dy }, this.nodes, this.edges, this.nesting, this.labelSize);
    this.layers.redraw(changed);
    this.layers.drawMissing(this.nearExtent());
  }

  /** Reads the theme again and redraws; sizes follow the (possibly new) font. */
  applyTheme(): void {
    this.theme = readTheme();
    this.measure.setTheme(this.theme);
    this.labelSizes.clear();
    this.viewport.minZoom = readableZoom(this.theme);
    for (const node of this.nodes.values()) if (!node.container) Object.assign(node, this.measure.size(node.label));
    fitContainers(this.nodes, this.nesting, this.labelSize);
    this.viewport.set(this.viewport.zoom, this.viewport.pan, true);
    this.layers.drawAll(this.nearExtent());
  }

  /** The wheel scrolls the drawing (Shift: across); with Ctrl or Cmd (and pinch) it zooms at the pointer. */
  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? this.container.clientHeight : 1;
    if (event.ctrlKey || event.metaKey) {
      const bounds = this.container.getBoundingClientRect();
      const level = this.viewport.zoom * Math.exp(-event.deltaY * scale * 0.002);
      this.viewport.zoomAt(level, { x: event.clientX - bounds.left, y: event.clientY - bounds.top });
      return;
    }
    const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
    const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
    this.viewport.panBy(-dx * scale, -dy * scale);
  }
}
