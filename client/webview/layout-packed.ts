// Places a drawing too large for ELK's layered layout (more than `routedUpTo` nodes) with ELK's box
// layout at every level: a container packs its children in rows (smaller ones first, else in the
// model's order); the top level packs the DNS zones first, then each VNet beside the resources that
// only it reaches (its endpoints' targets), then the rest. Nothing overlaps, the same model gets the
// same places, and 300 nodes take a fraction of the force layout's time this replaced (fCoSE: seconds
// under load, with VNets drawn over each other; bench/topology-render.bench.ts). Edges are not
// routed: the page draws them straight (edge-geometry.ts). It works on the records before anything
// is drawn, so nothing is drawn (or moved) before its place is known.
// Invariant: positions come from ELK; this module only decides what ELK packs together and in which order.
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import { containerPadding } from './container-boxes';
import { containerLayoutOptions, elk } from './layout';
import type { Nesting } from './nesting';

export interface PackedNode {
  id: string;
  parent?: string;
  kind: string;
  /** A leaf's size (a container's comes from its children). */
  width: number;
  height: number;
  /** The size of a container's label, drawn above its children. */
  label: { width: number; height: number };
}

/** Space between packed boxes: inside a container as in the layered drawing, wider between VNets and their groups. */
const innerSpacing = 24;
const outerSpacing = 40;

/**
 * The centre of every leaf, for nodes listed parents first. `aspect` is the panel's width over its
 * height: rows about as wide, so that the drawing reads by panning down.
 */
