// The drawing's pan and zoom: one transform on the root group of the SVG, from model units to the
// drawing area's pixels (screen = model × zoom + pan). The zoom stays between `minZoom` (the readable
// size, theme.ts) and `maxZoom`.
import type { Box } from './container-boxes';
import type { Point } from './drawn-types';
import { fixed } from './svg-draw';

/** Space kept around the drawing when it is fitted to the view. */
const fitPadding = 24;

export class Viewport {
  zoom = 1;
  pan: Point = { x: 0, y: 0 };
  readonly maxZoom = 4;
  /**
   * The drawing area's size, read when it changes (a ResizeObserver), not on each use: reading it
   * right after a drawing's elements were added would lay the page out before the frame does.
   */
  width: number;
  height: number;

  /** `changed` is told of every change of the pan, the zoom or the area's size. */
  constructor(
    private readonly root: SVGGElement,
    area: HTMLElement,
    public minZoom: number,
    private readonly changed: () => void,
  ) {
    [this.width, this.height] = [area.clientWidth, area.clientHeight];
    new ResizeObserver(() => {
      [this.width, this.height] = [area.clientWidth, area.clientHeight];
      this.changed();
    }).observe(area);
    this.apply();
  }

  /** Sets the pan and zoom; `quiet` holds back the change notice (the caller draws next anyway). */
  set(zoom: number, pan: Point, quiet = false): void {
    this.zoom = Math.min(this.maxZoom, Math.max(this.minZoom, zoom));
    this.pan = { ...pan };
    this.apply();
    if (!quiet) this.changed();
  }

  panBy(dx: number, dy: number): void {
    this.set(this.zoom, { x: this.pan.x + dx, y: this.pan.y + dy });
  }

  /** Zooms to `level` keeping the model point under `at` (area pixels) where it is. */
  zoomAt(level: number, at: Point): void {
    const zoom = Math.min(this.maxZoom, Math.max(this.minZoom, level));
    const model = this.toModel(at);
    this.set(zoom, { x: at.x - model.x * zoom, y: at.y - model.y * zoom });
  }

  toModel(at: Point): Point {
    return { x: (at.x - this.pan.x) / this.zoom, y: (at.y - this.pan.y) / this.zoom };
  }

  toScreen(box: Box): Box & { w: number; h: number } {
    const [x1, y1, x2, y2] = [
      box.x1 * this.zoom + this.pan.x,
      box.y1 * this.zoom + this.pan.y,
      box.x2 * this.zoom + this.pan.x,
      box.y2 * this.zoom + this.pan.y,
    ];
    return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
  }

  /** The model box the area shows. */
  extent(): Box {
    const from = this.toModel({ x: 0, y: 0 });
    const to = this.toModel({ x: this.width, y: this.height });
    return { x1: from.x, y1: from.y, x2: to.x, y2: to.y };
  }

  /**
   * Fits `box` to the view, but not below the readable zoom: then the drawing starts at its top
   * (centred across when it fits across) and the rest is a pan away.
   */
  fit(box: Box, quiet = false): void {
    const [w, h] = [box.x2 - box.x1, box.y2 - box.y1];
    const fitted = Math.min(
      (this.width - 2 * fitPadding) / Math.max(w, 1),
      (this.height - 2 * fitPadding) / Math.max(h, 1),
    );
    const zoom = Math.min(this.maxZoom, Math.max(this.minZoom, fitted));
    const across = w * zoom + 2 * fitPadding <= this.width;
    const down = h * zoom + 2 * fitPadding <= this.height;
    this.set(
      zoom,
      {
        x: across ? (this.width - w * zoom) / 2 - box.x1 * zoom : fitPadding - box.x1 * zoom,
        y: down ? (this.height - h * zoom) / 2 - box.y1 * zoom : fitPadding - box.y1 * zoom,
      },
      quiet,
    );
  }

  /** Pans (never zooms) so that the centre of `box` is in the middle of the view. */
  centre(box: Box): void {
    this.set(this.zoom, {
      x: this.width / 2 - ((box.x1 + box.x2) / 2) * this.zoom,
      y: this.height / 2 - ((box.y1 + box.y2) / 2) * this.zoom,
    });
  }

  private apply(): void {
    this.root.setAttribute('transform', `translate(${fixed(this.pan.x)} ${fixed(this.pan.y)}) scale(${this.zoom})`);
  }
}
