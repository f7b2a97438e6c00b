// A declaration of an outline parsed from its keyword on, without its decorators, for a reader of what
// follows the keyword: evaluation reads a parameter's default value, never its `@description`, and in
// registry modules the descriptions are most of a parameter's text (issue 16: 752 parameters a round).
// Invariant: the nodes after the keyword are those `declaration(entry)` holds (the same tokens, parsed
// by the same grammar); anything less than a clean parse of the same span gives `declaration(entry)`.
import type { Declaration } from './nodes-declarations';
import type { BicepOutline, OutlineEntry } from './outline';
import { cleanDeclaration, parseStatementSlice } from './parse-program';

export function undecoratedDeclaration(outline: BicepOutline, entry: OutlineEntry): Declaration | undefined {
  // Without decorators, or from a full parse (the skim gave up), the declaration is as cheap to ask.
  if (entry.keywordStart === entry.start || !outline.skimmed) return outline.declaration(entry);
  const result = parseStatementSlice(outline.text, outline.language, entry.keywordStart, entry.end);
  return cleanDeclaration(result, entry.keywordStart, entry.end) ?? outline.declaration(entry);
}

/**
 * Whether a `param` entry may hold a default value. A default is written `= value`, so a skimmed
 * Bicep parameter with no `=` after its keyword has none: evaluation then needs no parse at all (most
 * registry module parameters are required, or optional with `?`). Any doubt answers true.
 */
export function mayHaveDefault(outline: BicepOutline, entry: OutlineEntry): boolean {
  if (!outline.skimmed || outline.language !== 'bicep' || entry.keyword !== 'param') return true;
  for (let at = entry.keywordStart; at < entry.end; at++) if (outline.text.charCodeAt(at) === 61 /* = */) return true;
  return false;
}
