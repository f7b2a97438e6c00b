// Where a VNet's DNS queries go, as far as the model shows: its custom DNS servers, the analysed VNet
// and subnet each server address lies in, and DNS Private Resolvers with their inbound endpoints.
// Invariants: derived from the built model on demand (once per model), never decides a finding;
// an address that several analysed VNets could hold, or that none holds, has no VNet.
import { contains, parseCidr, type Cidr } from '../evaluate/cidr';
import type { ResourceDecl } from '../evaluate/declaration';
import { isArray, isObject, same, type Value } from '../evaluate/value';
import { at } from './property-path';
import { IdIndex, parentIdOf } from './identity';
import { keptOn } from '../evaluate/remembered';
import type {
  DnsResolver,
  DnsServerPlace,
  NetworkModel,
  ResolverInboundEndpoint,
  Subnet,
  VirtualNetwork,
} from './types';

const resolverType = 'microsoft.network/dnsresolvers';
const inboundEndpointType = 'microsoft.network/dnsresolvers/inboundendpoints';

export interface DnsResolvers {
  resolvers: DnsResolver[];
  inboundEndpoints: ResolverInboundEndpoint[];
}

const resolversKey = Symbol('dnsResolvers');

/** The DNS Private Resolvers and inbound endpoints the model's declarations create or refer to. */
export const dnsResolversOf = (model: NetworkModel): DnsResolvers => keptOn(model, resolversKey, readResolvers);

function readResolvers(model: NetworkModel): DnsResolvers {
  const vnets = new IdIndex<VirtualNetwork>();
  for (const vnet of model.vnets) vnets.add(vnet);
  const subnets = new IdIndex<Subnet>();
  for (const subnet of model.subnets) subnets.add(subnet);
  const declared = (entity: { decl: ResourceDecl }) => !entity.decl.existing;
  const resolvers: DnsResolver[] = [];
  const inboundEndpoints: ResolverInboundEndpoint[] = [];
  for (const target of model.targets) {
    const type = target.type.toLowerCase();
    if (type === resolverType) {
      const vnet = at(target.decl.properties, 'virtualNetwork');
      resolvers.push({
        kind: 'dnsResolver',
        key: target.key,
        id: target.id,
        name: target.name,
        decl: target.decl,
        path: target.path,
        vnet: vnet === undefined ? undefined : vnets.resolve(vnet, declared),
        inboundEndpoints: [],
      });
    } else if (type === inboundEndpointType) {
      const configurations = at(target.decl.properties, 'ipConfigurations');
      if (!isArray(configurations)) continue;
      configurations.forEach((configuration, index) => {
        const subnet = at(configuration, 'subnet');
        inboundEndpoints.push({
          kind: 'resolverInboundEndpoint',
          key: `${target.key}#${index}`,
          id: target.id,
          name: target.name,
          decl: target.decl,
          path: `properties.ipConfigurations[${index}]`,
          resolver: undefined,
          subnet: subnet === undefined ? undefined : subnets.resolve(subnet, declared),
          privateIp: staticAddress(configuration),
        });
      });
    }
  }
  const byId = new IdIndex<DnsResolver>();
  for (const resolver of resolvers) byId.add(resolver);
  for (const endpoint of inboundEndpoints) {
    endpoint.resolver = byId.resolve(parentIdOf(endpoint.id), declared);
    if (endpoint.resolver?.resolved) endpoint.resolver.target.inboundEndpoints.push(endpoint);
  }
  return { resolvers, inboundEndpoints };
}

/** A configuration's address when it is certainly static: `Dynamic` (the default) is chosen at deployment. */
function staticAddress(configuration: Value): string | undefined {
  if (!isObject(configuration)) return undefined;
  const method = at(configuration, 'privateIpAllocationMethod');
  const address = at(configuration, 'privateIpAddress');
  if (typeof method !== 'string' || method.toLowerCase() !== 'static') return undefined;
  return typeof address === 'string' ? address : undefined;
}

/**
 * A VNet declaration's DNS servers: `azure-provided` when `dhcpOptions.dnsServers` is absent or empty,
 * the addresses when every entry is known text, undefined when the declaration does not say for certain.
 */
export function declaredDnsServers(vnet: VirtualNetwork): string[] | 'azure-provided' | undefined {
  if (vnet.path !== '' || vnet.decl.existing) return undefined;
  const properties = vnet.decl.properties;
  if (!isObject(properties)) return undefined;
  if (!('dhcpOptions' in properties)) return 'azure-provided';
  const options = properties.dhcpOptions;
  if (!isObject(options)) return undefined;
  if (!('dnsServers' in options)) return 'azure-provided';
  const servers = options.dnsServers;
  if (!isArray(servers)) return undefined;
  if (servers.length === 0) return 'azure-provided';
  if (!servers.every((server): server is string => typeof server === 'string')) return undefined;
  return [...servers];
}

const asHost = (address: string): Cidr | undefined => parseCidr(`${address}/${address.includes(':') ? 128 : 32}`);

const holds = (prefixes: readonly Value[], host: Cidr) =>
  prefixes.some((prefix) => {
    const cidr = typeof prefix === 'string' ? parseCidr(prefix) : undefined;
    return cidr !== undefined && !cidr.hostBitsSet && contains(cidr, host);
  });

/** Where a DNS server address lies: the one analysed VNet (and subnet) that holds it, and a resolver inbound endpoint with that address. */
export function placeOfDnsServer(model: NetworkModel, address: string): DnsServerPlace {
  const place: DnsServerPlace = { address, vnet: undefined, subnet: undefined, inboundEndpoint: undefined };
  const host = asHost(address);
  if (!host) return place;
  const subnets = model.subnets.filter(
    (subnet) => subnet.vnet && !subnet.vnet.decl.existing && holds(subnet.prefixes, host),
  );
  const bySubnet = distinctVnets(subnets.map((subnet) => subnet.vnet!));
  const bySpace = distinctVnets(
    model.vnets.filter(
      (vnet) => !vnet.decl.existing && isArray(vnet.addressPrefixes) && holds(vnet.addressPrefixes, host),
    ),
  );
  const vnets = bySubnet.length > 0 ? bySubnet : bySpace;
  if (vnets.length === 1) {
    place.vnet = vnets[0];
    const inVnet = subnets.filter((subnet) => subnet.vnet && same(subnet.vnet.id, vnets[0].id, true) === true);
    if (inVnet.length === 1) place.subnet = inVnet[0];
  }
  place.inboundEndpoint = dnsResolversOf(model).inboundEndpoints.find((endpoint) => endpoint.privateIp === address);
  return place;
}

/** VNets by identity: several declarations of one VNet (a redeploy) count once. */
function distinctVnets(vnets: readonly VirtualNetwork[]): VirtualNetwork[] {
  const distinct: VirtualNetwork[] = [];
  for (const vnet of vnets) {
    if (!distinct.some((known) => known === vnet || same(known.id, vnet.id, true) === true)) distinct.push(vnet);
  }
  return distinct;
}
