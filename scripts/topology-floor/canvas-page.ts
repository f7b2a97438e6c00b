// A measured prototype, not the product: the same finished elements drawn by hand on one 2D canvas
// (round boxes with the kind's border colour, container fills, icons, multi-line labels, straight
// edges with their dash, arrow and label on a background), to measure what a renderer without
// cytoscape's style system costs. Every label is measured (what bounds and hit tests would need);
// only what meets the view is drawn, as cytoscape does (all=1 draws everything). With pipeline=1 the
// page first does what the topology page does before cytoscape (graph, elements with measured labels,
// ELK's packing) on the model it is sent, and sizes containers around their children itself. Left
// out: halos, double borders, parallel edges apart, selection, hover, hit tests, export.
import type { TopologyJson } from '@vnet-lens/protocol';
import type { ElementDefinition } from 'cytoscape';
import { containerPadding } from '../../client/webview/container-boxes';
import { edgeElement, LabelMeasure, nodeElement } from '../../client/webview/elements';
import { buildGraph } from '../../client/webview/graph';
import { iconSize, kindIcon } from '../../client/webview/icons';
import { layoutPacked, type PackedNode } from '../../client/webview/layout-packed';
import { Nesting } from '../../client/webview/nesting';
import { edgeFontSize, iconInset, labelFont, readTheme, type Theme } from '../../client/webview/theme';
import { drawingArea, drawn } from './drawn';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const theme = readTheme();
const canvas = document.createElement('canvas');
canvas.width = drawn.area.width;
canvas.height = drawn.area.height;
drawingArea().append(canvas);
const context = canvas.getContext('2d') as CanvasRenderingContext2D;
const query = new URLSearchParams(location.search);
const drawAll = query.get('all') === '1';
const pipeline = query.get('pipeline') === '1';

const kindColour: Record<string, string> = {
  vnet: theme.vnet,
  subnet: theme.subnet,
  privateEndpoint: theme.endpoint,
  dnsZone: theme.zone,
  target: theme.target,
  zoneGroup: theme.zone,
  privateLinkService: theme.endpoint,
  vnetGateway: theme.vnet,
  external: theme.muted,
  registryModule: theme.muted,
};
const icons = new Map<string, HTMLImageElement>();
for (const kind of [...Object.keys(kindColour), 'nsg', 'routeTable']) {
  const image = new Image();
  image.src = kindIcon(kind, kindColour[kind] ?? theme.other);
  icons.set(kind, image);
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: string;
  lines: string[];
  container: boolean;
  level?: 'error' | 'warning' | 'info';
}
interface Elements {
  nodes?: ElementDefinition[];
  edges?: ElementDefinition[];
}
interface Line {
  source: Box;
  target: Box;
  kind: string;
  state: string;
  label: string;
}

const font = labelFont(theme);
const nodeFont = `${font.size}px ${font.family}`;
const edgeFont = `${edgeFontSize(theme)}px ${font.family}`;

function nodeColour(box: Box, colours: Theme): string {
  return box.level ? colours[box.level] : (kindColour[box.kind] ?? colours.other);
}

function drawBox(box: Box, view: { x1: number; y1: number; x2: number; y2: number }): void {
  const x1 = box.x - box.w / 2;
  const y1 = box.y - box.h / 2;
  const labelAbove = box.container ? box.lines.length * font.lineHeight + 4 : 0;
  if (!drawAll && (x1 > view.x2 || x1 + box.w < view.x1 || y1 - labelAbove > view.y2 || y1 + box.h < view.y1)) return;
  context.beginPath();
  context.roundRect(x1, y1, box.w, box.h, 6);
  context.globalAlpha = box.container ? 0.07 : 1;
  context.fillStyle = box.container ? (box.kind === 'vnet' ? theme.vnet : theme.subnet) : theme.background;
  context.fill();
  context.globalAlpha = 1;
  context.lineWidth = box.container ? 2 : 1;
  context.strokeStyle = nodeColour(box, theme);
  context.stroke();
  const icon = icons.get(box.kind);
  const inset = box.container ? 6 : iconInset;
  if (icon?.complete)
    context.drawImage(icon, x1 + inset, box.container ? y1 + inset : box.y - iconSize / 2, iconSize, iconSize);
  context.font = box.kind === 'vnet' && box.container ? `bold ${nodeFont}` : nodeFont;
  context.fillStyle = theme.foreground;
  context.textAlign = box.container ? 'left' : 'center';
  const top = box.container ? y1 - labelAbove : box.y - (box.lines.length * font.lineHeight) / 2;
  const x = box.container ? x1 : box.x + (iconSize + iconInset) / 2;
  box.lines.forEach((line, index) => context.fillText(line, x, top + (index + 0.5) * font.lineHeight));
}

