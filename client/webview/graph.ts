// The model as a graph to draw: VNets contain their subnets, subnets contain their private endpoints
// (and Private Link services, gateways); DNS zones, endpoint targets and resources outside the analysed
// files stand alone. Peerings, VNet links, zone groups and endpoint targets are edges; NSGs and route
// tables attached to a subnet are badges on it. Findings land on the element of their resource.
// Registry modules nobody can see into are opaque boxes labelled with their reference.
// Invariant: pure data in, pure data out; names are kept as given (the renderers show them as text).
import type {
  ModelEntityJson,
  ModelReferenceJson,
  TopologyFindingJson,
  TopologyJson,
  TopologyResolutionJson,
} from '@vnet-lens/protocol';
import { formatCount, usableAddresses } from './cidr';
import { lastSegment, sameFile, shortName, worstLevel, type Level } from './names';

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

interface Declared {
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

const kindTitle: Record<string, string> = {
  privateEndpoint: 'private endpoint',
  dnsZone: 'private DNS zone',
  nsg: 'network security group',
  routeTable: 'route table',
  privateLinkService: 'Private Link service',
  vnetGateway: 'virtual network gateway',
  zoneGroup: 'DNS zone group',
};

export function buildGraph(model: TopologyJson): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const entityById = new Map<string, ModelEntityJson>();
  for (const entity of model.entities) if (!entityById.has(entity.id)) entityById.set(entity.id, entity);
  const refsFrom = new Map<string, ModelReferenceJson[]>();
  for (const ref of model.references) refsFrom.set(ref.from, [...(refsFrom.get(ref.from) ?? []), ref]);
  const refs = (entity: ModelEntityJson, kind: string) =>
    (refsFrom.get(entity.id) ?? []).filter((ref) => ref.kind === kind);
  const resolved = (entity: ModelEntityJson, kind: string) =>
    refs(entity, kind).map((ref) => (ref.to === null ? undefined : entityById.get(ref.to)));

  // Findings first, so every element can carry its own.
  const { byEntity, unplaced } = assignFindings(model);
  const findingsOf = (...entities: (ModelEntityJson | undefined)[]) =>
    entities.flatMap((entity) => (entity ? (byEntity.get(entity) ?? []) : []));
  const declared = (entity: ModelEntityJson, extra: TopologyFindingJson[] = []): Declared => {
    const findings = [...findingsOf(entity), ...extra];
    return { name: entity.name, file: entity.file, line: entity.line, findings, level: worstLevel(findings) };
  };

  const nodeOf = new Map<ModelEntityJson, GraphNode>();
  const usedIds = new Set<string>();
  const uniqueId = (id: string) => {
    let candidate = id;
    for (let n = 2; usedIds.has(candidate); n++) candidate = `${id}#${n}`;
    usedIds.add(candidate);
    return candidate;
  };
  const addNode = (
    entity: ModelEntityJson,
    kind: NodeKind,
    lines: string[],
    parent?: GraphNode,
    extraFindings: TopologyFindingJson[] = [],
  ) => {
    const node: GraphNode = {
      id: uniqueId(entity.id),
      kind,
      ...(parent ? { parent: parent.id } : {}),
      lines: [shortName(entity.name), ...lines],
      badges: [],
      ...declared(entity, extraFindings),
    };
    nodes.push(node);
    nodeOf.set(entity, node);
    return node;
  };
  const externals = new Map<string, GraphNode>();
  /** A stand-in for a resource outside the analysed files (or whose id is unknown). */
  const external = (ref: ModelReferenceJson | undefined, what: string): GraphNode => {
    const reason = ref?.reason ?? 'not resolved';
    const value = reason.replace(/^(unknown value|outside the analysed files:)\s*/, '');
    const key = `external:${what}:${value}`;
    let node = externals.get(key);
    if (!node) {
      const outside = reason.startsWith('outside');
      node = {
        id: uniqueId(key),
        kind: 'external',
        name: value,
        lines: [shortName(lastSegment(value)), `${what} ${outside ? 'outside the analysed files' : '(unknown value)'}`],
        badges: [],
        findings: [],
      };
      externals.set(key, node);
      nodes.push(node);
    }
    return node;
  };
  const byKind = (kind: string) => model.entities.filter((entity) => entity.kind === kind);
  const stringList = (value: unknown) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : [];

