// The drawing the floor pages are given: cytoscape's elements as the real page left them after its
// first drawing of the bench's model (positions, container boxes, data), its viewport, and the size
// of its drawing area. scripts/topology-floor.mjs writes it (extract-page.ts) and bundles it in.
import type { ElementsDefinition } from 'cytoscape';

export interface Drawn {
  elements: ElementsDefinition;
  zoom: number;
  pan: { x: number; y: number };
  area: { left: number; top: number; width: number; height: number };
}

declare const drawnElements: Drawn;
/** Defined by the bundler (esbuild `define`), so that reading it costs no parse in the measured time. */
export const drawn: Drawn = drawnElements;

/** The drawing area at the real page's place and size. */
export function drawingArea(): HTMLDivElement {
  const area = document.createElement('div');
  area.id = 'graph';
  const { left, top, width, height } = drawn.area;
  Object.assign(area.style, {
    position: 'absolute',
    left: `${left}px`,
    top: `${top}px`,
    width: `${width}px`,
    height: `${height}px`,
  });
  document.body.replaceChildren(area);
  return area;
}
