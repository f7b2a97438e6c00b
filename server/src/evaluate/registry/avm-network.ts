// `avm/res/network/virtual-network` (FACTS §17): the VNet, each `subnets` entry as a child subnet,
// each `peerings` entry as a peering and, with `remotePeeringEnabled: true`, the reverse peering
// the module creates on the remote VNet. Parameters map to properties as the module's source does.
import { concatStrings, isArray, makeObject, PartialString, Unknown, type ObjectValue, type Value } from '../value';
import {
  emit,
  field,
  forEachEntry,
  isSet,
  lastSegment,
  objectOf,
  scopeOfResourceGroup,
  type RegistryCall,
} from './emit';

const vnetType = 'Microsoft.Network/virtualNetworks';
const subnetType = 'Microsoft.Network/virtualNetworks/subnets';
const peeringType = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';

/**
 * The module's address prefixes as the VNet's, unless an entry is a resource id (an IPAM pool's, as
 * later module versions accept): what the module makes of one FACTS §17 does not say, so the space is
 * unknown then.
 */
function addressPrefixesOf(call: RegistryCall): Value {
  const prefixes = call.params.get('addressPrefixes');
  const unknown = new Unknown(`${call.key}.params.addressPrefixes`);
  if (prefixes === undefined) return unknown;
  const namesResource = (item: Value) =>
    (typeof item === 'string' ? item : item instanceof PartialString ? item.key : '')
      .toLowerCase()
      .includes('/providers/');
  return isArray(prefixes) && prefixes.some(namesResource) ? unknown : prefixes;
}

export function declareVirtualNetwork(call: RegistryCall): { id: Value; name: Value; subnetIds: Value } {
  const params = call.params;
  const name = params.get('name') ?? new Unknown(`${call.key}.params.name`);
  const dnsServers = params.get('dnsServers');
  const dnsSet = isSet(dnsServers);
  const vnet = emit(call, {
    type: vnetType,
    name,
    location: params.get('location') ?? call.scope.location,
    at: '',
    properties: objectOf([
      ['addressSpace', makeObject([['addressPrefixes', addressPrefixesOf(call)]])],
      [
        'dhcpOptions',
        dnsSet === true
          ? makeObject([['dnsServers', dnsServers!]])
          : dnsSet === 'unknown'
            ? new Unknown(`${call.key}.params.dnsServers`)
            : undefined,
      ],
    ]),
    ranges: [
      ['properties.addressSpace.addressPrefixes', 'addressPrefixes'],
      ['properties.dhcpOptions.dnsServers', 'dnsServers'],
      ['location', 'location'],
    ],
  });
  const subnetIds = declareSubnets(call, vnet);
  declarePeerings(call, vnet);
  return { ...vnet, subnetIds };
}

function declareSubnets(call: RegistryCall, vnet: { id: Value; name: Value }): Value {
  const subnets = call.params.get('subnets');
  if (!isSet(subnets)) return [];
  if (!isArray(subnets)) {
    declareSubnet(call, vnet, new Unknown(`${call.key}.subnets[]`), 'subnets', 'unknown');
    return new Unknown(`${call.key}.outputs.subnetResourceIds`);
  }
  return subnets.map((subnet, index) => declareSubnet(call, vnet, subnet, `subnets[${index}]`, 1));
}

function declareSubnet(
  call: RegistryCall,
  vnet: { id: Value; name: Value },
  subnet: Value,
  at: string,
  count: number | 'unknown',
): Value {
  const properties = subnetProperties(call, subnet, at);
  const subnetName = field(subnet, 'name') ?? new Unknown(`${call.key}.${at}.name`);
  return emit(call, {
    type: subnetType,
    name: subnetName,
    parent: vnet,
    at,
    count,
    properties,
    ranges: [
      ['name', `${at}.name`],
      ['properties.addressPrefix', `${at}.addressPrefix`],
      ['properties.addressPrefixes', `${at}.addressPrefixes`],
      ['properties.networkSecurityGroup', `${at}.networkSecurityGroupResourceId`],
      ['properties.routeTable', `${at}.routeTableResourceId`],
      ['properties.privateEndpointNetworkPolicies', `${at}.privateEndpointNetworkPolicies`],
      ['properties.privateLinkServiceNetworkPolicies', `${at}.privateLinkServiceNetworkPolicies`],
      ['properties.serviceEndpoints', `${at}.serviceEndpoints`],
      ['properties.delegations', `${at}.delegation`],
    ],
  }).id;
}

