// Builds jsonc-parser's syntax tree (`Node`, the shape `parseTree` gives) and its syntax errors for JSON with
// comments and trailing commas, in one pass and without recursion: ARM reading's one JSON tree builder.
// Invariants: the tree and the errors equal `parseTree(text, errors, { allowTrailingComma: true })` node for
// node and error for error (test/unit/arm-json-tree.test.ts on well-formed, broken and randomly damaged
// text, test/corpus/arm-corpus.test.ts on every corpus file). Nesting deeper than `maxJsonDepth` stops it
// (the caller reports it). It never throws.
// Well-formed text is read by the fast loop below; at a token it does not accept, the recovery
// (json-recovery.ts) reads on as jsonc-parser would, and hands back once the text reads well again.
// One leniency: a raw control character other than a line break inside a string (a tab, say) is accepted
// as it stands; jsonc-parser builds the same tree but reports InvalidCharacter. Looking at every character
// of every string for them would cost about a third of the reading time (strings are found with `indexOf`).
// Speed matters here (every ARM file passes through it): one loop, state in locals, one object shape per
// kind of node.
import type { Node } from 'jsonc-parser';
import { Expect, maxJsonDepth, Opening, type BuildState, type BuiltTree, type TreeNode } from './json-build-state';
import { recover } from './json-recovery';
import { endsWord, scanNumber, skipBlanks, StringEnds, stringValue } from './json-scan';
import type { JsonError, JsonTokens } from './json-tokens';
import { Char } from './char-codes';

export { maxJsonDepth, type BuiltTree };

