// A Bicep `module` whose path names a registry: evaluated from Bicep's restore cache when the module
// is there, else handed to the interface models with its params' source ranges (so findings land
// where the user wrote each entry).
import {
  isPlainObject,
  objectProperties,
  present,
  propertyKey,
  type ModuleDeclaration,
  type ObjectExpression,
} from '../../syntax/bicep';
import { multiplyCounts, type PropertyRange, type ResourceDecl, type TextSpan } from '../declaration';
import { evaluateRegistryCall, registryModelOf, type CallParams } from '../registry';
import { anchorCachedResources } from '../registry/anchor';
import { cachedModuleFor } from '../registry/cache-location';
import { withOmittedNulls } from '../registry/cached-params';
import { LazyBindings, lazyObject } from '../lazy';
import { configText } from './files';
import { lazilyNamed, moduleValue } from './module-value';
import { interfaceModelFrame } from '../order';
import type { DeploymentScope } from '../scope';
import { isArray, isObject, makeObject, Unknown, type ObjectValue, type Tri, type Value } from '../value';
import type { Locals, RangeRecorder } from './expressions';
import type { BicepFile } from './file-evaluator';

export interface RegistryCallContext {
  key: string;
  locals: Locals;
  condition: Tri;
  count: number | 'unknown';
  scope: DeploymentScope;
  /** The module's name, evaluated when first read (module-value.ts). */
  name: () => Value;
  /** The params as the callee binds them (lazily evaluated). */
  params: ReadonlyMap<string, Value>;
  /** The call's loop instance (declaration.ts instanceIn): what it declares is one resource each. */
  instance: number | undefined;
}

/**
 * The module's value (`name`, `outputs`): from the compiled module in Bicep's restore cache when it
 * is there (it wins), else from an interface model that knows the path; undefined for neither.
 */
export function evaluateRegistryModule(
  file: BicepFile,
  node: ModuleDeclaration,
  path: string,
  body: ObjectExpression | undefined,
  context: RegistryCallContext,
): Value | undefined {
  const input = file.input;
  const nameToken = present(node.name);
  const callRange: TextSpan = nameToken
    ? { start: nameToken.start, end: nameToken.end }
    : { start: node.start, end: node.start };
  const count = multiplyCounts(input.count, context.count);
  const via = [...input.via, file.location(callRange)];
  const params = callParams(file, body, context.locals, context.key);
  const callNode = { frame: file.order, name: nameToken?.text ?? context.key };
  const order = interfaceModelFrame(callNode);
  const call = (sink: ResourceDecl[]) => ({
    uri: file.uri,
    key: context.key,
    instance: context.instance,
    params,
    scope: context.scope,
    condition: context.condition,
    count,
    via,
    callRange,
    order,
    sink,
  });
  const cached = cachedModuleFor(file.uri, path, configText(input.files));
  const text = cached === undefined ? undefined : input.files.get(cached);
  if (cached !== undefined && typeof text === 'string' && input.armModule && !input.stack.includes(cached)) {
    // The interface model runs aside to say where each resource was asked for, and what the outputs
    // the compiled module leaves unknown are.
    const modelled: ResourceDecl[] = [];
    const modelledOutputs = evaluateRegistryCall(path, call(modelled));
    const declared: ResourceDecl[] = [];
    const bound = withOmittedNulls(sharedBindings(context, params), cached, text);
    // The call is wanted whole (wantsDeclaration names places in the caller's files, never in the cache).
    const { wantsDeclaration: _wholeCall, ...caller } = input;
    const outputs = input.armModule(cached, text, bound, {
      ...caller,
      params: bound,
      paramKeyPrefix: `${context.key}.params`,
      instanceKey: context.key,
      // The call's, not the caller's: a loop not expanded stands for several calls.
      instance: context.instance,
      scope: context.scope,
      via,
      condition: context.condition,
      count,
      stack: [...input.stack, cached],
      sink: declared,
      orderCaller: callNode,
    });
    const reference = registryModelOf(path);
    input.sink.push(
      ...anchorCachedResources(declared, modelled, {
        uri: file.uri,
        callRange,
        via,
        module: reference?.module ?? path,
        tag: reference?.tag ?? '',
      }),
    );
    // Its outputs are computed when first read, each capped then, as a local module's: sized whole,
    // reaching the value computed every output of the compiled module, read or not (and told the
    // user of those over the size cap).
    return moduleValue(context.name, withModelledOutputs(outputs, modelledOutputs, context.key), context.key);
  }
  const outputs = evaluateRegistryCall(path, call(input.sink));
  // An interface model's outputs are made whole: this value is sized whole when reached (not by parts).
  return outputs && lazilyNamed(context.name, outputs, context.key);
}

