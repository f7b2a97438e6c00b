// What the topology page draws, as plain data: nodes and edges with their places (in the drawing
// area's pixels), colours and styles, the viewport and the theme. The page exposes it as
// `window.vnetLensTopology.describe()` for the tests (in a browser and in VS Code) and for debugging.
import { nodeBox } from './container-boxes';
import { midpoint, pointsAmong } from './edge-geometry';
import type { Point } from './drawn-types';
import { kindIcon } from './icons';
import { edgePaint, nodePaint } from './paint';
import { edgeFontSize, kindColour, labelFont } from './theme';
import type { TopologyView } from './view';

export function describeDrawing(view: TopologyView) {
  const theme = view.currentTheme;
  const { viewport } = view;
  const screen = (point: Point) => ({
    x: point.x * viewport.zoom + viewport.pan.x,
    y: point.y * viewport.zoom + viewport.pan.y,
  });
  return {
    nodes: [...view.nodes.values()].map((node) => {
      const mark = view.marks.get(node.id);
      const paint = nodePaint(node, theme, mark);
      return {
        id: node.id,
        kind: node.kind,
        name: node.name,
        label: node.label,
        parent: view.nesting.parentOf(node.id) ?? null,
        file: node.file ?? null,
        line: node.line ?? null,
        level: node.level ?? null,
        tooltip: node.tooltip,
        box: viewport.toScreen(nodeBox(node)),
        colour: paint.stroke,
        background: paint.fill,
        fontSize: labelFont(theme).size,
        icon: kindIcon(node.kind, kindColour(theme, node.kind)),
        borderStyle: paint.borderStyle,
        classes: mark ? [mark] : [],
        selected: view.selected.has(node.id),
      };
    }),
    edges: view.edges.flatMap((edge) => {
      const points = pointsAmong(edge, view.nodes);
      if (!points) return [];
      const mark = view.marks.get(edge.id);
      const paint = edgePaint(edge, theme, mark);
      return [
        {
          id: edge.id,
          kind: edge.kind,
          state: edge.state,
          source: edge.source,
          target: edge.target,
          label: edge.label,
          lineStyle: paint.lineStyle,
          colour: paint.colour,
          file: edge.file ?? null,
          line: edge.line ?? null,
          midpoint: screen(midpoint(points)),
          fontSize: edgeFontSize(theme),
          curve: edge.source === edge.target ? 'loop' : points.length > 2 ? 'segments' : 'straight',
          classes: mark ? [mark] : [],
          route: points.map(screen),
        },
      ];
    }),
    viewport: { zoom: viewport.zoom, pan: { ...viewport.pan } },
    theme,
  };
}
