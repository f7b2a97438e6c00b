// Helpers the function tables share: argument checks that turn into symbolic unknowns.
import { callKey } from './call-key';
import { isKnown, Unknown, type Value } from './value';

/** The result of `name(args)` when its inputs are not all known. */
export function unknownCall(name: string, args: readonly Value[]): Unknown {
  return new Unknown(callKey(name, args));
}

/** Runs `fn` only when every argument is fully known; else a symbolic unknown. */
export function whenKnown(name: string, fn: (args: readonly Value[]) => Value): (args: readonly Value[]) => Value {
  return (args) => (args.every(isKnown) ? fn(args) : unknownCall(name, args));
}

export function asString(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asInteger(value: Value | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Caps the size of what evaluation builds, so hostile templates stay bounded (DESIGN §10). */
export const limits = { maxArray: 10_000, maxString: 1_000_000 } as const;
