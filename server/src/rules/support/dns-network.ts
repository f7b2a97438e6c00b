// What the DNS link rules know about zones, links and VNets: which zone groups certainly use a zone,
// which VNets may be linked to it, which VNets use Azure-provided DNS, which are peered both ways.
// Invariants: "certainly" answers come only from known values and certainly deployed declarations;
// every "may" answer is true whenever the model cannot rule it out, so it can only silence a rule.
import { azureProvidedDnsAddress, isPrivatelinkZoneName, type Cloud } from '../../facts';
import {
  at,
  CertainlySameIds,
  declaredDnsServers,
  isObject,
  keptOn,
  parentIdOf,
  PartialString,
  same,
  type NetworkModel,
  type Peering,
  type PrivateDnsZone,
  type PrivateEndpoint,
  type Value,
  type VirtualNetwork,
  type VnetLink,
  type ZoneGroup,
} from '../../model';
import { certainlyCreatedAsOne, knownArray, knownString } from './certain';
import { endpointDns } from './dns-endpoint';
import { groupCandidatesFor, linkCandidatesFor, modelMemo, vnetCandidatesFor, zoneLinksOf } from './model-lookups';

/** Two ids (or id values) name the same resource for certain. */
export function sameId(a: Value | undefined, b: Value | undefined): boolean {
  return a !== undefined && b !== undefined && same(a, b, true) === true;
}

/** Two ids may name the same resource (unknown parts could make them equal). */
export function mayBeSameId(a: Value | undefined, b: Value | undefined): boolean {
  return a === undefined || b === undefined || same(a, b, true) !== false;
}

/** A zone group that certainly writes records into `zone`, with its endpoint when known. */
export interface ZoneUse {
  group: ZoneGroup;
  endpoint: PrivateEndpoint | undefined;
}

/**
 * The certainly deployed zone groups whose config points at `zone`, leaving out groups of endpoints
 * that pe-group-id-invalid silences (DESIGN §3: it silences every DNS rule for that endpoint).
 */
export function zoneUses(model: NetworkModel, zone: PrivateDnsZone, cloud: Cloud): ZoneUse[] {
  const uses: ZoneUse[] = [];
  for (const group of groupCandidatesFor(model, zone)) {
    if (!certainlyCreatedAsOne(group.decl)) continue;
    if (!group.configs.some((config) => config.zone?.resolved && sameId(config.zone.target.id, zone.id))) continue;
    const endpoint = group.endpoint?.resolved ? group.endpoint.target : undefined;
    if (endpoint && endpointDns(model, endpoint, cloud).groupIdInvalid) continue;
    uses.push({ group, endpoint });
  }
  return uses;
}

/**
 * The zones the link rules judge: privatelink zones (FACTS §1) with a known name, each certainly created as
 * one resource (a loop's zones or a maybe-deployed one could be linked by a declaration the rule cannot pair).
 */
export function privatelinkZones(model: NetworkModel): { zone: PrivateDnsZone; name: string }[] {
  const zones: { zone: PrivateDnsZone; name: string }[] = [];
  for (const zone of model.dnsZones) {
    if (!certainlyCreatedAsOne(zone.decl)) continue;
    const name = knownString(zone.name);
    if (name !== undefined && isPrivatelinkZoneName(name)) zones.push({ zone, name });
  }
  return zones;
}

/** The links that may belong to `zone`: its resolved links and links whose zone could be it. */
export function linksMaybeOf(model: NetworkModel, zone: PrivateDnsZone): VnetLink[] {
  return zoneLinksOf(model, zone, (link) => belongsMaybe(link, zone)).links;
}

function belongsMaybe(link: VnetLink, zone: PrivateDnsZone): boolean {
  return link.zone?.resolved ? sameId(link.zone.target.id, zone.id) : mayBeSameId(parentIdOf(link.id), zone.id);
}

/** Links that may join `zone` to `vnet` (a superset, from the model's lookups; the caller compares). */
export function linkCandidatesBetween(
  model: NetworkModel,
  zone: PrivateDnsZone,
  vnet: VirtualNetwork,
): readonly VnetLink[] {
  return linkCandidatesFor(
    zoneLinksOf(model, zone, (link) => belongsMaybe(link, zone)),
    vnet,
  );
}

/** Whether some link (deployed or maybe) may connect `zone` to `vnet`. */
export function mayBeLinked(model: NetworkModel, zone: PrivateDnsZone, vnet: VirtualNetwork): boolean {
  return linkCandidatesFor(
    zoneLinksOf(model, zone, (link) => belongsMaybe(link, zone)),
    vnet,
  ).some((link) => {
    if (!link.vnet) return true;
    return link.vnet.resolved ? sameId(link.vnet.target.id, vnet.id) : mayBeSameId(link.vnet.value, vnet.id);
  });
}

