// Builds the network model from evaluated declarations: entities per resource type (inline
// subnets, peerings and routes included), then references resolved by identity. Declarations
// whose condition is false are not deployed and make no entity.
import type { ResourceDecl } from '../evaluate/declaration';
import { getProperty, isArray, isObject, type Value } from '../evaluate/value';
import { IdIndex, parentIdOf } from './identity';
import type {
  Entity,
  NetworkModel,
  NetworkSecurityGroup,
  PrivateDnsZone,
  PrivateEndpoint,
  PrivateLinkService,
  RouteTable,
  Subnet,
  Target,
  VirtualNetwork,
} from './types';

const types = {
  vnet: 'microsoft.network/virtualnetworks',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  peering: 'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  privateEndpoint: 'microsoft.network/privateendpoints',
  zoneGroup: 'microsoft.network/privateendpoints/privatednszonegroups',
  dnsZone: 'microsoft.network/privatednszones',
  vnetLink: 'microsoft.network/privatednszones/virtualnetworklinks',
  nsg: 'microsoft.network/networksecuritygroups',
  routeTable: 'microsoft.network/routetables',
  route: 'microsoft.network/routetables/routes',
  privateLinkService: 'microsoft.network/privatelinkservices',
  vnetGateway: 'microsoft.network/virtualnetworkgateways',
} as const;

/** Reads `a.b.c` from a value; undefined where a step is absent. */
export function at(value: Value | undefined, path: string): Value | undefined {
  let current = value;
  // Step by step along the dots, without splitting the path (asked for every entity built).
  for (let start = 0; start <= path.length;) {
    const dot = path.indexOf('.', start);
    const end = dot < 0 ? path.length : dot;
    const step = path.slice(start, end);
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = current[step];
    start = end + 1;
  }
  return current;
}

const list = (value: Value | undefined): readonly Value[] => (isArray(value) ? value : []);

