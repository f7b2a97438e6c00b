// Evaluates a `Microsoft.Resources/deployments` resource: its inline template (in the caller's
// scope for `outer`, ARM's default, or with its own parameters for `inner`) or the file its
// `templateLink.relativePath` names, deployed where `resourceGroup`/`subscriptionId` move it. Its
// value is what `reference()` gives: `{ name, outputs: { x: { type, value } } }`.
// Invariants: the deployment itself declares nothing (as a Bicep module); linked files come from the
// pre-loaded map (files.ts), never read here; a missing file, a URI link, a cycle between files or
// nesting past `maxNesting` gives outputs that are unknown, keyed by the deployment.
import type { Node } from 'jsonc-parser';
import type { ArmNestedDeployment, ArmResource, ArmTemplate } from '../../syntax/arm';
import { armLiteralString } from '../../syntax/arm';
import { resolveLocalPath } from '../bicep/files';
import { LazyBindings, lazyObject } from '../lazy';
import { isObject, makeObject, Unknown, withOrigin, type ObjectValue, type Tri, type Value } from '../value';
import { sizedByParts } from '../value-size';
import { propertyOf } from './expressions';
import { armFileAt } from './files';
import { armLimits, type ArmTemplateInput, type Env } from './input';
import { memberValue, membersOf, spanOf } from './json-members';
import { unreadDeployment } from '../unread-call';
import type { DeploymentScope } from '../scope';
import { movedScope, scopeMembers } from './resource-scope';
import type { ArmTemplateEvaluator } from './template';

export interface DeploymentInstance {
  readonly name: Value;
  readonly condition: Tri;
  readonly count: number | 'unknown';
  readonly instance: number | undefined;
  /** Key of the deployment instance, for its unknowns (`deployment:{uri}#{symbol or @offset}`). */
  readonly key: string;
  /** The deployment's node in its template's deployment order. */
  readonly orderName: string;
}

export function evaluateDeploymentInstance(
  t: ArmTemplateEvaluator,
  resource: ArmResource,
  env: Env,
  shape: DeploymentInstance,
): Value {
  const deployment = resource.deployment;
  const depth = (t.input.depth ?? 0) + 1;
  if (!deployment) return referenceValue(shape);
  if (depth > armLimits.maxNesting) {
    t.budget.clock?.noteTooDeep(t.location(resource.type));
    return referenceValue(shape);
  }
  const moved = scopeMembers(t.expressions, resource.node, env);
  const common = {
    files: t.input.files,
    scope: { ...movedScope(t.input.scope, moved.resourceGroup, moved.subscriptionId), deploymentName: shape.name },
    via: [...t.input.via, t.location(resource.type)],
    condition: shape.condition,
    count: shape.count,
    ...(shape.instance === undefined ? {} : { instance: shape.instance }),
    sink: t.input.sink,
    depth,
    budget: t.budget,
    paramKeyPrefix: `${shape.key}.params`,
    instanceKey: shape.key,
    orderCaller: { frame: t.order, name: shape.orderName },
    ...(t.input.needsType ? { needsType: t.input.needsType } : {}),
    ...(t.input.neededProperties ? { neededProperties: t.input.neededProperties } : {}),
    ...(t.input.wantsDeclaration ? { wantsDeclaration: t.input.wantsDeclaration } : {}),
  };
  let callee: ArmTemplateInput;
  if (deployment.template) {
    const template = deployment.template;
    callee =
      deployment.scope === 'outer'
        ? { ...common, file: t.file, template, params: new Map(), stack: t.input.stack, outer: { frame: t, env } }
        : {
            ...common,
            file: t.file,
            template,
            params: parameterValues(t, deployment, template, env, shape.key),
            stack: t.input.stack,
          };
  } else if (deployment.relativePath) {
    const path = t.expressions.value(deployment.relativePath, env);
    const target = typeof path === 'string' ? resolveLocalPath(t.file.uri, path) : undefined;
    const linked =
      target !== undefined && !t.input.stack.includes(target) ? armFileAt(t.input.files, target) : undefined;
    const template = linked?.arm.template;
    if (!linked || !template || target === undefined) {
      // A file missing or outside the files analysed (a cycle or a file that is no template is read).
      if (target !== undefined && !t.input.stack.includes(target) && !linked)
        declareUnread(t, resource, env, shape, common.scope);
      return referenceValue(shape);
    }
    callee = {
      ...common,
      file: linked,
      params: parameterValues(t, deployment, template, env, shape.key),
      stack: [...t.input.stack, target],
    };
  } else {
    // A `templateLink.uri` (or `id`): nothing is fetched.
    declareUnread(t, resource, env, shape, common.scope);
    return referenceValue(shape);
  }
  const template = callee.template ?? callee.file.arm.template!;
  return referenceValue(shape, t.evaluateNested(callee), template);
}

