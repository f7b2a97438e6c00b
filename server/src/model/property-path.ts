// Reading evaluated values by property path (`a.b.c`), as the model builder and model queries do.
import { isArray, isObject, type Value } from '../evaluate/value';

/** Reads `a.b.c` from a value; undefined where a step is absent. */
export function at(value: Value | undefined, path: string): Value | undefined {
  let current = value;
  // Step by step along the dots, without splitting the path (asked for every entity built).
  for (let start = 0; start <= path.length;) {
    const dot = path.indexOf('.', start);
    const end = dot < 0 ? path.length : dot;
    const step = path.slice(start, end);
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = current[step];
    start = end + 1;
  }
  return current;
}

/** The items of an array value; none when it is not a fully known array. */
export const list = (value: Value | undefined): readonly Value[] => (isArray(value) ? value : []);
