// Picks the candidate nearest to a mistyped value, for "replace with the closest valid value" fixes.
// Invariants: case-insensitive Levenshtein distance; ties keep the earlier candidate; no candidates, no answer.

/** The candidate with the smallest case-insensitive edit distance to `value`, or `undefined` if none. */
export function closestByEditDistance(candidates: readonly string[], value: string): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(candidate.toLowerCase(), value.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best?.candidate;
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
