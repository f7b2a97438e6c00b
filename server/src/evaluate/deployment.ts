// Evaluates deployments across files: a Bicep entry (with its modules and imports), or a
// .bicepparam file (its `using` template with the assigned values). Invariant: evaluating one
// entry never throws; whatever is missing or cyclic becomes unknown.
import { BicepFile, evaluateBicepEntry, type ArmModuleEvaluator, type BicepInput } from './bicep/file-evaluator';
import {
  bicepTargetScope,
  loadClosure,
  parameterNames,
  resolveLocalPath,
  type FileSource,
  type LoadedBicepFile,
} from './bicep/files';
import type { ParamsGiven, ResourceDecl, SourceLocation, WantsDeclaration } from './declaration';
import { defaultScope } from './scope';
import { Unknown, type Value } from './value';
import { noteClock, startClock, type CollapsedLoop, type OversizedAt, type StopClock } from './stop-clock';

export interface DeploymentOptions {
  /** The cloud's name (facts' `Cloud`); evaluation reads only `environment`. */
  cloud: string;
  /** What `environment()` returns in that cloud (built from facts by the engine). */
  environment: Value;
  /** Keeps this deployment's unknown subscription and resource group apart from others'. */
  scopeTag?: string;
  armModule?: ArmModuleEvaluator;
  /** See EvaluationInput.needsType and neededProperties. */
  needsType?: (type: string, existing: boolean) => boolean;
  neededProperties?: (type: string) => readonly string[] | undefined;
  /** See EvaluationInput.wantsDeclaration. */
  wantsDeclaration?: WantsDeclaration;
  /** Evaluation time allowed for the deployment; beyond it evaluation throws EvaluationStopped. */
  timeLimitMs?: number;
  /**
   * Every parameter of the entry template is unknown, defaults included: what any deployer may
   * pass (DESIGN §2 "Absence is judged over every value a caller may pass"). Parameter files bind
   * their values as usual; modules get what their callers pass.
   */
  openParameters?: boolean;
}

/** The entry template's parameters as unknowns, keyed like parameters nobody binds. */
export function openParameterValues(names: Iterable<string>, keyPrefix: string): Map<string, Value> {
  return new Map([...names].map((name) => [name, new Unknown(`${keyPrefix}:${name}`)]));
}

/**
 * A parameter file's values, and the template's parameters it leaves unbound opened (as
 * openParameterValues): the file makes certain what it binds, and a deployer may still pass the others
 * beside it (`-p main.parameters.json -p deployZoneGroup=true`). Names compare without case, as ARM's do.
 */
export function withUnboundOpened(
  bound: ReadonlyMap<string, Value>,
  templateParameters: readonly string[],
  keyPrefix: string,
): Map<string, Value> {
  const boundNames = new Set([...bound.keys()].map((name) => name.toLowerCase()));
  const unbound = templateParameters.filter((name) => !boundNames.has(name.toLowerCase()));
  return new Map([...bound, ...openParameterValues(unbound, keyPrefix)]);
}

/**
 * `bound` with each name written as the template declares it, where the two differ only in case: an
 * ARM parameter file's names compare without case (ARM's do), and a Bicep template reads its own.
 */
export function inDeclaredCase<T>(
  bound: ReadonlyMap<string, T>,
  templateParameters: readonly string[],
): Map<string, T> {
  const declared = new Map(templateParameters.map((name) => [name.toLowerCase(), name]));
  return new Map([...bound].map(([name, value]) => [declared.get(name.toLowerCase()) ?? name, value]));
}

export interface DeploymentResult {
  entry: string;
  /** The template a parameter file binds (the entry itself otherwise). */
  template: string;
  /** Every file the deployment read. */
  files: string[];
  resources: ResourceDecl[];
  /** The first expression whose value evaluation made unknown for its size (value-size.ts). */
  oversized?: OversizedAt;
  /** The first loop with too many items to evaluate one by one. */
  collapsedLoop?: CollapsedLoop;
  /** The first module call or nested deployment past the depth they may nest. */
  tooDeep?: SourceLocation;
}

