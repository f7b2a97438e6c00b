// The network model: typed entities built from evaluated resource declarations, with references
// resolved by identity. Invariant: a reference is either resolved to an entity of the set, or
// unresolved with its reason; nothing here decides whether something is wrong (rules do).
import type { ResourceDecl } from '../evaluate/declaration';
import type { Value } from '../evaluate/value';

export type Unresolved = { resolved: false; value: Value; reason: 'outside' | 'unknown' };
export type Reference<T> = { resolved: true; target: T; value: Value } | Unresolved;

interface EntityBase {
  /** Unique within a model: the canonical id's key, or the declaration's place for inline parts. */
  key: string;
  id: Value;
  name: Value;
  /** The declaration that creates (or, for inline parts, contains) the entity. */
  decl: ResourceDecl;
  /** Path inside the declaration for inline parts (`properties.subnets[1]`), '' for resources. */
  path: string;
}

export interface VirtualNetwork extends EntityBase {
  kind: 'vnet';
  location: Value | undefined;
  /** `addressSpace.addressPrefixes`; undefined when the declaration does not say (e.g. `existing`). */
  addressPrefixes: Value | undefined;
  /** `dhcpOptions.dnsServers`, undefined when absent (Azure-provided DNS). */
  dnsServers: Value | undefined;
  subnets: Subnet[];
  peerings: Peering[];
  /** Whether the VNet also declares `properties.subnets` inline. */
  declaresInlineSubnets: boolean;
}

export interface Subnet extends EntityBase {
  kind: 'subnet';
  vnet: VirtualNetwork | undefined;
  inline: boolean;
  /** The subnet's own properties object. */
  properties: Value;
  /** Path of `properties` relative to the declaration ('' for a child subnet resource). */
  propertiesPath: string;
  prefixes: Value[];
  nsg: Reference<NetworkSecurityGroup> | undefined;
  routeTable: Reference<RouteTable> | undefined;
  privateEndpoints: PrivateEndpoint[];
}

export interface Peering extends EntityBase {
  kind: 'peering';
  local: VirtualNetwork | undefined;
  remote: Reference<VirtualNetwork> | undefined;
  inline: boolean;
  properties: Value;
  propertiesPath: string;
}

export interface PrivateLinkConnection {
  path: string;
  manual: boolean;
  targetId: Value;
  /** A PaaS target or a Private Link service of the analysed files. */
  target: Reference<Target | PrivateLinkService> | undefined;
  groupIds: Value;
}

export interface PrivateEndpoint extends EntityBase {
  kind: 'privateEndpoint';
  location: Value | undefined;
  subnet: Reference<Subnet> | undefined;
  connections: PrivateLinkConnection[];
  zoneGroups: ZoneGroup[];
}

export interface ZoneConfig {
  path: string;
  zoneId: Value;
  zone: Reference<PrivateDnsZone> | undefined;
}

export interface ZoneGroup extends EntityBase {
  kind: 'zoneGroup';
  endpoint: Reference<PrivateEndpoint> | undefined;
  configs: ZoneConfig[];
}

export interface PrivateDnsZone extends EntityBase {
  kind: 'dnsZone';
  location: Value | undefined;
  links: VnetLink[];
  existing: boolean;
}

export interface VnetLink extends EntityBase {
  kind: 'vnetLink';
  zone: Reference<PrivateDnsZone> | undefined;
  vnet: Reference<VirtualNetwork> | undefined;
  location: Value | undefined;
  registrationEnabled: Value | undefined;
}

export interface NetworkSecurityGroup extends EntityBase {
  kind: 'nsg';
}

export interface RouteTable extends EntityBase {
  kind: 'routeTable';
  /** Inline routes (decl = the table's) and child route resources (decl = the route's own). */
  routes: { decl: ResourceDecl; path: string; properties: Value; name: Value }[];
}

export interface PrivateLinkService extends EntityBase {
  kind: 'privateLinkService';
  /** Subnets of the service's ipConfigurations (its NAT IPs). */
  subnets: { path: string; subnet: Reference<Subnet> }[];
}

export interface VnetGateway extends EntityBase {
  kind: 'vnetGateway';
  subnets: Reference<Subnet>[];
}

/** A resource a private endpoint can point at (storage, Key Vault, ...; any declared resource). */
export interface Target extends EntityBase {
  kind: 'target';
  type: string;
  properties: Value;
}

