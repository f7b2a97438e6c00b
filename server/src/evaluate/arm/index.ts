// The ARM JSON evaluator: templates, parameter files, nested and linked deployments, and ARM JSON used
// as a Bicep module, into the same ResourceDecls the Bicep evaluator produces.
// API Boundary: other code uses evaluate/arm through these exports. Invariant: nothing here throws or
// does I/O of its own (files come through a FileSource, loaded before evaluation).
export {
  evaluateArmDeployment,
  armModuleEvaluator,
  armModuleEvaluatorWith,
  parameterFileBindings,
  armScopeKind,
} from './deployment';
export { evaluateArmTemplate, ArmTemplateEvaluator } from './template';
export { blankUnneededParts } from './skim-resources';
export {
  loadArmClosure,
  loadArmText,
  loadArmTextForEvaluation,
  armFileAt,
  armLinkedPaths,
  armLinkedPathsOfText,
  bicepSourcesOf,
  compiledByBicep,
  parameterFileTemplates,
  parametersGiven,
  takesParameters,
  type ArmFileSource,
} from './files';
export {
  armLimits,
  newBudget,
  type ArmTemplateInput,
  type LoadedArmFile,
  type ArmFileMap,
  type Budget,
  type Env,
} from './input';
