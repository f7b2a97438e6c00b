// Builds jsonc-parser's syntax tree (`Node`, the shape `parseTree` gives) for well-formed JSON with comments
// and trailing commas, in one pass and without recursion.
// Invariants: on text it accepts, the tree equals `parseTree(text, [], { allowTrailingComma: true })` node for
// node (test/corpus/arm-corpus.test.ts checks every corpus file). It never reports errors: at the first
// syntax error, or at nesting deeper than `maxJsonDepth`, it stops and says where, so that the caller can
// hand the text to jsonc-parser for recovery and error codes (json-tree.ts). It never throws.
// One leniency: a raw control character other than a line break inside a string (a tab, say) is accepted
// as it stands; jsonc-parser builds the same tree but reports InvalidCharacter. Looking at every character
// of every string for them would cost about a third of the reading time (strings are found with `indexOf`).
// Speed matters here (every ARM file passes through it): one loop, state in locals, one object shape per
// kind of node.
import type { Node, NodeType } from 'jsonc-parser';
import { endsWord, scanNumber, skipComment, StringEnds, stringValue } from './json-scan';

/** Deepest nesting read. Real ARM templates stay under 30; jsonc-parser and tree walkers recurse per level. */
export const maxJsonDepth = 256;

export type FastTreeResult =
  | {
      readonly ok: true;
      readonly root: Node | undefined;
      /** Every string value (not key) that starts with `[`, in file order: where expressions can be. */
      readonly bracketStrings: readonly Node[];
    }
  | { readonly ok: false; readonly at: number; readonly tooDeep: boolean; readonly partialRoot: Node | undefined };

/** The mutable shape we build; it is structurally a jsonc-parser `Node`. */
interface TreeNode {
  type: NodeType;
  offset: number;
  length: number;
  parent: TreeNode | undefined;
  children?: TreeNode[];
  value?: unknown;
  colonOffset?: number;
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Minus = 45,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  OpenBracket = 91,
  CloseBracket = 93,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
  OpenBrace = 123,
  CloseBrace = 125,
  ByteOrderMark = 0xfeff,
}

/** What the next token must be: a value, an object key, or what follows a value (`,` or a closer). */
const enum Expect {
  Value,
  Key,
  AfterValue,
}

/** Reads `text` into a tree, or reports the offset of the first thing it does not accept. */
export function buildFastTree(text: string): FastTreeResult {
  const length = text.length;
  let pos = text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  let root: TreeNode | undefined;
  let container: TreeNode | undefined; // the innermost open object or array
  let property: TreeNode | undefined; // the property whose value comes next
  let depth = 0;
  let expect = Expect.Value;
  let mayClose = false; // right after `{`, `[` or `,` (trailing commas are allowed)
  // The children of open containers wait here and get an array of their exact size when the container
  // closes: arrays grown by `push` keep room for 17 or more, which for a million small containers is
  // much of the garbage collector's work.
  const pending: TreeNode[] = [];
  let pendingTop = 0; // entries above this are stale (setting an array's length is a slow runtime call)
  const marks: number[] = []; // per open container, where its children start in `pending`
  const bracketStrings: TreeNode[] = [];

  const fail = (tooDeep: boolean): FastTreeResult => {
    for (let open = container; open !== undefined && marks.length > 0; open = open.parent) {
      if (open.type === 'property') continue;
      const mark = marks.pop()!;
      open.children = pending.slice(mark, pendingTop);
      pendingTop = mark;
    }
    return { ok: false, at: pos, tooDeep, partialRoot: finishRoot(root) };
  };
  const strings = new StringEnds(text);

  for (;;) {
    let code = text.charCodeAt(pos);
    while (
      code === Char.Space ||
      code === Char.LineFeed ||
      code === Char.CarriageReturn ||
      code === Char.Tab ||
      code === Char.Slash
    ) {
      if (code === Char.Slash) {
        pos = skipComment(text, pos);
        if (pos < 0) return fail(false);
      } else if (code === Char.LineFeed) {
        // A line break starts an indentation, often long: the regular expression engine skips it faster.
        whitespaceRun.lastIndex = pos + 1;
        whitespaceRun.test(text);
        pos = whitespaceRun.lastIndex;
      } else {
        pos++;
      }
      code = text.charCodeAt(pos);
    }

    if (expect === Expect.AfterValue) {
      if (container === undefined)
        return pos >= length ? { ok: true, root: finishRoot(root), bracketStrings } : fail(false);
      const isObject = container.type === 'object';
      if (code === Char.Comma) {
        pos++;
        expect = isObject ? Expect.Key : Expect.Value;
        mayClose = true;
        continue;
      }
      if (code !== (isObject ? Char.CloseBrace : Char.CloseBracket)) return fail(false);
    } else if (mayClose && code === (expect === Expect.Key ? Char.CloseBrace : Char.CloseBracket)) {
      mayClose = false;
      expect = Expect.AfterValue;
    } else if (expect === Expect.Key) {
      // `"key" :` opens a property.
      const keyStart = pos;
      const keyEnd = code === Char.Quote ? strings.find(pos) : -1;
      if (keyEnd < 0) return fail(false);
      const key = stringValue(text, keyStart, keyEnd, strings.escaped);
      if (key === undefined) return fail(false);
      pos = keyEnd;
      code = text.charCodeAt(pos);
      while (
        code === Char.Space ||
        code === Char.Tab ||
        code === Char.LineFeed ||
        code === Char.CarriageReturn ||
        code === Char.Slash
      ) {
        pos = code === Char.Slash ? skipComment(text, pos) : pos + 1;
        if (pos < 0) return fail(false);
        code = text.charCodeAt(pos);
      }
      if (code !== Char.Colon) return fail(false);
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
      mayClose = false;
      continue;
    } else {
      // A value.
      const parent = property ?? container;
      const start = pos;
      let node: TreeNode;
      if (code === Char.OpenBrace || code === Char.OpenBracket) {
        if (++depth > maxJsonDepth) return fail(true);
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
        mayClose = true;
        continue;
      }
      if (code === Char.Quote) {
        const end = strings.find(pos);
        if (end < 0) return fail(false);
        const escaped = strings.escaped;
        const value = stringValue(text, start, end, escaped);
        if (value === undefined) return fail(false);
        pos = end;
        node = { type: 'string', offset: start, length: end - start, parent, value };
        // The file text is flat, the value a slice of it: reading the text is the cheaper test.
        if (text.charCodeAt(start + 1) === Char.OpenBracket || (escaped && value.charCodeAt(0) === Char.OpenBracket)) {
          bracketStrings.push(node);
        }
      } else if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) {
        const end = scanNumber(text, pos);
        if (end < 0) return fail(false);
        pos = end;
        node = { type: 'number', offset: start, length: end - start, parent, value: Number(text.slice(start, end)) };
      } else {
        const word =
          code === Char.LowerT ? 'true' : code === Char.LowerF ? 'false' : code === Char.LowerN ? 'null' : '';
        if (word === '' || !text.startsWith(word, pos) || !endsWord(text, pos + word.length)) return fail(false);
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
  }
}

const noChildren: TreeNode[] = [];
const whitespaceRun = /[ \t\r\n]*/y;

function finishRoot(root: TreeNode | undefined): Node | undefined {
  // parseTree gives the root no `parent` key at all.
  if (root !== undefined) delete (root as { parent?: unknown }).parent;
  return root as Node | undefined;
}
