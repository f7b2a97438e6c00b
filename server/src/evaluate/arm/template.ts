// Evaluates one ARM template (a file's own, or one inline in a nested deployment): parameters,
// variables (and variable copy loops), user functions, resources and outputs, each on demand, once.
// Invariants: never throws (`evaluateArmTemplate` catches what slips through); names match
// case-insensitively, as ARM's do; a cycle between variables, parameters or deployments gives an
// Unknown, never a loop; every resource found lands in `input.sink`.
import type { Node } from 'jsonc-parser';
import type { ArmResource, ArmTemplate } from '../../syntax/arm';
import { keyInInstance, type ParamsGiven, type SourceLocation } from '../declaration';
import type { FunctionContext } from '../functions';
import { makeObject, Unknown, type ObjectValue, type Value } from '../value';
import { lazyObject } from '../lazy';
import { mayDeclareNeeded } from './demand';
import { ArmExpressions } from './expressions';
import {
  armLimits,
  emptyEnv,
  newBudget,
  type ArmFrame,
  type ArmTemplateInput,
  type Budget,
  type Env,
  type LoadedArmFile,
  type TemplateNames,
} from './input';
import { referenceOf } from './references';
import { lowerCase } from '../remembered';
import { templateNames } from './template-names';
import { armOrderFrame, type ArmOrderFrame } from '../order';
import { evaluateResource } from './resources';
import { rethrowStop } from '../stop-clock';

export class ArmTemplateEvaluator implements ArmFrame {
  readonly file: LoadedArmFile;
  readonly template: ArmTemplate;
  readonly context: FunctionContext;
  readonly expressions: ArmExpressions;
  /** The environment of the template's top level: empty, or the calling deployment's loop in 'outer' scope. */
  readonly env: Env;
  readonly budget: Budget;
  /** The deployment order of this template's resources (issue 17). */
  readonly order: ArmOrderFrame;
  private readonly names: TemplateNames;
  /** Bound parameter names by their lower case: the values stay in `input.params`, read when first needed. */
  private readonly boundNames = new Map<string, string>();
  /** What the parameter file binding the deployment's root gives, when this template is that root (or in its scope). */
  readonly paramsGiven: ParamsGiven | undefined;
  /** Parameter and variable values by lower-cased name, each computed once (`memo`). */
  private readonly parameterValues = newMemo('parameters');
  private readonly variableValues = newMemo('variables');
  private readonly resourceValues = new Map<ArmResource, Value>();
  private readonly resourcesInProgress = new Set<ArmResource>();
  private readonly perResource = new Map<string, Map<ArmResource, Value>>();

  constructor(
    readonly input: ArmTemplateInput,
    template: ArmTemplate,
  ) {
    this.file = input.file;
    this.template = template;
    this.context = input.outer ? input.outer.frame.context : { scope: input.scope };
    this.env = input.outer ? input.outer.env : emptyEnv;
    this.budget = input.budget ?? newBudget(input.clock);
    this.order = armOrderFrame(input.orderCaller);
    const given = input.outer ? input.outer.frame.paramsGiven : input.paramsGiven;
    this.paramsGiven =
      input.outer || (given?.template === input.file.uri && input.stack.length === 1) ? given : undefined;
    this.expressions = new ArmExpressions(this, this.budget);
    this.names = templateNames(input.file, template);
    // Names only: a caller's bindings may be lazy (a Bicep module's, a nested deployment's), and a
    // parameter the template never reads is then never evaluated.
    for (const name of input.params.keys()) this.boundNames.set(name.toLowerCase(), name);
  }

  /** The outputs of a nested or linked deployment (nested.ts reaches the evaluator through here, not an import cycle). */
  evaluateNested(input: ArmTemplateInput): ObjectValue {
    return evaluateArmTemplate(input);
  }

  /**
   * Evaluates every resource (in file order) and returns the outputs by name. With `needsType`
   * (demand.ts), only resources that may declare a needed type, and outputs when first read.
   */
  evaluateAll(): ObjectValue {
    const needsType = this.input.needsType;
    const wants = this.input.wantsDeclaration;
    for (const resource of this.template.resources) {
      if (needsType && !mayDeclareNeeded(this.file, resource, needsType)) continue;
      const { offset, length } = resource.node;
      if (!wants || wants(this.file.uri, offset, offset + length)) this.resourceValue(resource);
    }
    return needsType ? this.lazyOutputs() : this.outputs();
  }

