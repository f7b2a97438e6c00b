// Declared shapes of the Microsoft.Network and Private DNS resource types the model and rules read, per API
// version, for the build-time `types.json` (S2 via FACTS §2.1, §3.1, §4.1, §5.1, §8.1).
// Invariants: only versions whose official data the tests read are declared (Network 2020-07-01, 2023-11-01,
// 2025-09-01; Private DNS 2020-06-01, 2024-06-01); version-dependent values come from the facts modules, so
// the official data checks those modules too.
import { peeringFlags, subnetPeeringSince } from './peering';
import { resolutionPolicy } from './private-dns';
import { nextHopIpAddressHopType } from './routes';
import { policySchemaValues } from './subnet-policies';
import { arrayOf, idRef, object, openEnum, type Props, type ResourceDecl } from './type-builder';

export const networkApiVersions = ['2020-07-01', '2023-11-01', '2025-09-01'] as const;
export const privateDnsApiVersions = ['2020-06-01', '2024-06-01'] as const;

const atLeast = (apiVersion: string, since: string) => apiVersion >= since;

function subnetProps(v: string): Props {
  return {
    addressPrefix: 'string',
    addressPrefixes: arrayOf('string'),
    networkSecurityGroup: idRef,
    routeTable: idRef,
    delegations: arrayOf(
      object('Delegation', {
        name: 'string',
        properties: object('ServiceDelegationPropertiesFormat', { serviceName: 'string' }),
      }),
    ),
    privateEndpointNetworkPolicies: openEnum(policySchemaValues('privateEndpointNetworkPolicies', v) ?? []),
    privateLinkServiceNetworkPolicies: openEnum(policySchemaValues('privateLinkServiceNetworkPolicies', v) ?? []),
  };
}

function peeringProps(v: string): Props {
  const props: Record<string, Props[string]> = { remoteVirtualNetwork: idRef };
  for (const flag of peeringFlags) props[flag] = 'bool';
  if (atLeast(v, subnetPeeringSince)) {
    props.peerCompleteVnets = 'bool';
    props.localSubnetNames = arrayOf('string');
    props.remoteSubnetNames = arrayOf('string');
  }
  return props;
}

// Route hop types as the official data lists them per version (S2); VirtualApplianceEcmp is new in 2025-09-01.
function routeProps(v: string): Props {
  const hopTypes = [
    'VirtualNetworkGateway',
    'VnetLocal',
    'Internet',
    nextHopIpAddressHopType,
    ...(atLeast(v, '2025-09-01') ? ['VirtualApplianceEcmp'] : []),
    'None',
  ];
  return {
    addressPrefix: 'string',
    nextHopType: openEnum(hopTypes),
    nextHopIpAddress: {
      shape: 'string',
      description: `Next hop values are only allowed in routes where the next hop type is ${nextHopIpAddressHopType}.`,
    },
  };
}

function connection(name: string): Props[string] {
  return arrayOf(
    object(name, {
      name: 'string',
      properties: object(`${name}Properties`, { privateLinkServiceId: 'string', groupIds: arrayOf('string') }),
    }),
  );
}

function networkDecls(v: string): ResourceDecl[] {
  const props = (o: Props) => object('Properties', o);
  return [
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: v,
      props: {
        location: 'string',
        properties: props({
          addressSpace: object('AddressSpace', { addressPrefixes: arrayOf('string') }),
          dhcpOptions: object('DhcpOptions', { dnsServers: arrayOf('string') }),
          subnets: arrayOf(object('Subnet', { name: 'string', properties: props(subnetProps(v)) })),
          virtualNetworkPeerings: arrayOf(
            object('VirtualNetworkPeering', { name: 'string', properties: props(peeringProps(v)) }),
          ),
        }),
      },
    },
    { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: v, props: { properties: props(subnetProps(v)) } },
    {
      type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      apiVersion: v,
      props: { properties: props(peeringProps(v)) },
    },
    {
      type: 'Microsoft.Network/privateEndpoints',
      apiVersion: v,
      props: {
        location: 'string',
        properties: props({
          subnet: idRef,
          privateLinkServiceConnections: connection('PrivateLinkServiceConnection'),
          manualPrivateLinkServiceConnections: connection('PrivateLinkServiceConnection'),
        }),
      },
    },
    {
      type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
      apiVersion: v,
      props: {
        properties: props({
          privateDnsZoneConfigs: arrayOf(
            object('PrivateDnsZoneConfig', { name: 'string', properties: props({ privateDnsZoneId: 'string' }) }),
          ),
        }),
      },
    },
    { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: v, props: { location: 'string' } },
    {
      type: 'Microsoft.Network/routeTables',
      apiVersion: v,
      props: {
        location: 'string',
        properties: props({ routes: arrayOf(object('Route', { name: 'string', properties: props(routeProps(v)) })) }),
      },
    },
    { type: 'Microsoft.Network/routeTables/routes', apiVersion: v, props: { properties: props(routeProps(v)) } },
    {
      type: 'Microsoft.Network/privateLinkServices',
      apiVersion: v,
      props: {
        location: 'string',
        properties: props({
          ipConfigurations: arrayOf(
            object('PrivateLinkServiceIpConfiguration', { name: 'string', properties: props({ subnet: idRef }) }),
          ),
          loadBalancerFrontendIpConfigurations: arrayOf(idRef),
        }),
      },
    },
  ];
}

function privateDnsDecls(v: string): ResourceDecl[] {
  const linkProps: Record<string, Props[string]> = { virtualNetwork: idRef, registrationEnabled: 'bool' };
  if (atLeast(v, resolutionPolicy.since)) linkProps.resolutionPolicy = openEnum(resolutionPolicy.values);
  return [
    { type: 'Microsoft.Network/privateDnsZones', apiVersion: v, props: { location: 'string' } },
    {
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      apiVersion: v,
      props: { location: 'string', properties: object('VirtualNetworkLinkProperties', linkProps) },
    },
  ];
}

export const networkResourceDecls: readonly ResourceDecl[] = [
  ...networkApiVersions.flatMap(networkDecls),
  ...privateDnsApiVersions.flatMap(privateDnsDecls),
];