export async function layoutPacked(
  nodes: readonly PackedNode[],
  edges: readonly { source: string; target: string }[],
  aspect: number,
): Promise<Map<string, { x: number; y: number }>> {
  const root: ElkNode = {
    id: '__root',
    layoutOptions: { ...packed(Math.min(4, Math.max(0.5, aspect)), outerSpacing), 'elk.json.shapeCoords': 'ROOT' },
    children: [],
  };
  const parentIds = new Set(nodes.flatMap((node) => (node.parent === undefined ? [] : [node.parent])));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const elkNodes = new Map<string, ElkNode>();
  const topLevel: PackedNode[] = [];
  const narrowest = narrowestWidths(nodes);
  for (const node of nodes) {
    const container = parentIds.has(node.id);
    const elkNode: ElkNode = container
      ? {
          id: node.id,
          children: [],
          layoutOptions: { ...containerOptions(node, narrowest.get(node.id) ?? 0), ...packed(undefined, innerSpacing) },
        }
      : { id: node.id, width: node.width, height: node.height };
    elkNodes.set(node.id, elkNode);
    const holder = node.parent === undefined ? undefined : elkNodes.get(node.parent);
    if (holder) (holder.children ??= []).push(elkNode);
    else topLevel.push(node);
  }

  // A top-level leaf whose every neighbour lies in one VNet (its targets, say) is packed beside it.
  const outermost = (id: string): string => {
    let node = byId.get(id);
    while (node?.parent !== undefined && byId.has(node.parent)) node = byId.get(node.parent);
    return node?.id ?? id;
  };
  const neighbourTops = new Map<string, Set<string>>();
  for (const { source, target } of edges) {
    if (source === target) continue;
    for (const [end, other] of [
      [source, target],
      [target, source],
    ]) {
      const tops = neighbourTops.get(end) ?? new Set<string>();
      tops.add(outermost(other));
      neighbourTops.set(end, tops);
    }
  }
  const groups = new Map<string, string[]>();
  const grouped = new Set<string>();
  for (const node of topLevel) {
    const tops = neighbourTops.get(node.id);
    if (parentIds.has(node.id) || !tops || tops.size !== 1) continue;
    const [only] = tops;
    if (!parentIds.has(only)) continue;
    groups.set(only, [...(groups.get(only) ?? []), node.id]);
    grouped.add(node.id);
  }
  const zonesFirst = [
    ...topLevel.filter((node) => node.kind === 'dnsZone'),
    ...topLevel.filter((node) => node.kind !== 'dnsZone'),
  ];
  for (const node of zonesFirst) {
    if (grouped.has(node.id)) continue;
    const elkNode = elkNodes.get(node.id) as ElkNode;
    const members = groups.get(node.id);
    (root.children ??= []).push(
      !members
        ? elkNode
        : {
            id: `__group:${node.id}`,
            layoutOptions: { ...packed(undefined, outerSpacing), 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
            // The VNet first (the higher priority), its resources after it, in rows below or beside it.
            children: [
              { ...elkNode, layoutOptions: { ...elkNode.layoutOptions, 'elk.priority': '1' } },
              ...members.map((member) => elkNodes.get(member) as ElkNode),
            ],
          },
    );
  }
  // The box layout sorts by priority (highest first), then by size (smallest first, a stable sort):
  // falling priorities keep the top level in this order. Inside containers, equal sizes keep the
  // model's order; priorities on every node would double ELK's time (each option is parsed per node).
  root.children?.forEach((child, index, children) => {
    child.layoutOptions = { ...child.layoutOptions, 'elk.priority': String(children.length - index) };
  });

  const result = await elk.layout(root);
  const centres = new Map<string, { x: number; y: number }>();
  const collect = (node: ElkNode) => {
    if (node.children?.length) for (const child of node.children) collect(child);
    else if (node.x !== undefined && node.y !== undefined)
      centres.set(node.id, { x: node.x + (node.width ?? 0) / 2, y: node.y + (node.height ?? 0) / 2 });
  };
  collect(result);
  return centres;
}

export interface DrawnPlaces {
  /** What holds what in the drawing, and the ids of the nodes it draws. */
  nesting: Nesting;
  ids: ReadonlySet<string>;
  leaves: Map<string, { x: number; y: number }>;
  sizes: Map<string, { w: number; h: number }>;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * Whether a redraw can keep the drawn places: every drawn resource is still there, in the same
 * container, as a leaf of the same size or as a container, and every new one is top-level or inside a new one.
 */
export function keepsPlaces(
  nodes: readonly PackedNode[],
  containers: ReadonlySet<string>,
  drawn: DrawnPlaces,
): boolean {
  const ids = new Set(nodes.map((node) => node.id));
  for (const id of drawn.ids) if (!ids.has(id)) return false;
  for (const node of nodes) {
    if (!drawn.ids.has(node.id)) {
      if (node.parent !== undefined && drawn.ids.has(node.parent)) return false;
      continue;
    }
    if (
      drawn.nesting.parentOf(node.id) !== node.parent ||
      drawn.nesting.isContainer(node.id) !== containers.has(node.id)
    )
      return false;
    const size = drawn.sizes.get(node.id);
    if (size && (size.w !== node.width || size.h !== node.height)) return false;
  }
  return true;
}

/**
 * The drawn leaves where they are, and the new resources (top-level, with their contents) packed
 * on their own and put below the drawing, from its left edge.
 */
export async function packBelow(
  nodes: readonly PackedNode[],
  edges: readonly { source: string; target: string }[],
  aspect: number,
  drawn: DrawnPlaces,
): Promise<Map<string, { x: number; y: number }>> {
  const centres = new Map(drawn.leaves);
  const added = nodes.filter((node) => !drawn.ids.has(node.id));
  if (added.length === 0) return centres;
  const placed = await layoutPacked(added, edges, aspect);
  const byId = new Map(added.map((node) => [node.id, node]));
  let left = Infinity;
  let top = Infinity;
  for (const [id, centre] of placed) {
    const node = byId.get(id) as PackedNode;
    left = Math.min(left, centre.x - node.width / 2);
    top = Math.min(top, centre.y - node.height / 2);
  }
  // New containers draw their padding and name above their children.
  const above = Math.max(
    0,
    ...added.filter((node) => !placed.has(node.id)).map((node) => containerPadding + node.label.height + 4),
  );
  for (const [id, centre] of placed)
    centres.set(id, {
      x: drawn.box.x1 + containerPadding + centre.x - left,
      y: drawn.box.y2 + outerSpacing + above + centre.y - top,
    });
  return centres;
}

/** Box layout options: rows about `aspect` times as wide as tall (ELK's default 1.3 without), `spacing` apart. */
function packed(aspect: number | undefined, spacing: number): Record<string, string> {
  return {
    'elk.algorithm': 'box',
    ...(aspect !== undefined ? { 'elk.aspectRatio': aspect.toFixed(2) } : {}),
    'elk.spacing.nodeNode': String(spacing),
  };
}

/**
 * A container's options: room for its label on top, and a minimum width only where the label may be
 * wider than the container's widest child would make it (the option costs ELK time on every node).
 */
function containerOptions(node: PackedNode, narrowest: number): Record<string, string> {
  const options = containerLayoutOptions(node.label);
  if (node.label.width + 2 * containerPadding <= narrowest) {
    delete options['elk.nodeSize.constraints'];
    delete options['elk.nodeSize.minimum'];
  }
  return options;
}

/** The least width each container can have: its widest child (leaf or container) and the padding. */
function narrowestWidths(nodes: readonly PackedNode[]): Map<string, number> {
  const widths = new Map<string, number>();
  for (const node of [...nodes].reverse()) {
    const own = widths.has(node.id)
      ? Math.max(widths.get(node.id) as number, node.label.width + 2 * containerPadding)
      : node.width;
    if (node.parent !== undefined)
      widths.set(node.parent, Math.max(widths.get(node.parent) ?? 0, own + 2 * containerPadding));
  }
  return widths;
}
