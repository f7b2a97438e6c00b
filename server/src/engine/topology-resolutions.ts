// The name resolutions the topology view draws (issue 17): for every private-link target of each
// deployment, how its names resolve from each VNet that reaches it (engine/resolve.ts), with the
// entities each step goes through as the ids of the model's JSON, so the view can draw the path.
// Invariant: each deployment is explained on its own model, as the rules judge it; a target and
// VNet explained alike by two deployments (a module with two callers) are listed once.
import type { Cloud } from '../facts';
import { asWritten, displayValue, type NetworkModel, type Target } from '../model';
import type { TopologyResolutionJson } from '../protocol';
import { explainResolution } from './resolve';
import { reachingVnets } from './resolve-reach';
import { targetAccesses, type TargetAccess } from './resolve-target';

export function topologyResolutions(models: readonly NetworkModel[], cloud: Cloud): TopologyResolutionJson[] {
  const resolutions: TopologyResolutionJson[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    for (const target of targetsOf(model, cloud)) {
      const homes = target.accesses.map((access) =>
        access.endpoint.subnet?.resolved ? access.endpoint.subnet.target.vnet : undefined,
      );
      for (const vnet of reachingVnets(model, homes)) {
        const resolution = explainResolution(
          model,
          { asked: target.name, resourceName: target.name, accesses: target.accesses },
          vnet,
        );
        const json: TopologyResolutionJson = {
          target: target.id,
          targetName: target.name,
          from: displayValue(vnet.id),
          fromName: resolution.from,
          answer: resolution.answer,
          steps: resolution.steps.map((step) => ({
            step: step.step,
            text: step.text,
            entities: [...new Set((step.via ?? []).map((entity) => displayValue(entity.id)))],
          })),
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
  accesses: TargetAccess[];
}

/**
 * The targets the model's endpoints connect to, each with its accesses (one pass over the endpoints):
 * declared targets, and the ids of targets outside the files (compared case-insensitively).
 */
function targetsOf(model: NetworkModel, cloud: Cloud): TargetOfEndpoints[] {
  const byTarget = new Map<Target | string, TargetOfEndpoints>();
  for (const access of targetAccesses(model, cloud, () => true)) {
    const { connection } = access;
    const declared =
      connection.target?.resolved && connection.target.target.kind === 'target' ? connection.target.target : undefined;
    const outside =
      !connection.target?.resolved && typeof connection.targetId === 'string' ? connection.targetId : undefined;
    const key = declared ?? outside?.toLowerCase().replace(/\/+$/, '');
    if (key === undefined) continue;
    let target = byTarget.get(key);
    if (!target) {
      const trimmed = outside?.replace(/\/+$/, '');
      target = declared
        ? { id: displayValue(declared.id), name: asWritten(declared.name), accesses: [] }
        : { id: outside!, name: trimmed!.slice(trimmed!.lastIndexOf('/') + 1) || outside!, accesses: [] };
      byTarget.set(key, target);
    }
    target.accesses.push(access);
  }
  return [...byTarget.values()];
}
