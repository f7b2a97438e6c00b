// Private endpoints declared through Azure Verified Modules (FACTS §17): the `privateEndpoints`
// entries of any `avm/res` module, and calls of `avm/res/network/private-endpoint` itself. Each
// endpoint (and its zone group) lands at the entry or parameter the user wrote.
import { concatStrings, isArray, makeObject, Unknown, type ObjectValue, type Value } from '../value';
import type { DeploymentScope } from '../scope';
import { declareZoneGroup, groupRequest, zoneGroupOfEntry, type ZoneGroupRequest } from './avm-zone-groups';
import { emit, field, forEachEntry, objectOf, scopeOfResourceGroup, type RegistryCall } from './emit';

const endpointType = 'Microsoft.Network/privateEndpoints';

/** The main resource of a resource module, as its endpoints point at it. */
export interface EndpointTarget {
  id: Value;
  name: Value;
  defaultService: string | undefined;
}

/** Declares one endpoint per `privateEndpoints` entry (one of unknown count when the list is unknown). */
export function declareEntryEndpoints(call: RegistryCall, target: EndpointTarget): void {
  forEachEntry(call, call.params.get('privateEndpoints'), 'privateEndpoints', (entry, at, count, index) =>
    declareEntry(call, target, entry, at, index, count),
  );
}

function declareEntry(
  call: RegistryCall,
  target: EndpointTarget,
  entry: Value,
  at: string,
  index: number | undefined,
  count: number | 'unknown',
): void {
  const service = field(entry, 'service') ?? target.defaultService ?? new Unknown(`${call.key}.${at}.service`);
  const manual = field(entry, 'isManualConnection');
  const connection = makeObject([
    ['name', field(entry, 'privateLinkServiceConnectionName') ?? new Unknown(`${call.key}.${at}.connectionName`)],
    [
      'properties',
      objectOf([
        ['privateLinkServiceId', target.id],
        ['groupIds', [service]],
        ['requestMessage', manual === true ? field(entry, 'manualConnectionRequestMessage') : undefined],
      ]),
    ],
  ]);
  // Every module names an unnamed endpoint `pep-<resource name>-<service>-<index>`.
  const name =
    field(entry, 'name') ??
    (index === undefined
      ? new Unknown(`${call.key}.${at}.name`)
      : concatStrings(['pep-', target.name, '-', service, `-${index}`]));
  const serviceRange = `${at}.service`;
  declareEndpoint(call, {
    at,
    name,
    // FACTS §17 does not say where a module places an endpoint whose entry names no region (the
    // module's own `location` is the main resource's): unknown, so no rule compares it.
    location: field(entry, 'location') ?? new Unknown(`${call.key}.${at}.location`, 'region'),
    scope: scopeOfResourceGroup(call, field(entry, 'resourceGroupResourceId')),
    subnetId: field(entry, 'subnetResourceId') ?? new Unknown(`${call.key}.${at}.subnetResourceId`),
    // An unknown `isManualConnection` leaves the approval unknown, not the target or group ids, which
    // are what the rules read: the connection is modelled as automatic.
    connections: manual === true ? { manual: [connection] } : { automatic: [connection] },
    zoneGroup: zoneGroupOfEntry(entry),
    zoneGroupAt:
      field(entry, 'privateDnsZoneGroup') !== undefined
        ? `${at}.privateDnsZoneGroup`
        : `${at}.privateDnsZoneResourceIds`,
    customDnsConfigs: field(entry, 'customDnsConfigs'),
    ipConfigurations: field(entry, 'ipConfigurations'),
    count,
    ranges: [
      ['properties.subnet.id', `${at}.subnetResourceId`],
      ['properties.subnet', `${at}.subnetResourceId`],
      ['properties.privateLinkServiceConnections[0].properties.groupIds', serviceRange],
      ['properties.manualPrivateLinkServiceConnections[0].properties.groupIds', serviceRange],
      ['location', `${at}.location`],
    ],
  });
}

interface EndpointSpec {
  at: string;
  name: Value;
  location: Value;
  scope: DeploymentScope | undefined;
  subnetId: Value;
  /** Connections as written: automatic or manual. */
  connections: { automatic: Value } | { manual: Value };
  zoneGroup: ZoneGroupRequest;
  /** Parameter path of the zone group request (for ranges). */
  zoneGroupAt: string;
  customDnsConfigs: Value | undefined;
  ipConfigurations: Value | undefined;
  count: number | 'unknown';
  ranges: ReadonlyArray<readonly [string, string]>;
}

