// A cached module's parameters as its caller binds them: Bicep passes null for an optional
// (`nullable`) parameter the call leaves out, so such a parameter is known to be null, not unknown.
import { topLevelMemberValue } from '../arm/json-skim';
import { LazyBindings } from '../lazy';
import type { Value } from '../value';

const nullableByModule = new Map<string, { text: string; names: readonly string[] }>();
const maxRemembered = 200;

/** The names of a compiled template's nullable parameters without a default (read once per text). */
function nullableParameters(uri: string, text: string): readonly string[] {
  const known = nullableByModule.get(uri);
  if (known && known.text === text) return known.names;
  let names: string[] = [];
  try {
    // Only the parameters section is parsed: a whole compiled module (up to 400 KB) parsed into
    // objects was a tenth of what a cold analysis with a restore cache cost, and most of its garbage.
    const span = topLevelMemberValue(text, 'parameters');
    const parameters = span
      ? (JSON.parse(text.slice(span[0], span[1])) as Record<string, { nullable?: unknown; defaultValue?: unknown }>)
      : {};
    names = Object.entries(parameters)
      .filter(([, declared]) => declared?.nullable === true && !('defaultValue' in declared))
      .map(([name]) => name);
  } catch {
    names = [];
  }
  if (nullableByModule.size >= maxRemembered) nullableByModule.clear();
  nullableByModule.set(uri, { text, names });
  return names;
}

/**
 * The call's params plus null for every nullable parameter it leaves out. The call's bindings stay
 * lazy: a module reads few of the many parameters a call passes (building this map by iterating
 * them evaluated every one, and was most of what a cached module call cost beyond its template).
 */
export function withOmittedNulls(
  params: ReadonlyMap<string, Value>,
  uri: string,
  text: string,
): ReadonlyMap<string, Value> {
  const omitted = nullableParameters(uri, text).filter((name) => !params.has(name));
  if (omitted.length === 0) return params;
  const lower = new Set([...params.keys()].map((name) => name.toLowerCase()));
  const nulls = omitted.filter((name) => !lower.has(name.toLowerCase()));
  if (nulls.length === 0) return params;
  // Read through to the call's bindings (each evaluated when read), null for the names added.
  return new LazyBindings(
    [...params.keys(), ...nulls],
    (name) => (params.has(name) ? (params.get(name) ?? null) : null),
    `${uri}.params`,
  );
}
