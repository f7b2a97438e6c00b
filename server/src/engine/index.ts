// The engine's public face for the language server and the CLI.
export * from './types';
export {
  analyzeDocuments,
  analyzeWorkspace,
  modelJson,
  modelOfDocuments,
  resolutionsJson,
  unseenModulesJson,
  workspaceModel,
} from './analyze';
export { Workspace } from './workspace';
export { defaultLimits, type WorkspaceLimits } from './limits';
export {
  applyTextEdits,
  FixSession,
  fixKindOf,
  requestsFix,
  textSource,
  withoutFixRequest,
  workspaceTexts,
  type Fix,
  type FileEdits,
  type TextEdit,
} from './fixes';
export { classifyFile, isCandidateFileName, isJsonFileName, type Language } from '../syntax/classify';
export { LineIndex } from '../syntax/line-index';
export { resolveInDocuments, type ResolveOutcome } from './resolve-run';
export type { Resolution, ResolutionAnswer, ResolutionStep } from './resolve';
export { explainResolution } from './resolve';
export { connectsToTarget, targetAccesses, type ResolveTarget } from './resolve-target';
export { reachingVnets } from './resolve-reach';
export { sameId } from '../rules/support/dns-network';