export function buildModel(declarations: readonly ResourceDecl[]): NetworkModel {
  const model: NetworkModel = {
    vnets: [],
    subnets: [],
    peerings: [],
    privateEndpoints: [],
    zoneGroups: [],
    dnsZones: [],
    vnetLinks: [],
    nsgs: [],
    routeTables: [],
    privateLinkServices: [],
    vnetGateways: [],
    targets: [],
    declarations: [...declarations],
  };
  const routes: { decl: ResourceDecl }[] = [];
  const base = (decl: ResourceDecl, path = '', id: Value = decl.id, name: Value = decl.name) => ({
    // Resources a registry module declares share their place (the call, or one parameter entry):
    // their type and parameter path tell them apart.
    key: `${decl.uri}:${decl.range.start}${decl.instance === undefined ? '' : `[${decl.instance}]`}${path ? `#${path}` : ''}${decl.registry ? `~${decl.type}~${decl.registry.paramPath}` : ''}`,
    id,
    name,
    decl,
    path,
  });

  for (const decl of declarations) {
    if (decl.condition === false) continue;
    const props = decl.properties;
    switch (decl.type.toLowerCase()) {
      case types.vnet: {
        const vnet: VirtualNetwork = {
          kind: 'vnet',
          ...base(decl),
          location: decl.location,
          addressPrefixes: at(props, 'addressSpace.addressPrefixes'),
          dnsServers: at(props, 'dhcpOptions.dnsServers'),
          subnets: [],
          peerings: [],
          declaresInlineSubnets: at(props, 'subnets') !== undefined,
        };
        model.vnets.push(vnet);
        list(at(props, 'subnets')).forEach((subnet, index) => {
          const path = `properties.subnets[${index}]`;
          model.subnets.push(
            makeSubnet(
              base(decl, path, getProperty(subnet, 'id'), getProperty(subnet, 'name')),
              vnet,
              true,
              getProperty(subnet, 'properties'),
              `${path}.properties`,
            ),
          );
        });
        list(at(props, 'virtualNetworkPeerings')).forEach((peering, index) => {
          const path = `properties.virtualNetworkPeerings[${index}]`;
          model.peerings.push({
            kind: 'peering',
            ...base(decl, path, getProperty(peering, 'id'), getProperty(peering, 'name')),
            local: vnet,
            remote: undefined,
            inline: true,
            properties: getProperty(peering, 'properties'),
            propertiesPath: `${path}.properties`,
          });
        });
        break;
      }
      case types.subnet:
        model.subnets.push(makeSubnet(base(decl), undefined, false, props, 'properties'));
        break;
      case types.peering:
        model.peerings.push({
          kind: 'peering',
          ...base(decl),
          local: undefined,
          remote: undefined,
          inline: false,
          properties: props,
          propertiesPath: 'properties',
        });
        break;
      case types.privateEndpoint: {
        const connections = (['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'] as const).flatMap(
          (property) =>
            list(at(props, property)).map((connection, index) => ({
              path: `properties.${property}[${index}]`,
              manual: property === 'manualPrivateLinkServiceConnections',
              targetId:
                at(connection, 'properties.privateLinkServiceId') ?? getProperty(connection, 'privateLinkServiceId'),
              target: undefined,
              groupIds: at(connection, 'properties.groupIds') ?? [],
            })),
        );
        model.privateEndpoints.push({
          kind: 'privateEndpoint',
          ...base(decl),
          location: decl.location,
          subnet: undefined,
          connections,
          zoneGroups: [],
        });
        break;
      }
      case types.zoneGroup:
        model.zoneGroups.push({
          kind: 'zoneGroup',
          ...base(decl),
          endpoint: undefined,
          configs: list(at(props, 'privateDnsZoneConfigs')).map((config, index) => ({
            path: `properties.privateDnsZoneConfigs[${index}]`,
            zoneId: at(config, 'properties.privateDnsZoneId') ?? getProperty(config, 'privateDnsZoneId'),
            zone: undefined,
          })),
        });
        break;
      case types.dnsZone:
        model.dnsZones.push({
          kind: 'dnsZone',
          ...base(decl),
          location: decl.location,
          links: [],
          existing: decl.existing,
        });
        break;
      case types.vnetLink:
        model.vnetLinks.push({
          kind: 'vnetLink',
          ...base(decl),
          zone: undefined,
          vnet: undefined,
          location: decl.location,
          registrationEnabled: at(props, 'registrationEnabled'),
        });
        break;
      case types.nsg:
        model.nsgs.push({ kind: 'nsg', ...base(decl) });
        break;
      case types.routeTable:
        model.routeTables.push({
          kind: 'routeTable',
          ...base(decl),
          routes: list(at(props, 'routes')).map((route, index) => ({
            decl,
            path: `properties.routes[${index}].properties`,
            properties: getProperty(route, 'properties'),
            name: getProperty(route, 'name'),
          })),
        });
        break;
      case types.route:
        routes.push({ decl });
        break;
      case types.privateLinkService:
        model.privateLinkServices.push({ kind: 'privateLinkService', ...base(decl), subnets: [] });
        break;
      case types.vnetGateway:
        model.vnetGateways.push({ kind: 'vnetGateway', ...base(decl), subnets: [] });
        break;
      default:
        model.targets.push({ kind: 'target', ...base(decl), type: decl.type, properties: props });
    }
  }
  resolveReferences(model, routes);
  return model;
}

function makeSubnet(
  shape: Omit<
    Subnet,
    | 'kind'
    | 'vnet'
    | 'inline'
    | 'properties'
    | 'propertiesPath'
    | 'prefixes'
    | 'nsg'
    | 'routeTable'
    | 'privateEndpoints'
  >,
  vnet: VirtualNetwork | undefined,
  inline: boolean,
  properties: Value,
  propertiesPath: string,
): Subnet {
  const single = at(properties, 'addressPrefix');
  const many = at(properties, 'addressPrefixes');
  const prefixes = [...(single === undefined ? [] : [single]), ...list(many)];
  return {
    kind: 'subnet',
    ...shape,
    vnet,
    inline,
    properties,
    propertiesPath,
    prefixes,
    nsg: undefined,
    routeTable: undefined,
    privateEndpoints: [],
  };
}

