// DNS zone group fixes: add the zone group a private endpoint lacks (pe-dns-zone-group-missing), add
// the configs a group lacks (pe-dns-zone-group-incomplete), point a config at the right zone
// (pe-dns-zone-mismatch). The rules name the endpoint or group and the zone names; which zones to
// reuse and which VNets to link is planned by dns-plan.ts, the zones reused or created by zone-resources.ts.
// Invariants: one config per zone (FACTS §2.2: named after the zone, dots as dashes), at most five;
// the group repeats its endpoint's loop and condition so each instance gets one; ARM groups depend
// on their endpoint and on every zone of the same template they use.
import { defaultZoneGroupName, zoneConfigName, zoneGroupLimits } from '../facts';
import { idKey, isArray, type PrivateEndpoint, type ResourceDecl } from '../model';
import { groupVnet, linksForNewZone, renamableZone, wantedZones } from './dns-plan';
import { combineChanges } from './apply';
import {
  armApiVersion,
  armParent,
  childName,
  conditionOf,
  findTemplateResource,
  insertArmResources,
  isSymbolic,
  takenSymbols,
  templateOf,
} from './arm-declarations';
import {
  bicepApiVersion,
  camel,
  identifiersOf,
  insertBicepResources,
  instanceHeader,
  uniqueName,
  type NewResource,
} from './bicep-declarations';
import type { FixDocuments } from './documents';
import { arr, expr, obj, print, type Gen } from './gen';
import { editorFor } from './property-fixes';
import { renameZone } from './zone-rename';
import type { ResourceEditor } from './paths';
import type { Builder, Fix, FileEdits, TextEdit } from './types';
import { planArmZone, planBicepZone, type WantedZone } from './zone-resources';

const groupType = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';

const config = (name: string, id: Gen): Gen => obj(['name', name], ['properties', obj(['privateDnsZoneId', id])]);

function title(verb: string, plans: { reused: boolean; name: string }[]): string {
  const reused = plans.filter((p) => p.reused).map((p) => `'${p.name}'`);
  const created = plans.filter((p) => !p.reused).map((p) => `'${p.name}'`);
  return `${verb}${reused.length ? ` using ${reused.join(', ')}` : ''}${created.length ? `${reused.length ? ' and' : ' with'} new zone${created.length > 1 ? 's' : ''} ${created.join(', ')}` : ''}`;
}

/** A group with the facts' default name and one config per zone name the rule asked for. */
export const addDnsZoneGroup: Builder<'add-dns-zone-group'> = (docs, { model, endpoint, zones: names }) => {
  if (names.length === 0 || names.length > zoneGroupLimits.maxConfigsPerGroup || endpoint.decl.existing) return [];
  if (!groupIdsWrittenInEndpoint(docs, endpoint)) return [];
  const home = docs.queries.endpointVnet(endpoint);
  const zones = wantedZones(docs.queries, model, names, home);
  const vnets = linksForNewZone(docs.queries, model, home);
  const group: NewGroup = { endpoint: endpoint.decl, zones, vnets };
  return endpoint.decl.language === 'bicep' ? bicepGroup(docs, group) : armGroup(docs, group);
};

/**
 * The zones follow from the endpoint's group ids: written as literals in the endpoint, they are the
 * same for each of its instances and callers. Otherwise (a loop's item, a shared module's parameter)
 * the group, written once, would point some instances or callers at another service's zone.
 */
function groupIdsWrittenInEndpoint(docs: FixDocuments, endpoint: PrivateEndpoint): boolean {
  const editor = editorFor(docs, endpoint.decl);
  return (
    editor !== undefined &&
    endpoint.connections.length > 0 &&
    endpoint.connections.every(
      ({ path, groupIds }) =>
        isArray(groupIds) &&
        groupIds.length > 0 &&
        groupIds.every((_, index) => editor.valueAt(`${path}.properties.groupIds[${index}]`)?.literal === true),
    )
  );
}

/** The zone group to add: its endpoint, the zones it points at, and the VNets a created zone is linked to. */
interface NewGroup {
  endpoint: ResourceDecl;
  zones: readonly WantedZone[];
  vnets: readonly ResourceDecl[];
}

