// The function library shared by ARM expressions and Bicep (their functions share semantics).
// Invariant: a function never throws; bad or unknown input gives an Unknown whose key names the
// call, so equal calls stay equal. Names match case-insensitively, as in ARM.
import { callKey } from './call-key';
import type { DeploymentScope } from './scope';
import { collectionFunctions } from './functions-collections';
import { logicFunctions } from './functions-logic';
import { resourceFunctions } from './functions-resource';
import { textFunctions } from './functions-text';
import { Unknown, type Value } from './value';
import { rethrowStop } from './stop-clock';

export interface FunctionContext {
  scope: DeploymentScope;
}

export type LibraryFunction = (args: readonly Value[], context: FunctionContext) => Value;

const library = new Map<string, LibraryFunction>();
for (const table of [textFunctions, collectionFunctions, logicFunctions, resourceFunctions]) {
  for (const [name, fn] of Object.entries(table)) library.set(name.toLowerCase(), fn);
}

export function hasFunction(name: string): boolean {
  return library.has(name.toLowerCase());
}

/** Calls a library function; one we do not model (list*, pickZones, ...) gives a symbolic unknown. */
export function callFunction(name: string, args: readonly Value[], context: FunctionContext): Value {
  const fn = library.get(name.toLowerCase());
  if (!fn) return new Unknown(callKey(name, args));
  try {
    return fn(args, context);
  } catch (error) {
    rethrowStop(error);
    // A defect in one function must not stop the evaluation of a template.
    return new Unknown(callKey(name, args));
  }
}
