// Evaluates Bicep expressions to Values. Invariant: never throws and never recurses without
// bound (depth-limited); anything it cannot know becomes an Unknown with a stable key built from
// the source position, so the same expression evaluates to the same unknown.
import {
  literalString,
  present,
  propertyKey,
  stringSegments,
  type Expression,
  type ForExpression,
  type ObjectExpression,
} from '../../syntax/bicep';
import { callKey, describeValue } from '../call-key';
import { callFunction, type FunctionContext } from '../functions';
import {
  concatStrings,
  emptyObjectValue,
  freshUnknown,
  getIndex,
  getProperty,
  getSafeProperty,
  isArray,
  isObject,
  isOversized,
  LambdaValue,
  makeObject,
  not,
  oversizedUnknown,
  same,
  Unknown,
  withOrigin,
  type Tri,
  type Value,
} from '../value';
import { limits } from '../functions-support';
import { noteWritten } from '../written';
import { capped, maxValueUnits, sizedArray, sizedBuilt, sizeOf } from '../value-size';
import type { StopClock } from '../stop-clock';
import type { SourceLocation, TextSpan } from '../declaration';
import { recordWrittenRanges } from './written-ranges';

/** What an expression can refer to besides its locals. */
export interface SymbolScope {
  readonly uri: string;
  readonly context: FunctionContext;
  /** A top-level symbol's value (param, var, resource, module, func, import), or undefined. */
  symbol(name: string): Value | undefined;
  /** A call of a user-defined or imported function, or undefined when `name` is none of those. */
  callUser(name: string, args: readonly Value[], namespace?: string): Value | undefined;
  /** Whether `name` is a namespace import (`import * as name from './shared.bicep'`). */
  isNamespaceImport?(name: string): boolean;
  /** The text of a file beside this one that the deployment read (`loadJsonContent('./x.json')`). */
  loadedText?(path: string): string | undefined;
  /** `parent::child` on a resource symbol. */
  nestedResource(parentSymbol: string, child: string): Value | undefined;
  /** The deployment's deadline, if it has one. */
  readonly clock?: StopClock;
  /** `key` made unique to this evaluation of the file (declaration.ts keyInInstance). */
  keyed(key: string): string;
  /** The file's text, to note how unknowns were written (names show them so). */
  readonly text?: string;
  /** The object or array literal a top-level variable or unbound parameter's default is written as. */
  writtenValue?(name: string): Expression | undefined;
  /** Where a parameter file gives parameter `name`'s value, when one binds it. */
  givenAt?(name: string): SourceLocation | undefined;
}

/**
 * Called for each property value inside object literals, to remember where it is written; `usedAt`
 * when that is in a variable or a parameter's default (written-ranges.ts), where the value is used;
 * `givenAt` when it is a parameter a parameter file binds, where that file gives it.
 */
export type RangeRecorder = (
  path: string,
  node: TextSpan,
  usedAt?: TextSpan,
  givenAt?: SourceLocation,
  itemsGivenAt?: SourceLocation,
) => void;

export type Locals = ReadonlyMap<string, Value>;
const noLocals: Locals = new Map();
/** Expression kinds whose value may be larger than the values they were built from (see admit). */
const mayGrow: Partial<Record<Expression['kind'], true>> = {
  Object: true,
  Array: true,
  For: true,
  FunctionCall: true,
  InstanceFunctionCall: true,
  VariableAccess: true,
  ResourceAccess: true,
};
const maxDepth = 200;

export class ExpressionEvaluator {
  private depth = 0;

  constructor(private readonly scope: SymbolScope) {}

  /** Whether an expression evaluated now would be too deep (its value the `too-deep` unknown). */
  get tooDeep(): boolean {
    return this.depth > maxDepth;
  }

  evaluate(node: Expression, locals: Locals = noLocals, record?: RangeRecorder, path = ''): Value {
    if (this.tooDeep) return this.positional('too-deep', node);
    this.scope.clock?.tick();
    this.depth++;
    try {
      const value = this.admit(this.evaluateNode(node, locals, record, path), node);
      if (value instanceof Unknown && this.scope.text !== undefined)
        noteWritten(value, this.scope.text, node.start, node.end);
      return value;
    } finally {
      this.depth--;
    }
  }

