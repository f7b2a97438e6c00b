// Private DNS zones declared through Azure Verified Modules (FACTS §17): `avm/res/network/private-dns-zone`
// with its `virtualNetworkLinks`, and `avm/ptn/network/private-link-private-dns-zones` when the call
// names its zones (its default list is not modelled: those zones stay unseen).
import { isArray, makeObject, Unknown, type Value } from '../value';
import { emit, field, isSet, lastSegment, objectOf, type RegistryCall } from './emit';

const zoneType = 'Microsoft.Network/privateDnsZones';
const linkType = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';

export function declarePrivateDnsZone(call: RegistryCall): { id: Value; name: Value } {
  const params = call.params;
  const name = params.get('name') ?? new Unknown(`${call.key}.params.name`);
  const zone = emit(call, {
    type: zoneType,
    name,
    location: params.get('location') ?? 'global',
    at: '',
    properties: makeObject([]),
    ranges: [
      ['name', 'name'],
      ['location', 'location'],
    ],
  });
  declareLinks(call, zone, params.get('virtualNetworkLinks'), 'virtualNetworkLinks', 1);
  return zone;
}

function declareLinks(
  call: RegistryCall,
  zone: { id: Value; name: Value },
  links: Value | undefined,
  at: string,
  zoneCount: number | 'unknown',
): void {
  if (!isArray(links) && !isSet(links)) return;
  if (!isArray(links)) {
    declareLink(call, zone, new Unknown(`${call.key}.${at}[]`), at, 'unknown');
    return;
  }
  if (links.length === 0) {
    // Written empty, perhaps by a caller's choice (`linkZone ? [ … ] : []`): a link that is off, to a
    // VNet not known, which the caller choices may open (engine/caller-choices.ts).
    emit(call, {
      type: linkType,
      name: new Unknown(`${call.key}.${at}[].name`),
      parent: zone,
      location: 'global',
      at,
      count: zoneCount,
      condition: false,
      properties: makeObject([
        ['virtualNetwork', makeObject([['id', new Unknown(`${call.key}.${at}[].virtualNetworkResourceId`)]])],
      ]),
    });
    return;
  }
  links.forEach((link, index) => declareLink(call, zone, link, `${at}[${index}]`, zoneCount));
}

function declareLink(
  call: RegistryCall,
  zone: { id: Value; name: Value },
  link: Value,
  at: string,
  count: number | 'unknown',
): void {
  const vnetId = field(link, 'virtualNetworkResourceId') ?? new Unknown(`${call.key}.${at}.virtualNetworkResourceId`);
  const vnetName = lastSegment(vnetId, `${call.key}.${at}.vnet`);
  const name =
    field(link, 'name') ??
    (typeof vnetName === 'string' ? `${vnetName}-vnetlink` : new Unknown(`${call.key}.${at}.name`));
  emit(call, {
    type: linkType,
    name,
    parent: zone,
    location: field(link, 'location') ?? 'global',
    at,
    count,
    properties: objectOf([
      ['virtualNetwork', makeObject([['id', vnetId]])],
      ['registrationEnabled', field(link, 'registrationEnabled') ?? false],
      ['resolutionPolicy', field(link, 'resolutionPolicy')],
    ]),
    ranges: [
      ['properties.virtualNetwork.id', `${at}.virtualNetworkResourceId`],
      ['properties.virtualNetwork', `${at}.virtualNetworkResourceId`],
      ['properties.registrationEnabled', `${at}.registrationEnabled`],
      ['location', `${at}.location`],
    ],
  });
}

/**
 * The pattern module with an explicit `privateLinkPrivateDnsZones` list of plain zone names (no
 * `{regionName}` placeholders): each zone, linked to every `virtualNetworkLinks` entry (or the
 * deprecated `virtualNetworkResourceIdsToLinkTo`). Returns false when the zones cannot be named.
 */
export function declareDnsZonesPattern(call: RegistryCall): boolean {
  const params = call.params;
  const zones = params.get('privateLinkPrivateDnsZones');
  const excluded = params.get('privateLinkPrivateDnsZonesToExclude');
  const extra = params.get('additionalPrivateLinkPrivateDnsZonesToInclude') ?? [];
  if (!isArray(zones) || !isArray(extra) || (excluded !== undefined && !isArray(excluded))) return false;
  const names = [...zones, ...extra];
  if (!names.every((name) => typeof name === 'string' && !name.includes('{'))) return false;
  const skip = new Set(
    (excluded ?? []).filter((name): name is string => typeof name === 'string').map((name) => name.toLowerCase()),
  );
  const links =
    params.get('virtualNetworkLinks') ??
    (isArray(params.get('virtualNetworkResourceIdsToLinkTo'))
      ? (params.get('virtualNetworkResourceIdsToLinkTo') as Value[]).map((id) =>
          makeObject([['virtualNetworkResourceId', id]]),
        )
      : params.get('virtualNetworkResourceIdsToLinkTo'));
  const linksAt =
    params.get('virtualNetworkLinks') !== undefined ? 'virtualNetworkLinks' : 'virtualNetworkResourceIdsToLinkTo';
  names.forEach((name, index) => {
    if (skip.has((name as string).toLowerCase())) return;
    const at =
      index < zones.length
        ? `privateLinkPrivateDnsZones[${index}]`
        : `additionalPrivateLinkPrivateDnsZonesToInclude[${index - zones.length}]`;
    const zone = emit(call, { type: zoneType, name, location: 'global', at, properties: makeObject([]) });
    declareLinks(call, zone, links, linksAt, 1);
  });
  return true;
}
