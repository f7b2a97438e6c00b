// A compact, stable text dump of a syntax tree for golden files: one line per node or token,
// indented by depth, as `Kind [start,end)` plus the token text (JSON-quoted). Comments and pragmas
// are shown as `trivia` lines; whitespace trivia is left out to keep dumps short.
// Invariant: iterative, so any tree depth dumps without recursion (indentation stops growing at 64).
import type { Child } from './nodes';
import type { SourceFile } from './nodes-declarations';
import { Token, TokenKind } from './token';

export function dumpTree(tree: SourceFile): string {
  const lines: string[] = [];
  const stack: { child: Child; depth: number }[] = [{ child: tree, depth: 0 }];
  while (stack.length > 0) {
    const { child, depth } = stack.pop()!;
    const indent = depth <= 64 ? '  '.repeat(depth) : `${'  '.repeat(64)}[${depth}] `;
    if (child instanceof Token) {
      for (const trivia of child.leading) {
        if (trivia.kind !== 'Whitespace') lines.push(`${indent}trivia ${trivia.kind} ${quote(trivia.text)}`);
      }
      lines.push(`${indent}${TokenKind[child.kind]} [${child.start},${child.end}) ${quote(child.text)}`);
      for (const trivia of child.trailing) {
        if (trivia.kind !== 'Whitespace') lines.push(`${indent}trivia ${trivia.kind} ${quote(trivia.text)}`);
      }
      continue;
    }
    lines.push(`${indent}${child.kind} [${child.start},${child.end})`);
    for (let i = child.children.length - 1; i >= 0; i--) stack.push({ child: child.children[i], depth: depth + 1 });
  }
  return lines.join('\n') + '\n';
}

// JSON quoting, plus escapes for characters that are invisible in a golden file (BOM, zero-width…).
function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
