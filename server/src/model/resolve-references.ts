// The second step of building the network model: references between entities resolved by identity (ids,
// parent ids), each entity added to the lists of what it belongs to. A declaration that creates a resource
// wins over one that refers to it as `existing`.
import type { ResourceDecl } from '../evaluate/declaration';
import { IdIndex, parentIdOf } from './identity';
import { at, list } from './property-path';
import type {
  Entity,
  NetworkModel,
  NetworkSecurityGroup,
  PrivateDnsZone,
  PrivateEndpoint,
  PrivateLinkService,
  RouteTable,
  Target,
} from './types';

/** Prefer a declaration that creates the resource over one that refers to an existing one. */
const declared = (entity: Entity) => !entity.decl.existing;

/** Keyed when a reference is first resolved through it (identity.ts). */
function indexOf<T extends Entity>(entities: readonly T[]): IdIndex<T> {
  return new IdIndex<T>(entities);
}

/**
 * Links the model's entities by identity: subnets and peerings to their VNets, subnets to their NSG and route
 * table, endpoints to subnets and targets, zone groups and links to zones, and route resources to their tables.
 */
export function resolveReferences(model: NetworkModel, routes: readonly { decl: ResourceDecl }[]): void {
  const vnets = indexOf(model.vnets);
  const subnets = indexOf(model.subnets);
  const nsgs = indexOf<NetworkSecurityGroup>(model.nsgs);
  const routeTables = indexOf<RouteTable>(model.routeTables);
  const endpoints = indexOf<PrivateEndpoint>(model.privateEndpoints);
  const zones = indexOf<PrivateDnsZone>(model.dnsZones);
  // Only endpoint connections look targets up: most models have no endpoint (issue 16: a module of DNS records).
  const targets =
    model.privateEndpoints.length === 0
      ? undefined
      : indexOf<Target | PrivateLinkService>(
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
    for (const connection of endpoint.connections) connection.target = targets?.resolve(connection.targetId, declared);
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