function drawLine(line: Line, width: number): void {
  const { source, target } = line;
  const colour =
    line.state === 'broken'
      ? theme.broken
      : line.kind === 'peering'
        ? theme.vnet
        : line.kind === 'endpointTarget'
          ? theme.endpoint
          : theme.zone;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  // The tip on the target's border: the line scaled back to where it leaves the target's box.
  const back = Math.min(Math.abs(target.w / 2 / (dx || 1e-9)), Math.abs(target.h / 2 / (dy || 1e-9)), 1);
  const tipX = target.x - dx * back;
  const tipY = target.y - dy * back;
  context.strokeStyle = colour;
  context.lineWidth = line.state === 'broken' ? 2.5 : 1.5;
  context.setLineDash(
    line.state === 'broken' ? [8, 5] : line.kind === 'vnetLink' || line.kind === 'zoneGroup' ? [1.5, 3] : [],
  );
  context.beginPath();
  context.moveTo(source.x, source.y);
  context.lineTo(tipX, tipY);
  context.stroke();
  context.setLineDash([]);
  const angle = Math.atan2(dy, dx);
  context.beginPath();
  context.moveTo(tipX, tipY);
  context.lineTo(tipX - 9 * Math.cos(angle - 0.45), tipY - 9 * Math.sin(angle - 0.45));
  context.lineTo(tipX - 9 * Math.cos(angle + 0.45), tipY - 9 * Math.sin(angle + 0.45));
  context.closePath();
  context.fillStyle = colour;
  context.fill();
  if (!line.label) return;
  const middleX = (source.x + tipX) / 2;
  const middleY = (source.y + tipY) / 2;
  context.globalAlpha = 0.85;
  context.fillStyle = theme.background;
  context.fillRect(middleX - width / 2 - 2, middleY - 8, width + 4, 16);
  context.globalAlpha = 1;
  context.fillStyle = theme.muted;
  context.textAlign = 'center';
  context.fillText(line.label, middleX, middleY);
}

/**
 * The elements the topology page would hand cytoscape, placed by its ELK packing; containers get the
 * box of their children (innermost first) and the padding, as container-boxes.ts fits them.
 */
