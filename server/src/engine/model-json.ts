// The network model as JSON (DESIGN §7 `vnet-lens model`, the server's vnetLens/model, the topology
// view): entities with kind, name, id, file and 1-based line, and references with their targets or
// the reason they are unresolved. Ids print unknown parts as `{placeholders}` (model/json.ts), and
// property values as `{ "$unknown": … }`, both naming a deployment by its file name, not its path;
// names and reasons print them as written (`${uniqueString(…)}`, see model/as-written.ts).
import {
  asWritten,
  displayJson,
  displayValue,
  isArray,
  keyOf,
  type Entity,
  type NetworkModel,
  type Reference,
  type Value,
} from '../model';
import type { ModelEntityJson, ModelJson, ModelReferenceJson } from '../protocol';

export function emptyModel(): ModelJson {
  return { entities: [], references: [] };
}

export function modelToJson(model: NetworkModel, lineOf: (uri: string, offset: number) => number): ModelJson {
  const entities: ModelEntityJson[] = [];
  const references: ModelReferenceJson[] = [];
  const entity = (e: Entity, properties: Record<string, unknown>) => {
    entities.push({
      kind: e.kind,
      name: asWritten(e.name),
      id: displayValue(e.id),
      file: e.decl.uri,
      line: lineOf(e.decl.uri, e.decl.range.start),
      properties,
    });
  };
  const reference = (kind: string, from: Entity, ref: Reference<Entity> | undefined) => {
    if (!ref) return;
    references.push(
      ref.resolved
        ? { kind, from: displayValue(from.id), to: displayValue(ref.target.id) }
        : {
            kind,
            from: displayValue(from.id),
            to: null,
            reason:
              ref.reason === 'unknown'
                ? `unknown value ${asWritten(ref.value)}`
                : `outside the analysed files: ${asWritten(ref.value)}`,
          },
    );
  };
  const json = (value: Value | undefined) => (value === undefined ? undefined : displayJson(value));

  for (const vnet of model.vnets)
    entity(vnet, {
      location: json(vnet.location),
      addressPrefixes: json(vnet.addressPrefixes),
      dnsServers: json(vnet.dnsServers),
      existing: vnet.decl.existing,
    });
  for (const subnet of model.subnets) {
    entity(subnet, {
      vnet: subnet.vnet ? displayValue(subnet.vnet.id) : null,
      inline: subnet.inline,
      prefixes: subnet.prefixes.map((p) => displayJson(p)),
      privateEndpointNetworkPolicies: json(valueAt(subnet.properties, 'privateEndpointNetworkPolicies')),
      privateLinkServiceNetworkPolicies: json(valueAt(subnet.properties, 'privateLinkServiceNetworkPolicies')),
      privateEndpoints: subnet.privateEndpoints.length,
    });
    reference('subnet.nsg', subnet, subnet.nsg);
    reference('subnet.routeTable', subnet, subnet.routeTable);
  }
  for (const peering of model.peerings) {
    entity(peering, {
      local: peering.local ? displayValue(peering.local.id) : null,
      properties: json(peering.properties),
    });
    reference('peering.remoteVnet', peering, peering.remote);
  }
  for (const endpoint of model.privateEndpoints) {
    entity(endpoint, {
      location: json(endpoint.location),
      connections: endpoint.connections.map((c) => ({ groupIds: displayJson(c.groupIds), manual: c.manual })),
      zoneGroups: endpoint.zoneGroups.length,
    });
    reference('privateEndpoint.subnet', endpoint, endpoint.subnet);
    for (const connection of endpoint.connections) reference('privateEndpoint.target', endpoint, connection.target);
  }
  for (const group of model.zoneGroups) {
    entity(group, { configs: group.configs.length });
    reference('zoneGroup.privateEndpoint', group, group.endpoint);
    for (const config of group.configs) reference('zoneConfig.zone', group, config.zone);
  }
  for (const zone of model.dnsZones)
    entity(zone, { location: json(zone.location), existing: zone.existing, links: zone.links.length });
  for (const link of model.vnetLinks) {
    entity(link, { location: json(link.location), registrationEnabled: json(link.registrationEnabled) });
    reference('vnetLink.zone', link, link.zone);
    reference('vnetLink.vnet', link, link.vnet);
  }
  for (const nsg of model.nsgs) entity(nsg, {});
  for (const table of model.routeTables) entity(table, { routes: table.routes.length });
  for (const service of model.privateLinkServices) {
    entity(service, {});
    for (const { subnet } of service.subnets) reference('privateLinkService.subnet', service, subnet);
  }
  for (const gateway of model.vnetGateways) {
    entity(gateway, {});
    for (const subnet of gateway.subnets) reference('vnetGateway.subnet', gateway, subnet);
  }
  // A module call nobody can read is no resource of the network: the topology draws those calls apart.
  for (const target of model.targets) if (!target.decl.unread) entity(target, { type: target.type });
  return { entities, references };
}

function valueAt(value: Value, key: string): Value | undefined {
  if (typeof value !== 'object' || value === null || isArray(value) || keyOf(value) !== undefined) return undefined;
  return (value as Record<string, Value>)[key];
}
