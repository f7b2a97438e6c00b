// Model values as text for people: ids print unknown parts as `{placeholders}` (keys: equal ids,
// equal text). The model's JSON form (engine/model-json.ts) and the CLI print ids this way.
import { keyOf, toJson, type Value } from '../evaluate/value';

/** A value as text: known strings as they are, unknown parts as `{key}`. */
export function displayValue(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const key = keyOf(value);
  if (key !== undefined) return shortenFiles(key.includes('{') || key.includes('(') ? key : `{${key}}`);
  return JSON.stringify(toJson(value));
}

/** A value as JSON for people: unknown keys name their deployment's file as `displayValue` does. */
export function displayJson(value: Value): unknown {
  return toJson(value, shortenFiles);
}

/**
 * Keys name their deployment (`@/dir/main.bicep`) and the file of what made them (`module:file:///dir/hub.bicep#…`)
 * by path; for people, and for output that reads the same on every machine, the file name is enough.
 */
function shortenFiles(text: string): string {
  return text.replace(
    /(@|\b(?!https?:)[a-z]+:)(?:file:\/\/)?\/[^{}@#:]*\/([^/{}@#:]+\.(?:bicep|bicepparam|jsonc?))/g,
    '$1$2',
  );
}
