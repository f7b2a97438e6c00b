// Private DNS zones for a zone group or a link: reuse a zone the workspace declares (same file, an
// `existing` declaration, or its id passed in through the module call), else create the zone
// (`location: 'global'`) with a VNet link to the endpoint's network. Bicep and ARM.
// Invariants: a zone of the right name that exists but cannot be reached from here is never
// duplicated (two zones of one name linked to one VNet is an error, FACTS §5.2); a new zone always
// comes with its link, or not at all (an unlinked zone is dns-zone-unlinked).
import type { Node as JsonNode } from 'jsonc-parser';
import { bicepZoneNameExpression, privateDnsLocation } from '../facts';
import type { ResourceDecl } from '../model';
import { combineChanges } from './apply';
import {
  armApiVersion,
  armParent,
  armReference,
  childName,
  insertArmResources,
  resourceIdText,
  takenSymbols,
} from './arm-declarations';
import {
  bicepApiVersion,
  camel,
  identifiersOf,
  insertBicepResources,
  uniqueName,
  type NewResource,
} from './bicep-declarations';
import { reachId } from './bicep-modules';
import type { FixDocuments } from './documents';
import { armString, expr, obj, type Gen } from './gen';
import type { FileEdits } from './types';

export const zoneType = 'Microsoft.Network/privateDnsZones';
export const linkType = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';

export interface WantedZone {
  name: string;
  /** Zones of that name in the workspace, with the VNets each must be linked to once a group writes into it. */
  inWorkspace: readonly { decl: ResourceDecl; links: readonly ResourceDecl[] }[];
  /**
   * Another zone group points at a zone of that name by an id no zone of the workspace has (a central zone,
   * as in a landing zone). Then no zone is created: a second zone of the name, linked to the endpoint's
   * VNet, would fail beside the central zone's link (FACTS §5.2) or hide its records.
   */
  usedByIdOnly?: boolean;
}

/**
 * Names links of the file already use (the last segment of any literal `…/link-x` or `link-x` name), so a
 * new link of a zone never takes the name of one it has. A superset is harmless: it only adds a digit.
 */
export function linkNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/name['"]?\s*:\s*['"]([^'"\n]*)['"]/g))
    names.add(match[1].slice(match[1].lastIndexOf('/') + 1));
  return names;
}

/** The same for a JSON template: the last segment of every string `name` in it. */
function jsonNames(node: JsonNode, names = new Set<string>()): Set<string> {
  for (const child of node.children ?? []) {
    const [key, value] = child.type === 'property' ? (child.children ?? []) : [];
    if (key?.value === 'name' && value?.type === 'string')
      names.add(String(value.value).slice(String(value.value).lastIndexOf('/') + 1));
    jsonNames(child, names);
  }
  return names;
}

/** The short label of a zone for symbols: `privatelink.vaultcore.azure.net` → `vaultcore`. */
export function zoneLabel(name: string): string {
  const labels = name.split('.');
  return (labels[0].toLowerCase() === 'privatelink' ? labels[1] : labels[0]) ?? 'zone';
}

/** A VNet's readable name for link names: its known own name, else its symbol. */
export function vnetLabel(vnet: ResourceDecl): string {
  const name = typeof vnet.name === 'string' ? vnet.name.slice(vnet.name.lastIndexOf('/') + 1) : undefined;
  return name && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) ? name : (vnet.symbol?.replace(/\W/g, '') ?? 'vnet');
}

/** A VNet's id as Bicep file `uri` can write it (reachId), through a parameter `<vnet>Id` where one is needed. */
export function reachVnetId(
  docs: FixDocuments,
  uri: string,
  vnet: ResourceDecl,
  taken: Set<string>,
  description = `Resource id of the virtual network ${vnetLabel(vnet)}.`,
): ReturnType<typeof reachId> {
  return reachId(docs, uri, vnet, camel(vnetLabel(vnet), 'Id'), description, taken);
}

export interface BicepZonePlan {
  id: string;
  created: NewResource[];
  changes: FileEdits[];
  reused: boolean;
}

