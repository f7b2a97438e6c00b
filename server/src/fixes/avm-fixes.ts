// Fixes through an Azure Verified Module's interface (issue 15): a resource a registry module
// declares is changed where the user wrote it — the `privateEndpoints` entry gets its
// `privateDnsZoneGroup`, the peering entry `remotePeeringEnabled: true`, the zone's
// `virtualNetworkLinks` the missing VNet, the `subnets` entry its policy. Nothing else is offered
// for such resources (their declarations live in the module, not in the user's files).
import {
  declarations,
  isPlainObject,
  moduleView,
  objectProperties,
  propertyKey,
  type ArrayExpression,
  type ModuleDeclaration,
  type ObjectExpression,
  type SourceFile,
} from '../syntax/bicep';
import type { ResourceDecl } from '../model';
import { wantedZones } from './dns-plan';
import type { FixDocuments } from './documents';
import { reversePlan } from './reverse-peering';
import type { Builder, Fix, FixAnchor, FixKind, FixRequest, FixRequestOf, TextEdit } from './types';

/** The kinds a registry module's interface can take; any other request gets no fix on such a resource. */
type RegistryBuilders = { readonly [K in FixKind]?: Builder<K> };

const registryBuilders: RegistryBuilders = {
  'add-dns-zone-group': addZoneGroupEntry,
  'add-reverse-peering': enableRemotePeering,
  'add-vnet-link': addVirtualNetworkLink,
  'set-subnet-policy': setSubnetEntryPolicy,
};

/** The fixes of a finding on a registry-declared resource. */
export function registryFixes(docs: FixDocuments, request: FixRequest, anchor: FixAnchor): Fix[] {
  return buildWith(registryBuilders, docs, request.kind, request, anchor);
}

function buildWith<K extends FixKind>(
  table: RegistryBuilders,
  docs: FixDocuments,
  kind: K,
  request: FixRequestOf<K>,
  anchor: FixAnchor,
): Fix[] {
  return table[kind]?.(docs, request, anchor) ?? [];
}

function single(uri: string, title: string, edit: TextEdit | undefined): Fix[] {
  return edit ? [{ title, isPreferred: true, changes: [{ uri, edits: [edit] }] }] : [];
}

/** An expression of `uri` for a resource's id: `sym.id`, or the AVM call's `outputs.resourceId`. */
function idExpression(docs: FixDocuments, uri: string, decl: ResourceDecl): string | undefined {
  if (decl.uri !== uri || decl.count !== 1 || decl.instance !== undefined) return undefined;
  if (decl.registry) {
    if (decl.registry.paramPath !== '') return undefined;
    const call = decl.via.at(-1);
    const symbol = call && docs.text(uri)?.slice(call.start, call.end);
    return symbol && /^\w+$/.test(symbol) ? `${symbol}.outputs.resourceId` : undefined;
  }
  return decl.symbol && !decl.symbol.includes('::') && decl.language === 'bicep' ? `${decl.symbol}.id` : undefined;
}

