// A cached module's parameters as its caller binds them: Bicep passes null for an optional
// (`nullable`) parameter the call leaves out, so such a parameter is known to be null, not unknown.
import type { Value } from '../value';

const nullableByModule = new Map<string, { text: string; names: readonly string[] }>();
const maxRemembered = 200;

/** The names of a compiled template's nullable parameters without a default (read once per text). */
function nullableParameters(uri: string, text: string): readonly string[] {
  const known = nullableByModule.get(uri);
  if (known && known.text === text) return known.names;
  let names: string[] = [];
  try {
    const parameters =
      (JSON.parse(text) as { parameters?: Record<string, { nullable?: unknown; defaultValue?: unknown }> })
        .parameters ?? {};
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
  return nulls.length === 0 ? params : new BindingsWithNulls(params, nulls);
}

/** Bindings read through to the call's (each evaluated when read), and null for the names added. */
class BindingsWithNulls implements ReadonlyMap<string, Value> {
  private readonly nulls: ReadonlySet<string>;

  constructor(
    private readonly bound: ReadonlyMap<string, Value>,
    nulls: readonly string[],
  ) {
    this.nulls = new Set(nulls);
  }

  get size(): number {
    return this.bound.size + this.nulls.size;
  }

  has(name: string): boolean {
    return this.bound.has(name) || this.nulls.has(name);
  }

  get(name: string): Value | undefined {
    if (this.bound.has(name)) return this.bound.get(name);
    return this.nulls.has(name) ? null : undefined;
  }

  forEach(callback: (value: Value, key: string, map: ReadonlyMap<string, Value>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, Value]> {
    yield* this.bound.entries();
    for (const name of this.nulls) yield [name, null];
  }

  *keys(): MapIterator<string> {
    yield* this.bound.keys();
    yield* this.nulls;
  }

  *values(): MapIterator<Value> {
    yield* this.bound.values();
    for (let left = this.nulls.size; left > 0; left--) yield null;
  }

  [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }
}
