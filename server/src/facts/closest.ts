// Which valid value a mistyped one stands for: the nearest candidate, and the one it nearly spells (the
// stricter answer, for fixes that must not guess). Invariants: case-insensitive Levenshtein distance;
// closestByEditDistance keeps the earlier of tied candidates, nearMiss answers none; no candidates, no answer.

/** The candidate with the smallest case-insensitive edit distance to `value`, or `undefined` if none. */
export function closestByEditDistance(candidates: readonly string[], value: string): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(candidate.toLowerCase(), value.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
}

/**
 * The one candidate `value` nearly spells: within one edit per four letters of the candidate (at least
 * one), case ignored. None when no candidate is that near, or two are equally near: the intent is then
 * not clear ('false' or 'off' misspell neither 'Enabled' nor 'Disabled'), and a replacement would guess.
 */
export function nearMiss(candidates: readonly string[], value: string): string | undefined {
  const lower = value.toLowerCase();
  let best: { candidate: string; distance: number; tied: boolean } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(candidate.toLowerCase(), lower);
    if (distance > Math.max(1, Math.floor(candidate.length / 4))) continue;
    if (!best || distance < best.distance) best = { candidate, distance, tied: false };
    else if (distance === best.distance) best.tied = true;
  }
  return best && !best.tied ? best.candidate : undefined;
}

/** Levenshtein distance between two strings, as written (callers lower-case them to compare without case). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