/**
 * Whether a fix may create a zone named `zone.name` and link it to `vnets`: no zone of that name is in
 * the workspace or named by id, and no VNet's links are unknown (linksUnknown).
 */
function mayCreateZone(zone: WantedZone, vnets: readonly ResourceDecl[]): boolean {
  return zone.inWorkspace.length === 0 && !zone.usedByIdOnly && vnets.length > 0 && !linksUnknown(vnets);
}

/**
 * Some VNet to link is `existing`: managed elsewhere, often linked to a central zone of the name already,
 * and a second link to a zone of one name fails (FACTS §5.2). Its links are not known, so a zone-group fix
 * links no zone to it, new or of the workspace.
 */
const linksUnknown = (vnets: readonly ResourceDecl[]) => vnets.some((vnet) => vnet.existing);

/**
 * The id of a zone named `zone.name`, valid in Bicep file `uri`: a reachable zone of the workspace
 * (plus the links it lacks, beside it), else a new zone linked to `vnets`.
 */
export function planBicepZone(
  docs: FixDocuments,
  uri: string,
  zone: WantedZone,
  vnets: readonly ResourceDecl[],
  taken: Set<string>,
): BicepZonePlan | undefined {
  const label = zoneLabel(zone.name);
  for (const found of zone.inWorkspace) {
    const reached = reachId(
      docs,
      uri,
      found.decl,
      camel(label, 'DnsZoneId'),
      `Resource id of the ${zone.name} private DNS zone.`,
      taken,
    );
    if (!reached) continue;
    if (linksUnknown(found.links)) return undefined;
    const links = found.links.length ? linkChanges(docs, found.decl, found.links) : [];
    if (!links) return undefined;
    return { id: reached.text, created: [], changes: [...reached.changes, ...links], reused: true };
  }
  if (!mayCreateZone(zone, vnets)) return undefined;
  const tree = docs.bicepTree(uri);
  if (!tree) return undefined;
  const symbol = uniqueName(taken, camel('privateDnsZone', label));
  const created: NewResource[] = [
    {
      symbol,
      type: `${zoneType}@${bicepApiVersion(tree, zoneType)}`,
      body: obj(['name', expr(bicepZoneNameExpression(docs.cloud, zone.name))], ['location', privateDnsLocation]),
    },
  ];
  const changes: FileEdits[] = [];
  for (const vnet of vnets) {
    const vnetId = reachVnetId(docs, uri, vnet, taken);
    if (!vnetId) return undefined;
    created.push(bicepLink(tree, symbol, vnet, vnetId.text, taken));
    changes.push(...vnetId.changes);
  }
  return { id: `${symbol}.id`, created, changes, reused: false };
}

export function bicepLink(
  tree: Parameters<typeof bicepApiVersion>[0],
  zoneSymbol: string,
  vnet: ResourceDecl,
  vnetId: string,
  taken: Set<string>,
): NewResource {
  return {
    symbol: uniqueName(taken, camel(zoneSymbol, 'Link', vnetLabel(vnet))),
    type: `${linkType}@${bicepApiVersion(tree, linkType)}`,
    body: obj(
      ['parent', expr(zoneSymbol)],
      ['name', uniqueName(linkNames(tree.text), `link-${vnetLabel(vnet)}`)],
      ['location', privateDnsLocation],
      ['properties', obj(['registrationEnabled', false], ['virtualNetwork', obj(['id', expr(vnetId)])])],
    ),
  };
}

export interface ArmZonePlan {
  id: string;
  dependsOn: Gen[];
  created: { symbol: string; body: Gen }[];
  changes: FileEdits[];
}

