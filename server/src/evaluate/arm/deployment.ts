// ARM deployments across files: a template entry (with the files it links), a parameter file bound to
// its template by name (`X.parameters.json` → `X.json`, `X.jsonc`, or `X.bicep`), and ARM JSON used
// as a Bicep module. Results have the shape of evaluateBicepDeployment's (deployment.ts).
// Invariants: never throws; parameter file values are JSON as written (ARM does not evaluate them) and
// Key Vault references are unknown; a parameter file whose template cannot be found declares nothing.
import type { ArmModuleEvaluator } from '../bicep/file-evaluator';
import { evaluateBicepFile } from '../bicep/file-evaluator';
import { bicepTargetScope, isBicepUri, loadClosure, outlineFile, parameterNames } from '../bicep/files';
import type { BicepOutline } from '../../syntax/bicep';
import type { ParamsGiven, SourceLocation } from '../declaration';
import {
  inDeclaredCase,
  openParameterValues,
  withUnboundOpened,
  type DeploymentOptions,
  type DeploymentResult,
} from '../deployment';
import { defaultScope, type DeploymentScope } from '../scope';
import { isArray, isObject, makeObject, Unknown, type Value } from '../value';
import { EvaluationStopped, noteClock, startClock, type StopClock } from '../stop-clock';
import {
  bicepSourcesOf,
  compiledByBicep,
  loadArmClosure,
  loadArmText,
  parameterFileTemplates,
  parametersGiven,
  readArm,
  takesParameters,
  type ArmFileSource,
} from './files';
import { newBudget, type LoadedArmFile } from './input';
import { literalValue, memberValue } from './json-members';
import { declaresNothingNeeded } from './skim';
import { evaluateArmTemplate } from './template';

/** Evaluates the deployment `entry` starts: an ARM template, or an ARM parameter file with its template. */
export async function evaluateArmDeployment(
  entry: string,
  source: ArmFileSource,
  options: DeploymentOptions,
): Promise<DeploymentResult> {
  const result: DeploymentResult = { entry, template: entry, files: [], resources: [] };
  try {
    // Most templates of a broad workspace deploy nothing networking needs: a skim of the text spares
    // building their tree (the text is read through the source, so the workspace sees the dependency).
    if (options.needsType) {
      const text = await source.read(entry);
      if (text !== undefined && declaresNothingNeeded(text, options.needsType)) return { ...result, files: [entry] };
    }
    const first = await readArm(entry, source);
    if (!first) return result;
    result.files = [entry];
    if (first.arm.kind === 'arm-template') {
      const open = options.openParameters
        ? openParameterValues(
            (first.arm.template?.parameters ?? []).map((parameter) => parameter.name),
            'param',
          )
        : new Map<string, Value>();
      return await withTemplate(result, entry, open, source, options);
    }
    if (first.arm.kind !== 'arm-parameters') return result;
    const { values: params, at } = parameterFileBindings(first);
    const givenNames = parametersGiven(first);
    // The first candidate that is there (and, in ARM, is a template) and takes every parameter the file
    // gives is the parameter file's template (as the entry index decides: engine/entry-index.ts); a
    // template Bicep compiled from a file that is there is passed over for that file (compiledFromSibling).
    const bicepThere = async (uri: string) =>
      source.parsed?.(uri) !== undefined || (await source.read(uri)) !== undefined;
    const compiledFromOneThere = async (uri: string, text: string) => {
      if (!compiledByBicep(text)) return false;
      for (const bicep of bicepSourcesOf(uri)) if (await bicepThere(bicep)) return true;
      return false;
    };
    for (const candidate of parameterFileTemplates(entry)) {
      if (isBicepUri(candidate)) {
        const bicep = await bicepOutline(candidate, source);
        if (!bicep || !takesParameters(parameterNames(bicep), givenNames)) continue;
      } else {
        const template = await readArm(candidate, source);
        if (template?.arm.kind !== 'arm-template') continue;
        if (await compiledFromOneThere(candidate, template.text)) continue;
        const names = (template.arm.template?.parameters ?? []).map((parameter) => parameter.name);
        if (!takesParameters(names, givenNames)) continue;
      }
      const given = { template: candidate, at };
      return await withTemplate(result, candidate, params, source, options, given);
    }
  } catch (error) {
    // A defect costs this deployment's declarations, not the analysis (engine/analyze.ts); running
    // out of time is the workspace's to report.
    if (error instanceof EvaluationStopped) throw error;
  }
  return result;
}