/** A subnet entry's parameters as the subnet's `properties`, the way the module writes them. */
function subnetProperties(call: RegistryCall, subnet: Value, at: string): ObjectValue {
  const unknownAt = (param: string) => new Unknown(`${call.key}.${at}.${param}`);
  const idOf = (param: string) => {
    const id = field(subnet, param);
    const set = isSet(id);
    return set === true ? makeObject([['id', id!]]) : set === 'unknown' ? unknownAt(param) : undefined;
  };
  const serviceEndpoints = field(subnet, 'serviceEndpoints');
  const delegation = field(subnet, 'delegation');
  const delegationSet = isSet(delegation);
  return objectOf([
    ['addressPrefix', field(subnet, 'addressPrefix')],
    ['addressPrefixes', field(subnet, 'addressPrefixes')],
    ['networkSecurityGroup', idOf('networkSecurityGroupResourceId')],
    ['routeTable', idOf('routeTableResourceId')],
    ['natGateway', idOf('natGatewayResourceId')],
    [
      'serviceEndpoints',
      isArray(serviceEndpoints)
        ? serviceEndpoints.map((service) => makeObject([['service', service]]))
        : serviceEndpoints === undefined
          ? []
          : unknownAt('serviceEndpoints'),
    ],
    [
      'delegations',
      delegationSet === true
        ? [
            makeObject([
              ['name', delegation!],
              ['properties', makeObject([['serviceName', delegation!]])],
            ]),
          ]
        : delegationSet === false
          ? []
          : unknownAt('delegation'),
    ],
    ['privateEndpointNetworkPolicies', field(subnet, 'privateEndpointNetworkPolicies')],
    ['privateLinkServiceNetworkPolicies', field(subnet, 'privateLinkServiceNetworkPolicies')],
    ['defaultOutboundAccess', field(subnet, 'defaultOutboundAccess')],
  ]);
}

function declarePeerings(call: RegistryCall, vnet: { id: Value; name: Value }): void {
  forEachEntry(call, call.params.get('peerings'), 'peerings', (peering, at, count) =>
    declarePeering(call, vnet, peering, at, count),
  );
}

/** The peering module's defaults (`virtual-network-peering/main.bicep`) where the entry leaves a flag out. */
function flags(entry: Value, prefix: string): [string, Value][] {
  const read = (name: string, fallback: boolean): [string, Value] => {
    const own = field(entry, prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name);
    return [name, own ?? fallback];
  };
  return [
    read('allowForwardedTraffic', true),
    read('allowGatewayTransit', false),
    read('allowVirtualNetworkAccess', true),
    read('doNotVerifyRemoteGateways', true),
    read('useRemoteGateways', false),
  ];
}

function declarePeering(
  call: RegistryCall,
  vnet: { id: Value; name: Value },
  peering: Value,
  at: string,
  count: number | 'unknown',
): void {
  const remoteId =
    field(peering, 'remoteVirtualNetworkResourceId') ?? new Unknown(`${call.key}.${at}.remoteVirtualNetworkResourceId`);
  const remoteName = lastSegment(remoteId, `${call.key}.${at}.remote`);
  const localName = field(peering, 'name') ?? concatStrings(['peer-', vnet.name, '-', remoteName]);
  emit(call, {
    type: peeringType,
    name: localName,
    parent: vnet,
    at,
    count,
    properties: makeObject([...flags(peering, ''), ['remoteVirtualNetwork', makeObject([['id', remoteId]])]]),
    ranges: [
      ['properties.remoteVirtualNetwork.id', `${at}.remoteVirtualNetworkResourceId`],
      ['properties.remoteVirtualNetwork', `${at}.remoteVirtualNetworkResourceId`],
      ...['allowForwardedTraffic', 'allowGatewayTransit', 'allowVirtualNetworkAccess', 'useRemoteGateways'].map(
        (flag) => [`properties.${flag}`, `${at}.${flag}`] as const,
      ),
    ],
  });
  // Left out, the module's default (false): no reverse peering. Written false, perhaps by a caller's
  // choice (`remotePeeringEnabled: createHubSide`): off, which the caller choices may open.
  const enabled = field(peering, 'remotePeeringEnabled');
  if (enabled === undefined) return;
  // The reverse peering lives on the remote VNet, in the remote VNet's subscription and group.
  const remoteGroup = typeof remoteId === 'string' ? remoteId.split('/').slice(0, 5).join('/') : undefined;
  const scope = scopeOfResourceGroup(call, remoteGroup ?? remoteId);
  const remoteVnet = emitRemoteParent(remoteId, remoteName);
  emit(call, {
    type: peeringType,
    name: field(peering, 'remotePeeringName') ?? concatStrings(['peer-', remoteName, '-', vnet.name]),
    parent: remoteVnet,
    at,
    count,
    condition: enabled === true ? true : enabled === false ? false : 'unknown',
    properties: makeObject([
      ...flags(peering, 'remotePeering'),
      ['remoteVirtualNetwork', makeObject([['id', vnet.id]])],
    ]),
    ranges: [['properties', `${at}.remotePeeringEnabled`]],
    ...(scope ? { scope } : {}),
  });
}

/** The remote VNet as a parent: its id as the caller wrote it, its name the id's last segment. */
function emitRemoteParent(remoteId: Value, remoteName: Value): { id: Value; name: Value } {
  return { id: remoteId, name: remoteName };
}