function declareEndpoint(call: RegistryCall, spec: EndpointSpec): void {
  const connections: [string, Value | undefined][] =
    'automatic' in spec.connections
      ? [['privateLinkServiceConnections', spec.connections.automatic]]
      : [['manualPrivateLinkServiceConnections', spec.connections.manual]];
  const properties: ObjectValue = objectOf([
    ['subnet', makeObject([['id', spec.subnetId]])],
    ...connections,
    ['customDnsConfigs', spec.customDnsConfigs],
    ['ipConfigurations', spec.ipConfigurations],
  ]);
  const endpoint = emit(call, {
    type: endpointType,
    name: spec.name,
    location: spec.location,
    properties,
    at: spec.at,
    count: spec.count,
    ranges: spec.ranges,
    ...(spec.scope ? { scope: spec.scope } : {}),
  });
  declareZoneGroup(call, endpoint, spec.zoneGroup, spec.zoneGroupAt, spec.count);
}

/**
 * `avm/res/network/private-endpoint` (0.7.0 and later): the endpoint's ARM connections are passed
 * as written; the zone group comes from `privateDnsZoneGroup`.
 */
export function declarePrivateEndpointModule(call: RegistryCall): { id: Value; name: Value } {
  const params = call.params;
  const name = params.get('name') ?? new Unknown(`${call.key}.params.name`);
  const [automatic, manual] = connectionParams(call);
  const group = params.get('privateDnsZoneGroup');
  const properties = objectOf([
    [
      'subnet',
      makeObject([['id', params.get('subnetResourceId') ?? new Unknown(`${call.key}.params.subnetResourceId`)]]),
    ],
    ['privateLinkServiceConnections', automatic ?? []],
    ['manualPrivateLinkServiceConnections', manual ?? []],
    ['customDnsConfigs', params.get('customDnsConfigs')],
    ['ipConfigurations', params.get('ipConfigurations')],
  ]);
  const location = params.get('location') ?? call.scope.location;
  const endpoint = emit(call, {
    type: endpointType,
    name,
    location,
    properties,
    at: '',
    ranges: [
      ['properties.subnet.id', 'subnetResourceId'],
      ['properties.subnet', 'subnetResourceId'],
      ['properties.privateLinkServiceConnections', 'privateLinkServiceConnections'],
      ['properties.manualPrivateLinkServiceConnections', 'manualPrivateLinkServiceConnections'],
      ['location', 'location'],
      ...prefixRanges(call, 'properties.privateLinkServiceConnections', 'privateLinkServiceConnections'),
    ],
  });
  const request = groupRequest(group);
  declareZoneGroup(call, endpoint, request, 'privateDnsZoneGroup', 1);
  return endpoint;
}

/**
 * The module's two connection lists. Resource modules pass the same connection to one or the other
 * by `isManualConnection ? … : …`; when that is unknown, the connection (its target and group ids,
 * which are the same either way) is modelled as automatic, since only the approval differs.
 */
function connectionParams(call: RegistryCall): [Value | undefined, Value | undefined] {
  const automatic = call.params.get('privateLinkServiceConnections');
  const manual = call.params.get('manualPrivateLinkServiceConnections');
  const either = (branches: readonly [Value, Value] | undefined) => {
    const filled = branches?.filter((branch) => isArray(branch) && branch.length > 0);
    return filled?.length === 1 &&
      branches!.some((branch) => branch === null || (isArray(branch) && branch.length === 0))
      ? filled[0]
      : undefined;
  };
  const automaticEither = either(call.params.branches('privateLinkServiceConnections'));
  const manualEither = either(call.params.branches('manualPrivateLinkServiceConnections'));
  if (automaticEither !== undefined && (manual === undefined || manualEither !== undefined))
    return [automaticEither, undefined];
  if (manualEither !== undefined && automatic === undefined) return [manualEither, undefined];
  return [automatic, manual];
}

/** Range pairs for the first few items under a parameter path that maps one to one onto a property path. */
function prefixRanges(call: RegistryCall, declPrefix: string, paramPrefix: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index < 5; index += 1) {
    for (const rest of ['', '.properties', '.properties.groupIds', '.properties.privateLinkServiceId']) {
      const paramPath = `${paramPrefix}[${index}]${rest}`;
      if (call.params.range(paramPath)) pairs.push([`${declPrefix}[${index}]${rest}`, paramPath]);
    }
  }
  return pairs;
}
