// Bounded memos for answers that depend on their key alone (registry placements, resource-type
// decisions, lower-cased names): asked again on every analysis, computed once per process. A full table is emptied
// rather than grown without bound.
const maxRemembered = 10_000;

/**
 * `table`'s answer for `key`, computing and keeping it on first ask (undefined answers are kept too).
 * `compute` is given the key, so a hot caller can pass a function made once rather than a closure per ask.
 */
export function remembered<V>(table: Map<string, V>, key: string, compute: (key: string) => V): V {
  const known = table.get(key);
  if (known !== undefined || table.has(key)) return known as V;
  if (table.size >= maxRemembered) table.clear();
  const value = compute(key);
  table.set(key, value);
  return value;
}

const lowered = new Map<string, string>();

/**
 * `text.toLowerCase()`, remembered: ids are compared and function names matched case-insensitively
 * again and again, and each toLowerCase made a new string. Bounded: a long session forgets and starts
 * over rather than growing without end.
 */
export function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size > 100_000) lowered.clear();
    lowered.set(text, (lower = text.toLowerCase()));
  }
  return lower;
}