  /**
   * The value, or an unknown when it is over the size cap (value-size.ts); the clock notes where.
   * Sized only where a value can grow: what builds one (literals, loops, calls) and what enters from
   * outside expressions (a symbol's value, a nested resource). A part of a value (`a.b`, `a[0]`), a
   * choice between values (`?:`, `??`) or a local (an item of a sized array, a lambda's argument) is
   * no larger than what it comes from; strings are bounded by concatStrings.
   */
  private admit(value: Value, node: Expression): Value {
    const kept = mayGrow[node.kind] === true ? capped(value) : value;
    if (isOversized(kept)) this.scope.clock?.noteOversized({ uri: this.scope.uri, start: node.start, end: node.end });
    return kept;
  }

  /** A key unique to a source position: the same expression gives the same unknown. */
  positional(what: string, node: { start: number }): Unknown {
    return new Unknown(this.scope.keyed(`${what}@${this.scope.uri}:${node.start}`));
  }

  private evaluateNode(node: Expression, locals: Locals, record: RangeRecorder | undefined, path: string): Value {
    switch (node.kind) {
      case 'String': {
        const parts = stringSegments(node);
        if (!parts) return this.positional('string', node);
        const { segments, expressions } = parts;
        // A plain literal (most strings) is its one segment: no list of parts to join.
        if (segments.length === 1 && !expressions[0]) return concatStrings(segments);
        const values: Value[] = [];
        for (let index = 0; index < segments.length; index++) {
          values.push(segments[index]);
          const hole = expressions[index];
          if (hole) values.push(this.evaluate(hole, locals));
        }
        return concatStrings(values);
      }
      case 'Integer': {
        const value = Number(node.token.text);
        return Number.isSafeInteger(value) ? value : this.positional('integer', node);
      }
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      case 'Object':
        return this.object(node, locals, record, path);
      case 'Array': {
        const items: Value[] = [];
        for (let index = 0; index < node.items.length; index++) {
          const item = node.items[index];
          if (item.kind === 'Spread') {
            const spread = this.evaluate(item.expression, locals);
            const spreadName = item.expression.kind === 'VariableAccess' ? item.expression.name.text : undefined;
            if (record && spreadName !== undefined && !locals.has(spreadName) && isArray(spread))
              recordWrittenRanges(this.scope, spreadName, item, path, record, items.length);
            if (isArray(spread)) items.push(...spread);
            else items.push(new Unknown(callKey('spread', [spread])));
          } else if (record) {
            // The item's index in the value, not in the text: a spread before it adds its own items.
            const itemPath = `${path}[${items.length}]`;
            record(itemPath, item);
            items.push(this.evaluate(item, locals, record, itemPath));
          } else {
            // Without a recorder the path is never read: it is not built.
            items.push(this.evaluate(item, locals));
          }
        }
        return sizedArray(items);
      }
      case 'For': {
        const value = this.forExpression(node, locals);
        // A loop over a parameter a parameter file binds: the file gives its items.
        const given = record && this.givenItems(node.iterable, locals);
        if (given) record(path, node, undefined, undefined, given);
        return value;
      }
      case 'VariableAccess': {
        const name = node.name.text;
        if (locals.has(name)) return locals.get(name)!;
        const value = this.scope.symbol(name);
        // A symbol whose value is null (`var none = null`, a nullable parameter the call leaves out) is null.
        if (value === undefined) return this.positional(`symbol:${name}`, node);
        if (record && (isObject(value) || isArray(value))) recordWrittenRanges(this.scope, name, node, path, record);
        const given = record && this.scope.givenAt?.(name);
        if (given) record(path, node, undefined, given);
        return value;
      }
      case 'FunctionCall':
        return this.call(node.name.text, node.arguments, locals, undefined);
      case 'InstanceFunctionCall': {
        const name = present(node.name)?.text;
        if (!name) return this.positional('call', node);
        if (node.base.kind === 'VariableAccess' && !locals.has(node.base.name.text)) {
          const namespace = node.base.name.text;
          if (namespace === 'az' || namespace === 'sys') return this.call(name, node.arguments, locals, undefined);
          // A function of a namespace import (`shared.spokeName(i)`) is evaluated as a named import's is.
          if (this.scope.symbol(namespace) === undefined || this.scope.isNamespaceImport?.(namespace))
            return this.call(name, node.arguments, locals, namespace);
        }
        // Resource methods (listKeys(), getSecret()) run at deployment time: keyed by what they are called
        // on and with, so calls on different values (a loop's instances) are not one value.
        return new Unknown(
          callKey(`.${name}`, [
            // A symbol by its name (a namespace import holds a whole file), anything else by its value.
            node.base.kind === 'VariableAccess' && !locals.has(node.base.name.text)
              ? this.scope.keyed(`symbol:${this.scope.uri}#${node.base.name.text}`)
              : this.evaluate(node.base, locals),
            ...node.arguments.map((argument) => this.evaluate(argument, locals)),
          ]),
        );
      }
      case 'PropertyAccess': {
        const name = present(node.name)?.text;
        const base = this.evaluate(node.base, locals);
        if (name === undefined) return this.positional('property', node);
        return node.safe ? getSafeProperty(base, name) : getProperty(base, name);
      }
      case 'ArrayAccess': {
        const base = this.evaluate(node.base, locals);
        const index = this.evaluate(node.index, locals);
        // `[^i]` counts from the end; `[?i]` is null past either end (Bicep's safe access).
        const at = node.fromEnd && isArray(base) && typeof index === 'number' ? base.length - index : index;
        if (node.safe && (base === null || (isArray(base) && typeof at === 'number' && (at < 0 || at >= base.length))))
          return null;
        if (node.fromEnd && typeof at !== 'number') return new Unknown(callKey('fromEnd', [base, index]));
        return getIndex(base, at);
      }
      case 'ResourceAccess': {
        const child = present(node.name)?.text;
        if (node.base.kind !== 'VariableAccess' || !child) return this.positional('resource-access', node);
        return this.scope.nestedResource(node.base.name.text, child) ?? this.positional('resource-access', node);
      }
      case 'NonNullAssertion':
        return this.evaluate(node.base, locals);
      case 'Parenthesized':
        return this.evaluate(node.expression, locals);
      case 'Unary': {
        const operand = this.evaluate(node.operand, locals);
        if (node.operator.text === '!') return typeof operand === 'boolean' ? !operand : this.positional('not', node);
        return typeof operand === 'number' ? -operand : this.positional('negate', node);
      }
      case 'Binary':
        return this.binary(node.operator.text, node.left, node.right, locals, node);
      case 'Ternary': {
        const condition = this.evaluate(node.condition, locals);
        if (condition === true) return this.evaluate(node.whenTrue, locals);
        if (condition === false) return this.evaluate(node.whenFalse, locals);
        const whenTrue = this.evaluate(node.whenTrue, locals);
        const whenFalse = this.evaluate(node.whenFalse, locals);
        // Keyed by what it is made of, not where it is written: a loop's instances that differ in a
        // branch (`s.id ?? resourceId(…, s.name)`) must not read as one value.
        return same(whenTrue, whenFalse) === true
          ? whenTrue
          : new Unknown(callKey('if', [condition, whenTrue, whenFalse]));
      }
      case 'Lambda': {
        const names =
          'kind' in node.parameters && node.parameters.kind === 'VariableBlock'
            ? node.parameters.variables.map((variable) => present(variable)?.text ?? '')
            : [present(node.parameters as never)?.text ?? ''];
        // Keyed by its place and what it closes over: `filter(ids, v => … 'prod' …)` and the same call with
        // another lambda are other values (review: both read as one VNet).
        return new LambdaValue(
          names.length,
          (args) => {
            const inner = new Map(locals);
            names.forEach((name, index) => inner.set(name, args[index] ?? null));
            return this.evaluate(node.body, inner);
          },
          () =>
            `lambda@${this.scope.uri}:${node.start}(${[...locals].map(([name, value]) => `${name}=${describeValue(value)}`).join(',')})`,
        );
      }
      default:
        return this.positional('expression', node);
    }
  }

