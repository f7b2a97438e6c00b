// Values computed on first read. Analysis needs a small part of what a template computes (the
// networking resources and what they refer to), so module outputs and module parameters are bound
// as thunks: a module's outputs nobody reads, or a parameter its networking resources never use,
// are never evaluated. Invariant: a thunk runs at most once; reading it again while it runs (a
// cycle) gives an unknown instead of recursing.
import { makeObject, Unknown, type ObjectValue, type Value } from './value';

type Compute = (name: string) => Value;

/** A plain object (see makeObject) whose properties are computed when first read, then fixed. */
export function lazyObject(names: readonly string[], compute: Compute, cycleKey: string): ObjectValue {
  const object = makeObject([]) as Record<string, Value>;
  for (const name of names) {
    let running = false;
    Object.defineProperty(object, name, {
      configurable: true,
      enumerable: true,
      get(): Value {
        if (running) return new Unknown(`cycle:${cycleKey}.${name}`);
        running = true;
        let value: Value;
        try {
          value = compute(name);
        } finally {
          running = false;
        }
        Object.defineProperty(object, name, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return object;
}

/** Parameter bindings whose values are computed on first read (a module call's `params`). */
export class LazyBindings implements ReadonlyMap<string, Value> {
  private readonly bound: ObjectValue;

  constructor(
    private readonly names: readonly string[],
    compute: Compute,
    cycleKey: string,
  ) {
    this.bound = lazyObject(names, compute, cycleKey);
  }

  get size(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.bound, name);
  }

  get(name: string): Value | undefined {
    return this.has(name) ? this.bound[name] : undefined;
  }

  forEach(callback: (value: Value, key: string, map: ReadonlyMap<string, Value>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, Value]> {
    for (const name of this.names) yield [name, this.bound[name]];
  }

  *keys(): MapIterator<string> {
    yield* this.names;
  }

  *values(): MapIterator<Value> {
    for (const name of this.names) yield this.bound[name];
  }

  [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }
}
