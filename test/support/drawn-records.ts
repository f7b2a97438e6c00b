// Records of the topology page's drawing (client/webview/drawn-types.ts) for unit tests: a node or an
// edge with what a test does not care about filled in, and what it does given.
import type { DrawnEdge, DrawnNode } from '../../client/webview/drawn-types';

/** A leaf 100 × 40 at the origin, named, labelled and titled by its id, unless told otherwise. */
export function drawnNode(id: string, fields: Partial<DrawnNode> = {}): DrawnNode {
  return {
    id,
    kind: 'subnet',
    name: id,
    label: id,
    tooltip: id,
    container: false,
    x: 0,
    y: 0,
    w: 100,
    h: 40,
    ...fields,
  };
}

/** A peering, named by its id, unlabelled and unrouted unless told otherwise. */
export function drawnEdge(id: string, source: string, target: string, fields: Partial<DrawnEdge> = {}): DrawnEdge {
  return { id, source, target, kind: 'peering', state: 'ok', name: id, label: '', tooltip: id, ...fields };
}
