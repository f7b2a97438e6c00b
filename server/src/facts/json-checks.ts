// Shape checks for the facts read from data/*.json: each returns the value typed or throws naming where it breaks.
// Invariant: a message names the file and the place (`data/x.json: row[2].name`), so a bad edit of a data file
// fails the unit tests that load it with a pointer to the line to fix.

export function record(json: unknown, where: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${where}: not an object`);
  return json as Record<string, unknown>;
}

/** The object's fields, throwing when it has one not in `allowed` (a misspelt optional field would be lost). */
export function fields(json: unknown, where: string, allowed: readonly string[]): Record<string, unknown> {
  const found = record(json, where);
  const unknown = Object.keys(found).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Error(`${where}: unknown field ${unknown.join(', ')}`);
  return found;
}

export function list(json: unknown, where: string): unknown[] {
  if (!Array.isArray(json)) throw new Error(`${where}: not a list`);
  return json;
}

export function text(json: unknown, where: string): string {
  if (typeof json !== 'string' || json === '') throw new Error(`${where}: not a non-empty string`);
  return json;
}

export function texts(json: unknown, where: string): string[] {
  return list(json, where).map((item, index) => text(item, `${where}[${index}]`));
}

/** One of the listed words. */
export function oneOf<T extends string>(json: unknown, where: string, words: readonly T[]): T {
  if (!words.includes(json as T)) throw new Error(`${where}: not ${words.join('|')}`);
  return json as T;
}
