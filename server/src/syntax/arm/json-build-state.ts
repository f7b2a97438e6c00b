// The JSON tree builder's state, as its fast loop (json-builder.ts) hands it to its recovery
// (json-recovery.ts) at a syntax error and takes it back once the text reads well again.
// Invariants: `pending` above `pendingTop` is stale; `marks` holds one entry per open object or array;
// `depth` never exceeds `maxJsonDepth` in a finished tree.
import type { Node, NodeType } from 'jsonc-parser';
import type { StringEnds } from './json-scan';
import type { JsonError, JsonTokens } from './json-tokens';

/** Deepest nesting read. Real ARM templates stay under 30; tree walkers recurse per level. */
export const maxJsonDepth = 256;

/** The mutable shape we build; it is structurally a jsonc-parser `Node`. */
export interface TreeNode {
  type: NodeType;
  offset: number;
  length: number;
  parent: TreeNode | undefined;
  children?: TreeNode[];
  value?: unknown;
  colonOffset?: number;
}

/** What the next token must be: a value, an object key, or what follows a value (`,` or a closer). */
export const enum Expect {
  Value,
  Key,
  AfterValue,
}

/** Whether the container's closer may come next: right after its opener or after a comma (trailing commas). */
export const enum Opening {
  None,
  AfterOpen,
  AfterComma,
}

export interface BuildState {
  readonly text: string;
  /** Where the next token's search starts. */
  pos: number;
  root: TreeNode | undefined;
  /** The innermost open object or array. */
  container: TreeNode | undefined;
  /** The property whose value comes next. */
  property: TreeNode | undefined;
  depth: number;
  expect: Expect;
  opening: Opening;
  /** The children of open containers; each gets an array of its exact size when it closes. */
  readonly pending: TreeNode[];
  pendingTop: number;
  /** Per open container, where its children start in `pending`. */
  readonly marks: number[];
  readonly bracketStrings: TreeNode[];
  readonly strings: StringEnds;
  readonly errors: JsonError[];
  /** The recovery's token reader, made at the first syntax error. */
  tokens: JsonTokens | undefined;
}

export interface BuiltTree {
  /** The root value; `undefined` for empty text, or when no value starts it. */
  readonly root: Node | undefined;
  /** jsonc-parser's errors for the text, in its order (none for well-formed text). */
  readonly errors: readonly JsonError[];
  /** Every string value (not key) that starts with `[`, in file order: where expressions can be. */
  readonly bracketStrings: readonly Node[];
  /** Where nesting first went deeper than `maxJsonDepth` (the tree stops there), or -1. */
  readonly tooDeepAt: number;
}

/** The finished tree; containers still open (only when nesting got too deep) get the children read so far. */
export function finishTree(state: BuildState, tooDeepAt: number): BuiltTree {
  for (let open = state.container; open !== undefined && state.marks.length > 0; open = open.parent) {
    if (open.type === 'property') continue;
    const mark = state.marks.pop()!;
    open.children = state.pending.slice(mark, state.pendingTop);
    state.pendingTop = mark;
  }
  const root = state.root;
  // parseTree gives the root no `parent` key at all.
  if (root !== undefined) delete (root as { parent?: unknown }).parent;
  return { root: root as Node | undefined, errors: state.errors, bracketStrings: state.bracketStrings, tooDeepAt };
}
