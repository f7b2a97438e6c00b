// Deployments known to deploy nothing the analysis needs, answered from the index without evaluating
// them: most registry modules and many templates hold only role assignments, locks and settings, and
// evaluating them (files loaded again, a scope, a clock, the inputs, several awaits) cost more than
// the rest of their analysis. Invariant: the answer is exactly what evaluateBicepDeployment gives
// for the same entry (no resource, the files it reads in the order it reads them), or none.
import type { DeploymentResult } from '../evaluate/deployment';
import { deploysSomethingNeeded } from '../evaluate/bicep/deploys-needed';
import { isRegistryPath, loadLimits, resolveLocalPath, type LoadedBicepFile } from '../evaluate/bicep/files';

/** What the index holds of a Bicep file it has: its outline, its version and the paths it refers to. */
export interface IndexedBicep {
  loaded: LoadedBicepFile;
  version: number;
  references: readonly string[];
}

/**
 * The result of a Bicep entry (not a parameter file) whose files are all indexed Bicep files, that
 * refers to no registry module (its bicepconfig.json files would be read) and that deploys nothing
 * needed; with the version of each file read. Undefined when any of that is not so: the entry is
 * then evaluated as usual.
 */
export function quietDeployment(
  entry: string,
  indexedBicep: (uri: string) => IndexedBicep | undefined,
  needsType: (type: string, existing: boolean) => boolean,
): { result: DeploymentResult; read: Map<string, number> } | undefined {
  // The walk of loadClosure (evaluate/bicep/files.ts), breadth first from the entry.
  const files = new Map<string, LoadedBicepFile>();
  const read = new Map<string, number>();
  const queue = [entry];
  // Walked by index, not shift(): the queue is dropped after the walk anyway.
  for (let next = 0; next < queue.length; next++) {
    // A closure cut at the limit is loadClosure's to cut.
    if (files.size >= loadLimits.maxFiles) return undefined;
    const uri = queue[next];
    if (files.has(uri)) continue;
    const indexed = indexedBicep(uri);
    if (!indexed) return undefined;
    files.set(uri, indexed.loaded);
    read.set(uri, indexed.version);
    for (const path of indexed.references) {
      if (isRegistryPath(path)) return undefined;
      const target = resolveLocalPath(uri, path);
      if (target && !files.has(target)) queue.push(target);
    }
  }
  if (deploysSomethingNeeded(entry, files, needsType)) return undefined;
  return { result: { entry, template: entry, files: [...files.keys()], resources: [] }, read };
}