  parameter(name: string): Value | undefined {
    if (this.input.outer) return this.input.outer.frame.parameter(name);
    const table = this.parameterValues;
    const key = lowerCase(name);
    if (table.values.has(key)) return table.values.get(key);
    return this.memo(table, key, () => {
      const declared = this.names.parameters.get(key);
      // ARM deploys a parameter passed as null with its default value, as if it were left out.
      const boundName = this.boundNames.get(key);
      const bound = boundName === undefined ? undefined : this.input.params.get(boundName);
      if (boundName !== undefined && !(bound === null && declared?.defaultValue)) return bound;
      if (!declared) return undefined;
      if (declared.defaultValue) return this.expressions.value(declared.defaultValue, emptyEnv);
      return new Unknown(`${this.input.paramKeyPrefix}:${declared.name}`);
    });
  }

  variable(name: string): Value | undefined {
    if (this.input.outer) return this.input.outer.frame.variable(name);
    const table = this.variableValues;
    const key = lowerCase(name);
    if (table.values.has(key)) return table.values.get(key);
    const declared = this.names.variables.get(key);
    if (!declared) return undefined;
    return this.memo(table, key, () =>
      declared.kind === 'value'
        ? this.expressions.value(declared.value, emptyEnv)
        : this.copyLoop(declared.count, declared.input, declared.name, declared.node.offset),
    );
  }

  /** Where the parameter file that binds this deployment's root template gives `name` (none for a nested or linked one). */
  givenAt(name: string): SourceLocation | undefined {
    if (this.input.outer) return this.input.outer.frame.givenAt?.(name);
    const given = this.paramsGiven;
    if (given === undefined) return undefined;
    const boundName = this.boundNames.get(lowerCase(name));
    // A null given deploys the default, when there is one (parameter()): the file does not say then.
    if (boundName === undefined || this.input.params.get(boundName) === null) return undefined;
    return given.at.get(boundName);
  }

  writtenVariable(name: string): Node | undefined {
    if (this.input.outer) return this.input.outer.frame.writtenVariable?.(name);
    const declared = this.names.variables.get(lowerCase(name));
    if (declared?.kind !== 'value') return undefined;
    return declared.value.type === 'object' || declared.value.type === 'array' ? declared.value : undefined;
  }

  /** A variable or output copy loop: `count` items of `input`, with `copyIndex(name)` (and `copyIndex()`). */
  copyLoop(countNode: Node | undefined, input: Node | undefined, name: string | undefined, offset: number): Value {
    const count = countNode ? this.expressions.value(countNode, this.env) : undefined;
    if (
      !input ||
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0 ||
      count > armLimits.maxCopyCount
    ) {
      return this.expressions.positional('copy', offset);
    }
    const items: Value[] = [];
    for (let index = 0; index < count; index++) {
      const copy = new Map(this.env.copy).set('', index);
      if (name !== undefined) copy.set(name.toLowerCase(), index);
      items.push(this.expressions.value(input, { ...this.env, copy }));
    }
    return items;
  }

  callUser(namespace: string, name: string, args: readonly Value[]): Value | undefined {
    const fn = this.names.functions.get(`${namespace}.${name}`.toLowerCase());
    if (!fn) return this.input.outer?.frame.callUser(namespace, name, args);
    if (!fn.outputValue) return this.expressions.positional(`${namespace}.${name}()`, fn.node.offset);
    const fnParams = new Map(
      fn.parameters.map((parameter, index): [string, Value] => [parameter.name.toLowerCase(), args[index] ?? null]),
    );
    return this.expressions.value(fn.outputValue, { copy: new Map(), fnParams });
  }

  /** `reference()` of a deployment or a resource this template declares (references.ts). */
  reference(args: readonly Value[]): Value | undefined {
    return referenceOf(this, args);
  }

  keyed(key: string): string {
    return keyInInstance(this.input, key);
  }

  /** A per-resource value computed once (a name or id read without evaluating the whole resource). */
  cached(kind: string, resource: ArmResource, compute: () => Value): Value {
    let table = this.perResource.get(kind);
    if (!table) this.perResource.set(kind, (table = new Map()));
    let value = table.get(resource);
    if (value === undefined) table.set(resource, (value = compute()));
    return value;
  }

