// Evaluates ARM JSON values to Values: `"[...]"` strings as expressions (the `[[` escape as a literal),
// objects with property `copy` loops expanded, and every member and item's node reported by path.
// Invariants: never throws; depth and the shared step budget bound every recursion (JSON nesting,
// expression nesting, variables and user functions); what cannot be known is an Unknown keyed by the
// source position, so the same text evaluates to the same unknown.
import type { Node } from 'jsonc-parser';
import { armLiteralString, isArmExpressionNode, parseArmExpression, type ArmExpr } from '../../syntax/arm';
import { describeValue, hashText } from '../call-key';
import { getIndex, getProperty, isObject, isOversized, keyOf, oversizedUnknown, Unknown, type Value } from '../value';
import { capped, gatherWithin, sizedArray, sizedObject } from '../value-size';
import { noteWritten } from '../written';
import { evaluateCall } from './calls';
import { armLimits, type ArmFrame, type Budget, type Env } from './input';
import { memberValue } from './json-members';
import type { SourceLocation, TextSpan } from '../declaration';
import { recordWrittenVariable } from './written-variables';
import { lowerCase } from '../remembered';

/**
 * Called with each member value and array item node under an evaluated value, by path (`a.b[0].c`);
 * `usedAt` when the node is in a variable (written-variables.ts), where the value is used; `givenAt`
 * when the node is `[parameters('x')]` and a parameter file gives `x`, where it does.
 */
export type RangeRecorder = (path: string, node: Node, usedAt?: TextSpan, givenAt?: SourceLocation) => void;

export class ArmExpressions {
  private depth = 0;

  constructor(
    readonly frame: ArmFrame,
    private readonly budget: Budget,
  ) {}

  /** An unknown unique to a source position in this file. */
  positional(what: string, offset: number): Unknown {
    return new Unknown(this.frame.keyed(`${what}@${this.frame.file.uri}:${offset}`));
  }

  /** Whether there is depth and budget left for one more step (and takes it). */
  private enter(): boolean {
    if (this.depth >= armLimits.maxDepth || this.budget.steps <= 0) return false;
    this.budget.clock?.tick();
    this.depth++;
    this.budget.steps--;
    return true;
  }

  /** The value of a JSON node, its expressions evaluated in `env`. */
  value(node: Node, env: Env, record?: RangeRecorder, path = ''): Value {
    if (!this.enter()) return this.positional('too-deep', node.offset);
    try {
      const value = this.valueOf(node, env, record, path);
      // A string node's expression was sized where it was evaluated; scalars cannot grow (see admit).
      return node.type === 'array' || node.type === 'object'
        ? this.admit(value, node.offset, node.offset + node.length)
        : this.noted(value, node.offset, node.offset + node.length);
    } finally {
      this.depth--;
    }
  }

  private valueOf(node: Node, env: Env, record: RangeRecorder | undefined, path: string): Value {
    switch (node.type) {
      case 'string': {
        const value = this.stringValue(node, env);
        if (record && (isObject(value) || Array.isArray(value))) recordWrittenVariable(this, node, path, record);
        const given = record && this.givenParameter(node);
        if (given) record(path, node, undefined, given);
        return value;
      }
      case 'number':
        return typeof node.value === 'number' && Number.isFinite(node.value)
          ? node.value
          : this.positional('number', node.offset);
      case 'boolean':
        return node.value === true;
      case 'null':
        return null;
      case 'array': {
        const children = node.children ?? [];
        const items: Value[] = [];
        for (let index = 0; index < children.length; index++) {
          const item = children[index];
          if (!record) {
            // Without a recorder (variables, parameters, outputs) the path is never read: it is not built.
            items.push(this.value(item, env));
            continue;
          }
          const itemPath = `${path}[${index}]`;
          record(itemPath, item);
          items.push(this.value(item, env, record, itemPath));
        }
        return sizedArray(items);
      }
      case 'object':
        return this.object(node, env, record, path);
      default:
        return this.positional('json', node.offset);
    }
  }

  /**
   * Where a parameter file gives the parameter a `"[parameters('x')]"` node names, or one it reads a
   * part of (`"[parameters('spokes')[copyIndex()].prefix]"`), when one does.
   */
  private givenParameter(node: Node): SourceLocation | undefined {
    // Most templates are bound by no parameter file: no string node is looked at then.
    if (!this.frame.paramsGiven || !this.frame.givenAt || !isArmExpressionNode(node)) return undefined;
    let expression = this.expressionOf(node);
    while (expression?.kind === 'property' || expression?.kind === 'index') expression = expression.target;
    if (expression?.kind !== 'call' || expression.namespace || expression.args.length !== 1) return undefined;
    const [name] = expression.args;
    return lowerCase(expression.name.text) === 'parameters' && name.kind === 'string'
      ? this.frame.givenAt(name.value)
      : undefined;
  }

  /** A string node: an expression's value, or the literal ARM sees (with `[[` undone). */
  stringValue(node: Node, env: Env): Value {
    if (!isArmExpressionNode(node)) return armLiteralString(node) ?? '';
    const expression = this.expressionOf(node);
    return expression ? this.evaluate(expression, env) : this.positional('unparsable', node.offset);
  }

  /** The parsed expression of a `"[...]"` string node (parsed once per file). */
  expressionOf(node: Node): ArmExpr | undefined {
    const cache = this.frame.file.expressions;
    let found = cache.get(node);
    if (found === undefined) {
      const parsed = parseArmExpression(node, this.frame.file.text);
      found = parsed.kind === 'expression' ? (parsed.expression ?? null) : null;
      cache.set(node, found);
    }
    return found ?? undefined;
  }

