// What the readers of one file share: the text, and the errors and skips found so far.
// Invariants: errors and skips only accumulate; a part is checked against the skeleton before it is read,
// and a part that fails is recorded once, at the node at fault, and not read.
import type { Node } from 'jsonc-parser';
import { parseArmExpression } from './expression';
import { membersOf, type JsonMember } from './json-nodes';
import { checkPart, type SkeletonPart } from './skeleton-schema';
import type { ArmSkip, ArmSyntaxError } from './syntax-error';
import type { ArmExpressionSite, ArmNamed, ArmNestedDeployment, ArmTemplate } from './template-types';

export interface ReadContext {
  readonly text: string;
  /** The string values that start with `[`, in file order (json-tree.ts). */
  readonly bracketStrings: readonly Node[];
  readonly errors: ArmSyntaxError[];
  readonly skipped: ArmSkip[];
  /** Whether templates' expressions are parsed while reading (read-arm-file.ts `ArmReadOptions`). */
  readonly parseExpressions: boolean;
  /**
   * Reads a nested deployment's inline template. A template's resources hold nested templates, so
   * the resource reader reaches the template reader through here rather than importing it back.
   */
  readonly readTemplate: (context: ReadContext, node: Node, deployment: ArmNestedDeployment | undefined) => ArmTemplate;
}

export function skip(context: ReadContext, node: Node, reason: string): void {
  context.skipped.push({ start: node.offset, end: node.offset + node.length, reason });
}

/** Whether `node` has the shape of `part`; if not, it is recorded as skipped, with every reason. */
export function acceptPart(context: ReadContext, part: SkeletonPart, node: Node): boolean {
  const problems = checkPart(part, node);
  if (problems.length === 0) return true;
  skip(context, node, problems.map((problem) => problem.reason).join('; '));
  return false;
}

/** The members of an object section whose values have the shape of `part`; the others are recorded as skipped. */
export function acceptedMembers(context: ReadContext, section: Node | undefined, part: SkeletonPart): JsonMember[] {
  return membersOf(section).filter((member) => acceptPart(context, part, member.value));
}

/**
 * A JSON member as the declaration it names: its name, the key node holding it, and its value node.
 * The readers of declarations with more fields write these three out instead of spreading this: a
 * spread in the object literal made reading the corpus's ARM files 1.6× slower (bench arm-read).
 */
export function namedFrom(member: JsonMember): ArmNamed {
  return { name: member.name, nameNode: member.nameNode, node: member.value };
}

/**
 * The lower-cased keywords at the top of `node` whose values do not have the shape of `part`, each recorded
 * as skipped at the value at fault. The caller reads the rest of the part.
 */
export function rejectedKeywords(context: ReadContext, part: SkeletonPart, node: Node): Set<string> {
  const rejected = new Set<string>();
  for (const problem of checkPart(part, node)) {
    skip(context, problem.node, problem.reason);
    if (problem.keyword !== undefined) rejected.add(problem.keyword);
  }
  return rejected;
}

/**
 * Parses every expression among the string values under `root` (not under an `exclude`d node; property keys
 * are never expressions) into `sites`; parse errors go to the context. The candidates come from the JSON
 * reader, in file order, so this looks at the strings in `root`'s range only, not at every node below it.
 */
export function collectExpressions(
  context: ReadContext,
  template: ArmTemplate,
  root: Node | undefined,
  sites: ArmExpressionSite[],
  exclude: readonly Node[] = [],
): void {
  if (root === undefined) return;
  const candidates = context.bracketStrings;
  const end = root.offset + root.length;
  let i = firstAtOrAfter(candidates, root.offset, 0);
  while (i < candidates.length) {
    const node = candidates[i];
    if (node.offset >= end) break;
    const excluded = exclude.find((part) => node.offset >= part.offset && node.offset < part.offset + part.length);
    if (excluded !== undefined) {
      i = firstAtOrAfter(candidates, excluded.offset + excluded.length, i);
      continue;
    }
    i++;
    const parsed = parseArmExpression(node, context.text);
    if (parsed.kind !== 'expression') continue;
    sites.push({ node, expression: parsed.expression, template });
    for (const error of parsed.errors) context.errors.push(error);
  }
}

/** The index of the first node at or after `offset` in nodes sorted by offset, searching from `from`. */
function firstAtOrAfter(nodes: readonly Node[], offset: number, from: number): number {
  let low = from;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (nodes[middle].offset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