  /** A top-level resource's value (a deployment's is what `reference()` gives), evaluated once. */
  resourceValue(resource: ArmResource): Value {
    const done = this.resourceValues.get(resource);
    if (done !== undefined) return done;
    if (this.resourcesInProgress.has(resource))
      return new Unknown(this.keyed(`cycle:${this.file.uri}@${resource.type.offset}`));
    this.resourcesInProgress.add(resource);
    let value: Value;
    try {
      value = evaluateResource(this, resource, undefined, this.env);
    } catch (error) {
      rethrowStop(error);
      // A defect in one resource costs that resource, not the template.
      value = this.expressions.positional('resource', resource.type.offset);
    } finally {
      this.resourcesInProgress.delete(resource);
    }
    this.resourceValues.set(resource, value);
    return value;
  }

  /** Output values by name; an output whose condition is false is absent. */
  outputs(): ObjectValue {
    const entries: [string, Value][] = [];
    for (const output of this.template.outputs) {
      const condition = output.condition ? this.expressions.value(output.condition, this.env) : true;
      if (condition === false) continue;
      const value = output.copy
        ? this.copyLoop(output.copy.count, output.copy.input, undefined, output.copy.node.offset)
        : output.value
          ? this.expressions.value(output.value, this.env)
          : null;
      entries.push([output.name, value]);
    }
    return makeObject(entries);
  }

  /** The outputs, each evaluated when first read; an output whose condition is false is absent. */
  private lazyOutputs(): ObjectValue {
    const outputs = new Map(
      this.template.outputs
        .filter((output) => !output.condition || this.expressions.value(output.condition, this.env) !== false)
        .map((output) => [output.name, output]),
    );
    return lazyObject(
      [...outputs.keys()],
      (name) => {
        const output = outputs.get(name)!;
        try {
          return output.copy
            ? this.copyLoop(output.copy.count, output.copy.input, undefined, output.copy.node.offset)
            : output.value
              ? this.expressions.value(output.value, this.env)
              : null;
        } catch (error) {
          rethrowStop(error);
          // Read after evaluateArmTemplate returned: a defect costs this output, as it would the template.
          return this.expressions.positional('output', output.node.offset);
        }
      },
      `outputs:${this.file.uri}@${this.template.node.offset}`,
    );
  }

  location(node: { offset: number; length: number }): SourceLocation {
    return { uri: this.file.uri, start: node.offset, end: node.offset + node.length };
  }

  /** A table's value for `key` (a lower-cased name), computed once; read again while computed (a cycle), an unknown. */
  private memo(table: Memo, key: string, compute: () => Value | undefined): Value | undefined {
    if (table.values.has(key)) return table.values.get(key);
    if (table.running.has(key)) return new Unknown(this.keyed(`cycle:${this.file.uri}#${table.kind}:${key}`));
    table.running.add(key);
    let value: Value | undefined;
    try {
      value = compute();
    } finally {
      table.running.delete(key);
    }
    table.values.set(key, value);
    return value;
  }
}

/**
 * Values by lower-cased name (`lowerCase`, remembered: compiled modules read their parameters
 * everywhere, and lower-casing made a string each read): a table per kind, as a key naming the kind
 * (`parameters:x`) made a string on every read too.
 */
interface Memo {
  readonly values: Map<string, Value | undefined>;
  readonly running: Set<string>;
  readonly kind: 'parameters' | 'variables';
}

function newMemo(kind: Memo['kind']): Memo {
  return { values: new Map(), running: new Set(), kind };
}
/**
 * Evaluates a template with its inputs; resources go to the sink, outputs are returned. Throws only
 * EvaluationStopped: the whole deployment stops, not this template.
 */
export function evaluateArmTemplate(input: ArmTemplateInput): ObjectValue {
  const template = input.template ?? input.file.arm.template;
  if (!template || (input.depth ?? 0) > armLimits.maxNesting || input.stack.length > armLimits.maxNesting)
    return makeObject([]);
  try {
    return new ArmTemplateEvaluator(input, template).evaluateAll();
  } catch (error) {
    rethrowStop(error);
    return makeObject([]);
  }
}