/** The id of a zone named `zone.name`, valid in the ARM template `template` (as planBicepZone). */
export function planArmZone(
  docs: FixDocuments,
  template: JsonNode,
  zone: WantedZone,
  vnets: readonly ResourceDecl[],
  symbolic: boolean,
  taken: Set<string>,
): ArmZonePlan | undefined {
  for (const found of zone.inWorkspace) {
    const reference = armReference(docs, template, found.decl);
    if (!reference) continue;
    if (linksUnknown(found.links)) return undefined;
    const links = found.links.length ? linkChanges(docs, found.decl, found.links) : [];
    return links ? { id: reference.id, dependsOn: [reference.dependsOn], created: [], changes: links } : undefined;
  }
  if (!mayCreateZone(zone, vnets)) return undefined;
  const symbol = uniqueName(taken, camel('privateDnsZone', zoneLabel(zone.name)));
  const id = resourceIdText(zoneType, [armString(zone.name)]);
  const zoneDepends: Gen = symbolic ? symbol : expr(id);
  const created: { symbol: string; body: Gen }[] = [
    {
      symbol,
      body: obj(
        ['type', zoneType],
        ['apiVersion', armApiVersion(template, zoneType) ?? ''],
        ['name', zone.name],
        ['location', privateDnsLocation],
      ),
    },
  ];
  for (const vnet of vnets) {
    const vnetRef = armReference(docs, template, vnet);
    if (!vnetRef) return undefined;
    created.push(armLink(template, [armString(zone.name)], zoneDepends, vnet, vnetRef, taken));
  }
  return { id, dependsOn: [zoneDepends], created, changes: [] };
}

export function armLink(
  template: JsonNode,
  zoneSegments: readonly string[],
  zoneDepends: Gen | undefined,
  vnet: ResourceDecl,
  vnetRef: { id: string; dependsOn: Gen },
  taken: Set<string>,
): { symbol: string; body: Gen } {
  const linkName = uniqueName(jsonNames(template), `link-${vnetLabel(vnet)}`);
  const symbol = uniqueName(taken, camel(zoneLabel(zoneSegments[0].slice(1, -1)), 'Link', vnetLabel(vnet)));
  return {
    symbol,
    body: obj(
      ['type', linkType],
      ['apiVersion', armApiVersion(template, linkType) ?? ''],
      ['name', childName(zoneSegments, linkName)],
      ['location', privateDnsLocation],
      ['dependsOn', { kind: 'array', items: [...(zoneDepends !== undefined ? [zoneDepends] : []), vnetRef.dependsOn] }],
      ['properties', obj(['registrationEnabled', false], ['virtualNetwork', obj(['id', expr(vnetRef.id)])])],
    ),
  };
}

/** Links from a zone to VNets, after the zone's declaration; undefined when one cannot be written. */
export function linkChanges(
  docs: FixDocuments,
  zone: ResourceDecl,
  vnets: readonly ResourceDecl[],
): FileEdits[] | undefined {
  if (vnets.length === 0 || zone.existing || zone.count !== 1 || zone.instance !== undefined) return undefined;
  if (zone.language === 'bicep') {
    const tree = docs.bicepTree(zone.uri);
    if (!tree || !zone.symbol) return undefined;
    const taken = identifiersOf(tree);
    const links: NewResource[] = [];
    const parts: FileEdits[] = [];
    for (const vnet of vnets) {
      const id = reachVnetId(docs, zone.uri, vnet, taken);
      if (!id) return undefined;
      links.push(bicepLink(tree, zone.symbol, vnet, id.text, taken));
      parts.push(...id.changes);
    }
    const inserted = insertBicepResources(docs, zone.uri, zone, links);
    return inserted && combineChanges([{ uri: zone.uri, edits: inserted }, ...parts]);
  }
  const parent = armParent(docs, zone);
  if (!parent) return undefined;
  const { node, template, reference: zoneRef, segments } = parent;
  const taken = takenSymbols(template);
  const links: { symbol: string; body: Gen }[] = [];
  for (const vnet of vnets) {
    const vnetRef = armReference(docs, template, vnet);
    if (!vnetRef) return undefined;
    links.push(armLink(template, segments, zoneRef.dependsOn, vnet, vnetRef, taken));
  }
  const edits = insertArmResources(docs, zone.uri, node, links);
  return edits && [{ uri: zone.uri, edits }];
}
