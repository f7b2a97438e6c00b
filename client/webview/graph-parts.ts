// The graph under construction: its nodes and edges so far, which entity each node draws, and the
// primitives the building steps (graph-nodes.ts, graph-edges.ts) share to add to it.
import type { ModelEntityJson, ModelReferenceJson, TopologyFindingJson } from '@vnet-lens/protocol';
import type { EdgeKind, EdgeState, GraphEdge, GraphNode, NodeKind } from './graph-types';
import type { ModelLookups } from './graph-lookups';
import { lastSegment, shortName } from './names';

export class GraphParts {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly nodeOf = new Map<ModelEntityJson, GraphNode>();
  /** NSGs and route tables drawn as a badge on a subnet (not as nodes of their own). */
  readonly attached = new Set<ModelEntityJson>();
  private readonly usedIds = new Set<string>();
  private readonly externals = new Map<string, GraphNode>();

  constructor(readonly lookups: ModelLookups) {}

  /** The id itself, or with `#2`, `#3`… when an entity of the same id was drawn already. */
  uniqueId(id: string): string {
    let candidate = id;
    for (let n = 2; this.usedIds.has(candidate); n++) candidate = `${id}#${n}`;
    this.usedIds.add(candidate);
    return candidate;
  }

  addNode(
    entity: ModelEntityJson,
    kind: NodeKind,
    lines: string[],
    parent?: GraphNode,
    extraFindings: TopologyFindingJson[] = [],
  ): GraphNode {
    const node: GraphNode = {
      id: this.uniqueId(entity.id),
      kind,
      ...(parent ? { parent: parent.id } : {}),
      lines: [shortName(entity.name), ...lines],
      badges: [],
      ...this.lookups.declared(entity, extraFindings),
    };
    this.nodes.push(node);
    this.nodeOf.set(entity, node);
    return node;
  }

  subnetNode(entity: ModelEntityJson, kind: string): GraphNode | undefined {
    for (const subnet of this.lookups.resolved(entity, kind))
      if (subnet && this.nodeOf.has(subnet)) return this.nodeOf.get(subnet);
    return undefined;
  }

  /** A stand-in for a resource outside the analysed files (or whose id is unknown), one per value. */
  external(ref: ModelReferenceJson | undefined, what: string): GraphNode {
    const reason = ref?.reason ?? 'not resolved';
    const value = reason.replace(/^(unknown value|outside the analysed files:)\s*/, '');
    const key = `external:${what}:${value}`;
    let node = this.externals.get(key);
    if (!node) {
      const outside = reason.startsWith('outside');
      node = {
        id: this.uniqueId(key),
        kind: 'external',
        name: value,
        lines: [shortName(lastSegment(value)), `${what} ${outside ? 'outside the analysed files' : '(unknown value)'}`],
        badges: [],
        findings: [],
      };
      this.externals.set(key, node);
      this.nodes.push(node);
    }
    return node;
  }

  endOf(ref: ModelReferenceJson | undefined, what: string): GraphNode {
    const entity = ref?.to ? this.lookups.entityById.get(ref.to) : undefined;
    return (entity && this.nodeOf.get(entity)) ?? this.external(ref, what);
  }

  /**
   * Peerings and VNet links are only edges and carry their findings; an endpoint's or a zone group's
   * findings are on the endpoint's node already.
   */
  addEdge(
    entity: ModelEntityJson,
    kind: EdgeKind,
    source: GraphNode,
    target: GraphNode,
    label: string,
    state: EdgeState,
  ): void {
    const own =
      kind === 'peering' || kind === 'vnetLink'
        ? this.lookups.declared(entity)
        : { ...this.lookups.declared(entity), findings: [], level: undefined };
    this.edges.push({
      id: this.uniqueId(`edge:${kind}:${entity.id}:${source.id}->${target.id}`),
      entity: entity.id,
      kind,
      source: source.id,
      target: target.id,
      label,
      state,
      ...own,
    });
  }
}
