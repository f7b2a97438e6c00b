// Private DNS zone groups of endpoints declared through Azure Verified Modules (FACTS §17): what an entry's
// `privateDnsZoneGroup` (or older `privateDnsZoneResourceIds`) asks for, and the zone group resource it makes.
// Invariant: an unknown request declares a maybe-group (it keeps "missing" silent; its zones are never judged);
// no request (absent, `null`, no configs) declares a group that is off: in no model, but the caller's choices
// may turn it on (engine/caller-choices.ts), as `privateDnsZoneGroup: empty(zoneId) ? null : {…}` does with
// zoneId's default '' when the caller passes a zone.
import { isArray, isObject, makeObject, Unknown, type Tri, type Value } from '../value';
import { emit, field, lastSegment, type RegistryCall } from './emit';

const zoneGroupType = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';

/**
 * The zone group an entry asks for: the current `privateDnsZoneGroup` or the older flat
 * `privateDnsZoneResourceIds` (FACTS §17: both shapes are read). Unknown: maybe; absent, `null` or
 * empty: off.
 */
export function zoneGroupOfEntry(entry: Value): ZoneGroupRequest {
  const group = field(entry, 'privateDnsZoneGroup');
  if (group !== undefined) return groupRequest(group);
  const ids = field(entry, 'privateDnsZoneResourceIds');
  if (ids === undefined) return 'off';
  if (isArray(ids))
    return ids.length === 0
      ? 'off'
      : { name: undefined, configs: ids.map((id) => ({ zoneId: id, name: undefined, path: '' })), configsPath: '' };
  return 'unknown';
}

export type ZoneGroupRequest =
  | 'unknown'
  | 'off'
  | {
      name: Value | undefined;
      configs: { zoneId: Value; name: Value | undefined; path: string }[];
      configsPath: string;
    };

export function groupRequest(group: Value | undefined): ZoneGroupRequest {
  if (group === undefined || group === null) return 'off';
  const configs = field(group, 'privateDnsZoneGroupConfigs');
  if (!isObject(group) || (configs !== undefined && !isArray(configs))) return 'unknown';
  if (!configs || configs.length === 0) return 'off';
  return {
    name: field(group, 'name'),
    configs: configs.map((config, index) => ({
      zoneId: field(config, 'privateDnsZoneResourceId') ?? new Unknown(`zoneConfig[${index}].privateDnsZoneResourceId`),
      name: field(config, 'name'),
      path: `.privateDnsZoneGroupConfigs[${index}].privateDnsZoneResourceId`,
    })),
    configsPath: '.privateDnsZoneGroupConfigs',
  };
}

/**
 * Declares the zone group `request` asks for under `endpoint`, at the parameter path `at` (for ranges), with
 * the endpoint's count; a maybe-group for an unknown request.
 */
export function declareZoneGroup(
  call: RegistryCall,
  endpoint: { id: Value; name: Value },
  request: ZoneGroupRequest,
  at: string,
  count: number | 'unknown',
): void {
  const parent = { id: endpoint.id, name: endpoint.name };
  if (request === 'unknown' || request === 'off') {
    // Maybe a zone group: enough to keep "missing" silent, never enough to judge its zones. Off: in
    // no model, but the caller's choices may make it a maybe-group (the same place, opened).
    emit(call, {
      type: zoneGroupType,
      name: new Unknown(`${call.key}.${at}.name`),
      parent,
      at: at,
      count: count,
      condition: (request === 'off' ? false : 'unknown') as Tri,
      properties: makeObject([['privateDnsZoneConfigs', new Unknown(`${call.key}.${at}.configs`)]]),
    });
    return;
  }
  const configs = request.configs.map((config) =>
    makeObject([
      ['name', config.name ?? lastSegment(config.zoneId, `${call.key}.${at}${config.path}`)],
      ['properties', makeObject([['privateDnsZoneId', config.zoneId]])],
    ]),
  );
  emit(call, {
    type: zoneGroupType,
    name: request.name ?? 'default',
    parent,
    at: at,
    count: count,
    properties: makeObject([['privateDnsZoneConfigs', configs]]),
    ranges: request.configs.map(
      (config, index) =>
        [`properties.privateDnsZoneConfigs[${index}].properties.privateDnsZoneId`, `${at}${config.path}`] as const,
    ),
  });
}
