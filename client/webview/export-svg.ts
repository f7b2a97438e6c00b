// The drawing as a standalone SVG file: every node, edge and label at the place and in the colour
// cytoscape gives it (boxes, edge end points and control points all come from cytoscape), with the
// theme's colours written out so the file looks the same outside VS Code.
// Invariant: built with DOM calls and serialised by XMLSerializer, so names are escaped text.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Nesting } from './nesting';
import type { Theme } from './theme';

const svgNs = 'http://www.w3.org/2000/svg';

export function toSvg(cy: Core, theme: Theme, nesting: Nesting): string {
  const margin = 24;
  const page = grown(cy.elements().boundingBox({ includeLabels: true, includeOverlays: false }), margin);
  const svg = element('svg', {
    version: '1.1',
    width: Math.ceil(page.width),
    height: Math.ceil(page.height),
    viewBox: `${fixed(page.x)} ${fixed(page.y)} ${fixed(page.width)} ${fixed(page.height)}`,
    'font-family': theme.fontFamily,
  });
  svg.append(element('title', {}, 'VNet Lens topology'));
  svg.append(element('rect', { ...page, fill: theme.background }));
  const defs = element('defs', {});
  svg.append(defs);
  const markers = new Map<string, string>();
  const arrow = (colour: string) => {
    let id = markers.get(colour);
    if (!id) {
      id = `arrow-${markers.size}`;
      markers.set(colour, id);
      const marker = element('marker', {
        id,
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 5,
        markerHeight: 5,
        orient: 'auto-start-reverse',
      });
      marker.append(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: colour }));
      defs.append(marker);
    }
    return id;
  };

  const depth = (node: NodeSingular) => nesting.depth(node.id());
  const nodes: NodeSingular[] = cy
    .nodes()
    .toArray()
    .map((node) => node as NodeSingular)
    .sort((a, b) => depth(a) - depth(b));
  const container = (node: NodeSingular) => nesting.isContainer(node.id());
  for (const node of nodes.filter(container)) svg.append(nodeGroup(node, true));
  for (const edge of cy.edges()) svg.append(edgeGroup(edge, arrow));
  for (const node of nodes.filter((node) => !container(node))) svg.append(nodeGroup(node, false));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

function nodeGroup(node: NodeSingular, container: boolean): SVGGElement {
  const group = element('g', { class: `node ${String(node.data('kind'))}` }) as SVGGElement;
  group.append(element('title', {}, String(node.data('tooltip') ?? node.data('name') ?? '')));
  const box = node.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false });
  const underlay = Number(node.style('underlay-opacity'));
  if (underlay > 0) {
    const pad = Number.parseFloat(node.style('underlay-padding'));
    group.append(
      element('rect', {
        ...grown(box, pad),
        rx: 10,
        fill: node.style('underlay-color'),
        'fill-opacity': underlay,
      }),
    );
  }
  const borderWidth = Number.parseFloat(node.style('border-width'));
  group.append(
    element('rect', {
      x: box.x1 + borderWidth / 2,
      y: box.y1 + borderWidth / 2,
      width: Math.max(0, box.w - borderWidth),
      height: Math.max(0, box.h - borderWidth),
      rx: 6,
      fill: node.style('background-color'),
      'fill-opacity': node.style('background-opacity'),
      stroke: node.style('border-color'),
      'stroke-width': borderWidth,
      ...dash(node.style('border-style')),
    }),
  );
  const lines = String(node.data('label') ?? '').split('\n');
  const size = Number.parseFloat(node.style('font-size'));
  const lineHeight = size * 1.3;
  const centre = node.position();
  // Containers carry their label above the box (as cytoscape draws them), others inside it.
  const top = container
    ? box.y1 - 4 - lines.length * lineHeight + size
    : centre.y - (lines.length * lineHeight) / 2 + size;
  const text = element('text', {
    x: centre.x,
    y: top,
    'text-anchor': 'middle',
    'font-size': size,
    fill: node.style('color'),
    ...(node.style('font-weight') === 'bold' ? { 'font-weight': 'bold' } : {}),
  });
  lines.forEach((line, index) => text.append(element('tspan', { x: centre.x, y: top + index * lineHeight }, line)));
  group.append(text);
  return group;
}

function edgeGroup(edge: EdgeSingular, arrow: (colour: string) => string): SVGGElement {
  const group = element('g', {
    class: `edge ${String(edge.data('kind'))} ${String(edge.data('state'))}`,
  }) as SVGGElement;
  group.append(element('title', {}, String(edge.data('tooltip') ?? edge.data('name') ?? '')));
  const start = edge.sourceEndpoint();
  const end = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  // Routed edges (layout.ts) are straight segments through their bend points.
  const bends = edge.style('curve-style') === 'segments' ? (edge.segmentPoints() ?? []) : [];
  // cytoscape draws several control points as a chain of quadratic curves through their midpoints.
  let d = `M ${fixed(start.x)} ${fixed(start.y)}`;
  for (const point of bends) d += ` L ${fixed(point.x)} ${fixed(point.y)}`;
  if (controls.length === 0 || bends.length > 0) d += ` L ${fixed(end.x)} ${fixed(end.y)}`;
  if (bends.length === 0)
    controls.forEach((point, index) => {
      const next = controls[index + 1];
      const to = next ? { x: (point.x + next.x) / 2, y: (point.y + next.y) / 2 } : end;
      d += ` Q ${fixed(point.x)} ${fixed(point.y)} ${fixed(to.x)} ${fixed(to.y)}`;
    });
  const colour = edge.style('line-color');
  const underlay = Number(edge.style('underlay-opacity'));
  if (underlay > 0) {
    group.append(
      element('path', {
        d,
        fill: 'none',
        stroke: edge.style('underlay-color'),
        'stroke-opacity': underlay,
        'stroke-width': Number.parseFloat(edge.style('width')) + 8,
        'stroke-linecap': 'round',
      }),
    );
  }
  group.append(
    element('path', {
      d,
      fill: 'none',
      stroke: colour,
      'stroke-width': Number.parseFloat(edge.style('width')),
      ...dash(edge.style('line-style')),
      ...(edge.style('target-arrow-shape') !== 'none' ? { 'marker-end': `url(#${arrow(colour)})` } : {}),
    }),
  );
  const label = String(edge.data('label') ?? '');
  if (label) {
    const middle = edge.midpoint();
    group.append(
      element(
        'text',
        {
          x: middle.x,
          y: middle.y,
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
          'font-size': Number.parseFloat(edge.style('font-size')),
          fill: edge.style('color'),
          stroke: edge.style('text-background-color'),
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        label,
      ),
    );
  }
  return group;
}

function dash(style: string): Record<string, string> {
  if (style === 'dashed') return { 'stroke-dasharray': '8 5' };
  if (style === 'dotted') return { 'stroke-dasharray': '2 4' };
  return {};
}

/** A box grown by `margin` on every side, as SVG rectangle attributes. */
function grown(box: { x1: number; y1: number; w: number; h: number }, margin: number) {
  return { x: box.x1 - margin, y: box.y1 - margin, width: box.w + 2 * margin, height: box.h + 2 * margin };
}

function fixed(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes))
    node.setAttribute(key, typeof value === 'number' ? fixed(value) : value);
  if (text !== undefined) node.textContent = text;
  return node;
}
