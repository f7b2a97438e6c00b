// The JSON tree builder's error recovery: where the fast loop (json-builder.ts) meets a syntax error, this
// reads on as jsonc-parser's parser (`visit`) does, made iterative — the same tokens consumed, the same tokens
// skipped, the same errors at the same tokens — and hands back as soon as the builder's state is one the
// fast loop knows (after a value, a comma, an opener or a colon).
// Invariants: it consumes at least one token before handing back, so the builder always advances; it never
// recurses, and stops the tree where nesting gets deeper than `maxJsonDepth`; it never throws.
import type { ParseErrorCode } from 'jsonc-parser';
import {
  Expect,
  finishTree,
  maxJsonDepth,
  Opening,
  type BuildState,
  type BuiltTree,
  type TreeNode,
} from './json-build-state';
import { ErrorCode, JsonTokens, Token } from './json-tokens';

/** Where in jsonc-parser's parser the current token is read. */
const enum State {
  /** A value must start here (its `parseValue`). */
  Value,
  /** In a container's loop: a member, a comma or the closer (`parseObject`, `parseArray`). */
  Member,
  /** A key was read; a colon must follow (`parseProperty`). */
  AfterKey,
  /** Skipping tokens up to the container's closer, a comma or the end (`handleError`). */
  Skip,
  /** After the root value: only the end may come. */
  AfterRoot,
}

/**
 * Reads on from `s.pos`, where the token does not fit `s.expect`. Returns the finished tree when the text
 * ends or nests too deeply, else `undefined` with `s` set for the fast loop to go on.
 */
