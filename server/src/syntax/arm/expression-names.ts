// Names in ARM expressions: which characters make them.
// Invariants: a name starts with a letter, `_`, `$` or any non-ASCII character and goes on with those and
// digits (lenient: ARM's own names are ASCII).
import type { ArmName } from './expression-types';
import { Char } from './char-codes';

export function qualifiedName(namespace: ArmName | undefined, name: ArmName): string {
  return namespace === undefined ? name.text : `${namespace.text}.${name.text}`;
}

export function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

/** ASCII characters by code: 1 may start a name, 2 may only continue one (digits). */
const nameChars = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const letter = (code >= Char.LowerA && code <= Char.LowerZ) || (code >= Char.UpperA && code <= Char.UpperZ);
  if (letter || code === Char.Underscore || code === Char.Dollar) nameChars[code] = 1;
  else if (code >= Char.Zero && code <= Char.Nine) nameChars[code] = 2;
}

export function isNameStart(code: number): boolean {
  // Past the end of the text `code` is NaN: neither branch takes it.
  return code < 128 ? nameChars[code] === 1 : code > 0x7f;
}

export function isNamePart(code: number): boolean {
  return code < 128 ? nameChars[code] !== 0 : code > 0x7f;
}
