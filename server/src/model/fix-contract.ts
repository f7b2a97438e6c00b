// The fix contract between rules and fixes (DESIGN §1, STYLE §7): a rule's finding names what it
// decided — the entities involved, the value or zone names it found right — as one variant per fix
// builder kind, and fixes/ plans the edits from that and the model. Invariants: a request holds no
// text and no edit plan; each variant has exactly the fields its builder reads; the engine carries a
// request on its finding (engine/types.ts `Finding.fix`) and never across a thread boundary.
import type { ResourceDecl } from '../evaluate/declaration';
import type { Value } from '../evaluate/value';
import type {
  NetworkModel,
  Peering,
  PrivateDnsZone,
  PrivateEndpoint,
  VirtualNetwork,
  VnetLink,
  ZoneConfig,
  ZoneGroup,
} from './types';

/** Where the finding points: the declaration and the property path inside it. */
export interface FixAnchor {
  decl: ResourceDecl;
  /** `properties.subnets[1].properties.addressPrefix`; absent for the declaration itself. */
  path?: string;
}

export type FixRequest =
  /** A zone group for the endpoint with one config per zone name (at most five, facts zoneGroupLimits). */
  | { kind: 'add-dns-zone-group'; model: NetworkModel; endpoint: PrivateEndpoint; zones: readonly string[] }
  /** The configs the group lacks, one per missing zone name. */
  | { kind: 'add-zone-configs'; model: NetworkModel; group: ZoneGroup; zones: readonly string[] }
  /** The group's config points at `zoneName`, the one right zone, instead of the zone it names now. */
  | { kind: 'point-zone-config'; model: NetworkModel; group: ZoneGroup; config: ZoneConfig; zoneName: string }
  /** Links from the anchor's zone to these VNets. */
  | { kind: 'add-vnet-link'; vnets: readonly ResourceDecl[] }
  | { kind: 'set-registration-disabled' }
  | { kind: 'set-location-global' }
  | { kind: 'replace-group-id'; path: string; value: string }
  /** The anchor's location becomes `value`, the location of `vnet`. */
  | { kind: 'use-vnet-location'; vnet: ResourceDecl; value: string }
  /** The anchor's resource turns public network access off (the settings facts name for its type). */
  | { kind: 'disable-public-access' }
  | { kind: 'set-subnet-policy'; property: string; value: string }
  /** `allowGatewayTransit: true` on the reverse peering (its properties at `reverse.path`). */
  | { kind: 'set-allow-gateway-transit'; reverse: FixAnchor }
  /** The peering remote → local that `peering` (local → remote) lacks. */
  | { kind: 'add-reverse-peering'; peering: Peering; local: VirtualNetwork; remote: VirtualNetwork }
  | { kind: 'use-network-address'; value: string }
  | { kind: 'remove-subnet-nsg'; path: string }
  /** The anchor's resource waits for `dependency` (same template). */
  | { kind: 'add-dependency'; dependency: ResourceDecl }
  | { kind: 'add-service-endpoint'; service: string; subnet: { decl: ResourceDecl; path: string } };

export type FixKind = FixRequest['kind'];

/** The request of one kind. */
export type FixRequestOf<K extends FixKind> = Extract<FixRequest, { kind: K }>;

/** What a finding carries: the request, and where the finding points. */
export interface RequestedFix {
  request: FixRequest;
  anchor: FixAnchor;
}

/**
 * The declaration a fix edits: the anchor's, but for a service endpoint, which the fix adds to the subnet
 * the finding names (the finding is on the service's rule).
 */
export function editedDeclaration({ request, anchor }: RequestedFix): ResourceDecl {
  return request.kind === 'add-service-endpoint' ? request.subnet.decl : anchor.decl;
}

/**
 * The DNS rules' own predicates, which fix planning asks so that a fix links a zone exactly where the
 * link rules look (DESIGN §4 c: a fix adds no finding). Fixes may not import rules (DESIGN §1): the
 * engine hands these over (rules/support/fix-queries.ts), and no second copy of the rules' reasoning exists.
 */
export interface ModelQueries {
  /** Created by this deployment for certain, as one resource (rules/support/certain.ts). */
  certainlyCreatedAsOne(decl: ResourceDecl): boolean;
  /** Two ids name the same resource for certain. */
  sameId(a: Value | undefined, b: Value | undefined): boolean;
  zonesNamed(model: NetworkModel, name: string): PrivateDnsZone[];
  zoneNameOfConfig(config: ZoneConfig): string | undefined;
  endpointVnet(endpoint: PrivateEndpoint): VirtualNetwork | undefined;
  peeredBothWays(vnet: VirtualNetwork): VirtualNetwork[];
  usesAzureProvidedDns(model: NetworkModel, vnet: VirtualNetwork): boolean | 'unknown';
  linksMaybeOf(model: NetworkModel, zone: PrivateDnsZone): VnetLink[];
  mayBeLinked(model: NetworkModel, zone: PrivateDnsZone, vnet: VirtualNetwork): boolean;
  /** The analysed VNets where the client's custom DNS servers live, when certain (FACTS §5.2). */
  serverVnets(
    model: NetworkModel,
    client: VirtualNetwork,
    zone: PrivateDnsZone | undefined,
  ): { vnets: VirtualNetwork[] } | undefined;
}
