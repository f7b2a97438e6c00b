// Where an ARM resource or nested deployment is deployed: the template's scope, moved by a
// `resourceGroup`/`subscriptionId` pair (nested deployments; any resource in languageVersion 2.0), or
// an extension resource's `scope` (a full id, or ARM's short `Namespace/type/name` form).
// Invariants: pure; an unknown scope value stays symbolic (never guessed), so ids built on it compare
// by key; a resource group named by the caller gets a region-hinted unknown location.
import type { Node } from 'jsonc-parser';
import { callKey } from '../call-key';
import { scopeId } from '../resource-id';
import type { DeploymentScope } from '../scope';
import { concatStrings, isObject, PartialString, Unknown, type Value } from '../value';
import type { ArmExpressions } from './expressions';
import type { Env } from './input';
import { memberValue } from './json-members';

/** The scope a `resourceGroup`/`subscriptionId` pair (either may be absent) moves a deployment to. */
export function movedScope(
  caller: DeploymentScope,
  resourceGroup: Value | undefined,
  subscriptionId: Value | undefined,
): DeploymentScope {
  if (resourceGroup === undefined && subscriptionId === undefined) return caller;
  const subscription = subscriptionId ?? caller.subscriptionId;
  if (resourceGroup === undefined) {
    // From a resource group deployment, a subscription alone keeps the group's name (ARM's default).
    return caller.kind === 'resourceGroup'
      ? { ...caller, subscriptionId: subscription }
      : { ...caller, kind: 'subscription', subscriptionId: subscription };
  }
  return {
    ...caller,
    kind: 'resourceGroup',
    subscriptionId: subscription,
    resourceGroupName: resourceGroup,
    location: new Unknown(`${callKey('resourceGroup', [subscription, resourceGroup])}.location`, 'region'),
  };
}

/** The `resourceGroup`/`subscriptionId` members of a resource object, evaluated. */
export function scopeMembers(
  ev: ArmExpressions,
  node: Node,
  env: Env,
): { resourceGroup?: Value; subscriptionId?: Value } {
  const group = memberValue(node, 'resourcegroup');
  const subscription = memberValue(node, 'subscriptionid');
  return {
    ...(group ? { resourceGroup: ev.value(group, env) } : {}),
    ...(subscription ? { subscriptionId: ev.value(subscription, env) } : {}),
  };
}

/** The id a top-level resource's own id is built on. */
export function resourceBase(ev: ArmExpressions, node: Node, env: Env, scope: DeploymentScope): Value {
  const extension = memberValue(node, 'scope');
  if (extension) return scopeBase(ev.value(extension, env), scope);
  const moved = scopeMembers(ev, node, env);
  return scopeId(movedScope(scope, moved.resourceGroup, moved.subscriptionId));
}

/** An extension resource's `scope`: a full id, `/` (the tenant), or `Namespace/type/name` in this scope. */
export function scopeBase(value: Value, scope: DeploymentScope): Value {
  if (isObject(value) && value.id !== undefined) return value.id;
  const first = typeof value === 'string' ? value : value instanceof PartialString ? value.parts[0] : undefined;
  if (typeof first !== 'string') return value;
  if (first === '/' && typeof value === 'string') return '';
  if (first.startsWith('/')) return typeof value === 'string' ? value.replace(/\/+$/, '') : value;
  return concatStrings([scopeId(scope), '/providers/', value]);
}