export async function evaluateBicepDeployment(
  entry: string,
  source: FileSource,
  options: DeploymentOptions,
): Promise<DeploymentResult> {
  const files = await loadClosure(entry, source);
  const loaded = files.get(entry);
  const result: DeploymentResult = { entry, template: entry, files: [...files.keys()], resources: [] };
  if (!loaded || typeof loaded === 'string') return result;

  let template: LoadedBicepFile = loaded;
  let params = new Map<string, Value>();
  let given: ParamsGiven | undefined;
  const clock = startClock(options.timeLimitMs);
  if (loaded.outline.language === 'bicepparam') {
    const usingPath = loaded.outline.entries.find((entry) => entry.keyword === 'using')?.literal;
    const target = usingPath ? resolveLocalPath(entry, usingPath) : undefined;
    const file = target ? files.get(target) : undefined;
    if (!file || typeof file === 'string') return result;
    template = file;
    result.template = file.uri;
    const assigned = parameterAssignments(loaded, files, options, clock);
    given = { template: file.uri, at: assigned.at };
    // A base parameter file that could not be read may assign any parameter the leaf leaves alone; and
    // in the open evaluation, a deployer may pass any the files leave alone.
    params =
      assigned.open || options.openParameters
        ? withUnboundOpened(assigned.values, parameterNames(file.outline), `param:${file.uri}`)
        : assigned.values;
  } else if (options.openParameters) {
    params = openParameterValues(parameterNames(template.outline), `param:${template.uri}`);
  }
  const input: BicepInput = {
    file: template,
    files,
    params,
    // Qualified by the file: two deployments' unbound `param name` are different values.
    paramKeyPrefix: `param:${template.uri}`,
    scope: defaultScope(options.cloud, bicepTargetScope(template.outline), options.environment, options.scopeTag),
    via: [],
    condition: true,
    count: 1,
    stack: [template.uri],
    sink: result.resources,
    ...(given ? { paramsGiven: given } : {}),
    ...(options.armModule ? { armModule: options.armModule } : {}),
    ...(options.needsType ? { needsType: options.needsType } : {}),
    ...(options.neededProperties ? { neededProperties: options.neededProperties } : {}),
    ...(options.wantsDeclaration ? { wantsDeclaration: options.wantsDeclaration } : {}),
    clock,
  };
  evaluateBicepEntry(input);
  noteClock(result, clock);
  return result;
}

/** How deep `extends` chains of parameter files are followed (Bicep allows a chain; a loop must end). */
const maxExtendsDepth = 8;

/**
 * The values a .bicepparam file assigns, evaluated in the parameter file itself, over those of the
 * file it `extends` (its own assignments win), and where each is written (`at`). `open` when a base file
 * in the chain could not be read (missing, outside the files read, a loop, too deep): it may assign anything.
 */
function parameterAssignments(
  file: LoadedBicepFile,
  files: ReadonlyMap<string, LoadedBicepFile | string>,
  options: DeploymentOptions,
  clock: StopClock | undefined,
  chain: readonly string[] = [],
): Assignments {
  const inherited = baseAssignments(file, files, options, clock, [...chain, file.uri]);
  const own = ownAssignments(file, files, options, clock);
  for (const [name, value] of own.values) inherited.values.set(name, value);
  for (const [name, at] of own.at) inherited.at.set(name, at);
  return inherited;
}

function baseAssignments(
  file: LoadedBicepFile,
  files: ReadonlyMap<string, LoadedBicepFile | string>,
  options: DeploymentOptions,
  clock: StopClock | undefined,
  chain: readonly string[],
): Assignments {
  const extendsEntry = file.outline.entries.find((entry) => entry.keyword === 'extends');
  if (!extendsEntry) return { values: new Map(), at: new Map(), open: false };
  const path = extendsEntry.literal;
  const uri = path ? resolveLocalPath(file.uri, path) : undefined;
  const base = uri ? files.get(uri) : undefined;
  if (!uri || !base || typeof base === 'string' || chain.includes(uri) || chain.length > maxExtendsDepth)
    return { values: new Map(), at: new Map(), open: true };
  return parameterAssignments(base, files, options, clock, chain);
}

function ownAssignments(
  file: LoadedBicepFile,
  files: ReadonlyMap<string, LoadedBicepFile | string>,
  options: DeploymentOptions,
  clock: StopClock | undefined,
): Omit<Assignments, 'open'> {
  const evaluator = new BicepFile({
    file,
    files,
    params: new Map(),
    paramKeyPrefix: `param:${file.uri}`,
    scope: defaultScope(options.cloud, 'resourceGroup', options.environment, options.scopeTag),
    via: [],
    condition: true,
    count: 1,
    stack: [file.uri],
    sink: [],
    clock,
  });
  const values = new Map<string, Value>();
  const at = new Map<string, SourceLocation>();
  for (const entry of file.outline.entries) {
    if (entry.keyword !== 'param') continue;
    const name = entry.name;
    const value = name ? evaluator.symbol(name) : undefined;
    if (!name || value === undefined) continue;
    values.set(name, value);
    const assignment = file.outline.declaration(entry);
    const written = assignment?.kind === 'ParameterAssignment' ? assignment.value : entry;
    at.set(name, { uri: file.uri, start: written.start, end: written.end });
  }
  return { values, at };
}

/** What a chain of .bicepparam files assigns. */
interface Assignments {
  values: Map<string, Value>;
  at: Map<string, SourceLocation>;
  open: boolean;
}