  for (const vnet of byKind('vnet')) {
    const dns = stringList(vnet.properties.dnsServers);
    addNode(vnet, 'vnet', [
      stringList(vnet.properties.addressPrefixes).join(', ') || 'address space unknown',
      ...(vnet.properties.existing === true ? ['existing'] : []),
      ...(dns.length > 0 ? [`DNS servers: ${dns.join(', ')}`] : []),
    ]);
  }

  const attached = new Set<ModelEntityJson>();
  const plsCount = new Map<string, number>();
  for (const service of byKind('privateLinkService')) {
    for (const subnet of resolved(service, 'privateLinkService.subnet'))
      if (subnet) plsCount.set(subnet.id, (plsCount.get(subnet.id) ?? 0) + 1);
  }
  for (const subnet of byKind('subnet')) {
    const prefixes = stringList(subnet.properties.prefixes);
    const usable = usableAddresses(prefixes);
    const endpoints = typeof subnet.properties.privateEndpoints === 'number' ? subnet.properties.privateEndpoints : 0;
    const used = endpoints + (plsCount.get(subnet.id) ?? 0);
    const vnet = typeof subnet.properties.vnet === 'string' ? entityById.get(subnet.properties.vnet) : undefined;
    const badges: string[] = [];
    const badgeFindings: TopologyFindingJson[] = [];
    for (const [kind, title] of [
      ['subnet.nsg', 'NSG'],
      ['subnet.routeTable', 'Route table'],
    ] as const) {
      for (const ref of refs(subnet, kind)) {
        const target = ref.to === null ? undefined : entityById.get(ref.to);
        if (target) attached.add(target);
        badges.push(
          `${title}: ${target ? shortName(target.name, 32) : `${shortName(lastSegment(ref.reason ?? '?'), 24)} (outside)`}`,
        );
        badgeFindings.push(...findingsOf(target));
      }
    }
    const node = addNode(
      subnet,
      'subnet',
      [
        prefixes.join(', ') || 'prefix unknown',
        `${used} / ${usable === undefined ? '?' : formatCount(usable)} addresses used`,
      ],
      vnet && nodeOf.get(vnet),
      badgeFindings,
    );
    node.badges = badges;
  }

