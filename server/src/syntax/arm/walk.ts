// Iteration over a read template: nested inline templates, resources (flattened, children after their
// parent) and expression sites.
// Invariants: file order throughout; nothing recurses per level (explicit stacks), so any nesting that
// json-tree.ts accepts is walked safely; results are fresh arrays the caller may keep.
import type { ArmExpressionSite, ArmResource, ArmTemplate } from './template-types';

export interface ArmWalkOptions {
  /** Also walk the inline templates of nested deployments (default true). */
  readonly nested?: boolean;
}

/** `template` and, unless `nested` is false, every inline template nested in it, outermost first. */
export function armTemplates(template: ArmTemplate, options: ArmWalkOptions = {}): ArmTemplate[] {
  if (options.nested === false) return [template];
  const templates: ArmTemplate[] = [];
  const stack: ArmTemplate[] = [template];
  while (stack.length > 0) {
    const current = stack.pop()!;
    templates.push(current);
    const inner: ArmTemplate[] = [];
    for (const resource of armResourcesOf(current)) {
      if (resource.deployment?.template !== undefined) inner.push(resource.deployment.template);
    }
    for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
  }
  return templates;
}

/**
 * Every resource, nested children right after their parent (each keeps `parent` and `template`); with
 * nested templates (the default), their resources follow those of the template that holds them.
 */
export function armResources(template: ArmTemplate, options: ArmWalkOptions = {}): ArmResource[] {
  const resources: ArmResource[] = [];
  for (const current of armTemplates(template, options))
    for (const resource of armResourcesOf(current)) resources.push(resource);
  return resources;
}

/** Every expression site: of `template` and, by default, of the templates nested in it. */
export function armExpressions(template: ArmTemplate, options: ArmWalkOptions = {}): ArmExpressionSite[] {
  const sites: ArmExpressionSite[] = [];
  for (const current of armTemplates(template, options)) for (const site of current.expressions) sites.push(site);
  return sites;
}

/** One template's own resources, flattened with their nested children. */
function armResourcesOf(template: ArmTemplate): ArmResource[] {
  const resources: ArmResource[] = [];
  const stack: ArmResource[] = [];
  for (let i = template.resources.length - 1; i >= 0; i--) stack.push(template.resources[i]);
  while (stack.length > 0) {
    const resource = stack.pop()!;
    resources.push(resource);
    for (let i = resource.children.length - 1; i >= 0; i--) stack.push(resource.children[i]);
  }
  return resources;
}
