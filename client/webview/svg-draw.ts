// Draws nodes and edges as SVG: a group per element (its box or line, its icon, its label), with the
// colours of paint.ts as presentation attributes (the page's CSP forbids inline style attributes;
// presentation attributes are not styles). The page's view and the SVG export draw with these alike.
// Invariant: names reach the SVG only as text nodes (textContent), never as markup.
import { containerLabelGap, haloPadding, nodeBox } from './container-boxes';
import { midpoint } from './edge-geometry';
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';
import { iconId, iconSymbols } from './icon-symbols';
import { iconSize } from './icons';
import { dashArray, edgePaint, fadedOpacity, nodePaint, type EdgePaint, type NodePaint, type PathMark } from './paint';
import { edgeFontSize, iconInset, kindColours, labelFont, type Theme } from './theme';

export const svgNs = 'http://www.w3.org/2000/svg';
const cornerRadius = 6;

export function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(svgNs, name);
  for (const key in attributes) {
    const value = attributes[key];
    element.setAttribute(key, typeof value === 'number' ? fixed(value) : value);
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A number rounded to a tenth, as written into the SVG. */
export function fixed(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/**
 * The drawing's shared definitions: one icon symbol per kind, and one arrow head per edge colour,
 * in the theme's colours.
 */
export function drawingDefs(theme: Theme): SVGDefsElement {
  const defs = svgElement('defs', {}) as SVGDefsElement;
  defs.append(...iconSymbols(kindColours(theme), theme.other));
  const colours = new Set([theme.vnet, theme.zone, theme.endpoint, theme.muted, theme.broken, theme.link, theme.other]);
  for (const colour of colours) {
    // In units of the line's width, from the line's end (where the head's base sits) to its tip.
    const marker = svgElement('marker', {
      id: arrowId(colour),
      viewBox: `0 0 ${arrowLength} ${arrowLength}`,
      refX: 0,
      refY: arrowLength / 2,
      markerWidth: arrowLength,
      markerHeight: arrowLength,
      orient: 'auto',
    });
    marker.append(
      svgElement('path', { d: `M 0 0 L ${arrowLength} ${arrowLength / 2} L 0 ${arrowLength} Z`, fill: colour }),
    );
    defs.append(marker);
  }
  return defs;
}

/** An edge's arrow head, in line widths. */
const arrowLength = 5;

function arrowId(colour: string): string {
  return `arrow-${colour.replace(/[^0-9a-z]/gi, '')}`;
}

/** How an element is marked beyond its kind and state; its look adds the paint of that. */
export interface Marking {
  /** Its place on a shown name resolution's path. */
  mark: PathMark;
  selected: boolean;
  /** Hover text as an SVG <title> (the export; the page shows it as the drawing area's title). */
  title: boolean;
}

export interface NodeLook extends Marking {
  paint: NodePaint;
}

export interface EdgeLook extends Marking {
  paint: EdgePaint;
}

/** A node's look: the page's drawing and the export make it alike. */
export function nodeLook(node: DrawnNode, theme: Theme, marking: Marking): NodeLook {
  const { mark, selected, title } = marking;
  return { paint: nodePaint(node, theme, mark), mark, selected, title };
}

/** An edge's look: the page's drawing and the export make it alike. */
export function edgeLook(edge: DrawnEdge, theme: Theme, marking: Marking): EdgeLook {
  const { mark, selected, title } = marking;
  return { paint: edgePaint(edge, theme, mark), mark, selected, title };
}

export function nodeGroup(node: DrawnNode, theme: Theme, look: NodeLook): SVGGElement {
  const { paint } = look;
  const group = svgElement('g', groupAttributes('node', node.id, [node.kind], look.mark)) as SVGGElement;
  if (look.title) group.append(svgElement('title', {}, node.tooltip));
  const box = nodeBox(node);
  if (paint.halo)
    group.append(
      svgElement('rect', {
        x: box.x1 - haloPadding,
        y: box.y1 - haloPadding,
        width: node.w + 2 * haloPadding,
        height: node.h + 2 * haloPadding,
        rx: cornerRadius + haloPadding,
        fill: paint.halo,
        'fill-opacity': 0.55,
      }),
    );
  const dash = dashArray(paint.borderStyle);
  group.append(
    svgElement('rect', {
      x: box.x1,
      y: box.y1,
      width: node.w,
      height: node.h,
      rx: cornerRadius,
      fill: paint.fill,
      'fill-opacity': paint.fillOpacity,
      stroke: paint.stroke,
      'stroke-width': paint.strokeWidth,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    }),
  );
  // A double border: the line's middle third in the background colour.
  if (paint.borderStyle === 'double')
    group.append(
      svgElement('path', {
        d: roundedRect(box, cornerRadius),
        fill: 'none',
        stroke: theme.background,
        'stroke-width': paint.strokeWidth / 3,
      }),
    );
  const inset = node.container ? 6 : iconInset;
  group.append(
    svgElement('use', {
      href: `#${iconId(node.kind)}`,
      x: box.x1 + inset,
      y: box.y1 + inset,
      width: iconSize,
      height: iconSize,
    }),
  );
  group.append(nodeLabel(node, theme, paint));
  if (look.selected)
    group.append(
      svgElement('path', {
        d: roundedRect(grownBox(box, 4), cornerRadius + 4),
        class: 'selection',
        fill: theme.link,
        'fill-opacity': 0.15,
      }),
    );
  return group;
}

/** A leaf's label is centred beside its icon; a container's starts at its left edge, above its box. */
function nodeLabel(node: DrawnNode, theme: Theme, paint: NodePaint): SVGElement {
  const font = labelFont(theme);
  const lines = node.label.split('\n');
  const box = nodeBox(node);
  const x = node.container ? box.x1 : node.x + (iconSize + iconInset) / 2;
  const top = node.container
    ? box.y1 - containerLabelGap - lines.length * font.lineHeight
    : node.y - (lines.length * font.lineHeight) / 2;
  const first = top + font.lineHeight / 2;
  const text = svgElement('text', {
    x,
    y: first,
    'text-anchor': node.container ? 'start' : 'middle',
    'dominant-baseline': 'central',
    'font-size': font.size,
    fill: paint.text,
    ...(paint.bold ? { 'font-weight': 'bold' } : {}),
  });
  lines.forEach((line, index) => text.append(svgElement('tspan', { x, y: first + index * font.lineHeight }, line)));
  return text;
}

export function edgeGroup(edge: DrawnEdge, points: readonly Point[], theme: Theme, look: EdgeLook): SVGGElement {
  const { paint } = look;
  const group = svgElement('g', groupAttributes('edge', edge.id, [edge.kind, edge.state], look.mark)) as SVGGElement;
  if (look.title) group.append(svgElement('title', {}, edge.tooltip));
  const line = shortened(points, arrowLength * paint.width);
  const d = path(line);
  if (paint.halo)
    group.append(
      svgElement('path', {
        d,
        fill: 'none',
        stroke: paint.halo,
        'stroke-opacity': 0.3,
        'stroke-width': paint.width + 6,
        'stroke-linecap': 'round',
      }),
    );
  const dash = dashArray(paint.lineStyle);
  group.append(
    svgElement('path', {
      d,
      fill: 'none',
      stroke: paint.colour,
      'stroke-width': paint.width,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
      'marker-end': `url(#${arrowId(paint.colour)})`,
    }),
  );
  if (look.selected)
    group.append(
      svgElement('path', {
        d,
        class: 'selection',
        fill: 'none',
        stroke: theme.link,
        'stroke-opacity': 0.15,
        'stroke-width': paint.width + 8,
        'stroke-linecap': 'round',
      }),
    );
  if (edge.label) {
    const middle = midpoint(points);
    group.append(
      svgElement(
        'text',
        {
          x: middle.x,
          y: middle.y,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          'font-size': edgeFontSize(theme),
          fill: paint.text,
          stroke: theme.background,
          'stroke-opacity': 0.85,
          'stroke-width': 4,
          'paint-order': 'stroke',
        },
        edge.label,
      ),
    );
  }
  return group;
}

function groupAttributes(type: string, id: string, classes: string[], mark: PathMark): Record<string, string | number> {
  return {
    class: [type, ...classes, ...(mark ? [mark] : [])].join(' '),
    'data-id': id,
    ...(mark === 'off-path' ? { opacity: fadedOpacity } : {}),
  };
}

/** The points with the last segment cut short by `by` (where the arrow head sits). */
function shortened(points: readonly Point[], by: number): Point[] {
  const end = points[points.length - 1];
  const before = points[points.length - 2] ?? end;
  const length = Math.hypot(end.x - before.x, end.y - before.y);
  if (length <= by) return [...points];
  const cut = (length - by) / length;
  return [...points.slice(0, -1), { x: before.x + (end.x - before.x) * cut, y: before.y + (end.y - before.y) * cut }];
}

function path(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${fixed(point.x)} ${fixed(point.y)}`).join(' ');
}

function grownBox(box: { x1: number; y1: number; x2: number; y2: number }, by: number) {
  return { x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by };
}

function roundedRect(box: { x1: number; y1: number; x2: number; y2: number }, radius: number): string {
  const r = Math.min(radius, (box.x2 - box.x1) / 2, (box.y2 - box.y1) / 2);
  const [x1, y1, x2, y2] = [box.x1, box.y1, box.x2, box.y2].map(fixed);
  const [l, t, rr, b] = [box.x1 + r, box.y1 + r, box.x2 - r, box.y2 - r].map(fixed);
  const arc = `A ${fixed(r)} ${fixed(r)} 0 0 1`;
  return `M ${l} ${y1} H ${rr} ${arc} ${x2} ${t} V ${b} ${arc} ${rr} ${y2} H ${l} ${arc} ${x1} ${b} V ${t} ${arc} ${l} ${y1} Z`;
}
