// Property paths as the model writes them (`properties.subnets[1].properties.addressPrefix`) split
// into steps, and the editor interface both writers implement over one resource declaration.
import type { Gen, Language } from './gen';
import type { TextEdit } from './types';

export type Step = string | number;

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [];
    if (match[1]) steps.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** A value in the source: its span, and whether it is a plain literal (no expression to lose). */
export interface SourceValue {
  start: number;
  end: number;
  literal: boolean;
  text: string;
}

/** Text edits on one resource declaration, by property path relative to the declaration. */
export interface ResourceEditor {
  readonly language: Language;
  readonly uri: string;
  valueAt(path: string): SourceValue | undefined;
  /** Replaces the value at an existing path. */
  replace(path: string, value: Gen): TextEdit[] | undefined;
  /** Sets the value at a path, adding the property (and missing objects on the way) when absent. */
  set(path: string, value: Gen): TextEdit[] | undefined;
  /** Removes the property at a path. */
  remove(path: string): TextEdit[] | undefined;
  /** Adds items at the end of the array at a path. */
  append(path: string, items: readonly Gen[]): TextEdit[] | undefined;
  /** Whether the object at a path holds the property (case-insensitively), undefined when it cannot tell. */
  has(path: string): boolean | undefined;
}

/** Nests a value under the remaining keys of a path: ['a', 'b'] + v → { a: { b: v } } minus the first key. */
export function nest(keys: readonly Step[], value: Gen): Gen | undefined {
  let current = value;
  for (let i = keys.length - 1; i >= 1; i--) {
    const key = keys[i];
    if (typeof key !== 'string') return undefined;
    current = { kind: 'object', entries: [[key, current]] };
  }
  return current;
}