/**
 * Whether a VNet uses Azure-provided DNS (DESIGN §3: `dhcpOptions.dnsServers` absent or empty): true
 * only when every declaration of that VNet says so for certain (a template may declare a VNet first
 * and redeploy it later with the DNS servers of a firewall or resolver it has created meanwhile).
 */
export function usesAzureProvidedDns(model: NetworkModel, vnet: VirtualNetwork): boolean | 'unknown' {
  // Asked of a hub once per endpoint behind each spoke and zone: answered once per model.
  const answers = modelMemo<VirtualNetwork, boolean | 'unknown'>(model, 'usesAzureProvidedDns');
  let answer = answers.get(vnet);
  if (answer === undefined) answers.set(vnet, (answer = declaredDnsOfAll(model, vnet)));
  return answer;
}

function declaredDnsOfAll(model: NetworkModel, vnet: VirtualNetwork): boolean | 'unknown' {
  // An `existing` declaration sets nothing; the declarations that create the VNet decide.
  const answers = vnetCandidatesFor(model, vnet.id)
    .filter((other) => (other === vnet || sameId(other.id, vnet.id)) && !other.decl.existing)
    .map(declaredAzureDns);
  if (answers.length === 0) return 'unknown';
  if (answers.includes(false)) return false;
  return answers.every((answer) => answer === true) ? true : 'unknown';
}

const rulesetLinkType = 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks';
const forwardingRuleType = 'microsoft.network/dnsforwardingrulesets/forwardingrules';

interface Rulesets {
  /** Each link: its ruleset's id and the VNet it links. */
  links: { ruleset: Value | undefined; vnet: Value | undefined }[];
  /** Each forwarding rule: its ruleset's id, its domain (lower case, no final dot) and whether it may be on. */
  rules: { ruleset: Value | undefined; domain: string | undefined; mayBeOn: boolean }[];
}

function rulesetsOf(model: NetworkModel): Rulesets {
  const memo = modelMemo<NetworkModel, Rulesets>(model, 'forwardingRulesets');
  let found = memo.get(model);
  if (!found) {
    found = { links: [], rules: [] };
    for (const decl of model.declarations) {
      if (decl.condition === false) continue;
      const type = decl.type.toLowerCase();
      const properties = isObject(decl.properties) ? decl.properties : undefined;
      if (type === rulesetLinkType)
        found.links.push({ ruleset: parentIdOf(decl.id), vnet: properties && at(properties, 'virtualNetwork.id') });
      else if (type === forwardingRuleType) {
        const domain = properties && at(properties, 'domainName');
        const state = properties && at(properties, 'forwardingRuleState');
        found.rules.push({
          ruleset: parentIdOf(decl.id),
          domain: typeof domain === 'string' ? domain.toLowerCase().replace(/\.+$/, '') : undefined,
          mayBeOn: typeof state !== 'string' || state.toLowerCase() !== 'disabled',
        });
      }
    }
    memo.set(model, found);
  }
  return found;
}

/**
 * Whether a DNS forwarding ruleset that may be linked to the VNet may send the zone's names elsewhere
 * (FACTS says nothing of rulesets, so such a VNet is not judged on its links to the zone): a rule that
 * may be on for the zone, its public name or a parent domain of either, a rule whose domain is not
 * known, or a ruleset none of whose rules the analysed files hold.
 */
export function rulesetMayForward(model: NetworkModel, vnet: VirtualNetwork, zoneName: string): boolean {
  const { links, rules } = rulesetsOf(model);
  if (links.length === 0) return false;
  const names = [zoneName.toLowerCase()];
  if (names[0].startsWith('privatelink.')) names.push(names[0].slice('privatelink.'.length));
  const covers = (domain: string | undefined) =>
    domain === undefined || domain === '' || names.some((name) => name === domain || name.endsWith(`.${domain}`));
  return links.some((link) => {
    if (!mayBeSameId(link.vnet, vnet.id)) return false;
    const own = rules.filter((rule) => mayBeSameId(rule.ruleset, link.ruleset));
    return own.length === 0 || own.some((rule) => rule.mayBeOn && covers(rule.domain));
  });
}

function declaredAzureDns(vnet: VirtualNetwork): boolean | 'unknown' {
  if (vnet.path !== '') return 'unknown';
  const properties = vnet.decl.properties;
  if (!isObject(properties)) return 'unknown';
  if (!('dhcpOptions' in properties)) return true;
  const options = properties.dhcpOptions;
  if (!isObject(options)) return 'unknown';
  if (!('dnsServers' in options)) return true;
  const servers = knownArray(at(options, 'dnsServers'));
  if (servers === undefined) return 'unknown';
  return servers.every((server) => server === azureProvidedDnsAddress);
}

/**
 * A VNet declaration's DNS servers (model declaredDnsServers), with a list of only Azure-provided DNS's
 * own address read as Azure-provided: FACTS §5.2 names 168.63.129.16 as that service.
 */