/** The outline of a Bicep file of the deployment, or undefined when it is not there. */
async function bicepOutline(uri: string, source: ArmFileSource): Promise<BicepOutline | undefined> {
  const parsed = source.parsed?.(uri);
  if (parsed) return parsed.outline;
  const text = await source.read(uri);
  return text === undefined ? undefined : outlineFile(uri, text).outline;
}

/**
 * Evaluates the deployment's template with `params`: an ARM template, or a Bicep file named by an ARM
 * parameter file (`az deployment ... -f main.bicep -p main.parameters.json`).
 */
async function withTemplate(
  result: DeploymentResult,
  templateUri: string,
  params: ReadonlyMap<string, Value>,
  source: ArmFileSource,
  options: DeploymentOptions,
  given?: ParamsGiven,
): Promise<DeploymentResult> {
  if (isBicepUri(templateUri)) {
    const files = await loadClosure(templateUri, source);
    const file = files.get(templateUri);
    noteFiles(result, templateUri, files.keys());
    if (!file || typeof file === 'string') return result;
    const names = parameterNames(file.outline);
    const inCase = given && { ...given, at: inDeclaredCase(given.at, names) };
    const values = openUnbound(given ? inDeclaredCase(params, names) : params, names, options, inCase);
    const frame = rootFrame(result, templateUri, values, options, bicepTargetScope(file.outline), inCase);
    return timed(result, options, (clock) =>
      evaluateBicepFile({
        ...frame,
        file,
        files,
        armModule: options.armModule ?? armModuleEvaluator,
        clock,
        ...(options.needsType ? { needsType: options.needsType } : {}),
        ...(options.neededProperties ? { neededProperties: options.neededProperties } : {}),
        ...(options.wantsDeclaration ? { wantsDeclaration: options.wantsDeclaration } : {}),
      }),
    );
  }
  const files = await loadArmClosure(templateUri, source);
  const file = files.get(templateUri);
  noteFiles(result, templateUri, files.keys());
  if (!file?.arm.template) return result;
  const names = file.arm.template.parameters.map((parameter) => parameter.name);
  const values = openUnbound(params, names, options, given);
  const frame = rootFrame(result, templateUri, values, options, armScopeKind(file), given);
  return timed(result, options, (clock) =>
    evaluateArmTemplate({
      ...frame,
      file,
      files,
      budget: newBudget(clock),
      // Demand as for a Bicep entry (demand.ts): only resources that may declare what the analysis needs.
      ...(options.needsType ? { needsType: options.needsType } : {}),
      ...(options.neededProperties ? { neededProperties: options.neededProperties } : {}),
      ...(options.wantsDeclaration ? { wantsDeclaration: options.wantsDeclaration } : {}),
    }),
  );
}

/** In the open evaluation (DESIGN §2), a parameter file's values with what it leaves unbound opened. */
function openUnbound(
  params: ReadonlyMap<string, Value>,
  templateParameters: readonly string[],
  options: DeploymentOptions,
  given: ParamsGiven | undefined,
): ReadonlyMap<string, Value> {
  return options.openParameters && given ? withUnboundOpened(params, templateParameters, 'param') : params;
}

/** Notes the deployment's template and every file it read (the entry first). */
function noteFiles(result: DeploymentResult, templateUri: string, read: Iterable<string>): void {
  result.template = templateUri;
  result.files = [...new Set([result.entry, ...read])];
}

/**
 * The root frame of a deployment, in either language: its template, evaluated once at the top, in the
 * default scope of the kind the template targets.
 */
function rootFrame(
  result: DeploymentResult,
  templateUri: string,
  params: ReadonlyMap<string, Value>,
  options: DeploymentOptions,
  scopeKind: DeploymentScope['kind'],
  given: ParamsGiven | undefined,
) {
  return {
    scope: defaultScope(options.cloud, scopeKind, options.environment, options.scopeTag),
    params,
    paramKeyPrefix: 'param',
    via: [],
    condition: true,
    count: 1,
    stack: [templateUri],
    sink: result.resources,
    ...(given ? { paramsGiven: given } : {}),
  };
}