export function recover(s: BuildState): BuiltTree | undefined {
  const t = (s.tokens ??= new JsonTokens(s.text, s.strings, s.errors));
  let state: State;
  let needsComma = false; // in the container, a member was read (jsonc-parser's `needsComma`)
  let afterComma = false; // right after a `,`: a member must come (or, trailing, the closer)
  if (s.expect === Expect.AfterValue) {
    state = s.container === undefined ? State.AfterRoot : State.Member;
    needsComma = true;
  } else if (s.property !== undefined || s.container === undefined) {
    state = State.Value;
  } else {
    state = State.Member;
    afterComma = s.opening === Opening.AfterComma;
  }
  let valueExpectedAfterSkip = false; // a property name was missing: one more error where the skip stops
  let advance = true; // the current token was consumed; read the next
  // The errors before the current token was read: a token read and consumed without one hands back (tokens
  // with errors, one after another, stay here, where each costs less than a turn through the fast loop).
  let errorsBefore = -1;
  const report = (error: ErrorCode): void => {
    s.errors.push({ error: error as number as ParseErrorCode, offset: t.start, length: t.end - t.start });
  };

  for (;;) {
    if (advance) {
      advance = false;
      if (errorsBefore === s.errors.length && handBack(s, state, needsComma, afterComma)) return undefined;
      errorsBefore = s.errors.length;
      t.read(s.pos);
      s.pos = t.end;
    }

    if (state === State.Value) {
      const parent = s.property ?? s.container;
      let node: TreeNode;
      state = State.Member;
      if (t.kind === Token.OpenBrace || t.kind === Token.OpenBracket) {
        if (s.depth >= maxJsonDepth) return finishTree(s, t.start);
        s.depth++;
        node = {
          type: t.kind === Token.OpenBrace ? 'object' : 'array',
          offset: t.start,
          length: -1,
          parent,
          children: noChildren,
        };
        attach(s, parent, node);
        s.marks.push(s.pendingTop);
        s.container = node;
        s.property = undefined;
        needsComma = false;
        advance = true;
        continue;
      }
      if (t.kind === Token.String) {
        node = { type: 'string', offset: t.start, length: t.end - t.start, parent, value: t.value };
        if (t.value.charCodeAt(0) === 91 /* [ */) s.bracketStrings.push(node);
      } else if (t.kind === Token.Number) {
        let value = Number(t.value);
        if (Number.isNaN(value)) {
          report(ErrorCode.InvalidNumberFormat);
          value = 0;
        }
        node = { type: 'number', offset: t.start, length: t.end - t.start, parent, value };
      } else if (t.kind === Token.True || t.kind === Token.False || t.kind === Token.Null) {
        const value = t.kind === Token.Null ? null : t.kind === Token.True;
        node = { type: value === null ? 'null' : 'boolean', offset: t.start, length: t.end - t.start, parent, value };
      } else {
        // No value starts here.
        report(ErrorCode.ValueExpected);
        if (s.container === undefined) return finishTree(s, -1);
        state = State.Skip;
        needsComma = true;
        continue;
      }
      attach(s, parent, node);
      if (s.property !== undefined) {
        s.property.length = t.end - s.property.offset;
        s.property = undefined;
      }
      if (s.container === undefined) state = State.AfterRoot;
      needsComma = true;
      advance = true;
      continue;
    }

    if (state === State.AfterRoot) {
      if (t.kind !== Token.EndOfFile) report(ErrorCode.EndOfFileExpected);
      return finishTree(s, -1);
    }
    const open = s.container!;
    const isObject = open.type === 'object';
    const closer = isObject ? Token.CloseBrace : Token.CloseBracket;
    if (state === State.Skip) {
      if (t.kind !== closer && t.kind !== Token.Comma && t.kind !== Token.EndOfFile) {
        advance = true;
        continue;
      }
      if (valueExpectedAfterSkip) report(ErrorCode.ValueExpected);
      valueExpectedAfterSkip = false;
      state = State.Member;
    } else if (state === State.AfterKey) {
      // `"key"` was read (it is the last pending node); a `:` must follow.
      const keyNode = s.pending[s.pendingTop - 1];
      let property: TreeNode;
      if (t.kind === Token.Colon) {
        // The key stands in for the value until it comes.
        property = {
          type: 'property',
          offset: keyNode.offset,
          length: -1,
          parent: open,
          children: [keyNode, keyNode],
          colonOffset: t.start,
        };
        state = State.Value;
        advance = true;
      } else {
        property = { type: 'property', offset: keyNode.offset, length: -1, parent: open, children: [keyNode] };
        report(ErrorCode.ColonExpected);
        state = State.Skip;
      }
      keyNode.parent = property;
      s.pending[s.pendingTop - 1] = property;
      s.property = property;
      continue;
    }
    if (t.kind === closer || (t.kind === Token.EndOfFile && !afterComma)) {
      // The container ends at this token (at the end of the text when it is not closed).
      afterComma = false;
      if (s.property !== undefined) endPropertyWithoutValue(s, t.end);
      open.length = t.end - open.offset;
      const mark = s.marks.pop()!;
      open.children = s.pending.slice(mark, s.pendingTop);
      s.pendingTop = mark;
      s.depth--;
      const owner = open.parent;
      if (owner !== undefined && owner.type === 'property') {
        owner.length = t.end - owner.offset;
        s.container = owner.parent;
      } else {
        s.container = owner;
      }
      if (t.kind !== closer) report(isObject ? ErrorCode.CloseBraceExpected : ErrorCode.CloseBracketExpected);
      if (s.container === undefined) {
        if (t.kind !== closer) return finishTree(s, -1);
        state = State.AfterRoot;
      }
      needsComma = true;
      advance = t.kind === closer;
      continue;
    }
    if (afterComma) {
      afterComma = false;
    } else if (t.kind === Token.Comma) {
      if (!needsComma) report(ErrorCode.ValueExpected);
      if (s.property !== undefined) endPropertyWithoutValue(s, t.start);
      afterComma = true;
      advance = true;
      continue;
    } else if (needsComma) {
      report(ErrorCode.CommaExpected);
    }
    needsComma = true; // after this member, whatever becomes of it
    if (!isObject) {
      state = State.Value;
      continue;
    }
    // A property: `"key" : value`.
    if (t.kind !== Token.String) {
      report(ErrorCode.PropertyNameExpected);
      valueExpectedAfterSkip = true;
      state = State.Skip;
      continue;
    }
    const key: TreeNode = {
      type: 'string',
      offset: t.start,
      length: t.end - t.start,
      parent: undefined,
      value: t.value,
    };
    s.pending[s.pendingTop++] = key;
    state = State.AfterKey;
    advance = true;
  }
}

/** Sets the fast loop's state for where the recovery stands, if the fast loop has one for it. */
function handBack(s: BuildState, state: State, needsComma: boolean, afterComma: boolean): boolean {
  if (state === State.AfterRoot) {
    s.expect = Expect.AfterValue;
  } else if (state === State.Value) {
    // Only ever handed back after a colon: array elements are read in the Member state.
    if (s.property === undefined) return false;
    s.expect = Expect.Value;
    s.opening = Opening.None;
  } else if (state === State.Member) {
    if (afterComma || !needsComma) {
      s.expect = s.container!.type === 'object' ? Expect.Key : Expect.Value;
      s.opening = afterComma ? Opening.AfterComma : Opening.AfterOpen;
    } else {
      s.expect = Expect.AfterValue;
    }
  } else {
    return false;
  }
  if (s.expect === Expect.AfterValue) s.opening = Opening.None;
  return true;
}

function attach(s: BuildState, parent: TreeNode | undefined, node: TreeNode): void {
  if (parent === undefined) s.root = node;
  else if (parent === s.property) parent.children![1] = node;
  else s.pending[s.pendingTop++] = node;
}

/** A property ends without a value (jsonc-parser's `ensurePropertyComplete` where no value came). */
function endPropertyWithoutValue(s: BuildState, at: number): void {
  const property = s.property!;
  property.length = at - property.offset;
  property.children!.length = 1;
  s.property = undefined;
}

const noChildren: TreeNode[] = [];