/**
 * A linked template nobody can read declares the deployment it is, with what it is given
 * (declaration.ts `unread`; rules/support/unread-calls.ts asks what it may create).
 */
function declareUnread(
  t: ArmTemplateEvaluator,
  resource: ArmResource,
  env: Env,
  shape: DeploymentInstance,
  scope: DeploymentScope,
): void {
  t.input.sink.push(
    unreadDeployment({
      uri: t.file.uri,
      language: 'arm',
      symbol: resource.symbolicName,
      name: shape.name,
      scope,
      condition: shape.condition,
      count: shape.count,
      instance: shape.instance,
      range: spanOf(resource.type),
      via: t.input.via,
      params: parameterValues(t, resource.deployment!, undefined, env, shape.key),
    }),
  );
}

/** The values a deployment passes: `{ name: { value } }` evaluated in the caller; Key Vault references are unknown. */
function parameterValues(
  t: ArmTemplateEvaluator,
  deployment: ArmNestedDeployment,
  template: ArmTemplate | undefined,
  env: Env,
  key: string,
): ReadonlyMap<string, Value> {
  const values = new Map<string, Value>();
  const allUnknown = () =>
    new Map(
      (template?.parameters ?? []).map((parameter): [string, Value] => [
        parameter.name,
        new Unknown(`${key}.params:${parameter.name}`),
      ]),
    );
  if (memberValue(deployment.properties, 'parameterslink')) return allUnknown();
  const node = deployment.parametersNode;
  if (!node) return values;
  const members = plainMembers(node);
  if (members) {
    // Each value is evaluated when the template first reads it (as a Bicep module's params): most of
    // what a compiled module is passed (names, tags, settings of resources analysis skips) is never read.
    return new LazyBindings(
      [...members.keys()],
      (name) => passedValue(name, t.expressions.value(members.get(name)!, env), key),
      `${key}.params`,
    );
  }
  const given = t.expressions.value(node, env);
  if (!isObject(given)) return allUnknown();
  for (const [name, entry] of Object.entries(given)) values.set(name, passedValue(name, entry, key));
  return values;
}

/** A parameter's value from its `{ value }` entry; a Key Vault `{ reference }` or anything else is unknown. */
function passedValue(name: string, entry: Value, key: string): Value {
  const hasKey = (wanted: string) => isObject(entry) && Object.keys(entry).some((k) => k.toLowerCase() === wanted);
  return hasKey('value')
    ? propertyOf(entry, 'value')
    : hasKey('reference')
      ? new Unknown(`${key}.params:${name}.keyVaultReference`)
      : new Unknown(`${key}.params:${name}`);
}

/**
 * The members of a `parameters` object written out in JSON, by name; undefined when evaluating it
 * whole could give another set of names (an expression, a property `copy` loop, a repeated key).
 */
function plainMembers(node: Node): Map<string, Node> | undefined {
  if (node.type !== 'object') return undefined;
  const members = new Map<string, Node>();
  for (const member of membersOf(node)) {
    if (members.has(member.key) || member.key.toLowerCase() === 'copy') return undefined;
    members.set(member.key, member.value);
  }
  return members;
}

/** What `reference()` gives for a deployment: its outputs as `{ type, value }`, or unknowns keyed by it. */
function referenceValue(shape: DeploymentInstance, outputs?: ObjectValue, template?: ArmTemplate): ObjectValue {
  const fields: [string, Value][] = [['name', shape.name]];
  if (outputs && template) {
    const types = new Map(template.outputs.map((output) => [output.name, armLiteralString(output.type) ?? 'object']));
    // Each output is read through, so one nobody reads stays unevaluated (demand.ts).
    const typed = lazyObject(
      Object.keys(outputs),
      (name) =>
        makeObject([
          ['type', types.get(name) ?? 'object'],
          ['value', outputs[name]],
        ]),
      `${shape.key}.outputs`,
    );
    // Capped by its parts, as the deployment's value is: a variable or a parameter may hold it whole.
    fields.push(['outputs', sizedByParts(withOrigin(typed, `${shape.key}.outputs`))]);
  }
  return sizedByParts(withOrigin(makeObject(fields), shape.key));
}

/** `reference(x, version, 'Full')`: the deployment's object under `properties`. */
export function fullReference(value: Value, key: string): Value {
  return sizedByParts(withOrigin(makeObject([['properties', value]]), key));
}
