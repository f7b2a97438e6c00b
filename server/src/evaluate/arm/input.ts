// What one ARM template evaluation is given and shares: the loaded file, bound parameters, the
// deployment scope, where its resources go, and the limits that keep it bounded.
// Invariants: plain data only; `params` keys are matched case-insensitively (ARM names are); the budget
// object is shared by every template of one deployment, so nested and linked templates draw on one total.
import type { Node } from 'jsonc-parser';
import type { ArmExpr, ArmFile, ArmParameter, ArmTemplate, ArmUserFunction, ArmVariable } from '../../syntax/arm';
import type { EvaluationInput, ParamsGiven, SourceLocation } from '../declaration';
import type { LoadedBicepFile } from '../bicep/files';
import type { FunctionContext } from '../functions';
import type { Value } from '../value';
import type { StopClock } from '../stop-clock';

/** An ARM JSON file read once: its text, its views, and its expressions parsed (null: does not parse). */
export interface LoadedArmFile {
  readonly uri: string;
  readonly text: string;
  readonly arm: ArmFile;
  readonly expressions: Map<Node, ArmExpr | null>;
  /** The declarations of each template of the file evaluated so far, by name (template-names.ts). */
  readonly templateNames: Map<ArmTemplate, TemplateNames>;
  /** Whether `arm.errors` holds the expressions' errors too (false: read for evaluation only, files.ts). */
  readonly errorsComplete: boolean;
}

/** A template's parameters, variables and user functions (`namespace.name`) by lower-cased name. */
export interface TemplateNames {
  readonly parameters: ReadonlyMap<string, ArmParameter>;
  readonly variables: ReadonlyMap<string, ArmVariable>;
  readonly functions: ReadonlyMap<string, ArmUserFunction>;
}

/** The files a deployment has loaded: ARM files read, Bicep files parsed, or texts not read yet. */
export type ArmFileMap = ReadonlyMap<string, LoadedArmFile | LoadedBicepFile | string>;

/** Work left for one deployment: each evaluated JSON node or expression costs one step. */
export interface Budget {
  steps: number;
  /** The deployment's deadline, ticked with every step. */
  clock?: StopClock;
}

export const armLimits = {
  /** Resource and deployment copy loops with at most this many known iterations are expanded. */
  maxExpandedInstances: 100,
  /** ARM's own cap on property, variable and output copy loops. */
  maxCopyCount: 800,
  /** Inline deployments nested in one another, and linked templates calling one another. */
  maxNesting: 32,
  /** Recursion of expression and JSON evaluation (variables, functions and nesting add up). */
  maxDepth: 600,
  /** Evaluation steps per deployment. */
  maxSteps: 1_000_000,
} as const;

export function newBudget(clock?: StopClock): Budget {
  return { steps: armLimits.maxSteps, ...(clock ? { clock } : {}) };
}

/** How an inline template with `expressionEvaluationOptions.scope: 'outer'` sees its caller. */
export interface OuterFrame {
  readonly frame: ArmFrame;
  readonly env: Env;
}

export interface ArmTemplateInput extends EvaluationInput {
  file: LoadedArmFile;
  /** The template to evaluate: an inline one of `file`, or (by default) the file's own. */
  template?: ArmTemplate;
  files: ArmFileMap;
  /** How many inline deployments this template is nested in. */
  depth?: number;
  budget?: Budget;
  /** Set for an inline template evaluated in its caller's scope. */
  outer?: OuterFrame;
}

/** Loop indexes and local names an expression sees. */
export interface Env {
  /** Copy loop index by lower-cased loop name; '' is the resource (or output) loop being evaluated. */
  readonly copy: ReadonlyMap<string, Value>;
  /** `lambdaVariables('x')` by lower-cased name. */
  readonly lambda?: ReadonlyMap<string, Value>;
  /** Inside a user-defined function: `parameters('x')` are its arguments by lower-cased name. */
  readonly fnParams?: ReadonlyMap<string, Value>;
}

export const emptyEnv: Env = { copy: new Map() };

/** What expressions can refer to: a template's parameters, variables, functions and deployments. */
export interface ArmFrame {
  readonly file: LoadedArmFile;
  readonly context: FunctionContext;
  parameter(name: string): Value | undefined;
  variable(name: string): Value | undefined;
  /** The object or array a variable is written as, in this file (written-variables.ts follows it). */
  writtenVariable?(name: string): Node | undefined;
  /** What a parameter file binding this template (the deployment's root) gives; undefined for any other. */
  readonly paramsGiven?: ParamsGiven;
  /** Where a parameter file gives parameter `name`'s value, when one binds this template. */
  givenAt?(name: string): SourceLocation | undefined;
  callUser(namespace: string, name: string, args: readonly Value[]): Value | undefined;
  /** `reference(...)` of a deployment this template declares; undefined for anything else. */
  reference(args: readonly Value[]): Value | undefined;
  /** `key` made unique to this evaluation of the template (declaration.ts keyInInstance). */
  keyed(key: string): string;
}
