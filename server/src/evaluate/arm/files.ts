// The files an ARM deployment reads, loaded before evaluation so evaluation itself is synchronous:
// the entry, and every file a `templateLink.relativePath` names (transitively). Also: which template a
// parameter file binds, and a small parse cache so a file read twice is parsed once.
// Invariants: bounded (`loadLimits.maxFiles`; each file visited once, so a cycle of links ends); a
// missing file is simply absent; only literal relative paths are followed (an expression path is
// evaluated later and finds its file only if a literal elsewhere loaded it).
import type { Node } from 'jsonc-parser';
import { armExpressions, armLiteralString, armResources, readArmFile, type ArmExpr } from '../../syntax/arm';
import { isBicepUri, loadLimits, resolveLocalPath, type FileSource } from '../bicep/files';
import type { ArmFileMap, LoadedArmFile } from './input';

/** A FileSource that may also hand over ARM files already read (the workspace index caches them). */
export interface ArmFileSource extends FileSource {
  armParsed?(uri: string): LoadedArmFile | undefined;
}

const parseCache = new Map<string, LoadedArmFile>();
const parseCacheSize = 16;

/** Reads ARM text into a LoadedArmFile; the same uri and text give the same object while it stays cached. */
export function loadArmText(uri: string, text: string): LoadedArmFile {
  const cached = parseCache.get(uri);
  parseCache.delete(uri);
  if (cached && cached.text === text) {
    parseCache.set(uri, cached);
    return cached;
  }
  const arm = readArmFile(text);
  const expressions = new Map<Node, ArmExpr | null>();
  if (arm.template)
    for (const site of armExpressions(arm.template)) expressions.set(site.node, site.expression ?? null);
  const loaded: LoadedArmFile = { uri, text, arm, expressions, templateNames: new Map(), errorsComplete: true };
  parseCache.set(uri, loaded);
  if (parseCache.size > parseCacheSize) parseCache.delete(parseCache.keys().next().value!);
  return loaded;
}

/**
 * Reads ARM text for evaluation only, its syntax errors asked of nobody (a registry module from Bicep's
 * restore cache): its expressions are parsed when evaluation first reaches them, not while reading
 * (an analysis evaluates a small part of an AVM module, and parsing every expression was a third of
 * reading a template into its views). Not put in the parse cache, whose readings carry every error.
 */
export function loadArmTextForEvaluation(uri: string, text: string): LoadedArmFile {
  const arm = readArmFile(text, { expressions: false });
  return { uri, text, arm, expressions: new Map(), templateNames: new Map(), errorsComplete: false };
}

/** The ARM file `uri` in a map of loaded files (texts are read on first use); undefined for Bicep or absent files. */
export function armFileAt(files: ArmFileMap, uri: string): LoadedArmFile | undefined {
  const entry = files.get(uri);
  if (typeof entry === 'string') return isBicepUri(uri) ? undefined : loadArmText(uri, entry);
  return entry !== undefined && 'arm' in entry ? entry : undefined;
}

/** The files a template links by literal `templateLink.relativePath`, resolved against the template's uri. */
export function armLinkedPaths(file: LoadedArmFile): string[] {
  const targets: string[] = [];
  if (!file.arm.template) return targets;
  for (const resource of armResources(file.arm.template)) {
    const path = armLiteralString(resource.deployment?.relativePath);
    const target = path ? resolveLocalPath(file.uri, path) : undefined;
    if (target && !targets.includes(target)) targets.push(target);
  }
  return targets;
}

/** `armLinkedPaths` of ARM text (for loaders of other languages, e.g. Bicep modules written in ARM JSON). */
export function armLinkedPathsOfText(uri: string, text: string): string[] {
  return armLinkedPaths(loadArmText(uri, text));
}

/**
 * The templates a parameter file may bind, most likely first: `X.parameters.json` → `X.json`,
 * `X.jsonc`, `X.bicep` (and the same for `X.parameters.jsonc`), and `parameters-X.json` likewise;
 * `parameters.json` → `template.*` beside it (a portal export). None for other names. The Azure
 * Quickstart Templates layout binds `azuredeploy.parameters.json` to `azuredeploy.json`, or to
 * `main.bicep` where the sample is written in Bicep (the repository's contribution guide: "Template
 * File: main.bicep or azuredeploy.json"). Not its US Government file (`azuredeploy.parameters.us.json`):
 * its values (regions, zone names) are that cloud's, and the analysis judges one cloud, the configured.
 * A parameter file in a folder named `parameters` may also bind the template of that name above it.
 */
export function parameterFileTemplates(uri: string): string[] {
  const beside = templatesBeside(uri);
  // ALZ-Bicep's layout: `hubNetworking/parameters/hubNetworking.parameters.all.json` for the template in
  // the folder above (`hubNetworking/hubNetworking.bicep`), after any template beside the file.
  const inParametersFolder = /^(.*\/)parameters\/([^/]+)$/i.exec(uri);
  return inParametersFolder ? [...beside, ...templatesBeside(inParametersFolder[1] + inParametersFolder[2])] : beside;
}

