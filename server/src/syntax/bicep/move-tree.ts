// Moving a parsed declaration to the next version of its file (the lazy outline's reuse across edits,
// outline.ts): every node's and token's offsets shift by the same amount, and the tokens read the new
// text (they would otherwise keep the old one alive and read their text from it).
// Invariant: sound only where the new text holds, `delta` characters on, exactly the slice the tree
// was parsed from (a slice parse reads nothing outside its slice: parse-program.ts), and only for a
// tree nothing else holds, since it is changed in place (the outline that parsed it gives it up). Its
// tokens come from one lex of that slice, so they share one TokenSource, re-pointed once.
import type { Node } from './nodes-declarations';
import { moveToken, sourceOf, Token } from './token';

// Local aliases, as in lexer.ts: read once, so the walk pays no module-export getter per token when
// this file runs through a per-file transpiler (tsx); a bundler makes them direct references anyway.
const TokenClass = Token;
const move = moveToken;

/** The walk's stack of nodes, one for all walks, left empty by each (popped, not cut: `length = 0`
 * let V8 drop its backing store): grown anew for each tree moved, it was 170 kB per keystroke. */
const pending: Node[] = [];

/** Shifts every offset under `root` by `delta` and points its tokens at `text`. */
export function moveTree(root: Node, delta: number, text: string): void {
  const first = firstToken(root);
  if (first) sourceOf(first).text = text;
  if (delta === 0) return; // nothing else to change
  const stack = pending;
  stack.push(root);
  while (stack.length > 0) {
    // Nodes are read-only to their readers; the walk is their one writer (see the header).
    const node = stack.pop() as Node & { start: number; end: number };
    node.start += delta;
    node.end += delta;
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child instanceof TokenClass) move(child, delta);
      else stack.push(child);
    }
  }
}

/** The first token under `node` (undefined for a node without tokens, as a Missing one). */
function firstToken(node: Node): Token | undefined {
  let current: Node = node;
  for (;;) {
    const child = current.children[0];
    if (child === undefined) return undefined;
    if (child instanceof TokenClass) return child;
    current = child;
  }
}