  /** Written key by key into the object (no entry pairs: issue 16), later keys winning. */
  private object(node: ObjectExpression, locals: Locals, record: RangeRecorder | undefined, path: string): Value {
    const object: Record<string, Value> = emptyObjectValue();
    let repeated = false;
    let keyNotKnown = false;
    for (const member of node.members) {
      if (member.kind === 'Spread') {
        const spread = this.evaluate(member.expression, locals);
        if (!isObject(spread)) return new Unknown(callKey('spread', [spread]));
        for (const key of Object.keys(spread)) {
          if (key in object) repeated = true;
          object[key] = spread[key];
        }
      } else if (member.kind === 'ObjectProperty') {
        const key =
          propertyKey(member) ??
          (member.key.kind === 'String' ? this.keyOfInterpolated(member.key, locals) : undefined);
        if (key === undefined) {
          // It may be any key written before it, whose value it would then replace.
          for (const written of Object.keys(object))
            object[written] = new Unknown(callKey('maybeReplaced', [this.positional('object', node), written]));
          keyNotKnown = true;
          continue;
        }
        let value: Value;
        if (record) {
          const childPath = path ? `${path}.${key}` : key;
          record(childPath, member.value);
          value = this.evaluate(member.value, locals, record, childPath);
        } else value = this.evaluate(member.value, locals);
        if (key in object) repeated = true;
        object[key] = value;
      }
    }
    const built = sizedBuilt(object, repeated);
    // A key not known may be any: the object is not wholly known, so `.?` on it is not null (withOrigin).
    return keyNotKnown && isObject(built) ? withOrigin(built, this.positional('object', node).key) : built;
  }

