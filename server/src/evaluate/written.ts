// How people wrote each unknown: the source expression that first produced it (`uniqueString(resourceGroup().id)`,
// `parameters('name')`), so names can be shown as written instead of as evaluator keys.
// Invariant: the text never takes part in equality (keys do); it lives beside the value, not in it.
import type { Unknown } from './value';

const writtenAs = new WeakMap<Unknown, string>();
/** Longer source text is cut before it is kept: display needs the start, and a long slice would pin the file text. */
const keptLength = 200;

/**
 * Notes that an unknown was written as `text[start, end)`, unless it has a source already (the innermost
 * expression that produced it wins). Callers test `instanceof Unknown` first: this runs on every expression.
 */
export function noteWritten(value: Unknown, text: string, start: number, end: number): void {
  if (writtenAs.has(value)) return;
  const source = text.slice(start, Math.min(end, start + keptLength)).trim();
  if (source !== '') writtenAs.set(value, end - start > keptLength ? `${source}…` : source);
}

/** The source text an unknown was written as, when the evaluator saw it. */
export function writtenOf(value: Unknown): string | undefined {
  return writtenAs.get(value);
}
