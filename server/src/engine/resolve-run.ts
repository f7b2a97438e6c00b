// `resolve` over documents: every deployment's model that holds both the target and the asking VNet
// explains how the target resolves from there (engine/resolve.ts). Invariant: never throws for any
// input; a target or VNet the files do not hold is a problem message, not a guess.
import type { Cloud } from '../facts';
import { deploymentModels } from './deployments';
import { explainResolution, resolutionData, type Resolution } from './resolve';
import { findTarget, findVnets } from './resolve-target';
import type { Host, SourceDocument } from './types';
import { defaultLimits } from './limits';
import { Workspace } from './workspace';

export interface ResolveOutcome {
  resolutions: Resolution[];
  /** Why nothing could be explained: the target or the VNet is not in the analysed files. */
  problems: string[];
}

export async function resolveInDocuments(
  documents: readonly SourceDocument[],
  host: Host,
  cloud: Cloud,
  target: string,
  from: string,
): Promise<ResolveOutcome> {
  const workspace = new Workspace(host, { ...defaultLimits, evaluationMs: 60_000 });
  workspace.setCloud(cloud);
  for (const document of documents) workspace.setFile(document.uri, document.text);
  const models = deploymentModels(await workspace.evaluate());
  const resolutions: Resolution[] = [];
  const seen = new Set<string>();
  let targetFound = false;
  let vnetFound = false;
  for (const model of models) {
    const found = findTarget(model, cloud, target);
    const vnets = findVnets(model, from);
    targetFound ||= found !== undefined;
    vnetFound ||= vnets.length > 0;
    if (!found) continue;
    for (const vnet of vnets) {
      const resolution = resolutionData(explainResolution(model, found, vnet));
      // A module analysed through two roots, or a VNet seen by both, explains the same way once.
      const key = JSON.stringify(resolution);
      if (seen.has(key)) continue;
      seen.add(key);
      resolutions.push(resolution);
    }
  }
  const problems: string[] = [];
  if (!targetFound)
    problems.push(
      `no private endpoint of the analysed files connects to '${target}' (give the target's resource name, or <name>.<service suffix>)`,
    );
  if (!vnetFound) problems.push(`no virtual network named '${from}' is in the analysed files`);
  else if (targetFound && resolutions.length === 0)
    problems.push(`'${target}' and '${from}' are in different deployments: no one model holds both`);
  return { resolutions, problems };
}
