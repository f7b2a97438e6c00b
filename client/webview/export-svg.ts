// The drawing as a standalone SVG file (drawn as the page draws it, svg-draw.ts, with each element's
// hover text as its <title> and the theme's colours written out, so the file looks the same outside
// VS Code), and as a PNG: that SVG drawn into a canvas.
// Invariant: built with DOM calls and serialised by XMLSerializer, so names are escaped text.
import { unionBox } from './container-boxes';
import { pointsAmong } from './edge-geometry';
import { paintOrder } from './paint-order';
import { drawingDefs, edgeGroup, edgeLook, fixed, nodeGroup, nodeLook, svgElement, type Marking } from './svg-draw';
import type { TopologyView } from './view';

const margin = 24;
/** Larger canvases fail in browsers. */
const largestSide = 8192;

function drawingSvg(view: TopologyView): { svg: SVGSVGElement; width: number; height: number } {
  const theme = view.currentTheme;
  const edges = view.edges.flatMap((edge) => {
    const points = pointsAmong(edge, view.nodes);
    return points ? [{ edge, points }] : [];
  });
  const content = unionBox([
    view.drawingBox(),
    ...edges.flatMap(({ points }) => points.map((point) => ({ x1: point.x, y1: point.y, x2: point.x, y2: point.y }))),
  ]);
  const page = { x: content.x1 - margin, y: content.y1 - margin, width: content.x2 - content.x1 + 2 * margin };
  const height = content.y2 - content.y1 + 2 * margin;
  const svg = svgElement('svg', {
    version: '1.1',
    width: Math.ceil(page.width),
    height: Math.ceil(height),
    viewBox: `${fixed(page.x)} ${fixed(page.y)} ${fixed(page.width)} ${fixed(height)}`,
    'font-family': theme.fontFamily,
  }) as SVGSVGElement;
  svg.append(svgElement('title', {}, 'VNet Lens topology'), drawingDefs(theme));
  svg.append(svgElement('rect', { ...page, height, fill: theme.background }));
  // Hover text goes into the file as each element's <title>; a selection is the page's, not the file's.
  const marking = (id: string): Marking => ({ mark: view.marks.get(id), selected: false, title: true });
  const { containers, leaves } = paintOrder(view.nodes.values(), view.nesting);
  for (const node of containers) svg.append(nodeGroup(node, theme, nodeLook(node, theme, marking(node.id))));
  for (const { edge, points } of edges)
    svg.append(edgeGroup(edge, points, theme, edgeLook(edge, theme, marking(edge.id))));
  for (const node of leaves) svg.append(nodeGroup(node, theme, nodeLook(node, theme, marking(node.id))));
  return { svg, width: page.width, height };
}

export function toSvg(view: TopologyView): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(drawingSvg(view).svg)}\n`;
}

/** The drawing as a PNG (base64): twice the pixels for sharp text, no side beyond 8192 px. */
export async function toPng(view: TopologyView): Promise<string> {
  const { svg, width, height } = drawingSvg(view);
  const scale = Math.min(2, largestSide / width, largestSide / height);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The browser gave no canvas to draw the picture on.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
