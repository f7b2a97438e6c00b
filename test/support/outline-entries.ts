// An outline's entries as OutlineEntry says them: the skim's entries also carry the slice each is
// parsed from (outline-statements.ts SkimmedEntry), which an outline of a parsed tree has not.
import type { OutlineEntry } from '../../server/src/syntax/bicep/outline';

export function entryFields(entries: readonly OutlineEntry[]): OutlineEntry[] {
  return entries.map(({ keyword, name, literal, existing, start, keywordStart, end }) => ({
    keyword,
    name,
    literal,
    existing,
    start,
    keywordStart,
    end,
  }));
}
