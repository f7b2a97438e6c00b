// The name resolutions the topology view draws (issue 17): for every private-link target of each
// deployment, how its names resolve from each VNet that reaches it (engine/resolve.ts), with the
// entities each step goes through as the ids of the model's JSON, so the view can draw the path.
// Invariant: each deployment is explained on its own model, as the rules judge it; a target and
// VNet explained alike by two deployments (a module with two callers) are listed once.
import type { Cloud } from '../facts';
import { asWritten, displayValue, same, type NetworkModel, type PrivateLinkConnection, type Target, type Value } from '../model';
import type { TopologyResolutionJson } from '../protocol';
import { explainResolution } from './resolve';
import { reachingVnets } from './resolve-reach';
import { connectsToTarget, targetAccesses } from './resolve-target';

const sameId = (a: Value, b: Value) => same(a, b, true) === true;

export function topologyResolutions(models: readonly NetworkModel[], cloud: Cloud): TopologyResolutionJson[] {
  const resolutions: TopologyResolutionJson[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    for (const target of targetsOf(model)) {
      const accesses = targetAccesses(model, cloud, target.matches);
      if (accesses.length === 0) continue;
      const homes = accesses.map((access) => (access.endpoint.subnet?.resolved ? access.endpoint.subnet.target.vnet : undefined));
      for (const vnet of reachingVnets(homes)) {
        const resolution = explainResolution(model, { asked: target.name, resourceName: target.name, accesses }, vnet);
        const json: TopologyResolutionJson = {
          target: target.id, targetName: target.name, from: displayValue(vnet.id), fromName: resolution.from, answer: resolution.answer,
          steps: resolution.steps.map((step) => ({ step: step.step, text: step.text, entities: [...new Set((step.via ?? []).map((entity) => displayValue(entity.id)))] })),
        };
        const key = JSON.stringify(json);
        if (seen.has(key)) continue;
        seen.add(key);
        resolutions.push(json);
      }
    }
  }
  return resolutions;
}

interface TargetOfEndpoints {
  id: string;
  name: string;
  matches: (connection: PrivateLinkConnection) => boolean;
}

/** The targets the model's endpoints connect to: declared ones, and ids of targets outside the files. */
function targetsOf(model: NetworkModel): TargetOfEndpoints[] {
  const found: TargetOfEndpoints[] = [];
  const declared = new Set<Target>();
  const outside = new Set<string>();
  for (const endpoint of model.privateEndpoints) {
    for (const connection of endpoint.connections) {
      const target = connection.target?.resolved ? connection.target.target : undefined;
      if (target?.kind === 'target') {
        if (declared.has(target)) continue;
        declared.add(target);
        found.push({ id: displayValue(target.id), name: asWritten(target.name), matches: (other) => connectsToTarget(other, target) });
      } else if (!connection.target?.resolved && typeof connection.targetId === 'string' && !outside.has(connection.targetId.toLowerCase())) {
        const id = connection.targetId;
        outside.add(id.toLowerCase());
        const trimmed = id.replace(/\/+$/, '');
        found.push({ id, name: trimmed.slice(trimmed.lastIndexOf('/') + 1) || id, matches: (other) => !other.target?.resolved && sameId(other.targetId, id) });
      }
    }
  }
  return found;
}
