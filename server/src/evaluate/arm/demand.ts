// Demand-driven ARM evaluation (as the Bicep evaluator's): with `needsType` set, a template evaluates
// only the resources whose text may declare a needed type (the resource itself, a nested child, or a
// resource of a nested deployment's inline template); anything else is evaluated only when a needed
// one, or an output someone reads, refers to it. Invariant: answers "not needed" only when certain —
// a type written as an expression or with an escape, or a linked template, counts as needed.
import type { ArmResource } from '../../syntax/arm';
import type { LoadedArmFile } from './input';
import type { NeedsType } from '../declaration';
import { mayNameNeededType } from './skim';

const answers = new WeakMap<ArmResource, boolean>();

/** Whether evaluating `resource` may put a resource the analysis needs into the model. */
export function mayDeclareNeeded(file: LoadedArmFile, resource: ArmResource, needsType: NeedsType): boolean {
  const known = answers.get(resource);
  if (known !== undefined) return known;
  const answer = textMayDeclareNeeded(
    file.text.slice(resource.node.offset, resource.node.offset + resource.node.length),
    needsType,
  );
  answers.set(resource, answer);
  return answer;
}

/**
 * The same for a resource's JSON text. A relative child type (`subnets`) is needed when its parent
 * is: the parent's own type decides.
 */
export function textMayDeclareNeeded(text: string, needsType: NeedsType): boolean {
  if (text.includes('\\u') || /relativepath|templatelink/i.test(text)) return true;
  return mayNameNeededType(text, needsType);
}
