// Which entity a hover is about, and its text: the entity whose anchor holds the cursor — a resource's
// declaration anchor (Bicep symbolic name, ARM `"type"`) or its `name` value, an inline subnet's or
// peering's `name` value.
// Invariants: hovers only over anchors (never anywhere in a body, where the editor's own hovers belong);
// the innermost (shortest) anchor wins; a loop's instances or a module's calls share one hover.
import type { Cloud } from '../facts';
import type { Entity, NetworkModel } from '../model';
import { endpointHover, zoneHover } from './hover-endpoint';
import { peeringHover, subnetHover, vnetHover } from './hover-network';
import { resolutionHover } from './hover-resolution';
import type { AssistHover, TextRange } from './types';

type Hoverable = Extract<Entity, { kind: 'privateEndpoint' | 'subnet' | 'peering' | 'dnsZone' | 'vnet' }>;

function anchorsOf(entity: Entity): TextRange[] {
  const decl = entity.decl;
  const ranges =
    entity.path === ''
      ? [decl.range, decl.propertyRanges.get('name')]
      : [decl.propertyRanges.get(`${entity.path}.name`)];
  return ranges.filter((range): range is TextRange => range !== undefined);
}

export function hoverFor(model: NetworkModel, uri: string, offset: number, cloud: Cloud): AssistHover | undefined {
  const candidates: Hoverable[] = [
    ...model.privateEndpoints,
    ...model.subnets,
    ...model.peerings,
    ...model.dnsZones,
    ...model.vnets,
  ];
  let best: { entity: Hoverable; range: TextRange } | undefined;
  let instances = 0;
  for (const entity of candidates) {
    if (entity.decl.uri !== uri) continue;
    for (const range of anchorsOf(entity)) {
      if (offset < range.start || offset > range.end) continue;
      if (best && best.range.start === range.start && best.range.end === range.end && best.entity.kind === entity.kind)
        instances++;
      else if (!best || range.end - range.start < best.range.end - best.range.start) {
        best = { entity, range };
        instances = 1;
      }
    }
  }
  // A private endpoint's target (its declaration, or a connection's privateLinkServiceId): how it resolves.
  if (!best) return resolutionHover(model, uri, offset, cloud);
  const markdown = describe(model, best.entity, cloud);
  const note =
    instances > 1 ? `\n\n*${instances} deployments or loop instances share this declaration; the first is shown.*` : '';
  return { markdown: markdown + note, range: best.range };
}

function describe(model: NetworkModel, entity: Hoverable, cloud: Cloud): string {
  switch (entity.kind) {
    case 'privateEndpoint':
      return endpointHover(entity, cloud);
    case 'subnet':
      return subnetHover(entity);
    case 'peering':
      return peeringHover(model, entity);
    case 'dnsZone':
      return zoneHover(model, entity, cloud);
    case 'vnet':
      return vnetHover(entity);
  }
}