/** Reads `text` into a tree, with jsonc-parser's errors and recovery. */
export function buildJsonTree(text: string): BuiltTree {
  const length = text.length;
  let pos = text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  let root: TreeNode | undefined;
  let container: TreeNode | undefined; // the innermost open object or array
  let property: TreeNode | undefined; // the property whose value comes next
  let depth = 0;
  let expect = Expect.Value;
  let opening = Opening.None; // right after `{`, `[` or `,`, the closer may come (trailing commas are allowed)
  // The children of open containers wait here and get an array of their exact size when the container
  // closes: arrays grown by `push` keep room for 17 or more, which for a million small containers is
  // much of the garbage collector's work.
  const pending: TreeNode[] = [];
  let pendingTop = 0; // entries above this are stale (setting an array's length is a slow runtime call)
  const marks: number[] = []; // per open container, where its children start in `pending`
  const bracketStrings: TreeNode[] = [];
  const strings = new StringEnds(text);
  let errors: JsonError[] | undefined; // made at the first syntax error, with the recovery's token reader
  let tokens: JsonTokens | undefined;

  for (;;) {
    // Each turn reads one token; a token that does not fit leaves the block for the recovery below.
    reading: {
      // Reads stay within the text: one past its end would cost a deoptimisation ("out of bounds").
      pos = skipBlanks(text, pos);
      let code = pos < length ? text.charCodeAt(pos) : Char.EndOfText;
      if (code === Char.Slash) break reading; // a `/` that starts no closed comment

      if (expect === Expect.AfterValue) {
        if (container === undefined) {
          if (pos < length) break reading;
          if (root !== undefined) delete (root as { parent?: unknown }).parent; // parseTree gives the root none
          return { root: root as Node | undefined, errors: errors ?? noErrors, bracketStrings, tooDeepAt: -1 };
        }
        const isObject = container.type === 'object';
        if (code === Char.Comma) {
          pos++;
          expect = isObject ? Expect.Key : Expect.Value;
          opening = Opening.AfterComma;
          continue;
        }
        if (code !== (isObject ? Char.CloseBrace : Char.CloseBracket)) break reading;
      } else if (opening !== Opening.None && code === (expect === Expect.Key ? Char.CloseBrace : Char.CloseBracket)) {
        opening = Opening.None;
        expect = Expect.AfterValue;
      } else if (expect === Expect.Key) {
        // `"key" :` opens a property.
        const keyStart = pos;
        const keyEnd = code === Char.DoubleQuote ? strings.find(pos) : -1;
        if (keyEnd < 0) break reading;
        const key = stringValue(text, keyStart, keyEnd, strings.escaped);
        if (key === undefined) break reading;
        pos = keyEnd;
        pos = skipBlanks(text, pos);
        code = pos < length ? text.charCodeAt(pos) : Char.EndOfText;
        if (code !== Char.Colon) {
          pos = keyStart; // the recovery reads the key again
          break reading;
        }
        const keyNode: TreeNode = {
          type: 'string',
          offset: keyStart,
          length: keyEnd - keyStart,
          parent: undefined,
          value: key,
        };
        // The key stands in for the value until it comes.
        property = {
          type: 'property',
          offset: keyStart,
          length: -1,
          parent: container,
          children: [keyNode, keyNode],
          colonOffset: pos,
        };
        keyNode.parent = property;
        pending[pendingTop++] = property;
        pos++;
        expect = Expect.Value;
        opening = Opening.None;
        continue;
      } else {
        // A value.
        const parent = property ?? container;
        const start = pos;
        let node: TreeNode;
        if (code === Char.OpenBrace || code === Char.OpenBracket) {
          if (depth === maxJsonDepth) break reading; // the recovery says where
          depth++;
          node = {
            type: code === Char.OpenBrace ? 'object' : 'array',
            offset: start,
            length: -1,
            parent,
            children: noChildren,
          };
          if (parent === undefined) root = node;
          else if (parent === property) parent.children![1] = node;
          else pending[pendingTop++] = node;
          marks.push(pendingTop);
          container = node;
          property = undefined;
          pos++;
          expect = code === Char.OpenBrace ? Expect.Key : Expect.Value;
          opening = Opening.AfterOpen;
          continue;
        }
        if (code === Char.DoubleQuote) {
          const end = strings.find(pos);
          if (end < 0) break reading;
          const escaped = strings.escaped;
          const value = stringValue(text, start, end, escaped);
          if (value === undefined) break reading;
          pos = end;
          node = { type: 'string', offset: start, length: end - start, parent, value };
          // The file text is flat, the value a slice of it: reading the text is the cheaper test.
          if (
            text.charCodeAt(start + 1) === Char.OpenBracket ||
            (escaped && value.charCodeAt(0) === Char.OpenBracket)
          ) {
            bracketStrings.push(node);
          }
        } else if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) {
          const end = scanNumber(text, pos);
          if (end < 0) break reading;
          pos = end;
          node = { type: 'number', offset: start, length: end - start, parent, value: Number(text.slice(start, end)) };
        } else {
          const word =
            code === Char.LowerT ? 'true' : code === Char.LowerF ? 'false' : code === Char.LowerN ? 'null' : '';
          if (word === '' || !text.startsWith(word, pos) || !endsWord(text, pos + word.length)) break reading;
          pos += word.length;
          const value = word === 'null' ? null : word === 'true';
          node = { type: value === null ? 'null' : 'boolean', offset: start, length: word.length, parent, value };
        }
        if (parent === undefined) root = node;
        else if (parent === property) parent.children![1] = node;
        else pending[pendingTop++] = node;
        if (property !== undefined) {
          property.length = pos - property.offset;
          property = undefined;
        }
        expect = Expect.AfterValue;
        continue;
      }

      // Close the innermost container; what follows is as after any value.
      const closed = container!;
      pos++;
      closed.length = pos - closed.offset;
      const mark = marks.pop()!;
      closed.children = pending.slice(mark, pendingTop);
      pendingTop = mark;
      depth--;
      const owner = closed.parent;
      if (owner !== undefined && owner.type === 'property') {
        owner.length = pos - owner.offset;
        container = owner.parent;
      } else {
        container = owner;
      }
      property = undefined;
      continue;
    }

    // A token that does not fit at `pos`: the recovery takes the state, reads on, and hands it back.
    // (A fresh object each time: a closure over these locals would slow the loop above.)
    const handed: BuildState = {
      text,
      pos,
      root,
      container,
      property,
      depth,
      expect,
      opening,
      pending,
      pendingTop,
      marks,
      bracketStrings,
      strings,
      errors: (errors ??= []),
      tokens,
    };
    const finished = recover(handed);
    if (finished !== undefined) return finished;
    ({ pos, root, container, property, depth, expect, opening, pendingTop, tokens } = handed);
  }
}

const noChildren: TreeNode[] = [];
const noErrors: readonly JsonError[] = [];