  private keyOfInterpolated(key: Expression, locals: Locals): string | undefined {
    const value = this.evaluate(key, locals);
    return typeof value === 'string' ? value : undefined;
  }

  /** Where a parameter file gives the items of a loop over its parameter (`for s in spokes`), if it does. */
  givenItems(iterable: Expression, locals: Locals): SourceLocation | undefined {
    if (iterable.kind !== 'VariableAccess' || locals.has(iterable.name.text)) return undefined;
    return this.scope.givenAt?.(iterable.name.text);
  }

  private forExpression(node: ForExpression, locals: Locals): Value {
    const iterable = this.evaluate(node.iterable, locals);
    if (!isArray(iterable) || iterable.length > limits.maxArray) return this.positional('for', node);
    const [itemName, indexName] = loopVariables(node);
    const results: Value[] = [];
    // The expansion stops as soon as it is over the size cap, before the rest is built.
    let total = 0;
    const push = (value: Value) => {
      results.push(value);
      total += sizeOf(value);
    };
    for (const [index, item] of iterable.entries()) {
      const inner = new Map(locals);
      if (itemName) inner.set(itemName, item);
      if (indexName) inner.set(indexName, index);
      if (node.body.kind === 'IfCondition') {
        const condition =
          node.body.condition.kind === 'Parenthesized'
            ? this.evaluate(node.body.condition.expression, inner)
            : undefined;
        if (condition === false) continue;
        if (condition !== true) return this.positional('for', node);
        push(
          node.body.body.kind === 'Object' ? this.evaluate(node.body.body, inner) : this.positional('for-body', node),
        );
      } else {
        push(this.evaluate(node.body, inner));
      }
      // An item over the cap would be over it again on every later turn: the loop stops here.
      if (total > maxValueUnits || isOversized(results.at(-1))) return oversizedUnknown('for');
    }
    return results;
  }

