// The drawn path of a name resolution: which nodes and edges of the graph the server's explanation
// goes through, so the page can highlight it.
import type { TopologyResolutionJson } from '@vnet-lens/protocol';
import type { GraphEdge, GraphResolution } from './graph-types';

/**
 * The drawn path of a resolution: the nodes of the entities its steps go through (zone groups are drawn
 * on their endpoint, links and zone groups as edges), the edges of those entities between two nodes of
 * the path, and the edge from a path endpoint to the target.
 */
export function resolutionPath(
  resolution: TopologyResolutionJson,
  nodeOfEntity: ReadonlyMap<string, string>,
  edges: readonly GraphEdge[],
): GraphResolution {
  const entities = new Set(resolution.steps.flatMap((step) => step.entities));
  const targetNode = nodeOfEntity.get(resolution.target);
  const fromNode = nodeOfEntity.get(resolution.from);
  const nodes = new Set<string>();
  for (const id of [resolution.from, ...entities, resolution.target]) {
    const node = nodeOfEntity.get(id);
    if (node) nodes.add(node);
  }
  const onPath = edges.filter(
    (edge) =>
      entities.has(edge.entity) &&
      nodes.has(edge.source) &&
      nodes.has(edge.target) &&
      (edge.kind !== 'endpointTarget' || edge.target === targetNode),
  );
  return {
    targetName: resolution.targetName,
    fromName: resolution.fromName,
    answer: resolution.answer,
    steps: resolution.steps.map(({ step, text }) => ({ step, text })),
    ...(targetNode ? { targetNode } : {}),
    ...(fromNode ? { fromNode } : {}),
    nodes: [...nodes],
    edges: onPath.map((edge) => edge.id),
  };
}
