// Sizes the drawn containers (VNets, subnets) around their children: the box of the children (a
// levelled leaf's halo and a child container's name above it included) and `containerPadding` on
// every side. Called after a layout, a redraw that changed sizes, a theme change and a drag.
// Invariant: a container's box encloses its children's; nothing else sizes or places a container.
import type { DrawnNode } from './drawn-types';
import type { Nesting } from './nesting';

/** Space inside a container around its children. */
export const containerPadding = 14;
/** Space between a container's box and its name, drawn above it. */
export const containerLabelGap = 4;
/** How far a finding's halo reaches beyond a leaf's box. */
export const haloPadding = 5;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A node's own box: its centre and size. */
export function nodeBox(node: DrawnNode): Box {
  return { x1: node.x - node.w / 2, y1: node.y - node.h / 2, x2: node.x + node.w / 2, y2: node.y + node.h / 2 };
}

export type LabelSize = (node: DrawnNode) => { width: number; height: number };

/** The box a node takes: a container with its name above it, a levelled leaf with its halo. */
export function outerBox(node: DrawnNode, labelSize: LabelSize): Box {
  const box = nodeBox(node);
  if (node.container) {
    const label = labelSize(node);
    return { ...box, y1: box.y1 - containerLabelGap - label.height, x2: Math.max(box.x2, box.x1 + label.width) };
  }
  if (!node.level) return box;
  return { x1: box.x1 - haloPadding, y1: box.y1 - haloPadding, x2: box.x2 + haloPadding, y2: box.y2 + haloPadding };
}

/**
 * Fits `containers` (innermost first; all of them when not given) around their children, and says
 * which of them changed.
 */
export function fitContainers(
  nodes: ReadonlyMap<string, DrawnNode>,
  nesting: Nesting,
  labelSize: LabelSize,
  containers: readonly string[] = nesting.containers,
): string[] {
  const changed: string[] = [];
  for (const id of containers) {
    const container = nodes.get(id);
    const children = nesting.childrenOf(id).flatMap((child) => nodes.get(child) ?? []);
    if (!container || children.length === 0) continue;
    const boxes = children.map((child) => outerBox(child, labelSize));
    const x1 = Math.min(...boxes.map((box) => box.x1)) - containerPadding;
    const y1 = Math.min(...boxes.map((box) => box.y1)) - containerPadding;
    const x2 = Math.max(...boxes.map((box) => box.x2)) + containerPadding;
    const y2 = Math.max(...boxes.map((box) => box.y2)) + containerPadding;
    const fitted = { x: (x1 + x2) / 2, y: (y1 + y2) / 2, w: x2 - x1, h: y2 - y1 };
    if (fitted.x === container.x && fitted.y === container.y && fitted.w === container.w && fitted.h === container.h)
      continue;
    Object.assign(container, fitted);
    changed.push(id);
  }
  return changed;
}

/** The containers to fit again after `ids` moved or changed size: theirs, innermost first. */
export function containersAround(nesting: Nesting, ids: Iterable<string>): string[] {
  const around = new Set<string>();
  for (const id of ids) for (const ancestor of nesting.ancestors(id)) around.add(ancestor);
  return nesting.containers.filter((id) => around.has(id));
}

/** The box around all of `boxes`. */
export function unionBox(boxes: Iterable<Box>): Box {
  const all = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const box of boxes) {
    all.x1 = Math.min(all.x1, box.x1);
    all.y1 = Math.min(all.y1, box.y1);
    all.x2 = Math.max(all.x2, box.x2);
    all.y2 = Math.max(all.y2, box.y2);
  }
  return all;
}
