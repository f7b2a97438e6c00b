// How people wrote each unknown: the source expression that first produced it (`uniqueString(resourceGroup().id)`,
// `parameters('name')`), so names can be shown as written instead of as evaluator keys.
// Invariant: the text never takes part in equality (keys do). Evaluation only notes where the
// expression is (every unknown passes here, most are never shown); the text is cut when displayed.
import type { Unknown } from './value';

/** Longer source text is cut when shown: display needs the start. */
const keptLength = 200;

/**
 * Notes that an unknown was written as `text[start, end)`, unless it has a source already (the innermost
 * expression that produced it wins). Callers test `instanceof Unknown` first: this runs on every expression.
 */
export function noteWritten(value: Unknown, text: string, start: number, end: number, arm = false): void {
  // An empty span (a node error recovery made) is no source: an outer expression may still give one.
  if (value.writtenAt === undefined && end > start)
    value.writtenAt = arm ? { text, start, end, arm: true } : { text, start, end };
}

/** Whether an unknown's source is an ARM template expression. */
export const writtenInArm = (value: Unknown): boolean => value.writtenAt?.arm === true;

/** The source text an unknown was written as, when the evaluator saw it. */
export function writtenOf(value: Unknown): string | undefined {
  const at = value.writtenAt;
  if (at === undefined) return undefined;
  const source = at.text.slice(at.start, Math.min(at.end, at.start + keptLength)).trim();
  if (source === '') return undefined;
  return at.end - at.start > keptLength ? `${source}…` : source;
}
