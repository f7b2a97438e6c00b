// ARM function calls: the template's own (`parameters`, `variables`, `copyIndex`, `reference` of a
// deployment, user functions `ns.fn()`, `lambda`/`lambdaVariables`), the lazy `if`, and everything
// else through the shared library (functions.ts), which ARM and Bicep share.
// Invariants: never throws; arguments are evaluated left to right except for `if` (only the branch
// taken) and `lambda` (its body runs when applied); an unmodelled function is an Unknown keyed by its
// arguments (the library's rule), so equal calls stay equal.
import { parse, type ParseError } from 'jsonc-parser';
import type { ArmCall } from '../../syntax/arm';
import { callFunction } from '../functions';
import { unknownCall } from '../functions-support';
import { lowerCase } from '../remembered';
import {
  concatStrings,
  fromJson,
  isArray,
  isObject,
  LambdaValue,
  PartialString,
  same,
  Unknown,
  type Value,
} from '../value';
import type { ArmExpressions } from './expressions';
import type { Env } from './input';

export function evaluateCall(ev: ArmExpressions, node: ArmCall, env: Env): Value {
  const frame = ev.frame;
  if (node.namespace !== undefined) {
    const args = node.args.map((arg) => ev.evaluate(arg, env));
    return (
      frame.callUser(node.namespace.text, node.name.text, args) ??
      ev.positional(`${node.namespace.text}.${node.name.text}()`, node.start)
    );
  }
  const name = lowerCase(node.name.text);
  switch (name) {
    case 'if':
      return lazyIf(ev, node, env);
    case 'lambda':
      return lambda(ev, node, env);
    default:
      break;
  }
  const args = argumentValues(ev, node, env);
  switch (name) {
    case 'parameters': {
      const parameter = args[0];
      if (typeof parameter !== 'string') return unknownCall('parameters', args);
      if (env.fnParams)
        return env.fnParams.get(parameter.toLowerCase()) ?? ev.positional(`parameters(${parameter})`, node.start);
      // A parameter bound to null (an optional one its caller leaves out) is null, not missing.
      const bound = frame.parameter(parameter);
      return bound === undefined ? ev.positional(`parameters(${parameter})`, node.start) : bound;
    }
    case 'variables': {
      const variable = args[0];
      if (typeof variable !== 'string') return unknownCall('variables', args);
      return frame.variable(variable) ?? ev.positional(`variables(${variable})`, node.start);
    }
    case 'lambdavariables': {
      const local = args[0];
      return (
        (typeof local === 'string' ? env.lambda?.get(local.toLowerCase()) : undefined) ??
        ev.positional('lambdaVariables', node.start)
      );
    }
    case 'copyindex':
      return copyIndex(args, env) ?? ev.positional('copyIndex', node.start);
    case 'reference':
      return frame.reference(args) ?? callFunction('reference', args, frame.context);
    case 'null':
      return null;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'tryget':
      return tryGet(args);
    case 'json':
      return typeof args[0] === 'string'
        ? (jsonWithComments(args[0]) ?? unknownCall('json', args))
        : callFunction('json', args, frame.context);
    case 'split':
      return args[0] instanceof PartialString
        ? (splitPartial(args[0], args[1]) ?? unknownCall('split', args))
        : callFunction('split', args, frame.context);
    default:
      return callFunction(node.name.text, args, frame.context);
  }
}

/** The arguments' values, left to right (a loop: a closure per call showed in the allocation profile). */
function argumentValues(ev: ArmExpressions, node: ArmCall, env: Env): Value[] {
  const args = node.args;
  const values = new Array<Value>(args.length);
  for (let index = 0; index < args.length; index++) values[index] = ev.evaluate(args[index], env);
  return values;
}

