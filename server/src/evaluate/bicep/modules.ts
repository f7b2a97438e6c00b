// Evaluates a Bicep `module`: its params in the caller, then the called file with those values in
// its own deployment scope; the module's value carries the callee's outputs. Registry modules,
// missing files and cycles give unknown outputs.
import { moduleView, present, type ModuleDeclaration } from '../../syntax/bicep';
import { isArray, isObject, makeObject, Unknown, withOrigin, type ObjectValue, type Value } from '../value';
import type { DeploymentScope } from '../scope';
import { loopVariables, type Locals } from './expressions';
import { evaluateBicepFile, maxModuleDepth, type BicepFile } from './file-evaluator';
import { resolveLocalPath } from './files';
import { and, maxExpandedInstances } from './resources';

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
    if (isArray(iterable) && iterable.length <= maxExpandedInstances) {
      return iterable.map((item, index) => evaluateCall(file, node, bind(item, index), `${symbol}[${index}]`, iterable.length));
    }
    const loopKey = `loop@${file.uri}:${view.loop.start}`;
    evaluateCall(file, node, bind(new Unknown(`${loopKey}.item`), new Unknown(`${loopKey}.index`)), `${symbol}[]`, 'unknown');
    return new Unknown(`module:${file.uri}#${symbol}[]`);
  }
  return evaluateCall(file, node, new Map(), symbol, 1);
}

function evaluateCall(file: BicepFile, node: ModuleDeclaration, locals: Locals, symbolPath: string, count: number | 'unknown'): Value {
  const view = moduleView(node);
  const input = file.input;
  const key = `module:${file.uri}#${symbolPath}`;
  const unknownModule = () => withOrigin(makeObject([['outputs', withOrigin(makeObject([]), `${key}.outputs`)]]), key);

  const conditionValue = view.condition ? file.expressions.evaluate(view.condition, locals) : true;
  const condition = and(input.condition, conditionValue === true ? true : conditionValue === false ? false : 'unknown');
  const body = view.object ? file.expressions.evaluate(view.object, locals) : makeObject([]);
  const fields: ObjectValue = isObject(body) ? body : makeObject([]);
  const params = isObject(fields.params) ? new Map(Object.entries(fields.params)) : new Map<string, Value>();

  const target = view.path ? resolveLocalPath(file.uri, view.path) : undefined;
  const callee = target ? input.files.get(target) : undefined;
  if (!target || callee === undefined || input.stack.includes(target) || input.stack.length >= maxModuleDepth) return unknownModule();

  const nameToken = present(node.name);
  const via = [...input.via, file.location(nameToken ?? node)];
  const scope = moduleScope(input.scope, fields.scope);
  const calleeInput = {
    ...input,
    params,
    paramKeyPrefix: `${key}.params`,
    scope,
    via,
    condition,
    count: input.count === 'unknown' || count === 'unknown' ? 'unknown' as const : input.count * count,
    stack: [...input.stack, target],
  };
  let outputs: ObjectValue;
  if (typeof callee === 'string') {
    if (!input.armModule) return unknownModule();
    outputs = input.armModule(target, callee, params, calleeInput);
  } else {
    outputs = evaluateBicepFile({ ...calleeInput, file: callee });
  }
  return withOrigin(makeObject([
    ['name', fields.name ?? null],
    ['outputs', withOrigin(makeObject(Object.entries(outputs)), `${key}.outputs`)],
  ]), key);
}

/** A module's `scope:`: a resource group or subscription object moves the deployment there. */
function moduleScope(caller: DeploymentScope, scope: Value | undefined): DeploymentScope {
  if (!isObject(scope)) return caller;
  if (scope.type === 'Microsoft.Resources/resourceGroups') {
    return {
      ...caller, kind: 'resourceGroup',
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
