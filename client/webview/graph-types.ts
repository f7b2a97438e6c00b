// What the topology page draws, as data: nodes (VNets containing subnets containing endpoints, and
// stand-alone resources), edges (peerings, VNet links, zone groups, endpoint targets) and the name
// resolutions drawn as paths. graph.ts builds it from the server's model.
import type { TopologyFindingJson, TopologyResolutionJson } from '@vnet-lens/protocol';
import type { Level } from './names';

export type NodeKind =
  | 'vnet'
  | 'subnet'
  | 'privateEndpoint'
  | 'dnsZone'
  | 'target'
  | 'nsg'
  | 'routeTable'
  | 'privateLinkService'
  | 'vnetGateway'
  | 'zoneGroup'
  | 'external'
  | 'registryModule';
export type EdgeKind = 'peering' | 'vnetLink' | 'zoneGroup' | 'endpointTarget';
/** `broken`: a one-way (or self) peering; `unknown`: the other end is outside the analysed files. */
export type EdgeState = 'ok' | 'broken' | 'unknown';

export interface Declared {
  /** The full name, as the template gives it. */
  name: string;
  file?: string;
  line?: number;
  findings: TopologyFindingJson[];
  level?: Level;
}

export interface GraphNode extends Declared {
  id: string;
  kind: NodeKind;
  parent?: string;
  /** The lines drawn on the node; the first is the (short) name. */
  lines: string[];
  badges: string[];
}

export interface GraphEdge extends Declared {
  id: string;
  /** The id of the model entity the edge stands for (the peering, link, zone group or endpoint). */
  entity: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
  state: EdgeState;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Findings that matched no drawn resource (their file is outside the view, say). */
  unplaced: TopologyFindingJson[];
  /** How each private-link target resolves from each VNet that reaches it, as paths in the drawing. */
  resolutions: GraphResolution[];
}

/** A name resolution (the server's explainer) with the drawn elements it goes through. */
export interface GraphResolution {
  targetName: string;
  fromName: string;
  answer: TopologyResolutionJson['answer'];
  steps: { step: string; text: string }[];
  /** The nodes of the target and of the asking VNet, when drawn. */
  targetNode?: string;
  fromNode?: string;
  /** Every node and edge of the path: the asking VNet, the DNS servers' VNets, the zone, its link, the zone group's edge, the endpoint, the target. */
  nodes: string[];
  edges: string[];
}