  private call(
    name: string,
    argumentNodes: readonly Expression[],
    locals: Locals,
    namespace: string | undefined,
  ): Value {
    const args = argumentNodes.map((argument) => this.evaluate(argument, locals));
    const user = this.scope.callUser(name, args, namespace);
    if (user !== undefined) return user;
    if (namespace !== undefined) return new Unknown(callKey(`${namespace}.${name}`, args));
    switch (name) {
      case 'any':
        return args[0] ?? null;
      case 'loadJsonContent': {
        // The whole file's JSON, as Bicep inlines it at compile time; a JSON path or an encoding is not modelled.
        const path = literalString(argumentNodes[0]);
        const text = path !== undefined && argumentNodes.length === 1 ? this.scope.loadedText?.(path) : undefined;
        if (text !== undefined) return callFunction('json', [text], this.scope.context);
        return new Unknown(`${name}(${path ?? '?'})`);
      }
      case 'loadTextContent':
      case 'loadYamlContent':
      case 'loadFileAsBase64':
        return new Unknown(`${name}(${literalString(argumentNodes[0]) ?? '?'})`);
      case 'resourceGroup':
      case 'subscription':
        return args.length === 0
          ? callFunction(name, args, this.scope.context)
          : scopeObject(name, args, this.scope.context);
      default:
        return callFunction(name, args, this.scope.context);
    }
  }

  private binary(
    operator: string,
    leftNode: Expression,
    rightNode: Expression,
    locals: Locals,
    node: { start: number },
  ): Value {
    const left = this.evaluate(leftNode, locals);
    if (operator === '&&' && left === false) return false;
    if (operator === '||' && left === true) return true;
    if (operator === '??')
      return left === null
        ? this.evaluate(rightNode, locals)
        : left instanceof Unknown
          ? new Unknown(callKey('coalesce', [left, this.evaluate(rightNode, locals)]))
          : left;
    const right = this.evaluate(rightNode, locals);
    const tri = (value: Tri): Value => (value === 'unknown' ? this.positional(operator, node) : value);
    switch (operator) {
      case '==':
        return tri(same(left, right));
      case '!=':
        return tri(not(same(left, right)));
      case '=~':
        return tri(same(left, right, true));
      case '!~':
        return tri(not(same(left, right, true)));
      case '&&':
        return right === false ? false : left === true && right === true ? true : this.positional('and', node);
      case '||':
        return right === true ? true : left === false && right === false ? false : this.positional('or', node);
      default: {
        const name = operatorFunctions.get(operator);
        return name ? callFunction(name, [left, right], this.scope.context) : this.positional(operator, node);
      }
    }
  }
}

/** Comparison and arithmetic operators: each means the ARM function of both operands. */
const operatorFunctions: ReadonlyMap<string, string> = new Map([
  ['<', 'less'],
  ['<=', 'lessOrEquals'],
  ['>', 'greater'],
  ['>=', 'greaterOrEquals'],
  ['+', 'add'],
  ['-', 'sub'],
  ['*', 'mul'],
  ['/', 'div'],
  ['%', 'mod'],
]);

export function loopVariables(node: ForExpression): [string | undefined, string | undefined] {
  const variable = node.variable;
  if ('kind' in variable && variable.kind === 'VariableBlock') {
    const [item, index] = variable.variables.map((name) => present(name)?.text);
    return [item, index];
  }
  return [present(variable as never)?.text, undefined];
}

/**
 * `resourceGroup('rg')`, `resourceGroup(sub, 'rg')`, `subscription(sub)`: scope objects for `scope:`.
 * They carry the id of the scope, which resource ids and module scopes build on.
 */
function scopeObject(name: string, args: readonly Value[], context: FunctionContext): Value {
  const subscription = name === 'subscription' ? args[0] : args.length >= 2 ? args[0] : context.scope.subscriptionId;
  if (name === 'subscription') {
    return makeObject([
      ['id', concatStrings(['/subscriptions/', subscription])],
      ['subscriptionId', subscription],
      ['type', 'Microsoft.Resources/subscriptions'],
    ]);
  }
  const group = args[args.length - 1];
  return makeObject([
    ['id', concatStrings(['/subscriptions/', subscription, '/resourceGroups/', group])],
    ['name', group],
    ['subscriptionId', subscription],
    ['type', 'Microsoft.Resources/resourceGroups'],
    ['location', freshUnknown('resourceGroup(...).location', 'region')],
  ]);
}
