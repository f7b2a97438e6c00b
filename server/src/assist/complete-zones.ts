// Completion of private DNS zone values (FACTS §1, §2.2): privatelink zone names on a zone declaration, and on a
// zone group config the zone id and config name its endpoint needs. Needed zones come first.
// Invariants: offers only zones the facts list for the configured cloud; nothing when the endpoint is unknown.
import { bicepZoneNameExpression, zoneConfigName, zoneNameMatches, type Cloud } from '../facts';
import { item, quoted, type CompletionInput } from './complete-common';
import { declarationsAt, endpointNeeds, neededZoneNames } from './lookup';
import type { AssistCompletion, CursorContext } from './types';
import { allZoneNames, describeZone } from './zones';

export function zoneNameItems(input: CompletionInput): AssistCompletion[] {
  const { context, model, cloud } = input;
  // Zones that endpoints of the analysed files need and nobody declares yet come first.
  const declared = (model?.dnsZones ?? []).map((zone) =>
    typeof zone.name === 'string' ? zone.name.toLowerCase() : undefined,
  );
  const wanted = new Set(
    neededZoneNames((model?.privateEndpoints ?? []).flatMap((e) => endpointNeeds(e.connections, cloud))).filter(
      (name) => !declared.some((d) => d !== undefined && zoneNameMatches(name, d)),
    ),
  );
  const names = allZoneNames(cloud);
  const ordered = [...names.filter((n) => wanted.has(n)), ...names.filter((n) => !wanted.has(n))];
  let preselected = false;
  return ordered.map((name, order) => {
    const write = zoneNameText(context, cloud, name);
    const needed = wanted.has(name);
    const preselect = needed && !preselected;
    if (preselect) preselected = true;
    return item(context, {
      index: order,
      label: name,
      kind: 'value',
      ...write,
      filterText: quoted(context, name).trim(),
      detail: needed ? 'needed by a private endpoint here' : 'privatelink zone',
      documentation: describeZone(cloud, name),
      ...(preselect ? { preselect: true } : {}),
    });
  });
}

/**
 * A zone name as the file writes it: Bicep uses `environment()` where the facts say it yields this name
 * (DESIGN §4), else the literal; a `{placeholder}` becomes a tab stop.
 */
export function zoneNameText(
  context: CursorContext,
  cloud: Cloud,
  name: string,
): { insertText: string; snippet?: boolean } {
  const lead = context.afterColon ? ' ' : '';
  if (!name.includes('{')) {
    return {
      insertText: context.language === 'bicep' ? lead + bicepZoneNameExpression(cloud, name) : quoted(context, name),
    };
  }
  let stop = 0;
  const body = name.replace(/\{(\w+)\}/g, (_, placeholder: string) => `\${${++stop}:${placeholder}}`);
  return { insertText: lead + (context.language === 'bicep' ? `'${body}'` : `"${body}"`), snippet: true };
}

/** The zone group's endpoint needs (known endpoint, known target and group id), or none. */
function groupNeeds(input: CompletionInput): string[] {
  const { model, context } = input;
  if (!model) return [];
  const decls = declarationsAt(model, input.uri, context.anchor);
  const group = model.zoneGroups.find((g) => decls.includes(g.decl));
  const endpoint = group?.endpoint?.resolved ? group.endpoint.target : undefined;
  return endpoint
    ? neededZoneNames(endpointNeeds(endpoint.connections, input.cloud)).filter((name) => !name.includes('{'))
    : [];
}

export function zoneIdItems(input: CompletionInput): AssistCompletion[] {
  const { context, model, cloud } = input;
  const needed = groupNeeds(input);
  const items: AssistCompletion[] = [];
  const lead = context.afterColon ? ' ' : '';
  for (const name of needed) {
    const zone = model?.dnsZones.find(
      (z) => typeof z.name === 'string' && zoneNameMatches(name, z.name) && z.decl.uri === input.uri && z.decl.symbol,
    );
    const documentation = describeZone(cloud, name);
    if (zone && context.language === 'bicep') {
      const symbol = zone.decl.symbol!.replace(/::.*$/, '');
      items.push(
        item(context, {
          index: items.length,
          label: `${symbol}.id`,
          kind: 'reference',
          insertText: `${lead}${symbol}.id`,
          detail: name,
          documentation,
          preselect: items.length === 0,
        }),
      );
      continue;
    }
    const insertText =
      context.language === 'bicep'
        ? `${lead}resourceId('Microsoft.Network/privateDnsZones', ${bicepZoneNameExpression(cloud, name)})`
        : quoted(context, `[resourceId('Microsoft.Network/privateDnsZones', '${name}')]`);
    items.push(
      item(context, {
        index: items.length,
        label: name,
        kind: 'reference',
        insertText,
        filterText: insertText.trim(),
        detail: 'zone in this resource group',
        documentation,
        ...(items.length === 0 ? { preselect: true } : {}),
      }),
    );
  }
  return items;
}

export function zoneConfigNameItems(input: CompletionInput): AssistCompletion[] {
  const { context } = input;
  return groupNeeds(input).map((name, order) =>
    item(context, {
      index: order,
      label: zoneConfigName(name),
      kind: 'value',
      insertText: quoted(context, zoneConfigName(name)),
      filterText: quoted(context, zoneConfigName(name)).trim(),
      detail: `config for ${name}`,
    }),
  );
}