function bicepGroup(docs: FixDocuments, { endpoint, zones, vnets }: NewGroup): Fix[] {
  const tree = docs.bicepTree(endpoint.uri);
  if (!tree || !endpoint.symbol) return [];
  const taken = identifiersOf(tree);
  const plans = zones.map((zone) => ({ zone, plan: planBicepZone(docs, endpoint.uri, zone, vnets, taken) }));
  if (plans.some((p) => !p.plan)) return [];
  const header = instanceHeader(docs, endpoint, taken);
  if (!header) return [];
  const group: NewResource = {
    symbol: uniqueName(taken, camel(endpoint.symbol.replace(/::/g, ' '), 'DnsZoneGroup')),
    type: `${groupType}@${bicepApiVersion(tree, groupType)}`,
    head: header.head,
    tail: header.tail,
    body: obj(
      ['parent', expr(`${endpoint.symbol}${header.index}`)],
      ['name', defaultZoneGroupName],
      [
        'properties',
        obj([
          'privateDnsZoneConfigs',
          arr(...plans.map(({ zone, plan }) => config(zoneConfigName(zone.name), expr(plan!.id)))),
        ]),
      ],
    ),
  };
  const created = plans.flatMap((p) => p.plan!.created);
  const inserted = insertBicepResources(docs, endpoint.uri, endpoint, [...created, group]);
  const changes =
    inserted && combineChanges([{ uri: endpoint.uri, edits: inserted }, ...plans.flatMap((p) => p.plan!.changes)]);
  if (!changes) return [];
  return [
    {
      title: title(
        'Add DNS zone group',
        plans.map((p) => ({ reused: p.plan!.reused, name: p.zone.name })),
      ),
      isPreferred: true,
      changes,
    },
  ];
}

function armGroup(docs: FixDocuments, { endpoint, zones, vnets }: NewGroup): Fix[] {
  const parent = armParent(docs, endpoint);
  if (!parent) return [];
  const { node, template, reference: peRef, segments } = parent;
  const symbolic = isSymbolic(template);
  const taken = takenSymbols(template);
  const plans = zones.map((zone) => ({ zone, plan: planArmZone(docs, template, zone, vnets, symbolic, taken) }));
  if (plans.some((p) => !p.plan)) return [];
  const condition = conditionOf(node);
  const body = obj(
    ['type', groupType],
    ['apiVersion', armApiVersion(template, groupType) ?? ''],
    ['name', childName(segments, defaultZoneGroupName)],
    condition !== undefined && ['condition', condition],
    ['dependsOn', arr(...unique([peRef.dependsOn, ...plans.flatMap((p) => p.plan!.dependsOn)]))],
    [
      'properties',
      obj([
        'privateDnsZoneConfigs',
        arr(...plans.map(({ zone, plan }) => config(zoneConfigName(zone.name), expr(plan!.id)))),
      ]),
    ],
  );
  const symbol = uniqueName(taken, camel(endpoint.symbol ?? 'privateEndpoint', 'DnsZoneGroup'));
  const edits = insertArmResources(docs, endpoint.uri, node, [
    ...plans.flatMap((p) => p.plan!.created),
    { symbol, body },
  ]);
  const changes = edits && combineChanges([{ uri: endpoint.uri, edits }, ...plans.flatMap((p) => p.plan!.changes)]);
  if (!changes) return [];
  return [
    {
      title: title(
        'Add DNS zone group',
        plans.map((p) => ({ reused: p.plan!.created.length === 0, name: p.zone.name })),
      ),
      isPreferred: true,
      changes,
    },
  ];
}

export const addZoneConfigs: Builder<'add-zone-configs'> = (docs, request) => {
  const group = request.group.decl;
  const home = groupVnet(docs.queries, request.group);
  const zones = wantedZones(docs.queries, request.model, request.zones, home);
  const newZoneVnets = linksForNewZone(docs.queries, request.model, home);
  const editor = editorFor(docs, group);
  if (!editor || zones.length === 0 || group.count !== 1) return [];
  const path = 'properties.privateDnsZoneConfigs';
  const parts: FileEdits[] = [];
  const items: Gen[] = [];
  const names: { reused: boolean; name: string }[] = [];
  if (group.language === 'bicep') {
    const tree = docs.bicepTree(group.uri);
    if (!tree) return [];
    const taken = identifiersOf(tree);
    const created: NewResource[] = [];
    for (const zone of zones) {
      const plan = planBicepZone(docs, group.uri, zone, newZoneVnets, taken);
      if (!plan) return [];
      items.push(config(zoneConfigName(zone.name), expr(plan.id)));
      created.push(...plan.created);
      parts.push(...plan.changes);
      names.push({ reused: plan.reused, name: zone.name });
    }
    if (created.length > 0) {
      const inserted = insertBicepResources(docs, group.uri, group, created);
      if (!inserted) return [];
      parts.push({ uri: group.uri, edits: inserted });
    }
  } else {
    const node = findTemplateResource(docs, group);
    const template = node && templateOf(node);
    if (!node || !template) return [];
    const taken = takenSymbols(template);
    const created: { symbol: string; body: Gen }[] = [];
    const dependencies: Gen[] = [];
    for (const zone of zones) {
      const plan = planArmZone(docs, template, zone, newZoneVnets, isSymbolic(template), taken);
      if (!plan) return [];
      items.push(config(zoneConfigName(zone.name), expr(plan.id)));
      created.push(...plan.created);
      names.push({ reused: plan.created.length === 0, name: zone.name });
      dependencies.push(...plan.dependsOn);
      parts.push(...plan.changes);
    }
    const depends = dependOn(editor, dependencies);
    if (!depends) return [];
    parts.push({ uri: group.uri, edits: depends });
    if (created.length > 0) {
      const inserted = insertArmResources(docs, group.uri, node, created);
      if (!inserted) return [];
      parts.push({ uri: group.uri, edits: inserted });
    }
  }
  const appended = editor.append(path, items);
  const changes = appended && combineChanges([{ uri: group.uri, edits: appended }, ...parts]);
  if (!changes) return [];
  return [{ title: title('Add the missing zone configs', names), isPreferred: true, changes }];
};

