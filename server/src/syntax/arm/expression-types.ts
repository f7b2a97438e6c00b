// The ARM template expression AST (the language inside a `"[...]"` JSON string).
// Invariants: every node's `start`/`end` are offsets in the FILE text (not in the decoded string), with
// `start < end`; a child's range lies inside its parent's. Nodes are plain data, no parent links, no methods.
import type { ArmSyntaxError } from './syntax-error';

export interface ArmRange {
  readonly start: number;
  readonly end: number;
}

/** An identifier: a function name, a user-function namespace or a property name after `.`. */
export interface ArmName extends ArmRange {
  readonly text: string;
}

/** `fn(args)` or, for user-defined functions, `namespace.fn(args)`. Function names are case-insensitive. */
export interface ArmCall extends ArmRange {
  readonly kind: 'call';
  readonly namespace: ArmName | undefined;
  readonly name: ArmName;
  readonly args: readonly ArmExpr[];
}

/** `'text'`; `value` has the `''` escapes undone. */
export interface ArmStringLiteral extends ArmRange {
  readonly kind: 'string';
  readonly value: string;
}

/** A whole number, possibly negative (ARM expressions have no fractions; `json('1.5')` makes one). */
export interface ArmNumberLiteral extends ArmRange {
  readonly kind: 'number';
  readonly value: number;
}

/** Bare `true` or `false` (the functions `true()` and `false()` are calls). */
export interface ArmBooleanLiteral extends ArmRange {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** Bare `null` (the function `null()` is a call). */
export interface ArmNullLiteral extends ArmRange {
  readonly kind: 'null';
}

/** `target.name`. */
export interface ArmPropertyAccess extends ArmRange {
  readonly kind: 'property';
  readonly target: ArmExpr;
  readonly name: ArmName;
}

/** `target[index]`. */
export interface ArmIndexAccess extends ArmRange {
  readonly kind: 'index';
  readonly target: ArmExpr;
  readonly index: ArmExpr;
}

export type ArmExpr =
  | ArmCall
  | ArmStringLiteral
  | ArmNumberLiteral
  | ArmBooleanLiteral
  | ArmNullLiteral
  | ArmPropertyAccess
  | ArmIndexAccess;

/**
 * What a JSON string value is to ARM: an expression (parsed, or not parsable: then `expression` is
 * `undefined` and `errors` say why), or a literal string (`value` has a leading `[[` escape undone).
 */
export type ArmStringValue =
  | {
      readonly kind: 'expression';
      readonly expression: ArmExpr | undefined;
      readonly errors: readonly ArmSyntaxError[];
    }
  | { readonly kind: 'literal'; readonly value: string };

/** Calls `visit` on `root` and every node below it, parents before children, in source order. */
export function forEachArmExprNode(root: ArmExpr, visit: (node: ArmExpr) => void): void {
  const stack: ArmExpr[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    switch (node.kind) {
      case 'call':
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]);
        break;
      case 'property':
        stack.push(node.target);
        break;
      case 'index':
        stack.push(node.index, node.target);
        break;
      default:
        break;
    }
  }
}
