// The nodes of the graph, containers first so that each finds its parent: VNets, their subnets (with
// NSG and route-table badges), the endpoints in them, then the resources that stand alone.
import type { ModelEntityJson, TopologyFindingJson } from '@vnet-lens/protocol';
import { formatCount, usableAddresses } from './cidr';
import type { GraphParts } from './graph-parts';
import { lastSegment, shortName } from './names';

export const kindTitle: Record<string, string> = {
  privateEndpoint: 'private endpoint',
  dnsZone: 'private DNS zone',
  nsg: 'network security group',
  routeTable: 'route table',
  privateLinkService: 'Private Link service',
  vnetGateway: 'virtual network gateway',
  zoneGroup: 'DNS zone group',
};

export function addVnets(parts: GraphParts): void {
  const { lookups } = parts;
  for (const vnet of lookups.byKind('vnet')) {
    const dns = stringList(vnet.properties.dnsServers);
    parts.addNode(vnet, 'vnet', [
      stringList(vnet.properties.addressPrefixes).join(', ') || 'address space unknown',
      ...(vnet.properties.existing === true ? ['existing'] : []),
      ...(dns.length > 0 ? [`DNS servers: ${dns.join(', ')}`] : []),
    ]);
  }
}

/** Subnets with their address use and, as badges, the NSGs and route tables attached to them. */
export function addSubnets(parts: GraphParts): void {
  const { lookups } = parts;
  const plsCount = new Map<string, number>();
  for (const service of lookups.byKind('privateLinkService')) {
    for (const subnet of lookups.resolved(service, 'privateLinkService.subnet'))
      if (subnet) plsCount.set(subnet.id, (plsCount.get(subnet.id) ?? 0) + 1);
  }
  for (const subnet of lookups.byKind('subnet')) {
    const prefixes = stringList(subnet.properties.prefixes);
    const usable = usableAddresses(prefixes);
    const endpoints = typeof subnet.properties.privateEndpoints === 'number' ? subnet.properties.privateEndpoints : 0;
    const used = endpoints + (plsCount.get(subnet.id) ?? 0);
    const vnet =
      typeof subnet.properties.vnet === 'string' ? lookups.entityById.get(subnet.properties.vnet) : undefined;
    const badges: string[] = [];
    const badgeFindings: TopologyFindingJson[] = [];
    for (const [kind, title] of [
      ['subnet.nsg', 'NSG'],
      ['subnet.routeTable', 'Route table'],
    ] as const) {
      for (const ref of lookups.refs(subnet, kind)) {
        const target = ref.to === null ? undefined : lookups.entityById.get(ref.to);
        if (target) parts.attached.add(target);
        badges.push(
          `${title}: ${target ? shortName(target.name, 32) : `${shortName(lastSegment(ref.reason ?? '?'), 24)} (outside)`}`,
        );
        badgeFindings.push(...lookups.findingsOf(target));
      }
    }
    const node = parts.addNode(
      subnet,
      'subnet',
      [
        prefixes.join(', ') || 'prefix unknown',
        `${used} / ${usable === undefined ? '?' : formatCount(usable)} addresses used`,
      ],
      vnet && parts.nodeOf.get(vnet),
      badgeFindings,
    );
    node.badges = badges;
  }
}

/** Private endpoints in their subnets, carrying their zone groups' findings. */
export function addEndpoints(parts: GraphParts): void {
  const { lookups } = parts;
  const groupsOfEndpoint = new Map<string, ModelEntityJson[]>();
  for (const group of lookups.byKind('zoneGroup')) {
    const endpoint = lookups.resolved(group, 'zoneGroup.privateEndpoint')[0];
    if (endpoint) groupsOfEndpoint.set(endpoint.id, [...(groupsOfEndpoint.get(endpoint.id) ?? []), group]);
  }
  for (const endpoint of lookups.byKind('privateEndpoint')) {
    const groupIds = Array.isArray(endpoint.properties.connections)
      ? endpoint.properties.connections.flatMap((connection: { groupIds?: unknown }) => stringList(connection.groupIds))
      : [];
    const groups = groupsOfEndpoint.get(endpoint.id) ?? [];
    const parent = parts.subnetNode(endpoint, 'privateEndpoint.subnet');
    parts.addNode(
      endpoint,
      'privateEndpoint',
      [
        `private endpoint${groupIds.length ? ` · ${groupIds.join(', ')}` : ''}`,
        groups.length === 0 ? 'no DNS zone group' : `${groups.length} DNS zone group${groups.length > 1 ? 's' : ''}`,
        ...(parent ? [] : ['subnet outside the analysed files']),
      ],
      parent,
      groups.flatMap((group) => lookups.findingsOf(group)),
    );
  }
}

/** Private Link services and gateways in their subnets; zones, targets, and unattached NSGs and route tables. */
export function addStandaloneResources(parts: GraphParts): void {
  const { lookups } = parts;
  for (const service of lookups.byKind('privateLinkService'))
    parts.addNode(
      service,
      'privateLinkService',
      [kindTitle.privateLinkService],
      parts.subnetNode(service, 'privateLinkService.subnet'),
    );
  for (const gateway of lookups.byKind('vnetGateway'))
    parts.addNode(gateway, 'vnetGateway', [kindTitle.vnetGateway], parts.subnetNode(gateway, 'vnetGateway.subnet'));
  for (const zone of lookups.byKind('dnsZone'))
    parts.addNode(zone, 'dnsZone', [kindTitle.dnsZone, ...(zone.properties.existing === true ? ['existing'] : [])]);
  for (const target of lookups.byKind('target'))
    parts.addNode(target, 'target', [
      typeof target.properties.type === 'string' ? lastSegment(target.properties.type) : 'resource',
    ]);
  for (const kind of ['nsg', 'routeTable'] as const) {
    for (const entity of lookups.byKind(kind))
      if (!parts.attached.has(entity)) parts.addNode(entity, kind, [`${kindTitle[kind]} · not attached`]);
  }
}

/**
 * A registry module nobody can see into (neither cached nor modelled): an opaque box named by its
 * reference, one per call, so the drawing does not pretend the module deploys nothing.
 */
export function addUnseenModules(parts: GraphParts): void {
  const { lookups } = parts;
  for (const module of lookups.model.unseenModules ?? []) {
    parts.nodes.push({
      id: parts.uniqueId(`registry:${module.file}:${module.line}`),
      kind: 'registryModule',
      name: module.reference,
      file: module.file,
      line: module.line,
      lines: [module.reference, 'registry module · contents unseen', 'run `bicep restore` to see into it'],
      badges: [],
      findings: [],
    });
  }
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))) : [];
