// Hover on a private endpoint's target — the target resource's declaration (symbolic name, ARM "type",
// name) or a connection's `privateLinkServiceId` — listing how its name resolves from each VNet that
// reaches it: the endpoints' VNets and the VNets peered with them both ways (engine/resolve.ts).
// Invariants: template text enters the markdown only through `code`; no hover where no endpoint
// of the analysed files connects to the target.
import { connectsToTarget, explainResolution, reachingVnets, sameId, targetAccesses, type Resolution } from '../engine';
import type { Cloud } from '../facts';
import type { NetworkModel, PrivateLinkConnection } from '../model';
import { nameOf } from './lookup';
import { bullet, code } from './markdown';
import type { AssistHover, TextRange } from './types';

/** The hover when the cursor is on a target's anchor or on a connection's `privateLinkServiceId`. */
export function resolutionHover(
  model: NetworkModel,
  uri: string,
  offset: number,
  cloud: Cloud,
): AssistHover | undefined {
  const inside = (range: TextRange | undefined): range is TextRange =>
    range !== undefined && offset >= range.start && offset <= range.end;
  for (const target of model.targets) {
    if (target.decl.uri !== uri || target.path !== '') continue;
    const range = [target.decl.range, target.decl.propertyRanges.get('name')].find(inside);
    if (range)
      return hoverOf(model, cloud, nameOf(target), (connection) => connectsToTarget(connection, target), range);
  }
  for (const endpoint of model.privateEndpoints) {
    if (endpoint.decl.uri !== uri) continue;
    for (const connection of endpoint.connections) {
      const range = endpoint.decl.propertyRanges.get(`${connection.path}.properties.privateLinkServiceId`);
      if (!inside(range)) continue;
      const target = connection.target?.resolved ? connection.target.target : undefined;
      const matches =
        target?.kind === 'target'
          ? (other: PrivateLinkConnection) => connectsToTarget(other, target)
          : (other: PrivateLinkConnection) => other === connection || sameId(other.targetId, connection.targetId);
      return hoverOf(model, cloud, target ? nameOf(target) : 'the target', matches, range);
    }
  }
  return undefined;
}

function hoverOf(
  model: NetworkModel,
  cloud: Cloud,
  shown: string,
  matches: (connection: PrivateLinkConnection) => boolean,
  range: TextRange,
): AssistHover | undefined {
  const accesses = targetAccesses(model, cloud, matches);
  if (accesses.length === 0) return undefined;
  const vnets = reachingVnets(
    model,
    accesses.map((access) => (access.endpoint.subnet?.resolved ? access.endpoint.subnet.target.vnet : undefined)),
  );
  const lines = [`**Name resolution** of ${code(shown)}`, ''];
  if (vnets.length === 0) lines.push('- the virtual networks of its private endpoints are not known');
  for (const vnet of vnets) {
    const resolution = explainResolution(model, { asked: shown, resourceName: shown, accesses }, vnet);
    lines.push(bullet(`from ${code(resolution.from)}`, answerText(resolution)));
    resolution.steps.forEach((step, index) => lines.push(`    ${index + 1}. ${code(step.text)}`));
  }
  return { markdown: lines.join('\n'), range };
}

const answerText = (resolution: Resolution) =>
  ({ private: '**private**', public: '**public**', unknown: '**unknown**' })[resolution.answer];