  const subnetNode = (entity: ModelEntityJson, kind: string) => {
    for (const subnet of resolved(entity, kind)) if (subnet && nodeOf.has(subnet)) return nodeOf.get(subnet);
    return undefined;
  };
  const groupsOfEndpoint = new Map<string, ModelEntityJson[]>();
  for (const group of byKind('zoneGroup')) {
    const endpoint = resolved(group, 'zoneGroup.privateEndpoint')[0];
    if (endpoint) groupsOfEndpoint.set(endpoint.id, [...(groupsOfEndpoint.get(endpoint.id) ?? []), group]);
  }
  for (const endpoint of byKind('privateEndpoint')) {
    const groupIds = Array.isArray(endpoint.properties.connections)
      ? endpoint.properties.connections.flatMap((connection: { groupIds?: unknown }) => stringList(connection.groupIds))
      : [];
    const groups = groupsOfEndpoint.get(endpoint.id) ?? [];
    const parent = subnetNode(endpoint, 'privateEndpoint.subnet');
    addNode(
      endpoint,
      'privateEndpoint',
      [
        `private endpoint${groupIds.length ? ` · ${groupIds.join(', ')}` : ''}`,
        groups.length === 0 ? 'no DNS zone group' : `${groups.length} DNS zone group${groups.length > 1 ? 's' : ''}`,
        ...(parent ? [] : ['subnet outside the analysed files']),
      ],
      parent,
      groups.flatMap((group) => findingsOf(group)),
    );
  }
  for (const service of byKind('privateLinkService'))
    addNode(
      service,
      'privateLinkService',
      [kindTitle.privateLinkService],
      subnetNode(service, 'privateLinkService.subnet'),
    );
  for (const gateway of byKind('vnetGateway'))
    addNode(gateway, 'vnetGateway', [kindTitle.vnetGateway], subnetNode(gateway, 'vnetGateway.subnet'));
  for (const zone of byKind('dnsZone'))
    addNode(zone, 'dnsZone', [kindTitle.dnsZone, ...(zone.properties.existing === true ? ['existing'] : [])]);
  for (const target of byKind('target'))
    addNode(target, 'target', [
      typeof target.properties.type === 'string' ? lastSegment(target.properties.type) : 'resource',
    ]);
  for (const kind of ['nsg', 'routeTable'] as const) {
    for (const entity of byKind(kind))
      if (!attached.has(entity)) addNode(entity, kind, [`${kindTitle[kind]} · not attached`]);
  }
  // A registry module nobody can see into (neither cached nor modelled): an opaque box named by its
  // reference, one per call, so the drawing does not pretend the module deploys nothing.
  for (const module of model.unseenModules ?? []) {
    nodes.push({
      id: uniqueId(`registry:${module.file}:${module.line}`),
      kind: 'registryModule',
      name: module.reference,
      file: module.file,
      line: module.line,
      lines: [module.reference, 'registry module · contents unseen', 'run `bicep restore` to see into it'],
      badges: [],
      findings: [],
    });
  }

  const endOf = (ref: ModelReferenceJson | undefined, what: string) => {
    const entity = ref?.to ? entityById.get(ref.to) : undefined;
    return (entity && nodeOf.get(entity)) ?? external(ref, what);
  };
  // Peerings and VNet links are only edges and carry their findings; an endpoint's or a zone group's
  // findings are on the endpoint's node already.
  const addEdge = (
    entity: ModelEntityJson,
    kind: EdgeKind,
    source: GraphNode,
    target: GraphNode,
    label: string,
    state: EdgeState,
  ) => {
    const own =
      kind === 'peering' || kind === 'vnetLink'
        ? declared(entity)
        : { ...declared(entity), findings: [], level: undefined };
    edges.push({
      id: uniqueId(`edge:${kind}:${entity.id}:${source.id}->${target.id}`),
      entity: entity.id,
      kind,
      source: source.id,
      target: target.id,
      label,
      state,
      ...own,
    });
  };

