// The colours, widths and line styles of each drawn element, from the theme and the element's marks
// (its kind, finding level and state; a name resolution's path). The drawing (svg-draw.ts) writes them
// as SVG presentation attributes, and the page's description reports them.
// Invariant: every colour is a theme colour (`#rrggbb`); nothing here reads the drawing.
import type { DrawnEdge, DrawnNode } from './drawn-types';
import { kindColour, type Theme } from './theme';

/** How a node or edge stands to a name resolution's path shown: on it, off it (faded), or none shown. */
export type PathMark = 'on-path' | 'off-path' | undefined;

export interface NodePaint {
  stroke: string;
  strokeWidth: number;
  borderStyle: 'solid' | 'dashed' | 'double';
  fill: string;
  fillOpacity: number;
  text: string;
  bold: boolean;
  /** A finding's halo around a leaf. */
  halo?: string;
}

export interface EdgePaint {
  colour: string;
  width: number;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  text: string;
  halo?: string;
}

/** Opacity of what a shown path fades. */
export const fadedOpacity = 0.25;

export function nodePaint(node: DrawnNode, theme: Theme, mark: PathMark): NodePaint {
  const border = theme.highContrast ? 2 : 1;
  const registry = node.kind === 'registryModule';
  let strokeWidth = border + (registry ? 2 : 0);
  if (node.container) strokeWidth = border + 1;
  if (node.level) strokeWidth = border + (node.container ? 3 : 1);
  if (mark === 'on-path') strokeWidth = border + 2;
  let stroke = node.level ? theme[node.level] : kindColour(theme, node.kind);
  if (mark === 'on-path') stroke = theme.link;
  const double = registry || (node.level !== undefined && node.container);
  return {
    stroke,
    strokeWidth,
    borderStyle: double ? 'double' : node.kind === 'external' ? 'dashed' : 'solid',
    fill: containerFill(node, theme) ?? (registry ? theme.muted : theme.background),
    fillOpacity: node.container ? (theme.highContrast ? 0 : 0.07) : registry ? 0.18 : 1,
    text: node.kind === 'external' ? theme.muted : theme.foreground,
    bold: node.container && node.kind === 'vnet',
    ...(node.level && !node.container ? { halo: theme[node.level] } : {}),
  };
}

function containerFill(node: DrawnNode, theme: Theme): string | undefined {
  if (!node.container) return undefined;
  if (node.kind === 'vnet') return theme.vnet;
  return node.kind === 'subnet' ? theme.subnet : theme.background;
}

const edgeKindColour = { peering: 'vnet', vnetLink: 'zone', zoneGroup: 'zone', endpointTarget: 'endpoint' } as const;

export function edgePaint(edge: DrawnEdge, theme: Theme, mark: PathMark): EdgePaint {
  let paint: EdgePaint = {
    colour: theme[edgeKindColour[edge.kind]],
    width: theme.highContrast ? 2 : 1.5,
    lineStyle: edge.kind === 'vnetLink' || edge.kind === 'zoneGroup' ? 'dotted' : 'solid',
    text: theme.muted,
  };
  if (edge.state === 'unknown') paint = { ...paint, lineStyle: 'dashed', colour: theme.muted };
  if (edge.state === 'broken')
    paint = { ...paint, lineStyle: 'dashed', colour: theme.broken, text: theme.broken, width: 2.5 };
  if (edge.level) paint.halo = theme[edge.level];
  if (mark === 'on-path')
    paint = { ...paint, colour: theme.link, lineStyle: 'solid', width: 3.5, text: theme.foreground };
  return paint;
}

/** SVG dashes of a line style. */
export function dashArray(style: string): string | undefined {
  if (style === 'dashed') return '8 5';
  return style === 'dotted' ? '2 4' : undefined;
}