export function dnsServersOf(vnet: VirtualNetwork): string[] | 'azure-provided' | undefined {
  const servers = declaredDnsServers(vnet);
  return Array.isArray(servers) && servers.every((server) => server === azureProvidedDnsAddress)
    ? 'azure-provided'
    : servers;
}

/** VNets peered with `vnet` in both directions, each peering certainly deployed (DESIGN §3 "Peered"). */
export function peeredBothWays(vnet: VirtualNetwork): VirtualNetwork[] {
  const found: VirtualNetwork[] = [];
  const seen = new CertainlySameIds<VirtualNetwork>();
  for (const peering of vnet.peerings) {
    if (!certainlyCreatedAsOne(peering.decl) || !peering.remote?.resolved) continue;
    const remote = peering.remote.target;
    if (sameId(remote.id, vnet.id) || holdsSameVnet(seen, remote)) continue;
    if (!peeredBack(remote, vnet)) continue;
    found.push(remote);
    seen.add(remote.id, remote);
  }
  return found;
}

/** Whether `remote` has a certainly deployed peering back to `vnet`. */
function peeredBack(remote: VirtualNetwork, vnet: VirtualNetwork): boolean {
  for (const reverse of peeringsTo(remote).candidates(vnet.id))
    if (reverse.remote?.resolved && sameId(reverse.remote.target.id, vnet.id)) return true;
  return false;
}

interface CertainPeerings {
  count: number;
  byRemote: CertainlySameIds<Peering>;
}

const certainPeeringsKey = Symbol('certainPeerings');

/** A VNet's certainly deployed peerings with a resolved remote, by the remote's id (built again when it has more). */
const peeringsTo = (vnet: VirtualNetwork): CertainlySameIds<Peering> =>
  keptOn(vnet, certainPeeringsKey, certainPeeringsOf, (known) => known.count === vnet.peerings.length).byRemote;

function certainPeeringsOf(vnet: VirtualNetwork): CertainPeerings {
  const byRemote = new CertainlySameIds<Peering>();
  for (const peering of vnet.peerings) {
    if (certainlyCreatedAsOne(peering.decl) && peering.remote?.resolved)
      byRemote.add(peering.remote.target.id, peering);
  }
  return { count: vnet.peerings.length, byRemote };
}

/** The VNet of an endpoint, when its subnet and the subnet's VNet are both resolved. */
export function endpointVnet(endpoint: PrivateEndpoint): VirtualNetwork | undefined {
  return endpoint.subnet?.resolved ? endpoint.subnet.target.vnet : undefined;
}

/** A zone use whose endpoint is certainly created as one in a known VNet, and the VNets whose clients resolve it. */
export interface ZoneClients extends ZoneUse {
  endpoint: PrivateEndpoint;
  /** The endpoint's VNet. */
  home: VirtualNetwork;
  /** `home`, then the VNets peered with it both ways (FACTS §5.2: clients there resolve the endpoint too). */
  vnets: VirtualNetwork[];
}

/** The uses of `zone` (zoneUses) whose endpoint is certain and placed, each with the VNets of its clients. */
export function zoneClients(model: NetworkModel, zone: PrivateDnsZone, cloud: Cloud): readonly ZoneClients[] {
  // Two link rules walk each zone's clients: found once per model and cloud, and only read.
  const answers = modelMemo<PrivateDnsZone, ZoneClients[]>(model, 'zoneClients', cloud);
  let answer = answers.get(zone);
  if (!answer) answers.set(zone, (answer = findZoneClients(model, zone, cloud)));
  return answer;
}

function findZoneClients(model: NetworkModel, zone: PrivateDnsZone, cloud: Cloud): ZoneClients[] {
  const found: ZoneClients[] = [];
  for (const use of zoneUses(model, zone, cloud)) {
    const endpoint = use.endpoint;
    const home = endpoint && certainlyCreatedAsOne(endpoint.decl) ? endpointVnet(endpoint) : undefined;
    if (!endpoint || !home) continue;
    const vnets = peeredBothWays(home);
    vnets.unshift(home);
    found.push({ group: use.group, endpoint, home, vnets });
  }
  return found;
}

/** Whether `seen` holds a VNet certainly the same as `vnet`. */
export function holdsSameVnet(seen: CertainlySameIds<VirtualNetwork>, vnet: VirtualNetwork): boolean {
  return seen.candidates(vnet.id).some((known) => sameId(known.id, vnet.id));
}

/**
 * The name of the zone a link belongs to: the resolved zone's known name, else the first segment of
 * the link's full name (`zone/link`) when it is literal text.
 */
export function zoneNameOfLink(link: VnetLink): string | undefined {
  if (link.zone?.resolved) {
    const name = knownString(link.zone.target.name);
    if (name !== undefined) return name;
  }
  const name = link.decl.name;
  const head = typeof name === 'string' ? name : name instanceof PartialString ? name.parts[0] : undefined;
  if (typeof head !== 'string' || !head.includes('/')) return undefined;
  return head.slice(0, head.indexOf('/'));
}
