// Tree walking and printing. All walks are iterative (explicit stack): a long `a + b + c + …` chain
// nests one Binary node per operator, so recursion depth would follow the input, not maxDepth.
// Invariant: printTree(parseBicep(text).tree) === text, because tokens tile the text and every
// token sits exactly once in the tree.
import type { Child } from './nodes';
import type { Node, SourceFile } from './nodes-declarations';
import { Token } from './token';

/** The source text rebuilt from the tree's tokens and their trivia. */
export function printTree(tree: SourceFile): string {
  const parts: string[] = [];
  forEachToken(tree, (token) => {
    parts.push(token.fullText);
  });
  return parts.join('');
}

/** Visits every token under `root` in text order. */
export function forEachToken(root: Child, visit: (token: Token) => void): void {
  const stack: Child[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item instanceof Token) {
      visit(item);
      continue;
    }
    const children = item.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/**
 * Visits every node under `root` (itself included) in text order, pre-order. Returning false from
 * `enter` skips the node's descendants. `depth` is 0 for `root`.
 */
export function walkNodes(
  root: Node,
  enter: (node: Node, parent: Node | undefined, depth: number) => boolean | void,
): void {
  const stack: { node: Node; parent: Node | undefined; depth: number }[] = [
    { node: root, parent: undefined, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, parent, depth } = stack.pop()!;
    if (enter(node, parent, depth) === false) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!(child instanceof Token)) stack.push({ node: child, parent: node, depth: depth + 1 });
    }
  }
}

/** The nodes containing `offset`, outermost first (ends are inclusive, so a cursor after a name counts). */
export function nodePathAt(root: Node, offset: number): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root;
  while (current) {
    path.push(current);
    let next: Node | undefined;
    for (const child of current.children) {
      if (child instanceof Token || child.start > offset) continue;
      if (offset <= child.end && (child.end > child.start || child.kind !== 'Missing')) next = child;
    }
    current = next;
  }
  return path;
}

/** The token whose full span (with trivia) contains `offset`; the EndOfFile token past the end. */
export function tokenAt(tree: SourceFile, offset: number): Token {
  const tokens = tree.tokens;
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].fullEnd <= offset) low = middle + 1;
    else high = middle;
  }
  return tokens[low];
}
