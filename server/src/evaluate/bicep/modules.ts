// Evaluates a Bicep `module`: its params in the caller, then the called file with those values in
// its own deployment scope; the module's value carries the callee's outputs. Registry modules go to
// their interface models (registry-call.ts); missing files and cycles give unknown outputs, and a call
// of a file nobody can read declares the deployment it is, with what it is given (declareUnreadCall).
import {
  isPlainObject,
  moduleView,
  objectProperties,
  present,
  propertyKey,
  type Expression,
  type ModuleDeclaration,
  type ModuleView,
  type ObjectExpression,
} from '../../syntax/bicep';
import { multiplyCounts } from '../declaration';
import { LazyBindings } from '../lazy';
import { unreadDeployment } from '../unread-call';
import {
  and,
  isArray,
  isObject,
  makeObject,
  Unknown,
  withOrigin,
  type ObjectValue,
  type Tri,
  type Value,
} from '../value';
import type { DeploymentScope } from '../scope';
import { loopArray } from '../value-size';
import { loopVariables, type Locals } from './expressions';
import type { BicepFile } from './file-evaluator';
import { isRegistryPath, resolveLocalPath } from './files';
import { moduleValue } from './module-value';
import { evaluateRegistryModule, type RegistryCallContext } from './registry-call';
import { maxExpandedInstances } from './resources';

/** How deep modules may call modules; a deeper call's outputs are unknown. */
export const maxModuleDepth = 32;

export function evaluateModule(file: BicepFile, node: ModuleDeclaration): Value {
  const view = moduleView(node);
  const symbol = view.name?.text ?? '?';
  if (view.loop) {
    const iterable = file.expressions.evaluate(view.loop.iterable, new Map());
    const [itemName, indexName] = loopVariables(view.loop);
    const bind = (item: Value, index: Value) => {
      const locals = new Map<string, Value>();
      if (itemName) locals.set(itemName, item);
      if (indexName) locals.set(indexName, index);
      return locals;
    };
    const loopKey = file.keyed(`loop@${file.uri}:${view.loop.start}`);
    const unknownItem = () => bind(new Unknown(`${loopKey}.item`), new Unknown(`${loopKey}.index`));
    if (isArray(iterable) && iterable.length === 0) {
      // No call, but the items may be a caller's choice (a parameter defaulting to []): one call that is
      // off, as resources.ts declares a resource loop's, which the caller choices may open
      // (engine/caller-choices.ts). Without it what the calls declare was certainly absent.
      evaluateCall(file, node, view, unknownItem(), `${symbol}[]`, 'unknown', undefined, true);
      return loopArray([]);
    }
    if (isArray(iterable) && iterable.length <= maxExpandedInstances) {
      // Each call is one instance: what it declares is one resource each (declaration.ts instanceIn).
      return loopArray(
        iterable.map((item, index) =>
          evaluateCall(file, node, view, bind(item, index), `${symbol}[${index}]`, iterable.length, index),
        ),
      );
    }
    if (isArray(iterable)) file.clock?.noteCollapsedLoop(file.location(view.loop), iterable.length);
    evaluateCall(file, node, view, unknownItem(), `${symbol}[]`, 'unknown', undefined);
    return new Unknown(file.keyed(`module:${file.uri}#${symbol}[]`));
  }
  // A call outside a loop is of the instance its caller is (declaration.ts instanceIn).
  return evaluateCall(file, node, view, new Map(), symbol, 1, file.input.instance);
}

function evaluateCall(
  file: BicepFile,
  node: ModuleDeclaration,
  view: ModuleView,
  locals: Locals,
  symbolPath: string,
  count: number | 'unknown',
  instance: number | undefined,
  /** The call stands for none (an empty loop): what it declares is switched off. */
  off = false,
): Value {
  const input = file.input;
  const key = file.keyed(`module:${file.uri}#${symbolPath}`);
  const unknownModule = () => withOrigin(makeObject([['outputs', withOrigin(makeObject([]), `${key}.outputs`)]]), key);

  // What a registry call, or one nobody can read, is given.
  const givenToCall = (): RegistryCallContext => {
    const fields = moduleFields(file, view.object, locals, key);
    return {
      key,
      locals,
      condition: off ? false : callCondition(file, view.condition, locals),
      count,
      scope: moduleScope(input.scope, fields.scope),
      name: fields.name,
      params: fields.params,
      instance,
    };
  };
  // A registry module: from the restore cache, or declared by an interface model from its params.
  if (view.path && isRegistryPath(view.path)) {
    const registryContext = givenToCall();
    const outputs = evaluateRegistryModule(file, node, view.path, view.object, registryContext);
    if (outputs) return outputs;
    declareUnreadCall(file, node, registryContext);
    return unknownModule();
  }
  // A file not read (missing, or outside the files analysed) or a cycle: nothing inside is known.
  const target = view.path ? resolveLocalPath(file.uri, view.path) : undefined;
  const callee = target ? input.files.get(target) : undefined;
  if (!target || callee === undefined) {
    declareUnreadCall(file, node, givenToCall());
    return unknownModule();
  }
  if (input.stack.includes(target)) return unknownModule();
  if (input.stack.length >= maxModuleDepth) {
    file.clock?.noteTooDeep(file.location(present(node.name) ?? node));
    return unknownModule();
  }

  const condition = off ? false : callCondition(file, view.condition, locals);
  const fields = moduleFields(file, view.object, locals, key);

  const nameToken = present(node.name);
  const via = [...input.via, file.location(nameToken ?? node)];
  const scope = moduleScope(input.scope, fields.scope);
  const calleeInput = {
    ...input,
    params: fields.params,
    paramKeyPrefix: `${key}.params`,
    omittedParamsAreNull: fields.paramsWritten,
    instanceKey: key,
    // The call's, not the caller's: a loop not expanded stands for several calls.
    instance,
    scope,
    via,
    condition,
    count: multiplyCounts(input.count, count),
    stack: [...input.stack, target],
    orderCaller: { frame: file.order, name: view.name?.text ?? symbolPath },
  };
  let outputs: ObjectValue;
  if (typeof callee === 'string') {
    if (!input.armModule) return unknownModule();
    outputs = input.armModule(target, callee, fields.params, calleeInput);
  } else {
    outputs = file.evaluateCallee({ ...calleeInput, file: callee });
  }
  return moduleValue(fields.name, outputs, key);
}

