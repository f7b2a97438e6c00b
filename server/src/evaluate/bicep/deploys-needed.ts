// Whether a Bicep file may deploy a resource the analysis needs, read from outlines alone (no parse):
// a deployment or module that cannot is not evaluated unless something reads its outputs (issue 16).
import { splitResourceType, type OutlineEntry } from '../../syntax/bicep';
import { cachedModuleFor } from '../registry/cache-location';
import { cachedModuleMayDeclareNeeded } from '../registry/cached-skim';
import { registryModelOf } from '../registry';
import type { BicepInput } from './file-evaluator';
import { configText, isRegistryPath, resolveLocalPath } from './files';

/** What deciding whether files deploy something needed reads of a deployment's input. */
type DeployingInput = Pick<BicepInput, 'files' | 'needsType' | 'deploysNeeded'>;

/**
 * Whether a declaration may put a resource the analysis needs into the model without being asked
 * for: such a resource (or a parent of one), or a module call whose files declare one, or a
 * registry module an interface model declares. Any other registry or missing module deploys nothing
 * known; a module of only role assignments and child settings is evaluated only if something reads
 * its outputs. A header that is not a plain string (an error in the file) counts as needed.
 */
export function entryDeploysNeeded(
  entry: OutlineEntry,
  fromUri: string,
  input: DeployingInput,
  // Made only for a local module call: asked for every declaration of every file evaluated.
  seen?: Set<string>,
): boolean {
  if (entry.keyword === 'resource') {
    return (
      !input.needsType ||
      entry.literal === undefined ||
      input.needsType(splitResourceType(entry.literal).type, entry.existing)
    );
  }
  if (entry.keyword !== 'module') return false;
  if (entry.literal === undefined) return true;
  if (isRegistryPath(entry.literal)) {
    const cached = cachedModuleFor(fromUri, entry.literal, configText(input.files));
    const text = cached === undefined ? undefined : input.files.get(cached);
    // The cached module wins over the model: its text says whether it may deploy anything needed.
    if (cached !== undefined && typeof text === 'string')
      return !input.needsType || cachedModuleMayDeclareNeeded(cached, text, input.needsType);
    return registryModelOf(entry.literal)?.status === 'modelled';
  }
  const target = resolveLocalPath(fromUri, entry.literal);
  return target !== undefined && fileDeploysNeeded(target, input, seen);
}

/**
 * Whether a declaration is a module call whose file is not read: a local path not among the deployment's
 * files (missing, or outside the files analysed), or a registry module neither cached nor modelled.
 * What it deploys is unknown; it is evaluated for what it is given (modules.ts declareUnreadCall).
 */
export function isUnreadCall(entry: OutlineEntry, fromUri: string, input: DeployingInput): boolean {
  if (entry.keyword !== 'module' || entry.literal === undefined) return false;
  if (isRegistryPath(entry.literal)) {
    const cached = cachedModuleFor(fromUri, entry.literal, configText(input.files));
    if (cached !== undefined && typeof input.files.get(cached) === 'string') return false;
    return registryModelOf(entry.literal)?.status !== 'modelled';
  }
  const target = resolveLocalPath(fromUri, entry.literal);
  return target === undefined || input.files.get(target) === undefined;
}

/** Whether a Bicep file of the deployment, or a module it calls, may deploy something needed (memoised per deployment). */
export function fileDeploysNeeded(uri: string, input: DeployingInput, seen?: Set<string>): boolean {
  const file = input.files.get(uri);
  if (file === undefined || seen?.has(uri)) return false;
  if (typeof file === 'string' || !input.needsType) return true; // an ARM JSON module is not outlined
  // Kept with the deployment's inputs, since every module file is asked often (a WeakMap keyed by the
  // file map, as before, kept each deployment's answers alive past young-generation collections).
  const known = (input.deploysNeeded ??= new Map());
  const answer = known.get(uri);
  if (answer !== undefined) return answer;
  // The files this walk has visited matter only to a module call's walk: a file that calls no module
  // (most) makes no Set.
  const visited = seen ?? (file.outline.entries.some(callsModule) ? new Set<string>() : undefined);
  visited?.add(uri);
  const deploys = file.outline.entries.some((entry) => entryDeploysNeeded(entry, uri, input, visited));
  known.set(uri, deploys);
  return deploys;
}

const callsModule = (entry: OutlineEntry) => entry.keyword === 'module';

/**
 * Whether the Bicep file `uri` of a deployment's `files` may deploy something needed: when it is the
 * entry and does not, evaluateBicepEntry evaluates nothing (engine/quiet-deployment.ts asks first).
 */
export function deploysSomethingNeeded(
  uri: string,
  files: BicepInput['files'],
  needsType: NonNullable<BicepInput['needsType']>,
): boolean {
  return fileDeploysNeeded(uri, { files, needsType });
}
