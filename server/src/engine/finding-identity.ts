// A finding's resource identity: what it is about, in words that do not move when lines above it
// change (baselines and SARIF fingerprints key on it). Invariant: built from the source as written
// (type, symbolic name or the name expression's text, property path), never from offsets or from
// evaluated placeholders, whose keys carry absolute paths and counters.
import type { Anchor } from '../rules/support/rule';

/** `Microsoft.Network/privateEndpoints pe#properties.subnet`; `text` is the declaring file's text. */
export function resourceIdentity(anchor: Anchor, text: string | undefined): string {
  const decl = anchor.decl;
  const nameRange = decl.propertyRanges.get('name');
  const written =
    decl.symbol ??
    (nameRange && text !== undefined
      ? text.slice(nameRange.start, nameRange.end).replace(/\s+/g, ' ').trim()
      : undefined) ??
    '(unnamed)';
  return `${decl.type} ${written}${anchor.path ? `#${anchor.path}` : ''}`;
}