async function placedElements(model: TopologyJson): Promise<Elements> {
  const graph = buildGraph(model);
  const nesting = new Nesting(graph.nodes);
  const measure = new LabelMeasure(theme);
  const nodes = graph.nodes.map((node) => nodeElement(node, measure, nesting));
  const packed: PackedNode[] = nodes.map(({ data }) => ({
    id: String(data.id),
    ...(nesting.parentOf(String(data.id)) !== undefined ? { parent: nesting.parentOf(String(data.id)) } : {}),
    kind: String(data.kind),
    width: Number(data.w),
    height: Number(data.h),
    label: nesting.isContainer(String(data.id)) ? measure.box(String(data.label)) : { width: 0, height: 0 },
  }));
  const edges = graph.edges.map(edgeElement);
  const ends = edges.map(({ data }) => ({ source: String(data.source), target: String(data.target) }));
  const centres = await layoutPacked(packed, ends, drawn.area.width / drawn.area.height);
  const byId = new Map<string, ElementDefinition>(nodes.map((node) => [String(node.data.id), node]));
  for (const node of nodes) node.position = centres.get(String(node.data.id));
  for (const id of nesting.containers) {
    const children = nesting.childrenOf(id).map((child) => byId.get(child) as ElementDefinition);
    const x1 = Math.min(...children.map(({ data, position }) => (position?.x ?? 0) - Number(data.w) / 2));
    const x2 = Math.max(...children.map(({ data, position }) => (position?.x ?? 0) + Number(data.w) / 2));
    // A container's name is drawn above it: room for it inside its parent.
    const above = (data: ElementDefinition['data']) =>
      data.container === true ? measure.box(String(data.label)).height + 4 : 0;
    const y1 = Math.min(...children.map(({ data, position }) => (position?.y ?? 0) - Number(data.h) / 2 - above(data)));
    const y2 = Math.max(...children.map(({ data, position }) => (position?.y ?? 0) + Number(data.h) / 2));
    const container = byId.get(id) as ElementDefinition;
    container.position = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    Object.assign(container.data, { w: x2 - x1 + 2 * containerPadding, h: y2 - y1 + 2 * containerPadding });
  }
  return { nodes, edges };
}

window.addEventListener('message', (event: MessageEvent<{ seq: number; model: TopologyJson }>) => {
  const start = performance.now();
  void (pipeline ? placedElements(event.data.model) : Promise.resolve(structuredClone(drawn.elements))).then(
    (elements) => draw(elements, start, event.data.seq),
  );
});

function draw(elements: Elements, start: number, seq: number): void {
  const { nodes = [], edges = [] } = elements;
  const boxes = new Map<string, Box>();
  for (const { data, position } of nodes)
    boxes.set(String(data.id), {
      x: position?.x ?? 0,
      y: position?.y ?? 0,
      w: Number(data.w),
      h: Number(data.h),
      kind: String(data.kind),
      lines: String(data.label).split('\n'),
      container: data.container === true,
      level: data.level,
    });
  const lines: Line[] = edges.map(({ data }) => ({
    source: boxes.get(String(data.source)) as Box,
    target: boxes.get(String(data.target)) as Box,
    kind: String(data.kind),
    state: String(data.state),
    label: String(data.label ?? ''),
  }));
  const widths = new Map<string, number>();
  context.font = nodeFont;
  for (const box of boxes.values()) for (const text of box.lines) widths.set(text, context.measureText(text).width);
  context.font = edgeFont;
  const edgeWidths = lines.map((line) => context.measureText(line.label).width);
  const view = {
    x1: -drawn.pan.x / drawn.zoom,
    y1: -drawn.pan.y / drawn.zoom,
    x2: (canvas.width - drawn.pan.x) / drawn.zoom,
    y2: (canvas.height - drawn.pan.y) / drawn.zoom,
  };
  context.setTransform(drawn.zoom, 0, 0, drawn.zoom, drawn.pan.x, drawn.pan.y);
  context.fillStyle = theme.background;
  context.fillRect(view.x1, view.y1, view.x2 - view.x1, view.y2 - view.y1);
  context.textBaseline = 'middle';
  // Containers beneath the edges, leaves above them, as the page draws them.
  for (const box of boxes.values()) if (box.container) drawBox(box, view);
  context.font = edgeFont;
  lines.forEach((line, index) => {
    const { source, target } = line;
    const outside =
      Math.max(source.x, target.x) < view.x1 ||
      Math.min(source.x, target.x) > view.x2 ||
      Math.max(source.y, target.y) < view.y1 ||
      Math.min(source.y, target.y) > view.y2;
    if (drawAll || !outside) drawLine(line, edgeWidths[index]);
  });
  for (const box of boxes.values()) if (!box.container) drawBox(box, view);
  performance.measure('topology:canvas', { start });
  vscode.postMessage({ type: 'rendered', seq, nodes: boxes.size });
}
vscode.postMessage({ type: 'ready' });