/** The object literal the user wrote at an offset (a parameter entry). */
function objectAt(tree: SourceFile, start: number): ObjectExpression | undefined {
  let found: ObjectExpression | undefined;
  const visit = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    const candidate = node as { kind?: string; start?: number; end?: number };
    if (
      typeof candidate.start === 'number' &&
      typeof candidate.end === 'number' &&
      (candidate.end < start || candidate.start > start)
    )
      return;
    if (candidate.kind === 'Object' && candidate.start === start) {
      found = node as ObjectExpression;
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(tree);
  return found && isPlainObject(found) ? found : undefined;
}

/** The params object of the module call whose symbolic name starts at `nameStart`. */
function callParams(tree: SourceFile, nameStart: number): ObjectExpression | undefined {
  for (const declaration of declarations(tree)) {
    if (declaration.kind !== 'ModuleDeclaration') continue;
    const view = moduleView(declaration as ModuleDeclaration);
    if (view.name?.start !== nameStart || !view.object || !isPlainObject(view.object)) continue;
    const params = objectProperties(view.object).find((member) => propertyKey(member) === 'params')?.value;
    return params?.kind === 'Object' && isPlainObject(params) ? params : undefined;
  }
  return undefined;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Adds `key: value` to an object literal, on its own line if the object spans lines. */
function addProperty(text: string, object: ObjectExpression, key: string, value: string): TextEdit {
  const members = objectProperties(object);
  const close = object.close.start;
  if (text.slice(object.start, object.end).includes('\n')) {
    const indent = members.length > 0 ? lineIndent(text, members[0].start) : `${lineIndent(text, object.start)}  `;
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    return { start: lineStart, end: lineStart, newText: `${indent}${key}: ${value}\n` };
  }
  const last = members.at(-1);
  return last
    ? { start: last.end, end: last.end, newText: `, ${key}: ${value}` }
    : { start: object.open.end, end: close, newText: ` ${key}: ${value} ` };
}

/**
 * The parameter entry a registry resource came from, when it is an object literal in its call. Not
 * one written in a variable or a parameter's default (`subnets: hubSubnets`): whatever else uses that
 * value would change with it.
 */
function entryOf(
  docs: FixDocuments,
  decl: ResourceDecl,
  prefix: string,
): { text: string; entry: ObjectExpression } | undefined {
  if (!decl.registry?.paramPath.startsWith(prefix) || decl.range.usedAt) return undefined;
  const tree = docs.bicepTree(decl.uri);
  const text = docs.text(decl.uri);
  const entry = tree && objectAt(tree, decl.range.start);
  return text && entry ? { text, entry } : undefined;
}

function enableRemotePeering(
  docs: FixDocuments,
  request: FixRequestOf<'add-reverse-peering'>,
  anchor: FixAnchor,
): Fix[] {
  const decl = anchor.decl;
  // The module mirrors the flags itself; the peering must still be one the reverse can mirror.
  if (!reversePlan(request) || decl.registry?.module !== 'avm/res/network/virtual-network') return [];
  const found = entryOf(docs, decl, 'peerings[');
  if (!found || objectProperties(found.entry).some((member) => propertyKey(member) === 'remotePeeringEnabled'))
    return [];
  return single(
    decl.uri,
    'Set remotePeeringEnabled to true',
    addProperty(found.text, found.entry, 'remotePeeringEnabled', 'true'),
  );
}

function setSubnetEntryPolicy(
  docs: FixDocuments,
  { property, value }: FixRequestOf<'set-subnet-policy'>,
  anchor: FixAnchor,
): Fix[] {
  const decl = anchor.decl;
  if (!/^[A-Za-z]+$/.test(value)) return [];
  if (decl.registry?.module !== 'avm/res/network/virtual-network') return [];
  const found = entryOf(docs, decl, 'subnets[');
  if (!found) return [];
  const current = objectProperties(found.entry).find((member) => propertyKey(member) === property);
  const edit = current
    ? { start: current.value.start, end: current.value.end, newText: `'${value}'` }
    : addProperty(found.text, found.entry, property, `'${value}'`);
  return single(decl.uri, `Set ${property} to '${value}'`, edit);
}

function addZoneGroupEntry(docs: FixDocuments, request: FixRequestOf<'add-dns-zone-group'>): Fix[] {
  const endpoint = request.endpoint.decl;
  if (!endpoint.registry || request.zones.length !== 1) return [];
  const zones = wantedZones(docs.queries, request.model, request.zones, docs.queries.endpointVnet(request.endpoint));
  // One reachable zone of the name, linked where it must be: the entry then needs only the group.
  const candidates = zones[0].inWorkspace.filter((zone) => zone.links.length === 0);
  const ids = candidates
    .map((zone) => idExpression(docs, endpoint.uri, zone.decl))
    .filter((id): id is string => id !== undefined);
  if (ids.length !== 1 || candidates.length !== zones[0].inWorkspace.length) return [];
  const group = `{ privateDnsZoneGroupConfigs: [ { privateDnsZoneResourceId: ${ids[0]} } ] }`;
  const text = docs.text(endpoint.uri);
  const tree = docs.bicepTree(endpoint.uri);
  const call = endpoint.via.at(-1);
  const entry =
    endpoint.registry.paramPath === '' && endpoint.registry.module === 'avm/res/network/private-endpoint'
      ? tree && call && callParams(tree, call.start)
      : entryOf(docs, endpoint, 'privateEndpoints[')?.entry;
  if (
    !text ||
    !entry ||
    objectProperties(entry).some((member) => /^privateDnsZone(Group|ResourceIds)$/.test(propertyKey(member) ?? ''))
  )
    return [];
  return single(
    endpoint.uri,
    `Add DNS zone group using '${zones[0].name}'`,
    addProperty(text, entry, 'privateDnsZoneGroup', group),
  );
}

function addVirtualNetworkLink(docs: FixDocuments, request: FixRequestOf<'add-vnet-link'>, anchor: FixAnchor): Fix[] {
  const zone = anchor.decl;
  if (zone.registry?.module !== 'avm/res/network/private-dns-zone' || zone.registry.paramPath !== '') return [];
  const text = docs.text(zone.uri);
  const tree = docs.bicepTree(zone.uri);
  const call = zone.via.at(-1);
  const params = tree && call && callParams(tree, call.start);
  const ids = request.vnets.map((vnet) => idExpression(docs, zone.uri, vnet));
  if (!text || !params || ids.length === 0 || ids.some((id) => id === undefined)) return [];
  const items = ids.map((id) => `{ virtualNetworkResourceId: ${id} }`);
  const links = objectProperties(params).find((member) => propertyKey(member) === 'virtualNetworkLinks');
  let edit: TextEdit;
  if (!links) {
    edit = addProperty(
      text,
      params,
      'virtualNetworkLinks',
      `[\n${lineIndent(text, params.start)}    ${items.join(`\n${lineIndent(text, params.start)}    `)}\n${lineIndent(text, params.start)}  ]`,
    );
  } else if (links.value.kind === 'Array') {
    const array = links.value as ArrayExpression;
    const last = array.items.at(-1);
    const multiline = text.slice(array.start, array.end).includes('\n');
    const indent = last ? lineIndent(text, last.start) : `${lineIndent(text, links.start)}  `;
    edit = multiline
      ? {
          start: text.lastIndexOf('\n', array.close.start - 1) + 1,
          end: text.lastIndexOf('\n', array.close.start - 1) + 1,
          newText: items.map((item) => `${indent}${item}\n`).join(''),
        }
      : {
          start: last ? last.end : array.open.end,
          end: last ? last.end : array.open.end,
          newText: `${last ? ', ' : ''}${items.join(', ')}`,
        };
  } else {
    return [];
  }
  return single(
    zone.uri,
    ids.length === 1 ? 'Add a virtual network link' : `Add ${ids.length} virtual network links`,
    edit,
  );
}
