// What `reference(x)` resolves to inside one template: a nested deployment (by name, deployment id or
// symbolic name) gives its outputs object; a resource the template creates (by id, symbolic name, or
// unique name) gives its declared properties, with inline child ids, so `reference(vnetId).subnets[0].id`
// and languageVersion 2.0's `reference('vnet').subnets[0].id` reach the subnet.
// Invariants: only top-level resources outside copy loops, and never `existing` ones (their properties are
// not in the template); a property the template does not declare stays an Unknown keyed by the resource;
// anything else is undefined here, so the caller keeps ARM's unknown keyed by the arguments.
import type { ArmResource } from '../../syntax/arm';
import { armLiteralString } from '../../syntax/arm';
import { callKey } from '../call-key';
import { resourceIdAt } from '../resource-id';
import { isObject, keyOf, PartialString, same, Unknown, type Value } from '../value';
import { propertyOf } from './expressions';
import { fullReference } from './nested';
import { resourceBase } from './resource-scope';
import type { ArmTemplateEvaluator } from './template';

export function referenceOf(t: ArmTemplateEvaluator, args: readonly Value[]): Value | undefined {
  const target = args[0];
  if (target === undefined) return undefined;
  const resource = findResource(t, target);
  if (!resource) return undefined;
  const value = t.resourceValue(resource);
  if (!isObject(value)) return undefined;
  const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
  if (isDeployment(resource)) return full ? fullReference(value, `${callKey('reference', args)}.full`) : value;
  return full ? value : propertyOf(value, 'properties');
}

function findResource(t: ArmTemplateEvaluator, target: Value): ArmResource | undefined {
  const text = nameKey(target);
  if (text === undefined) return undefined;
  const candidates = t.template.resources.filter((resource) => !resource.copy && resource.existing?.value !== true);
  const bySymbol = candidates.find((resource) => resource.symbolicName?.toLowerCase() === text);
  if (bySymbol) return bySymbol;
  const marker = '/providers/microsoft.resources/deployments/';
  const at = text.lastIndexOf(marker);
  const deploymentName = at >= 0 ? text.slice(at + marker.length) : text;
  const deployment = candidates.find(
    (resource) => isDeployment(resource) && nameKey(ownName(t, resource)) === deploymentName,
  );
  if (deployment) return deployment;
  const resources = candidates.filter((resource) => !isDeployment(resource));
  if (typeof target === 'string' && !target.includes('/')) {
    const named = resources.filter((resource) => nameKey(ownName(t, resource)) === text);
    return named.length === 1 ? named[0] : undefined;
  }
  if (typeof target !== 'string' && !(target instanceof PartialString)) return undefined;
  return resources.find((resource) => same(identity(t, resource), target, true) === true);
}

function isDeployment(resource: ArmResource): boolean {
  return resource.fullType?.toLowerCase() === 'microsoft.resources/deployments';
}

function ownName(t: ArmTemplateEvaluator, resource: ArmResource): Value {
  return t.cached('name', resource, () => (resource.name ? t.expressions.value(resource.name, t.env) : null));
}

/** A resource's id from its type, name and scope alone (its body is not evaluated). */
function identity(t: ArmTemplateEvaluator, resource: ArmResource): Value {
  return t.cached('id', resource, () => {
    const type = armLiteralString(resource.type);
    if (type === undefined || !type.includes('.')) return null;
    return resourceIdAt(resourceBase(t.expressions, resource.node, t.env, t.input.scope), type, ownName(t, resource));
  });
}

/**
 * A value's text for comparing names, lower-cased: known text, with unknown parts as `{key}` (the form
 * they take inside a partly known id, so a name read off an id's tail compares with the name itself).
 */
function nameKey(value: Value): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (value instanceof Unknown) return `{${value.key}}`.toLowerCase();
  return keyOf(value)?.toLowerCase();
}
