// The pipeline from text to findings: index the files, evaluate every deployment, build the
// network model, run the rules. Invariant: never throws for any input text; the evaluation of one
// deployment failing costs that deployment, not the analysis.
import { buildModel } from '../model/build';
import { modelToJson } from './model-json';
import type { NetworkModel } from '../model/types';
import type { Cloud } from '../facts';
import type { ModelJson, TopologyResolutionJson } from '../protocol';
import { LineIndex } from '../syntax/line-index';
import { classifyFile } from '../syntax/classify';
import type { DeploymentModels } from './deployments';
import { runRules } from './run-rules';
import { topologyResolutions } from './topology-resolutions';
import type { AnalysisOptions, AnalysisResult, FileAnalysis, Finding, Host, SourceDocument } from './types';
import type { DeploymentResult } from '../evaluate/deployment';
import { defaultAnalysisOptions } from './types';
import { Workspace } from './workspace';
import { defaultLimits } from './limits';

/** Analyses documents that form one workspace: every deployment among them, with what they pull in. */
export async function analyzeDocuments(
  documents: readonly SourceDocument[],
  host: Host,
  options: AnalysisOptions = defaultAnalysisOptions,
): Promise<AnalysisResult> {
  const workspace = new Workspace(host, { ...defaultLimits, ...options.limits });
  workspace.setCloud(options.cloud);
  if (options.withSyntaxErrors) workspace.findSyntaxErrorsOnLoad();
  for (const document of documents) workspace.setFile(document.uri, document.text);
  return analyzeWorkspace(
    workspace,
    documents.map((document) => document.uri),
    options,
  );
}

/** The deployment models a workspace keeps between analyses (the equivalence test reads them too). */
export function deploymentModelsOf(workspace: Workspace): DeploymentModels {
  return workspace.deploymentModels;
}

export async function analyzeWorkspace(
  workspace: Workspace,
  uris: readonly string[],
  options: AnalysisOptions,
): Promise<AnalysisResult> {
  // Each deployment is judged on its own model (engine/deployments.ts); a workspace analysed again
  // keeps the models, and with them the findings, of the deployments an edit did not touch.
  const results = await workspace.evaluate(options.isCancelled);
  // A cancelled evaluation is partial: its results are thrown away, and must not replace the models kept.
  const findings = options.isCancelled?.() ? [] : findingsOf(results, workspace, options);
  // Syntax errors are the compiler's to report in the editor: analysis parses only the declarations
  // it needs. The CLI asks for them; the workspace's parse cache shares ARM reads with evaluation.
  const files = uris.map((uri) => {
    const file: FileAnalysis = { uri, language: workspace.file(uri)?.language ?? classifyFile(uri, '') };
    if (options.withSyntaxErrors) file.syntaxErrors = workspace.syntaxErrors(uri) ?? [];
    return file;
  });
  return { files, findings, notices: workspace.notices() };
}

/**
 * The findings of a workspace's deployments. When none declares a resource the analysis needs (most
 * modules of a registry, a workspace of role assignments), every model would be empty and no rule
 * could report: no model is built, and the models kept are dropped, as they could only be empty.
 */
function findingsOf(results: readonly DeploymentResult[], workspace: Workspace, options: AnalysisOptions): Finding[] {
  if (results.every(hasNoResource)) {
    workspace.dropDeploymentModels();
    return [];
  }
  return runRules(deploymentModelsOf(workspace).models(results), workspace, options);
}

const hasNoResource = (result: DeploymentResult) => result.resources.length === 0;

/** The network model of documents that form one workspace, as JSON; no rule runs. */
export async function modelOfDocuments(
  documents: readonly SourceDocument[],
  host: Host,
  cloud: AnalysisOptions['cloud'],
): Promise<ModelJson> {
  const workspace = new Workspace(host);
  workspace.setCloud(cloud);
  for (const document of documents) workspace.setFile(document.uri, document.text);
  return modelJson(workspace, await workspaceModel(workspace, undefined));
}

/** The model of the deployments that read `uri` (all deployments when absent). */
export async function workspaceModel(
  workspace: Workspace,
  uri: string | undefined,
  isCancelled?: () => boolean,
): Promise<NetworkModel> {
  const results = await workspace.evaluate(isCancelled);
  const chosen = uri === undefined ? results : results.filter((result) => result.files.includes(uri));
  return buildModel(chosen.flatMap((result) => result.resources));
}

/**
 * The topology view's name resolutions (engine/topology-resolutions.ts) of the deployments that read
 * `uri` (all when absent), each explained on its own model as the rules see it.
 */
export async function resolutionsJson(
  workspace: Workspace,
  uri: string | undefined,
  cloud: Cloud,
): Promise<TopologyResolutionJson[]> {
  const results = await workspace.evaluate();
  // All results, so the models kept for the other deployments stay kept.
  const models = deploymentModelsOf(workspace).models(results);
  return topologyResolutions(
    models.filter((_, index) => uri === undefined || results[index].files.includes(uri)),
    cloud,
  );
}

export function modelJson(workspace: Workspace, model: NetworkModel): ModelJson {
  return modelToJson(model, lineIndexes(workspace));
}

/**
 * The registry module calls nobody can see into (issue 15), drawn as opaque boxes: in the files
 * of the deployments that read `uri`, or anywhere when it is absent.
 */
export async function unseenModulesJson(
  workspace: Workspace,
  uri: string | undefined,
): Promise<Pick<ModelJson, 'unseenModules'>> {
  const files =
    uri === undefined
      ? undefined
      : new Set(
          (await workspace.evaluate()).filter((result) => result.files.includes(uri)).flatMap((result) => result.files),
        );
  const lineOf = lineIndexes(workspace);
  const unseen = workspace
    .unseenRegistryCalls()
    .filter((call) => !files || files.has(call.uri))
    .map((call) => ({ reference: call.path, file: call.uri, line: lineOf(call.uri, call.start) }));
  return unseen.length > 0 ? { unseenModules: unseen } : {};
}

function lineIndexes(workspace: Workspace): (uri: string, offset: number) => number {
  const indexes = new Map<string, LineIndex>();
  return (uri, offset) => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(workspace.file(uri)?.text ?? '')));
    return index.positionAt(offset).line + 1;
  };
}
