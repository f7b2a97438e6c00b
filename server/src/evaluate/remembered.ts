// Bounded memos for answers that depend on their key alone (registry placements, resource-type
// decisions, lower-cased names): asked again on every analysis, computed once per process. A full table is emptied
// rather than grown without bound. And answers about one object kept on that object (keptOn).
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

/**
 * What `make` builds from `owner`, built on the first ask and kept on `owner` itself as a hidden
 * property under `key` (not enumerable: a walk, a spread copy or JSON never sees it). For answers about
 * an object made afresh by every analysis (a model, a VNet). A module-level WeakMap keyed by such
 * objects gains an entry per analysis; with one, ~3 KB of every analysis of a one-zone file survived
 * V8's young-generation collections into the old generation, each collection took ten times as long,
 * and the analysis 50 µs instead of 30 (issue 16). A frozen owner keeps nothing: each ask builds again.
 * `current` says whether what is kept still holds (built again when not).
 */
export function keptOn<O extends object, T>(
  owner: O,
  key: symbol,
  make: (owner: O) => T,
  current?: (kept: T) => boolean,
): T {
  const kept = keptValue<T>(owner, key);
  if (kept !== undefined && (!current || current(kept))) return kept;
  const made = make(owner);
  keepOn(owner, key, made);
  return made;
}

/** Keeps `value` on `owner` under `key`, hidden as keptOn keeps its answers (a frozen owner keeps nothing). */
export function keepOn<T>(owner: object, key: symbol, value: T): void {
  Reflect.defineProperty(owner, key, { value, configurable: true });
}

/** What keptOn or keepOn kept on `owner` under `key`, if anything. */
export function keptValue<T>(owner: object, key: symbol): T | undefined {
  return (owner as Record<symbol, T | undefined>)[key];
}
