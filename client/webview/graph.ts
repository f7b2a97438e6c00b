// The model as a graph to draw: VNets contain their subnets, subnets contain their private endpoints
// (and Private Link services, gateways); DNS zones, endpoint targets and resources outside the analysed
// files stand alone. Peerings, VNet links, zone groups and endpoint targets are edges; NSGs and route
// tables attached to a subnet are badges on it. Findings land on the element of their resource.
// Registry modules nobody can see into are opaque boxes labelled with their reference.
// Invariant: pure data in, pure data out; names are kept as given (the renderers show them as text).
import type { TopologyJson } from '@vnet-lens/protocol';
import { addEndpointTargets, addPeerings, addVnetLinks, addZoneGroups } from './graph-edges';
import { ModelLookups } from './graph-lookups';
import { addEndpoints, addStandaloneResources, addSubnets, addUnseenModules, addVnets } from './graph-nodes';
import { GraphParts } from './graph-parts';
import { resolutionPath } from './graph-paths';
import type { Graph, GraphEdge, GraphNode } from './graph-types';

export type * from './graph-types';

export function buildGraph(model: TopologyJson): Graph {
  // Findings are placed first (ModelLookups), so every element can carry its own.
  const parts = new GraphParts(new ModelLookups(model));
  // Containers before their contents: a subnet finds its VNet's node, an endpoint its subnet's.
  addVnets(parts);
  addSubnets(parts);
  addEndpoints(parts);
  addStandaloneResources(parts);
  addUnseenModules(parts);
  addPeerings(parts);
  addVnetLinks(parts);
  addZoneGroups(parts);
  addEndpointTargets(parts);
  const { nodes, edges, nodeOf } = parts;
  explainLoners(nodes, edges);
  const nodeOfEntity = new Map<string, string>();
  for (const [entity, node] of nodeOf) if (!nodeOfEntity.has(entity.id)) nodeOfEntity.set(entity.id, node.id);
  const resolutions = (model.resolutions ?? []).map((resolution) => resolutionPath(resolution, nodeOfEntity, edges));
  return { nodes: parentsFirst(nodes), edges, unplaced: parts.lookups.unplaced, resolutions };
}

/**
 * Why a resource with no relation in the drawing stands alone, by kind (kinds without an entry say it
 * generically). "Here" is what the view shows: the current file with what it pulls in, or the workspace.
 */
const aloneBecause: Record<string, string> = {
  target: 'no private endpoint here targets it',
  dnsZone: 'linked to no VNet here',
  zoneGroup: 'its private endpoint is not here',
  privateLinkService: 'its subnet is not here',
  vnetGateway: 'its subnet is not here',
};

/**
 * A leaf outside every container with no edge would float unexplained: it gets a line saying why.
 * NSGs and route tables say "not attached" already; VNets are containers, drawn for themselves.
 */
function explainLoners(nodes: GraphNode[], edges: GraphEdge[]): void {
  const related = new Set<string>();
  for (const edge of edges) related.add(edge.source).add(edge.target);
  const parents = new Set(nodes.map((node) => node.parent));
  for (const node of nodes) {
    if (node.parent || parents.has(node.id) || related.has(node.id)) continue;
    if (node.kind === 'vnet' || node.kind === 'nsg' || node.kind === 'routeTable' || node.kind === 'registryModule')
      continue;
    node.lines.push(aloneBecause[node.kind] ?? 'no relation to anything here');
  }
}

function parentsFirst(nodes: GraphNode[]): GraphNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depth = (node: GraphNode): number =>
    node.parent && byId.has(node.parent) ? 1 + depth(byId.get(node.parent) as GraphNode) : 0;
  return nodes
    .map((node, index) => ({ node, index, depth: depth(node) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.node);
}
