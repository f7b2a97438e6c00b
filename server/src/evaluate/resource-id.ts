// Canonical resource ids from a type, a name and where the resource is deployed, in the shape
// resourceId() gives: `{scope}/providers/{namespace}/{type}/{name}[/{child type}/{child name}]`.
import { concatStrings, PartialString, Unknown, type Value } from './value';
import type { DeploymentScope } from './scope';

/** The id of the deployment scope itself (`/subscriptions/{s}/resourceGroups/{rg}`, ...). */
export function scopeId(scope: DeploymentScope): Value {
  switch (scope.kind) {
    case 'resourceGroup':
      return concatStrings(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroupName]);
    case 'subscription':
      return concatStrings(['/subscriptions/', scope.subscriptionId]);
    default:
      return '';
  }
}

/** Splits a (partly known) name on '/' into segments; unknown parts stay inside their segment. */
function nameSegments(name: Value): Value[] | undefined {
  if (typeof name === 'string') return name.split('/');
  if (name instanceof Unknown) return [name];
  if (!(name instanceof PartialString)) return undefined;
  const segments: (string | Unknown)[][] = [[]];
  for (const part of name.parts) {
    if (part instanceof Unknown) {
      segments[segments.length - 1].push(part);
      continue;
    }
    part.split('/').forEach((piece, index) => {
      if (index > 0) segments.push([]);
      if (piece) segments[segments.length - 1].push(piece);
    });
  }
  return segments.map((parts) => concatStrings(parts));
}

/**
 * `{scope}/providers/ns/t1/n1/t2/n2` for a top-level declaration (its name holds every segment). A
 * resource group is the exception: its id is `/subscriptions/{s}/resourceGroups/{name}`, as
 * `resourceGroup().id` gives it, so a resource scoped to an `existing` resource group symbol gets the
 * same id as one deployed by a module scoped there.
 */
export function resourceIdAt(base: Value, type: string, name: Value): Value {
  if (type.toLowerCase() === 'microsoft.resources/resourcegroups' && subscriptionLevel(base))
    return concatStrings([base, '/resourceGroups/', name]);
  // The namespace, then one type segment per name segment (indexed: a rest pattern walks an iterator).
  const typeSegments = type.split('/');
  const names = nameSegments(name);
  if (!names || names.length !== typeSegments.length - 1)
    return new Unknown(
      `id(${type}:${name instanceof Unknown || name instanceof PartialString ? name.key : JSON.stringify(name)})`,
    );
  const parts: Value[] = [base, '/providers/', typeSegments[0]];
  for (let index = 1; index < typeSegments.length; index++) parts.push(`/${typeSegments[index]}/`, names[index - 1]);
  return concatStrings(parts);
}

/** Whether a scope id is a subscription's (no resource group in it). */
function subscriptionLevel(base: Value): boolean {
  const text = typeof base === 'string' ? base : base instanceof PartialString ? base.key : undefined;
  return text !== undefined && text.startsWith('/subscriptions/') && !/\/resourcegroups\//i.test(text);
}

/** A child's id: its parent's id, its own type's last segment and its own name. */
export function childResourceId(parentId: Value, type: string, name: Value): Value {
  const segment = type.slice(type.lastIndexOf('/') + 1);
  return concatStrings([parentId, `/${segment}/`, name]);
}
