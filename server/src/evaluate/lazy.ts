// Values computed on first read. Analysis needs a small part of what a template computes (the
// networking resources and what they refer to), so module outputs and module parameters are bound
// as thunks: a module's outputs nobody reads, or a parameter its networking resources never use,
// are never evaluated. Invariant: a thunk runs at most once; reading it again while it runs (a
// cycle) gives an unknown instead of recursing.
import { remembered } from './remembered';
import { makeObject, Unknown, type ObjectValue, type Value } from './value';

type Compute = (name: string) => Value;

/** What a lazy object computes its properties with: a hidden property of the object itself. */
interface LazyState {
  readonly compute: Compute;
  readonly cycleKey: string;
  readonly running: Set<string>;
}

const lazyState = Symbol('lazy');

/**
 * One getter per property name, shared by every lazy object: it finds what to compute with on the
 * object it is read from. A getter per object and name (a closure over the evaluator) made V8 keep
 * whole analyses alive past young-generation collections — about half of what a module call's
 * evaluation allocates — until the next full collection (the accessors are held where the
 * collector looks first, outside the young generation).
 */
const getters = new Map<string, (this: Record<string | symbol, unknown>) => Value>();

function getterFor(name: string): (this: Record<string | symbol, unknown>) => Value {
  return remembered(
    getters,
    name,
    () =>
      function lazyProperty(this: Record<string | symbol, unknown>): Value {
        const state = this[lazyState] as LazyState;
        if (state.running.has(name)) return new Unknown(`cycle:${state.cycleKey}.${name}`);
        state.running.add(name);
        let value: Value;
        try {
          value = state.compute(name);
        } finally {
          state.running.delete(name);
        }
        Object.defineProperty(this, name, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
  );
}

/** A plain object (see makeObject) whose properties are computed when first read, then fixed. */
export function lazyObject(names: readonly string[], compute: Compute, cycleKey: string): ObjectValue {
  const object = makeObject([]);
  const state: LazyState = { compute, cycleKey, running: new Set() };
  Object.defineProperty(object, lazyState, { value: state });
  for (const name of names)
    Object.defineProperty(object, name, { configurable: true, enumerable: true, get: getterFor(name) });
  return object;
}

/** Marks a binding whose value is being computed: reading it again then is a cycle. */
const computing = Symbol('computing');

/**
 * Parameter bindings whose values are computed on first read (a module call's `params`). Held in a
 * Map rather than as a lazyObject: a call binds many parameters and its callee reads few, and an
 * accessor per name made every call pay for all of them.
 */
export class LazyBindings implements ReadonlyMap<string, Value> {
  private readonly bound: ReadonlySet<string>;
  private readonly computed = new Map<string, Value | typeof computing>();

  constructor(
    names: readonly string[],
    private readonly compute: Compute,
    private readonly cycleKey: string,
  ) {
    this.bound = new Set(names);
  }

  get size(): number {
    return this.bound.size;
  }

  has(name: string): boolean {
    return this.bound.has(name);
  }

  get(name: string): Value | undefined {
    const known = this.computed.get(name);
    if (known === computing) return new Unknown(`cycle:${this.cycleKey}.${name}`);
    if (known !== undefined) return known;
    if (!this.bound.has(name)) return undefined;
    this.computed.set(name, computing);
    let value: Value;
    try {
      value = this.compute(name);
    } catch (error) {
      this.computed.delete(name);
      throw error;
    }
    this.computed.set(name, value);
    return value;
  }

  forEach(callback: (value: Value, key: string, map: ReadonlyMap<string, Value>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  *entries(): MapIterator<[string, Value]> {
    for (const name of this.bound) yield [name, this.get(name)!];
  }

  *keys(): MapIterator<string> {
    yield* this.bound;
  }

  *values(): MapIterator<Value> {
    for (const name of this.bound) yield this.get(name)!;
  }

  [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }
}