/** parameterFileTemplates for the templates in the parameter file's own folder. */
function templatesBeside(uri: string): string[] {
  const templates = (base: string, extension: string) => {
    const json = extension.toLowerCase() === 'jsonc' ? ['jsonc', 'json'] : ['json', 'jsonc'];
    return [...json.map((ext) => `${base}.${ext}`), `${base}.bicep`];
  };
  const plain = /^(.*)\.parameters\.(jsonc?)$/i.exec(uri);
  if (plain) {
    // `azuredeploy.dev.parameters.json`: the template of that environment if there is one, else the template.
    const [, base, extension] = plain;
    const environment = /^(.*\/[^/]+)\.[^./]+$/.exec(base);
    if (environment) return [...templates(base, extension), ...templates(environment[1], extension)];
    const quickstart = /^(.*\/)azuredeploy$/i.exec(base);
    return [...templates(base, extension), ...(quickstart ? [`${quickstart[1]}main.bicep`] : [])];
  }
  // `azuredeploy.parameters.dev.json`: one environment's values for `azuredeploy.json`.
  const perEnvironment = /^(.*)\.parameters\.[^./]+\.(jsonc?)$/i.exec(uri);
  if (perEnvironment) return templates(perEnvironment[1], perEnvironment[2]);
  // `parameters-main.json` for `main.bicep`: the layout of Azure's landing zone accelerators (AKS, ARO,
  // Container Apps: `az deployment sub create -f 01-Network-Hub/main.bicep -p 01-Network-Hub/parameters-main.json`).
  const prefixed = /^(.*\/)parameters-([^/]+)\.(jsonc?)$/i.exec(uri);
  if (prefixed) return templates(`${prefixed[1]}${prefixed[2]}`, prefixed[3]);
  // `parameters.json` alone: a portal export's, beside its `template.json`. Not for `main.bicep` or another
  // template beside it: such a file is as often another template's of the folder (a review found certain
  // errors from a `parameters.json` written for `spoke.bicep` bound to `main.bicep`).
  const bare = /^(.*\/)parameters\.(jsonc?)$/i.exec(uri);
  return bare ? templates(`${bare[1]}template`, bare[2]) : [];
}

/**
 * Whether a template declaring `templateParameters` can take every parameter a parameter file gives
 * (`given`), names compared without case as ARM compares them: ARM rejects a deployment whose parameter
 * file gives a parameter its template does not declare, so a file that gives one is not that template's
 * (it is written for another of the same name), and binds it no value.
 */
export function takesParameters(templateParameters: readonly string[], given: Iterable<string>): boolean {
  const declared = new Set(templateParameters.map((name) => name.toLowerCase()));
  for (const name of given) if (!declared.has(name.toLowerCase())) return false;
  return true;
}

/** The names of the parameters an ARM parameter file gives. */
export function parametersGiven(file: LoadedArmFile): string[] {
  return (file.arm.parameters?.parameters ?? []).map((parameter) => parameter.name);
}

/** The generator stamp Bicep writes at the top of a compiled template's `metadata`. */
const bicepGenerator = /"_generator"\s*:\s*\{\s*"name"\s*:\s*"bicep"/;

/** Whether ARM JSON `text` is a template Bicep compiled (its `metadata._generator` says so, near the top). */
export const compiledByBicep = (text: string): boolean => bicepGenerator.test(text.slice(0, 4096));

/**
 * The Bicep files an ARM template at `uri` is compiled from when repositories commit both: `main.json`
 * from `main.bicep` beside it, and, in the Quickstart layout (parameterFileTemplates), `azuredeploy.json`
 * from `main.bicep`. None for a name that is not `.json`.
 */
export function bicepSourcesOf(uri: string): string[] {
  if (!/\.json$/i.test(uri)) return [];
  const sameName = uri.replace(/\.json$/i, '.bicep');
  const quickstart = /^(.*\/)azuredeploy\.json$/i.exec(uri);
  return quickstart ? [sameName, `${quickstart[1]}main.bicep`] : [sameName];
}

export async function readArm(uri: string, source: ArmFileSource): Promise<LoadedArmFile | undefined> {
  const parsed = source.armParsed?.(uri);
  if (parsed) return parsed;
  const text = await source.read(uri);
  return text === undefined ? undefined : loadArmText(uri, text);
}

/** Loads `entry` and every file its templates link by relative path. */
export async function loadArmClosure(entry: string, source: ArmFileSource): Promise<Map<string, LoadedArmFile>> {
  const loaded = new Map<string, LoadedArmFile>();
  const queue = [entry];
  while (queue.length > 0 && loaded.size < loadLimits.maxFiles) {
    const uri = queue.shift()!;
    if (loaded.has(uri) || isBicepUri(uri)) continue;
    const file = await readArm(uri, source);
    if (!file) continue;
    loaded.set(uri, file);
    for (const target of armLinkedPaths(file)) if (!loaded.has(target)) queue.push(target);
  }
  return loaded;
}