/** The call's `if (…)` joined with the caller's own condition. */
function callCondition(file: BicepFile, node: ModuleView['condition'], locals: Locals): Tri {
  const value = node ? file.expressions.evaluate(node, locals) : true;
  return and(file.input.condition, value === true ? true : value === false ? false : 'unknown');
}

interface ModuleFields {
  /** Evaluated when called (moduleValue calls it when the name is first read). */
  name: () => Value;
  scope: Value | undefined;
  params: ReadonlyMap<string, Value>;
  /** Whether `params` holds every parameter the call passes: written out key by key, or none passed. */
  paramsWritten: boolean;
}

/**
 * The parts of a module body evaluation uses: `name`, `scope`, and `params` — bound lazily when
 * written as an object literal, since the callee's networking resources read only a few of them.
 */
function moduleFields(file: BicepFile, body: ObjectExpression | undefined, locals: Locals, key: string): ModuleFields {
  if (!body) return { name: () => null, scope: undefined, params: new Map(), paramsWritten: true };
  if (!isPlainObject(body)) {
    const value = file.expressions.evaluate(body, locals);
    const fields: ObjectValue = isObject(value) ? value : makeObject([]);
    const params = isObject(fields.params) ? new Map(Object.entries(fields.params)) : new Map<string, Value>();
    const name = fields.name ?? null;
    return { name: () => name, scope: fields.scope, params, paramsWritten: false };
  }
  // One pass over the body; a key written twice means its last value, as in Bicep.
  let nameNode: Expression | undefined;
  let scopeNode: Expression | undefined;
  let paramsNode: Expression | undefined;
  for (const member of objectProperties(body)) {
    const name = propertyKey(member);
    if (name === 'name') nameNode = member.value;
    else if (name === 'scope') scopeNode = member.value;
    else if (name === 'params') paramsNode = member.value;
  }
  let params: ReadonlyMap<string, Value> = new Map();
  // No params, or an object literal of written keys: nothing else is passed.
  const paramsWritten = !paramsNode || (paramsNode.kind === 'Object' && isPlainObject(paramsNode));
  if (paramsNode?.kind === 'Object' && isPlainObject(paramsNode)) {
    const sources = new Map<string, Expression>();
    for (const member of objectProperties(paramsNode)) sources.set(propertyKey(member)!, member.value);
    params = new LazyBindings(
      [...sources.keys()],
      (name) => file.expressions.evaluate(sources.get(name)!, locals),
      `${key}.params`,
    );
  } else if (paramsNode) {
    const value = file.expressions.evaluate(paramsNode, locals);
    if (isObject(value)) params = new Map(Object.entries(value));
  }
  const scope = scopeNode ? file.expressions.evaluate(scopeNode, locals) : undefined;
  const nameExpression = nameNode; // a constant the closure can hold
  const name = nameExpression ? () => file.expressions.evaluate(nameExpression, locals) ?? null : () => null;
  return { name, scope, params, paramsWritten };
}

/** A module's `scope:`: a resource group or subscription object moves the deployment there. */
function moduleScope(caller: DeploymentScope, scope: Value | undefined): DeploymentScope {
  if (!isObject(scope)) return caller;
  if (scope.type === 'Microsoft.Resources/resourceGroups') {
    return {
      ...caller,
      kind: 'resourceGroup',
      subscriptionId: scope.subscriptionId ?? caller.subscriptionId,
      resourceGroupName: scope.name ?? caller.resourceGroupName,
      location: scope.location ?? caller.location,
    };
  }
  if (scope.type === 'Microsoft.Resources/subscriptions') {
    return { ...caller, kind: 'subscription', subscriptionId: scope.subscriptionId ?? caller.subscriptionId };
  }
  return caller;
}

/**
 * A call of a module nobody can read (a file missing or outside the files analysed, a registry module
 * neither cached nor modelled) declares the deployment it is, with what it is given: it may create
 * anything under the resources it is given, and rules that report something missing ask
 * (rules/support/unread-calls.ts). What it is given is kept as the strings it holds (unread-call.ts).
 */
function declareUnreadCall(file: BicepFile, node: ModuleDeclaration, call: Omit<RegistryCallContext, 'locals'>): void {
  const input = file.input;
  const nameToken = present(node.name);
  input.sink.push(
    unreadDeployment({
      uri: file.uri,
      language: 'bicep',
      symbol: nameToken?.text,
      name: call.name(),
      scope: call.scope,
      condition: call.condition,
      count: multiplyCounts(input.count, call.count),
      instance: call.instance,
      range: nameToken ? { start: nameToken.start, end: nameToken.end } : { start: node.start, end: node.start },
      via: input.via,
      params: call.params,
    }),
  );
}
