// Builds the network model from evaluated declarations: entities per resource type (inline subnets,
// peerings and routes included), then references resolved by identity (resolve-references.ts).
// Declarations whose condition is false are not deployed and make no entity.
import type { ResourceDecl } from '../evaluate/declaration';
import { getProperty, type Value } from '../evaluate/value';
import { at, list } from './property-path';
import { resolveReferences } from './resolve-references';
import { lowerCase } from '../evaluate/remembered';
import type { NetworkModel, Subnet, VirtualNetwork } from './types';

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
  for (const decl of declarations) {
    if (decl.condition === false) continue;
    const props = decl.properties;
    // Entities are written out field by field, not spread from a shared base object: a spread copied
    // each entity's five common fields through the runtime, and most models hold a few entities built once.
    const { id, name } = decl;
    switch (lowerCase(decl.type)) {
      case types.vnet: {
        const vnet: VirtualNetwork = {
          kind: 'vnet',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
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
          const shape = { id: getProperty(subnet, 'id'), name: getProperty(subnet, 'name'), decl, path };
          model.subnets.push(makeSubnet(shape, vnet, true, getProperty(subnet, 'properties'), `${path}.properties`));
        });
        list(at(props, 'virtualNetworkPeerings')).forEach((peering, index) => {
          const path = `properties.virtualNetworkPeerings[${index}]`;
          model.peerings.push({
            kind: 'peering',
            key: keyOf(decl, path),
            id: getProperty(peering, 'id'),
            name: getProperty(peering, 'name'),
            decl,
            path,
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
        model.subnets.push(makeSubnet({ id, name, decl, path: '' }, undefined, false, props, 'properties'));
        break;
      case types.peering:
        model.peerings.push({
          kind: 'peering',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
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
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
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
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
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
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
          location: decl.location,
          links: [],
          existing: decl.existing,
        });
        break;
      case types.vnetLink:
        model.vnetLinks.push({
          kind: 'vnetLink',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
          zone: undefined,
          vnet: undefined,
          location: decl.location,
          registrationEnabled: at(props, 'registrationEnabled'),
        });
        break;
      case types.nsg:
        model.nsgs.push({ kind: 'nsg', key: keyOf(decl, ''), id, name, decl, path: '' });
        break;
      case types.routeTable:
        model.routeTables.push({
          kind: 'routeTable',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
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
        model.privateLinkServices.push({
          kind: 'privateLinkService',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
          subnets: [],
        });
        break;
      case types.vnetGateway:
        model.vnetGateways.push({ kind: 'vnetGateway', key: keyOf(decl, ''), id, name, decl, path: '', subnets: [] });
        break;
      default:
        model.targets.push({
          kind: 'target',
          key: keyOf(decl, ''),
          id,
          name,
          decl,
          path: '',
          type: decl.type,
          properties: props,
        });
    }
  }
  resolveReferences(model, routes);
  return model;
}

/** An entity's key: its declaration's place, and its path there for an inline part. */
function keyOf(decl: ResourceDecl, path: string): string {
  // Resources a registry module declares share their place (the call, or one parameter entry):
  // their type and parameter path tell them apart.
  return `${decl.uri}:${decl.range.start}${decl.instance === undefined ? '' : `[${decl.instance}]`}${path ? `#${path}` : ''}${decl.registry ? `~${decl.type}~${decl.registry.paramPath}` : ''}`;
}

function makeSubnet(
  shape: Pick<Subnet, 'id' | 'name' | 'decl' | 'path'>,
  vnet: VirtualNetwork | undefined,
  inline: boolean,
  properties: Value,
  propertiesPath: string,
): Subnet {
  const single = at(properties, 'addressPrefix');
  const many = at(properties, 'addressPrefixes');
  // Pushed, not spread from two temporary arrays: every subnet of every model makes its list.
  const prefixes: Value[] = single === undefined ? [] : [single];
  for (const prefix of list(many)) prefixes.push(prefix);
  return {
    kind: 'subnet',
    key: keyOf(shape.decl, shape.path),
    id: shape.id,
    name: shape.name,
    decl: shape.decl,
    path: shape.path,
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