/**
 * The compiled module's outputs, each it leaves unknown (an output read off its nested deployments in a
 * copy loop: `subnetResourceIds`) taken from the interface model where that knows it: with a cache, a
 * caller sees no less than without one.
 */
function withModelledOutputs(cached: ObjectValue, modelled: ObjectValue | undefined, key: string): ObjectValue {
  if (!modelled) return cached;
  return lazyObject(
    Object.keys(cached),
    (name) =>
      Object.prototype.hasOwnProperty.call(modelled, name) ? filledFrom(cached[name], modelled[name]) : cached[name],
    `${key}.outputs`,
  );
}

/** `value`, its unknown parts (itself, or items of a list as long as the model's) the model's where known. */
function filledFrom(value: Value, model: Value): Value {
  if (value instanceof Unknown) return model instanceof Unknown ? value : model;
  if (
    isArray(value) &&
    isArray(model) &&
    value.length === model.length &&
    value.some((item) => item instanceof Unknown)
  )
    return value.map((item, index) => filledFrom(item, model[index]));
  return value;
}

/**
 * The call's params as the cached module binds them: those the interface model (run first) has
 * evaluated are not evaluated again (they were most of what the model cost); the rest as the caller
 * bound them, evaluated when read without recording ranges nobody reads.
 */
function sharedBindings(context: RegistryCallContext, params: EvaluatedCallParams): ReadonlyMap<string, Value> {
  const evaluated = params.evaluated;
  if (!evaluated) return context.params;
  return new LazyBindings(
    [...context.params.keys()],
    (name) => evaluated(name) ?? context.params.get(name) ?? null,
    `${context.key}.params`,
  );
}

/** CallParams that, for params written as plain members, give a param's value once evaluated (null kept). */
interface EvaluatedCallParams extends CallParams {
  readonly evaluated?: (name: string) => Value | undefined;
}

/** Each parameter evaluated once, when a model first reads it, recording where its parts are written. */
function callParams(
  file: BicepFile,
  body: ObjectExpression | undefined,
  locals: Locals,
  key: string,
): EvaluatedCallParams {
  const ranges = new Map<string, PropertyRange>();
  const record: RangeRecorder = (path, at, usedAt) =>
    ranges.set(path, usedAt ? { start: at.start, end: at.end, usedAt } : { start: at.start, end: at.end });
  const paramsNode =
    body && isPlainObject(body)
      ? objectProperties(body)
          .filter((member) => propertyKey(member) === 'params')
          .pop()?.value
      : undefined;
  const values = new Map<string, Value | undefined>();
  if (paramsNode?.kind === 'Object' && isPlainObject(paramsNode)) {
    const members = new Map(objectProperties(paramsNode).map((member) => [propertyKey(member)!, member.value]));
    const valueOf = (name: string): Value | undefined => {
      if (values.has(name)) return values.get(name);
      const member = members.get(name);
      values.set(name, undefined);
      if (!member) return undefined;
      record(name, member);
      const value = file.expressions.evaluate(member, locals, record, name);
      values.set(name, value);
      return value;
    };
    return {
      get(name) {
        const value = valueOf(name);
        return value === null ? undefined : value;
      },
      evaluated: (name) => values.get(name),
      range: (path) => ranges.get(path),
      branches(name) {
        const member = members.get(name);
        if (member?.kind !== 'Ternary') return undefined;
        const condition = file.expressions.evaluate(member.condition, locals);
        if (condition === true || condition === false) return undefined;
        return [
          file.expressions.evaluate(member.whenTrue, locals),
          file.expressions.evaluate(member.whenFalse, locals),
        ];
      },
    };
  }
  let whole: Value | undefined;
  const evaluated = () => (whole ??= paramsNode ? file.expressions.evaluate(paramsNode, locals) : makeObject([]));
  return {
    get(name) {
      const all = evaluated();
      if (!isObject(all)) return new Unknown(`${key}.params.${name}`);
      const value = Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
      return value === null ? undefined : value;
    },
    range: () => undefined,
    branches: () => undefined,
  };
}
