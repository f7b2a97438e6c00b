// Evaluating one deployment entry for the workspace: its files read through the index (each version
// read recorded, so an edit finds the evaluations it makes stale), the options of the cloud and the
// limits, a second pass over what a caller may switch on, and a defect or the time limit costing this
// deployment only, never the analysis.
import { evaluateBicepDeployment, type DeploymentResult } from '../evaluate/deployment';
import { evaluateArmDeployment, type armModuleEvaluatorWith } from '../evaluate/arm';
import { EvaluationStopped } from '../evaluate/stop-clock';
import type { Cloud } from '../facts';
import type { Language } from '../syntax/classify';
import { hasSwitchedOff, openEvaluationNeeds, switchedOffPlaces, withCallerChoices } from './caller-choices';
import { environmentValue } from './environment';
import type { FileCache, IndexedFile } from './file-cache';
import { neededProperties, needsResourceType } from './needed-types';

/** What an entry's evaluation reads from the workspace. */
export interface EntryFiles {
  /** An indexed file, or one outside the index read through the host (once). */
  fileFor(uri: string): Promise<IndexedFile | undefined>;
  /** An indexed file only. */
  indexed(uri: string): IndexedFile | undefined;
  readonly cache: FileCache;
}

export interface EntrySettings {
  cloud: Cloud;
  armModule: ReturnType<typeof armModuleEvaluatorWith>;
  timeLimitMs: number;
  /** Demand-driven evaluation off: every resource in full. */
  evaluateEverything: boolean;
  /** Errors seen while evaluating, by entry: set on a defect, cleared on success. */
  failures: Map<string, string>;
}

export interface EntryEvaluation {
  result: DeploymentResult;
  /** Version of every file the evaluation read (-1: it was missing). */
  read: Map<string, number>;
  /** Set when the deployment ran out of time: its resources were dropped. */
  stoppedAfterMs?: number;
}

/** A short, readable tag for an entry file (its path after the last shared folder is not needed). */
function fileName(uri: string): string {
  return uri.replace(/^file:\/\/\//, '/');
}

export async function evaluateEntry(
  entry: string,
  language: Language | undefined,
  files: EntryFiles,
  settings: EntrySettings,
): Promise<EntryEvaluation> {
  const read = new Map<string, number>();
  const source = {
    read: async (uri: string) => {
      const file = await files.fileFor(uri);
      read.set(uri, file ? file.version : -1);
      return file && !file.tooLarge ? file.text : undefined;
    },
    parsed: (uri: string) => {
      const file = files.indexed(uri);
      if (!file) return undefined;
      read.set(uri, file.version);
      return files.cache.loaded(uri, file);
    },
    armParsed: (uri: string) => {
      const file = files.indexed(uri);
      if (!file) return undefined;
      read.set(uri, file.version);
      return files.cache.armLoaded(uri, file);
    },
  };
  const options = {
    cloud: settings.cloud,
    environment: environmentValue(settings.cloud),
    armModule: settings.armModule,
    scopeTag: fileName(entry),
    timeLimitMs: settings.timeLimitMs,
    ...(settings.evaluateEverything ? {} : { needsType: needsResourceType, neededProperties }),
  };
  let stoppedAfterMs: number | undefined;
  const evaluateWith = (opened?: DeploymentResult) => {
    const chosen = opened
      ? {
          ...options,
          ...(options.needsType ? { needsType: openEvaluationNeeds(options.needsType) } : {}),
          // Only where the first pass switched something off: elsewhere opening changes nothing read.
          wantsDeclaration: switchedOffPlaces(opened),
          openParameters: true,
        }
      : options;
    return language === 'arm-template' || language === 'arm-parameters'
      ? evaluateArmDeployment(entry, source, chosen)
      : evaluateBicepDeployment(entry, source, chosen);
  };
  const stopped = (elapsed: number) => (stoppedAfterMs = elapsed);
  let result = await safely(entry, settings.failures, () => evaluateWith(), stopped);
  // A parameter file's values are certain; what it leaves unbound a deployer may still choose.
  if (stoppedAfterMs === undefined && hasSwitchedOff(result)) {
    const first = result;
    const open = await safely(entry, settings.failures, () => evaluateWith(first), stopped);
    // Out of time there, what the deployer may switch on is not known: the deployment is dropped.
    result = stoppedAfterMs === undefined ? withCallerChoices(result, open) : open;
  }
  return { result, read, ...(stoppedAfterMs === undefined ? {} : { stoppedAfterMs }) };
}

/** Runs one evaluation of the entry; a defect is recorded in `failures` and yields an empty deployment. */
async function safely(
  entry: string,
  failures: Map<string, string>,
  evaluate: () => Promise<DeploymentResult>,
  stopped: (elapsedMs: number) => void,
): Promise<DeploymentResult> {
  try {
    const result = await evaluate();
    failures.delete(entry);
    return result;
  } catch (error) {
    if (error instanceof EvaluationStopped) stopped(error.elapsedMs);
    else failures.set(entry, error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { entry, template: entry, files: [entry], resources: [] };
  }
}