/** Prefer a declaration that creates the resource over one that refers to an existing one. */
const declared = (entity: Entity) => !entity.decl.existing;

function indexOf<T extends Entity>(entities: readonly T[]): IdIndex<T> {
  const index = new IdIndex<T>();
  for (const entity of entities) index.add(entity);
  return index;
}

function resolveReferences(model: NetworkModel, routes: readonly { decl: ResourceDecl }[]): void {
  const vnets = indexOf(model.vnets);
  const subnets = indexOf(model.subnets);
  const nsgs = indexOf<NetworkSecurityGroup>(model.nsgs);
  const routeTables = indexOf<RouteTable>(model.routeTables);
  const endpoints = indexOf<PrivateEndpoint>(model.privateEndpoints);
  const zones = indexOf<PrivateDnsZone>(model.dnsZones);
  const targets = indexOf<Target | PrivateLinkService>(
    model.privateLinkServices.length === 0 ? model.targets : [...model.targets, ...model.privateLinkServices],
  );

  for (const subnet of model.subnets) {
    if (!subnet.inline) {
      const parent = vnets.resolve(parentIdOf(subnet.id), declared);
      if (parent?.resolved) {
        subnet.vnet = parent.target;
      }
    }
    subnet.vnet?.subnets.push(subnet);
    const nsg = at(subnet.properties, 'networkSecurityGroup');
    if (nsg !== undefined) subnet.nsg = nsgs.resolve(nsg, declared);
    const routeTable = at(subnet.properties, 'routeTable');
    if (routeTable !== undefined) subnet.routeTable = routeTables.resolve(routeTable, declared);
  }
  for (const peering of model.peerings) {
    if (!peering.inline) {
      const parent = vnets.resolve(parentIdOf(peering.id), declared);
      if (parent?.resolved) peering.local = parent.target;
    }
    peering.local?.peerings.push(peering);
    const remote = at(peering.properties, 'remoteVirtualNetwork');
    if (remote !== undefined) peering.remote = vnets.resolve(remote, declared);
  }
  for (const endpoint of model.privateEndpoints) {
    const subnet = at(endpoint.decl.properties, 'subnet');
    if (subnet !== undefined) endpoint.subnet = subnets.resolve(subnet, declared);
    if (endpoint.subnet?.resolved) endpoint.subnet.target.privateEndpoints.push(endpoint);
    for (const connection of endpoint.connections) connection.target = targets.resolve(connection.targetId, declared);
  }
  for (const group of model.zoneGroups) {
    group.endpoint = endpoints.resolve(parentIdOf(group.id), declared);
    if (group.endpoint?.resolved) group.endpoint.target.zoneGroups.push(group);
    for (const config of group.configs) config.zone = zones.resolve(config.zoneId, declared);
  }
  for (const link of model.vnetLinks) {
    link.zone = zones.resolve(parentIdOf(link.id), declared);
    if (link.zone?.resolved) link.zone.target.links.push(link);
    const vnet = at(link.decl.properties, 'virtualNetwork');
    if (vnet !== undefined) link.vnet = vnets.resolve(vnet, declared);
  }
  for (const service of model.privateLinkServices) {
    list(at(service.decl.properties, 'ipConfigurations')).forEach((configuration, index) => {
      const subnet = at(configuration, 'properties.subnet');
      const resolved = subnet === undefined ? undefined : subnets.resolve(subnet, declared);
      if (resolved)
        service.subnets.push({ path: `properties.ipConfigurations[${index}].properties.subnet`, subnet: resolved });
    });
  }
  for (const gateway of model.vnetGateways) {
    for (const configuration of list(at(gateway.decl.properties, 'ipConfigurations'))) {
      const subnet = at(configuration, 'properties.subnet');
      const resolved = subnet === undefined ? undefined : subnets.resolve(subnet, declared);
      if (resolved) gateway.subnets.push(resolved);
    }
  }
  for (const { decl } of routes) {
    const table = routeTables.resolve(parentIdOf(decl.id), declared);
    if (table?.resolved)
      table.target.routes.push({ decl, path: 'properties', properties: decl.properties, name: decl.name });
  }
}