  const peerings = byKind('peering');
  const localOf = (peering: ModelEntityJson) =>
    typeof peering.properties.local === 'string' ? peering.properties.local : undefined;
  for (const peering of peerings) {
    const remoteRef = refs(peering, 'peering.remoteVnet')[0];
    const local = localOf(peering);
    const localEntity = local === undefined ? undefined : entityById.get(local);
    const source =
      (localEntity && nodeOf.get(localEntity)) ??
      external({ kind: 'peering.local', from: peering.id, to: null, reason: `unknown value ${local ?? '?'}` }, 'VNet');
    const target = endOf(remoteRef, 'VNet');
    const remote = remoteRef?.to ?? undefined;
    const reverse =
      remote !== undefined &&
      peerings.some(
        (other) =>
          other !== peering &&
          localOf(other) === remote &&
          refs(other, 'peering.remoteVnet').some((ref) => ref.to === local),
      );
    const findings = findingsOf(peering);
    const broken =
      remote !== undefined &&
      (remote === local || !reverse || findings.some((finding) => finding.ruleId === 'peering-reverse-missing'));
    const state: EdgeState = remote === undefined ? 'unknown' : broken ? 'broken' : 'ok';
    const name = peering.name.includes('/') ? peering.name.slice(peering.name.lastIndexOf('/') + 1) : peering.name;
    addEdge(
      peering,
      'peering',
      source,
      target,
      `${shortName(name, 28)}${state === 'broken' ? ' (one-way)' : ''}`,
      state,
    );
  }
  for (const link of byKind('vnetLink')) {
    const registration = link.properties.registrationEnabled === true;
    const zone = endOf(refs(link, 'vnetLink.zone')[0], 'DNS zone');
    const vnetRef = refs(link, 'vnetLink.vnet')[0];
    addEdge(
      link,
      'vnetLink',
      zone,
      endOf(vnetRef, 'VNet'),
      registration ? 'link · auto-registration' : 'link',
      vnetRef?.to ? 'ok' : 'unknown',
    );
  }
  for (const group of byKind('zoneGroup')) {
    const endpoint = resolved(group, 'zoneGroup.privateEndpoint')[0];
    const holder = (endpoint && nodeOf.get(endpoint)) ?? addNode(group, 'zoneGroup', [kindTitle.zoneGroup]);
    for (const ref of refs(group, 'zoneConfig.zone'))
      addEdge(group, 'zoneGroup', endOf(ref, 'DNS zone'), holder, 'zone group', ref.to ? 'ok' : 'unknown');
  }
  for (const endpoint of byKind('privateEndpoint')) {
    const source = nodeOf.get(endpoint);
    if (!source) continue;
    for (const ref of refs(endpoint, 'privateEndpoint.target'))
      addEdge(endpoint, 'endpointTarget', source, endOf(ref, 'resource'), 'target', ref.to ? 'ok' : 'unknown');
  }
  explainLoners(nodes, edges);
  const nodeOfEntity = new Map<string, string>();
  for (const [entity, node] of nodeOf) if (!nodeOfEntity.has(entity.id)) nodeOfEntity.set(entity.id, node.id);
  const resolutions = (model.resolutions ?? []).map((resolution) => resolutionPath(resolution, nodeOfEntity, edges));
  return { nodes: parentsFirst(nodes), edges, unplaced, resolutions };
}

/**
 * The drawn path of a resolution: the nodes of the entities its steps go through (zone groups are drawn
 * on their endpoint, links and zone groups as edges), the edges of those entities between two nodes of
 * the path, and the edge from a path endpoint to the target.
 */
function resolutionPath(
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

/** Findings per entity: by `entityId`, else the declaration in the same file nearest at or above the line. */
function assignFindings(model: TopologyJson): {
  byEntity: Map<ModelEntityJson, TopologyFindingJson[]>;
  unplaced: TopologyFindingJson[];
} {
  const byEntity = new Map<ModelEntityJson, TopologyFindingJson[]>();
  const unplaced: TopologyFindingJson[] = [];
  for (const finding of model.findings ?? []) {
    let owner =
      finding.entityId === undefined ? undefined : model.entities.find((entity) => entity.id === finding.entityId);
    if (!owner) {
      // Inline children share their parent's declaration line (a VNet's `subnets`): among the
      // declarations on the nearest line, the child the message names first wins ("Subnet 'snet-pls'
      // in VNet 'vnet-spoke'"), else the first declaration (the parent).
      let nearest: ModelEntityJson[] = [];
      for (const entity of model.entities) {
        if (entity.line > finding.line || !sameFile(entity.file, finding.file)) continue;
        if (nearest.length === 0 || entity.line > nearest[0].line) nearest = [entity];
        else if (entity.line === nearest[0].line) nearest.push(entity);
      }
      const mention = (entity: ModelEntityJson) => finding.message.indexOf(`'${lastSegment(entity.name)}'`);
      const named = nearest
        .slice(1)
        .filter((entity) => mention(entity) >= 0)
        .sort((a, b) => mention(a) - mention(b));
      owner = named[0] ?? nearest[0];
    }
    if (owner) byEntity.set(owner, [...(byEntity.get(owner) ?? []), finding]);
    else unplaced.push(finding);
  }
  return { byEntity, unplaced };
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