/** Point the config at a zone of the right name the workspace has, or rename its zone when nothing else uses it. */
export const pointZoneConfig: Builder<'point-zone-config'> = (docs, { model, group: entity, config, zoneName }) => {
  const group = entity.decl;
  const [wanted] = wantedZones(docs.queries, model, [zoneName], groupVnet(docs.queries, entity));
  const fixes: Fix[] = [];
  if (group.count === 1) {
    const editor = editorFor(docs, group);
    const path = `${config.path}.properties.privateDnsZoneId`;
    for (const found of wanted.inWorkspace) {
      if (!editor || !editor.valueAt(path)) break;
      const id = zoneIdIn(docs, group, found, zoneName);
      const edits = id && editor.replace(path, expr(id.text));
      const depends = id && dependOn(editor, id.dependsOn);
      const changes =
        edits && depends && combineChanges([{ uri: group.uri, edits: [...edits, ...depends] }, ...id.changes]);
      if (changes) {
        fixes.push({ title: `Point the zone config at '${zoneName}'`, isPreferred: true, changes });
        break;
      }
    }
  }
  const rename = renamableZone(docs.queries, model, config, docs.cloud);
  // A zone of the right name in the same resource group (or one that may be) would then exist twice.
  if (rename && !wanted.inWorkspace.some((found) => mayShareScope(found.decl, rename.decl))) {
    fixes.push(...renameZone(docs, rename.decl, zoneName, docs.cloud));
  }
  return fixes.map((fix, index) => ({ ...fix, isPreferred: index === 0 }));
};

function zoneIdIn(
  docs: FixDocuments,
  from: ResourceDecl,
  zone: WantedZone['inWorkspace'][number],
  name: string,
): { text: string; changes: FileEdits[]; dependsOn: Gen[] } | undefined {
  if (from.language === 'bicep') {
    const tree = docs.bicepTree(from.uri);
    const plan = tree && planBicepZone(docs, from.uri, { name, inWorkspace: [zone] }, [], identifiersOf(tree));
    return plan?.reused ? { text: plan.id, changes: plan.changes, dependsOn: [] } : undefined;
  }
  const node = findTemplateResource(docs, from);
  const template = node && templateOf(node);
  const plan =
    template && planArmZone(docs, template, { name, inWorkspace: [zone] }, [], isSymbolic(template), new Set());
  return plan ? { text: plan.id, changes: plan.changes, dependsOn: plan.dependsOn } : undefined;
}

/** ARM orders only by dependsOn: edits that add these entries to an ARM resource's list (Bicep: none needed). */
function dependOn(editor: ResourceEditor, entries: readonly Gen[]): TextEdit[] | undefined {
  if (editor.language === 'bicep' || entries.length === 0) return [];
  const present = editor.valueAt('dependsOn');
  const missing = unique(entries).filter((entry) => !present?.text.includes(jsonText(entry)));
  if (missing.length === 0) return [];
  return present ? editor.append('dependsOn', missing) : editor.set('dependsOn', arr(...missing));
}

const jsonText = (value: Gen) => print(value, 'arm', { unit: '', eol: '', inline: true });

/** Entries without repeats (compared as written). */
function unique(entries: readonly Gen[]): Gen[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(jsonText(entry)) && seen.add(jsonText(entry)) !== undefined);
}

/** Whether two resources may live in one resource group: their ids' scope parts are equal or not comparable. */
function mayShareScope(a: ResourceDecl, b: ResourceDecl): boolean {
  const scope = (decl: ResourceDecl) => {
    const key = idKey(decl.id);
    const cut = key?.indexOf('/providers/') ?? -1;
    return key !== undefined && cut > 0 ? key.slice(0, cut) : undefined;
  };
  const left = scope(a);
  const right = scope(b);
  return left === undefined || right === undefined || left === right;
}
