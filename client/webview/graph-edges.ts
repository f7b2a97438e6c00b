// The edges of the graph, between the nodes graph-nodes.ts drew: peerings, VNet links, zone groups
// (from zone to endpoint) and endpoint targets.
import type { ModelEntityJson } from '@vnet-lens/protocol';
import type { EdgeState } from './graph-types';
import type { GraphParts } from './graph-parts';
import { kindTitle } from './graph-nodes';
import { shortName } from './names';

/** Peerings between VNets: broken when one-way (or to itself), unknown when the remote is not known. */
export function addPeerings(parts: GraphParts): void {
  const { lookups } = parts;
  const peerings = lookups.byKind('peering');
  // The reverse of a peering from A to B is one from B to A: keyed on the pair, found in one lookup.
  const pairs = new Set<string>();
  for (const peering of peerings) {
    const local = localOf(peering);
    for (const ref of lookups.refs(peering, 'peering.remoteVnet')) pairs.add(pairKey(local, ref.to));
  }
  for (const peering of peerings) {
    const remoteRef = lookups.refs(peering, 'peering.remoteVnet')[0];
    const local = localOf(peering);
    const localEntity = local === undefined ? undefined : lookups.entityById.get(local);
    const source =
      (localEntity && parts.nodeOf.get(localEntity)) ??
      parts.external(
        { kind: 'peering.local', from: peering.id, to: null, reason: `unknown value ${local ?? '?'}` },
        'VNet',
      );
    const target = parts.endOf(remoteRef, 'VNet');
    const remote = remoteRef?.to ?? undefined;
    const reverse =
      remote !== undefined && local !== undefined && remote !== local && pairs.has(pairKey(remote, local));
    const findings = lookups.findingsOf(peering);
    const broken =
      remote !== undefined &&
      (remote === local || !reverse || findings.some((finding) => finding.ruleId === 'peering-reverse-missing'));
    const state: EdgeState = remote === undefined ? 'unknown' : broken ? 'broken' : 'ok';
    const name = peering.name.includes('/') ? peering.name.slice(peering.name.lastIndexOf('/') + 1) : peering.name;
    parts.addEdge(
      peering,
      'peering',
      source,
      target,
      `${shortName(name, 28)}${state === 'broken' ? ' (one-way)' : ''}`,
      state,
    );
  }
}

export function addVnetLinks(parts: GraphParts): void {
  const { lookups } = parts;
  for (const link of lookups.byKind('vnetLink')) {
    const registration = link.properties.registrationEnabled === true;
    const zone = parts.endOf(lookups.refs(link, 'vnetLink.zone')[0], 'DNS zone');
    const vnetRef = lookups.refs(link, 'vnetLink.vnet')[0];
    parts.addEdge(
      link,
      'vnetLink',
      zone,
      parts.endOf(vnetRef, 'VNet'),
      registration ? 'link · auto-registration' : 'link',
      vnetRef?.to ? 'ok' : 'unknown',
    );
  }
}

/** A zone group is an edge from its zone to its endpoint (a node of its own when the endpoint is not drawn). */
export function addZoneGroups(parts: GraphParts): void {
  const { lookups } = parts;
  for (const group of lookups.byKind('zoneGroup')) {
    const endpoint = lookups.resolved(group, 'zoneGroup.privateEndpoint')[0];
    const holder = (endpoint && parts.nodeOf.get(endpoint)) ?? parts.addNode(group, 'zoneGroup', [kindTitle.zoneGroup]);
    for (const ref of lookups.refs(group, 'zoneConfig.zone'))
      parts.addEdge(group, 'zoneGroup', parts.endOf(ref, 'DNS zone'), holder, 'zone group', ref.to ? 'ok' : 'unknown');
  }
}

export function addEndpointTargets(parts: GraphParts): void {
  const { lookups } = parts;
  for (const endpoint of lookups.byKind('privateEndpoint')) {
    const source = parts.nodeOf.get(endpoint);
    if (!source) continue;
    for (const ref of lookups.refs(endpoint, 'privateEndpoint.target'))
      parts.addEdge(
        endpoint,
        'endpointTarget',
        source,
        parts.endOf(ref, 'resource'),
        'target',
        ref.to ? 'ok' : 'unknown',
      );
  }
}

const localOf = (peering: ModelEntityJson): string | undefined =>
  typeof peering.properties.local === 'string' ? peering.properties.local : undefined;

/** A directed VNet pair, local → remote (a null remote: a reference that did not resolve). */
const pairKey = (local: string | undefined, remote: string | null | undefined): string =>
  JSON.stringify([local ?? null, remote ?? null]);