  private object(node: Node, env: Env, record: RangeRecorder | undefined, path: string): Value {
    const entries: [string, Value][] = [];
    // The members read in place (as membersOf does, without a list of them): every JSON object evaluated passes here.
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const member = property.children?.[1];
      if (keyNode === undefined || member === undefined) continue;
      const key = String(keyNode.value);
      // Length first: lower-casing every member's key (most have capitals) would allocate a string each.
      if (key.length === 4 && key.toLowerCase() === 'copy' && isPropertyCopy(member)) {
        this.propertyCopy(member, env, record, path, entries);
        continue;
      }
      if (!record) {
        entries.push([key, this.value(member, env)]);
        continue;
      }
      const childPath = path ? `${path}.${key}` : key;
      record(childPath, member);
      entries.push([key, this.value(member, env, record, childPath)]);
    }
    return sizedObject(entries);
  }

  /** `"copy": [{ name, count, input }]` inside an object: each entry makes the array property `name`. */
  private propertyCopy(
    node: Node,
    env: Env,
    record: RangeRecorder | undefined,
    path: string,
    entries: [string, Value][],
  ): void {
    for (const entry of node.children ?? []) {
      const name = String(memberValue(entry, 'name')!.value);
      const countNode = memberValue(entry, 'count');
      const input = memberValue(entry, 'input')!;
      const count = countNode ? this.value(countNode, env) : undefined;
      const childPath = path ? `${path}.${name}` : name;
      record?.(childPath, entry);
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > armLimits.maxCopyCount) {
        entries.push([name, this.positional('copy', entry.offset)]);
        continue;
      }
      const items = gatherWithin(count, (index) => {
        const copy = new Map(env.copy).set(name.toLowerCase(), index);
        const itemPath = `${childPath}[${index}]`;
        record?.(itemPath, input);
        return this.value(input, { ...env, copy }, record, itemPath);
      });
      entries.push([name, items === 'oversized' ? oversizedUnknown('copy') : items]);
    }
  }

  /**
   * The value, or an unknown when it is over the size cap (value-size.ts); the clock notes where.
   * Called where a value can grow: JSON arrays and objects (their members may repeat a large value)
   * and calls. A property, an index or a literal is no larger than what it comes from.
   */
  private admit(value: Value, start: number, end: number): Value {
    return this.noted(capped(value), start, end);
  }

  /** The value; when it is an unknown made for its size, the clock notes where (the innermost first). */
  private noted(value: Value, start: number, end: number): Value {
    if (isOversized(value)) this.budget.clock?.noteOversized({ uri: this.frame.file.uri, start, end });
    return value;
  }

  /** The value of a parsed expression. */
  evaluate(expr: ArmExpr, env: Env): Value {
    if (!this.enter()) return this.positional('too-deep', expr.start);
    try {
      const found = this.evaluateExpression(expr, env);
      const value =
        expr.kind === 'call' ? this.admit(found, expr.start, expr.end) : this.noted(found, expr.start, expr.end);
      if (value instanceof Unknown) noteWritten(value, this.frame.file.text, expr.start, expr.end, true);
      return value;
    } finally {
      this.depth--;
    }
  }

  private evaluateExpression(expr: ArmExpr, env: Env): Value {
    switch (expr.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        return expr.value;
      case 'null':
        return null;
      case 'property':
        return propertyOf(this.evaluate(expr.target, env), expr.name.text);
      case 'index': {
        const base = this.evaluate(expr.target, env);
        const index = this.evaluate(expr.index, env);
        if (typeof index === 'string') return propertyOf(base, index);
        return keyOf(index) !== undefined && keyOf(base) === undefined ? lookupKey(base, index) : getIndex(base, index);
      }
      case 'call': {
        const result = evaluateCall(this, expr, env);
        // What a call builds costs in proportion to its size, so `range()` and `concat()` in loops stay bounded.
        if (Array.isArray(result)) this.budget.steps -= result.length;
        else if (typeof result === 'string') this.budget.steps -= result.length >> 6;
        return result;
      }
      default:
        return this.positional('expression', (expr as ArmExpr).start);
    }
  }
}

/** Whether a `copy` member is a property loop: an array of objects with a string `name` and an `input`. */
function isPropertyCopy(node: Node): boolean {
  const entries = node.type === 'array' ? (node.children ?? []) : [];
  return (
    entries.length > 0 &&
    entries.every(
      (entry) =>
        entry.type === 'object' &&
        memberValue(entry, 'name')?.type === 'string' &&
        memberValue(entry, 'input') !== undefined,
    )
  );
}

/** `base.name`: ARM matches property names case-insensitively when the exact name is absent. */
export function propertyOf(base: Value, name: string): Value {
  if (isObject(base) && !Object.prototype.hasOwnProperty.call(base, name)) {
    const lower = name.toLowerCase();
    const key = Object.keys(base).find((candidate) => candidate.toLowerCase() === lower);
    if (key !== undefined) return base[key];
  }
  return getProperty(base, name);
}

/**
 * A known collection indexed by an unknown key (`variables('regions')[parameters('location')]`): the
 * same lookup wherever it is written gives the same unknown (a table is named by a hash of its content).
 */
function lookupKey(base: Value, index: Value): Unknown {
  const described = describeValue(base);
  const table = described.length <= 80 ? described : `#${hashText(described)}`;
  return new Unknown(`${table}[${keyOf(index)}]`);
}