/** Evaluates under the deployment's time limit and notes on the result where the limit stopped it. */
function timed(
  result: DeploymentResult,
  options: DeploymentOptions,
  evaluate: (clock: StopClock | undefined) => void,
): DeploymentResult {
  const clock = startClock(options.timeLimitMs);
  evaluate(clock);
  noteClock(result, clock);
  return result;
}

/**
 * A parameter file's values by name, and where it writes each (what findings resting on them name):
 * `{ "value": ... }` as written; a Key Vault `reference` is unknown (and written nowhere findings could
 * point), and so is a value holding one of the Azure Quickstart Templates' test tokens (`GEN-UNIQUE`,
 * `GEN-PASSWORD`, `GEN-VNET-NAME`, and `GET-PREREQ-vnetName` for an output of the sample's prerequisite
 * deployment): that repository's tests replace each with a value made for the run, so the file does
 * not say what deploys.
 */
export function parameterFileBindings(file: LoadedArmFile): {
  values: Map<string, Value>;
  at: Map<string, SourceLocation>;
} {
  const values = new Map<string, Value>();
  const at = new Map<string, SourceLocation>();
  for (const parameter of file.arm.parameters?.parameters ?? []) {
    const node = parameter.value;
    if (node) at.set(parameter.name, { uri: file.uri, start: node.offset, end: node.offset + node.length });
    const value = node ? literalValue(node) : undefined;
    if (value !== undefined && !holdsQuickstartToken(value)) values.set(parameter.name, value);
    else if (value !== undefined || parameter.reference)
      values.set(parameter.name, new Unknown(`param:${parameter.name}`));
  }
  return { values, at };
}

/** `GEN-` and a capital or a digit, or `GET-PREREQ-` and a name, not inside a longer word. */
const quickstartToken = /(?:^|[^A-Za-z0-9])(?:GEN-[A-Z0-9]|GET-PREREQ-[A-Za-z0-9])/;

function holdsQuickstartToken(value: Value): boolean {
  if (typeof value === 'string') return quickstartToken.test(value);
  if (isArray(value)) return value.some(holdsQuickstartToken);
  if (isObject(value)) return Object.values(value).some(holdsQuickstartToken);
  return false;
}

/** The deployment scope a template's `$schema` names (resource group unless it says otherwise). */
export function armScopeKind(file: LoadedArmFile): DeploymentScope['kind'] {
  const schema = memberValue(file.arm.root, '$schema')?.value;
  if (typeof schema !== 'string') return 'resourceGroup';
  if (/subscriptionDeploymentTemplate/i.test(schema)) return 'subscription';
  if (/managementGroupDeploymentTemplate/i.test(schema)) return 'managementGroup';
  if (/tenantDeploymentTemplate/i.test(schema)) return 'tenant';
  return 'resourceGroup';
}

/**
 * Evaluates an ARM JSON template used as a Bicep module (`module m './t.json'`) with the module's
 * params, in the module's scope; its resources join the caller's sink with the call's via, condition
 * and count. Returns its outputs (plain values, as a Bicep module's).
 */
export const armModuleEvaluator: ArmModuleEvaluator = (uri, text, params, input) =>
  armModuleEvaluatorWith(loadArmText)(uri, text, params, input);

/**
 * The same, reading module texts through `load` (the workspace's per-file cache, so a module called
 * from many deployments, such as a cached registry module, is read once while it is kept).
 */
export const armModuleEvaluatorWith =
  (load: (uri: string, text: string) => LoadedArmFile): ArmModuleEvaluator =>
  (uri, text, params, input) => {
    const file = load(uri, text);
    if (!file.arm.template) return makeObject([]);
    return evaluateArmTemplate({
      file,
      files: input.files,
      params,
      paramKeyPrefix: input.paramKeyPrefix,
      scope: input.scope,
      via: input.via,
      condition: input.condition,
      count: input.count,
      stack: input.stack,
      sink: input.sink,
      ...(input.clock ? { clock: input.clock } : {}),
      ...(input.instanceKey !== undefined ? { instanceKey: input.instanceKey } : {}),
      ...(input.instance !== undefined ? { instance: input.instance } : {}),
      // The caller's demand carries into the module (demand.ts): only what the analysis needs is evaluated.
      ...(input.needsType ? { needsType: input.needsType } : {}),
      ...(input.neededProperties ? { neededProperties: input.neededProperties } : {}),
      ...(input.wantsDeclaration ? { wantsDeclaration: input.wantsDeclaration } : {}),
    });
  };