/** `if(c, a, b)`: ARM evaluates only the branch taken; an unknown condition gives a value only when both agree. */
function lazyIf(ev: ArmExpressions, node: ArmCall, env: Env): Value {
  const [conditionNode, whenTrue, whenFalse] = node.args;
  if (conditionNode === undefined) return unknownCall('if', []);
  const condition = ev.evaluate(conditionNode, env);
  if (condition === true) return whenTrue ? ev.evaluate(whenTrue, env) : null;
  if (condition === false) return whenFalse ? ev.evaluate(whenFalse, env) : null;
  const a = whenTrue ? ev.evaluate(whenTrue, env) : null;
  const b = whenFalse ? ev.evaluate(whenFalse, env) : null;
  return same(a, b) === true ? a : ev.positional('if', node.start);
}

/** `lambda('x', 'y', body)`: the names are string literals; the body is evaluated on each application. */
function lambda(ev: ArmExpressions, node: ArmCall, env: Env): Value {
  const body = node.args.at(-1);
  const names = node.args.slice(0, -1).map((arg) => (arg.kind === 'string' ? arg.value.toLowerCase() : undefined));
  if (body === undefined || names.some((name) => name === undefined)) return ev.positional('lambda', node.start);
  return new LambdaValue(names.length, (values) => {
    const locals = new Map(env.lambda ?? []);
    names.forEach((name, index) => locals.set(name!, values[index] ?? null));
    return ev.evaluate(body, { ...env, lambda: locals });
  });
}

/** `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')`, `copyIndex('loop', offset)`. */
function copyIndex(args: readonly Value[], env: Env): Value | undefined {
  const [first, second] = args;
  const loop = typeof first === 'string' ? first.toLowerCase() : '';
  const offset = typeof first === 'number' ? first : typeof second === 'number' ? second : 0;
  const index = env.copy.get(loop);
  if (typeof index === 'number') return index + offset;
  if (index instanceof Unknown) return offset === 0 ? index : new Unknown(`${index.key}+${offset}`);
  return undefined;
}

/** `tryGet(value, key...)`: null where a key or index is absent, instead of an error. */
function tryGet(args: readonly Value[]): Value {
  let current: Value = args[0] ?? null;
  for (const key of args.slice(1)) {
    if (isObject(current) && typeof key === 'string') {
      const lower = key.toLowerCase();
      const found = Object.keys(current).find((candidate) => candidate.toLowerCase() === lower);
      if (found === undefined) return null;
      current = current[found];
    } else if (isArray(current) && typeof key === 'number') {
      current = current[key] ?? null;
    } else if (current === null) {
      return null;
    } else {
      return unknownCall('tryGet', args);
    }
  }
  return current;
}

/** `json(text)`: ARM's parser accepts comments and trailing commas (as in compiled `loadTextContent` files). */
function jsonWithComments(text: string): Value | undefined {
  const errors: ParseError[] = [];
  const parsed: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length === 0 ? fromJson(parsed) : undefined;
}

/**
 * `split()` of a partly known string on separators in its known text: compiled templates write child
 * names as `split(format('{0}/{1}', vnet, subnet), '/')[0]`. A separator that could sit inside an unknown
 * part makes the pieces uncertain, but ARM names cannot hold their `/` separator, so names split exactly.
 */
function splitPartial(text: PartialString, separators: Value | undefined): Value | undefined {
  const list = typeof separators === 'string' ? [separators] : isArray(separators) ? separators : undefined;
  if (!list || list.length === 0 || !list.every((separator) => typeof separator === 'string' && separator !== ''))
    return undefined;
  const pieces: (string | Unknown)[][] = [[]];
  for (const part of text.parts) {
    if (part instanceof Unknown) {
      pieces[pieces.length - 1].push(part);
      continue;
    }
    let rest = [part];
    for (const separator of list as string[]) rest = rest.flatMap((piece) => piece.split(separator));
    rest.forEach((piece, index) => {
      if (index > 0) pieces.push([]);
      pieces[pieces.length - 1].push(piece);
    });
  }
  return pieces.map((piece) => concatStrings(piece));
}
