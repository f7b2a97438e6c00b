// A skim of ARM template text before it is read into a tree (as the Bicep outline skims Bicep): the
// `"type"` values it holds. A template whose types are all known text and none of them needed by the
// analysis declares nothing the model holds, so its deployment need not be read or evaluated.
// Invariant: answers "nothing needed" only when certain; any doubt (an expression for a type, an
// escape, a linked template, a nested parameters file) answers false and the template is read in full.

import type { NeedsType } from '../declaration';

/** `"type": "…"` with any case of the key (ARM property names are case-insensitive). */
const typeMember = /"type"\s*:\s*"([^"]*)"/gi;

/**
 * Whether `text`, an ARM deployment template, certainly declares no resource whose type `needsType`
 * accepts (nested inline templates included: their `"type"` members are in the same text).
 */
export function declaresNothingNeeded(text: string, needsType: NeedsType): boolean {
  // Escapes could spell a key or a type; a relativePath links another template, whose types are elsewhere.
  if (text.includes('\\u') || /relativepath/i.test(text)) return false;
  if (!/deploymentTemplate\.json#/i.test(text) || /deploymentParameters\.json#/i.test(text)) return false;
  return !mayNameNeededType(text, needsType);
}

/**
 * Whether some `"type"` member of `text` may name a type `needsType` accepts: one it accepts, or one
 * written as an expression (`[…]`) or with an escape. Parameter and output types (`"string"`,
 * `"object"`) are not resource types, and needsType turns them down.
 */
export function mayNameNeededType(text: string, needsType: NeedsType): boolean {
  for (const match of text.matchAll(typeMember)) {
    const type = match[1];
    if (type.startsWith('[') || type.includes('\\') || needsType(type, false)) return true;
  }
  return false;
}
