// The page's SVG: shared definitions, and under the viewport's transform three layers drawn in order:
// containers (outer before inner), edges, then leaves, so that a container lies beneath what it holds
// and an edge leaving a container is drawn over its fill. Only what meets the view (and a margin
// around it) is drawn: the rest is added as panning and zooming bring it into view, before the frame
// that shows it, and stays (the first frame of a large drawing costs what is seen, not the whole
// drawing; issue 16). Keeps each element's
// group by id, so that a drag, a selection or a path redraws only the groups it changed.
import { outerBox, type Box, type LabelSize } from './container-boxes';
import { lineMeets, pointsAmong } from './edge-geometry';
import { drawnAlike, type DrawnFrom } from './drawn-state';
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';
import type { Nesting } from './nesting';
import type { PathMark } from './paint';
import { paintOrder } from './paint-order';
import { drawingDefs, edgeGroup, edgeLook, nodeGroup, nodeLook, svgElement, type Marking } from './svg-draw';
import type { Theme } from './theme';

/** What the layers draw from: the view's records and marks. */
export interface DrawingSource {
  readonly currentTheme: Theme;
  readonly nodes: ReadonlyMap<string, DrawnNode>;
  readonly edges: readonly DrawnEdge[];
  edgeById(id: string): DrawnEdge | undefined;
  readonly nesting: Nesting;
  readonly selected: ReadonlySet<string>;
  readonly marks: ReadonlyMap<string, PathMark>;
  readonly labelSize: LabelSize;
}

function meets(a: Box, b: Box): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

export class DrawnLayers {
  readonly svg = svgElement('svg', { class: 'drawing', width: '100%', height: '100%' }) as SVGSVGElement;
  readonly root = svgElement('g', { class: 'viewport' }) as SVGGElement;
  private defs = svgElement('defs', {});
  private readonly containers = svgElement('g', { class: 'containers' });
  private readonly edgeLayer = svgElement('g', { class: 'edges' });
  private readonly leaves = svgElement('g', { class: 'leaves' });
  private readonly groups = new Map<string, SVGGElement>();
  /** What each drawn group was drawn from. */
  private readonly drawnFrom = new Map<string, DrawnFrom>();

  constructor(private readonly source: DrawingSource) {
    this.root.append(this.containers, this.edgeLayer, this.leaves);
    this.svg.append(this.defs, this.root);
  }

  /** Draws the drawing again (a new drawing, a theme change): what meets `extent` (model units). */
  drawAll(extent: Box): void {
    const defs = drawingDefs(this.source.currentTheme);
    this.defs.replaceWith(defs);
    this.defs = defs;
    this.groups.clear();
    this.drawnFrom.clear();
    for (const layer of [this.containers, this.edgeLayer, this.leaves]) layer.replaceChildren();
    this.drawMissing(extent);
  }

  /**
   * Draws a redraw after an edit (same theme): the groups of elements drawn as before stay, the
   * others go, and what meets `extent` is drawn. When a container changes, all containers are drawn
   * again, so that outer ones stay beneath inner ones.
   */
  drawChanged(extent: Box): void {
    const { nodes, labelSize } = this.source;
    const stale = new Set([...this.groups.keys()].filter((id) => !this.drawnAsBefore(id)));
    const drawnContainers = [...this.containers.children].flatMap((group) => (group as SVGElement).dataset.id ?? []);
    const containersChange =
      drawnContainers.some((id) => stale.has(id)) ||
      [...nodes.values()].some(
        (node) => node.container && !this.groups.has(node.id) && meets(outerBox(node, labelSize), extent),
      );
    if (containersChange) for (const id of drawnContainers) stale.add(id);
    for (const id of stale) {
      this.groups.get(id)?.remove();
      this.groups.delete(id);
      this.drawnFrom.delete(id);
    }
    this.drawMissing(extent);
  }

  /** Whether an element's group shows it as it is now (false when it is gone). */
  private drawnAsBefore(id: string): boolean {
    const [before, now] = [this.drawnFrom.get(id), this.drawnState(id)];
    return before !== undefined && now !== undefined && drawnAlike(before, now);
  }

  /** What a group drawn now for an element would be drawn from. */
  private drawnState(id: string): DrawnFrom | undefined {
    const { nodes, marks, selected } = this.source;
    const [mark, isSelected] = [marks.get(id), selected.has(id)];
    const node = nodes.get(id);
    if (node) return { record: node, mark, selected: isSelected };
    const edge = this.source.edgeById(id);
    return edge && { record: edge, points: this.points(edge), mark, selected: isSelected };
  }

  /**
   * Adds what meets `extent` and is not drawn yet. Containers go in outer ones first: an inner one's
   * box lies in its outer one's, which meets the extent too, and siblings never overlap.
   */
  drawMissing(extent: Box): void {
    const { nodes, edges, nesting, labelSize } = this.source;
    const missing = (id: string) => !this.groups.has(id);
    const { containers, leaves } = paintOrder(
      [...nodes.values()].filter((node) => missing(node.id) && meets(outerBox(node, labelSize), extent)),
      nesting,
    );
    this.containers.append(...containers.map((node) => this.add(node.id, this.drawNode(node))));
    this.leaves.append(...leaves.map((node) => this.add(node.id, this.drawNode(node))));
    const added: SVGGElement[] = [];
    for (const edge of edges) {
      if (!missing(edge.id)) continue;
      const points = this.points(edge);
      if (points && lineMeets(points, extent)) added.push(this.add(edge.id, this.drawEdge(edge, points)));
    }
    this.edgeLayer.append(...added);
  }

  /** Draws these nodes and edges again, and the edges of these nodes, where they are drawn. */
  redraw(ids: Iterable<string>): void {
    const changed = new Set(ids);
    if (changed.size === 0) return;
    for (const id of changed) {
      const node = this.source.nodes.get(id);
      if (node) this.replace(id, () => this.drawNode(node));
    }
    for (const edge of this.source.edges)
      if (changed.has(edge.id) || changed.has(edge.source) || changed.has(edge.target)) {
        const points = this.points(edge);
        if (points) this.replace(edge.id, () => this.drawEdge(edge, points));
      }
  }

  private add(id: string, group: SVGGElement): SVGGElement {
    this.groups.set(id, group);
    const state = this.drawnState(id);
    if (state) this.drawnFrom.set(id, state);
    return group;
  }

  private replace(id: string, draw: () => SVGGElement): void {
    const drawn = this.groups.get(id);
    if (!drawn) return;
    const group = draw();
    drawn.replaceWith(group);
    this.add(id, group);
  }

  private points(edge: DrawnEdge) {
    return pointsAmong(edge, this.source.nodes);
  }

  private drawNode(node: DrawnNode): SVGGElement {
    const theme = this.source.currentTheme;
    return nodeGroup(node, theme, nodeLook(node, theme, this.marking(node.id)));
  }

  private drawEdge(edge: DrawnEdge, points: readonly Point[]): SVGGElement {
    const theme = this.source.currentTheme;
    return edgeGroup(edge, points, theme, edgeLook(edge, theme, this.marking(edge.id)));
  }

  /** The page shows hover text as the drawing area's title, not as each group's. */
  private marking(id: string): Marking {
    return { mark: this.source.marks.get(id), selected: this.source.selected.has(id), title: false };
  }
}