// --- DNS as it resolves (issue 17: dns-custom-server-unlinked, the resolution explainer) ---
// Derived from the model on demand (model/dns-servers.ts), not built with it: the builder keeps
// Microsoft.Network/dnsResolvers and their inbound endpoints among `targets`.

/** A `Microsoft.Network/dnsResolvers` resource and the VNet it serves. */
export interface DnsResolver extends EntityBase {
  kind: 'dnsResolver';
  vnet: Reference<VirtualNetwork> | undefined;
  inboundEndpoints: ResolverInboundEndpoint[];
}

/** One IP configuration of a `dnsResolvers/inboundEndpoints` resource: where custom DNS servers can point. */
export interface ResolverInboundEndpoint extends EntityBase {
  kind: 'resolverInboundEndpoint';
  resolver: Reference<DnsResolver> | undefined;
  subnet: Reference<Subnet> | undefined;
  /** The static private IP, when `privateIpAllocationMethod` is `Static` and the address is known. */
  privateIp: string | undefined;
}

/** Where one custom DNS server address of a VNet lies in the analysed set. */
export interface DnsServerPlace {
  address: string;
  /** The one analysed VNet whose known subnet (or address space) holds the address; undefined if none or several. */
  vnet: VirtualNetwork | undefined;
  subnet: Subnet | undefined;
  /** The resolver inbound endpoint with that static address, when one is declared. */
  inboundEndpoint: ResolverInboundEndpoint | undefined;
}
// --- end DNS as it resolves ---

export type Entity =
  | VirtualNetwork
  | Subnet
  | Peering
  | PrivateEndpoint
  | ZoneGroup
  | PrivateDnsZone
  | VnetLink
  | NetworkSecurityGroup
  | RouteTable
  | PrivateLinkService
  | VnetGateway
  | Target;

export interface NetworkModel {
  vnets: VirtualNetwork[];
  subnets: Subnet[];
  peerings: Peering[];
  privateEndpoints: PrivateEndpoint[];
  zoneGroups: ZoneGroup[];
  dnsZones: PrivateDnsZone[];
  vnetLinks: VnetLink[];
  nsgs: NetworkSecurityGroup[];
  routeTables: RouteTable[];
  privateLinkServices: PrivateLinkService[];
  vnetGateways: VnetGateway[];
  targets: Target[];
  /** Every declaration the model was built from, in file order. */
  declarations: ResourceDecl[];
}

// --- Service endpoints and network rules (issue 17, FACTS §9): derived by model/service-rules.ts ---

/** The services whose virtual network rules the model reads (FACTS §9.2). */
export type NetworkRuleService =
  'storage' | 'keyVault' | 'sql' | 'cosmosDb' | 'eventHubs' | 'serviceBus' | 'appService' | 'containerRegistry';

/** One virtual network rule: the subnet it names and its bypass flag as written. */
export interface VnetRuleEntry {
  /** Path of the subnet id inside the rule-holding declaration. */
  path: string;
  subnetId: Value;
  /** Every analysed subnet with that id (inline and child twins); empty when outside or unknown. */
  subnets: Subnet[];
  /** `ignoreMissingVnetServiceEndpoint` in any casing, when written. */
  bypass: { path: string; value: Value } | undefined;
}

/** A value that governs the rules, with the declaration that writes it. */
export interface ServiceRuleSetting {
  decl: ResourceDecl;
  path: string;
  value: Value;
}

export interface ServiceNetworkRules {
  kind: 'networkRules';
  service: NetworkRuleService;
  /** The declaration that writes the rules (the account, or a SQL rule / rule set child). */
  decl: ResourceDecl;
  owner: Target;
  /** The PaaS resource the rules protect: the owner itself, or the parent a child resolves to. */
  resource: Target | undefined;
  /** Each rule array written: its item count (undefined when unknown) and the rules that name a subnet. */
  vnetRules: { path: string; count: number | undefined; rules: VnetRuleEntry[] }[];
  /** IP rules as written (count undefined when unknown); undefined when absent. */
  ipRules: { path: string; count: number | undefined } | undefined;
  defaultAction: ServiceRuleSetting | undefined;
  /** The rule set's own and the resource's `publicNetworkAccess`, where written. */
  publicNetworkAccess: ServiceRuleSetting[];
}
