// The pointer on the drawing: a press and release without moving is a tap (on a node or an edge, or
// on the background); pressing a node and moving drags it; pressing the background (or an edge) and
// moving pans. Hovering says which element is under the pointer. The browser's hit testing of the
// SVG finds the element: each node's and edge's group carries its id.
import type { Point } from './drawn-types';

/** How far (in pixels) a press may move and still be a tap. */
const tapSlop = 3;

export interface PointerHandlers {
  tap(id: string | undefined): void;
  hover(id: string | undefined): void;
  isNode(id: string): boolean;
  /** Moves a node by screen pixels. */
  dragBy(id: string, dx: number, dy: number): void;
  panBy(dx: number, dy: number): void;
}

/** The id of the drawn element an event's target belongs to. */
function elementId(target: EventTarget | null): string | undefined {
  return target instanceof Element
    ? ((target.closest('[data-id]') as SVGElement | null)?.dataset.id ?? undefined)
    : undefined;
}

export function followPointer(svg: SVGSVGElement, handlers: PointerHandlers): void {
  let press: { id: string | undefined; start: Point; last: Point; moved: boolean; pointer: number } | undefined;
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const at = { x: event.clientX, y: event.clientY };
    press = { id: elementId(event.target), start: at, last: at, moved: false, pointer: event.pointerId };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!press || press.pointer !== event.pointerId) {
      handlers.hover(elementId(event.target));
      return;
    }
    const at = { x: event.clientX, y: event.clientY };
    if (!press.moved && Math.hypot(at.x - press.start.x, at.y - press.start.y) <= tapSlop) return;
    press.moved = true;
    const [dx, dy] = [at.x - press.last.x, at.y - press.last.y];
    press.last = at;
    if (press.id !== undefined && handlers.isNode(press.id)) handlers.dragBy(press.id, dx, dy);
    else handlers.panBy(dx, dy);
  });
  const release = (event: PointerEvent, tapped: boolean) => {
    if (!press || press.pointer !== event.pointerId) return;
    const { id, moved } = press;
    press = undefined;
    if (svg.hasPointerCapture(event.pointerId)) svg.releasePointerCapture(event.pointerId);
    if (tapped && !moved) handlers.tap(id);
  };
  svg.addEventListener('pointerup', (event) => release(event, true));
  svg.addEventListener('pointercancel', (event) => release(event, false));
  svg.addEventListener('pointerleave', () => {
    if (!press) handlers.hover(undefined);
  });
}
