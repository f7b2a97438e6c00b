// A bounded memo for answers that depend on their key alone (registry placements, resource-type
// decisions): asked again on every analysis, computed once per process. A full table is emptied
// rather than grown without bound.
const maxRemembered = 10_000;

/** `table`'s answer for `key`, computing and keeping it on first ask (undefined answers are kept too). */
export function remembered<V>(table: Map<string, V>, key: string, compute: () => V): V {
  const known = table.get(key);
  if (known !== undefined || table.has(key)) return known as V;
  if (table.size >= maxRemembered) table.clear();
  const value = compute();
  table.set(key, value);
  return value;
}
