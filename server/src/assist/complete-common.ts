// Shared pieces of completion: its input, path patterns, how a value is written per language, and items.
// Invariant: every item replaces exactly the cursor context's `replace` range.
import type { Cloud } from '../facts';
import type { NetworkModel } from '../model';
import type { AssistCompletion, CursorContext, PathStep } from './types';

export interface CompletionInput {
  context: CursorContext;
  /** The model of the deployments that read the file; undefined when it could not be built. */
  model: NetworkModel | undefined;
  cloud: Cloud;
  uri: string;
}

/** `path` fits `pattern`: names compare case-insensitively (`a|b` for either), `#` is any index. */
export function pathIs(path: readonly PathStep[], pattern: readonly string[]): boolean {
  return (
    path.length === pattern.length &&
    pattern.every((step, index) => {
      const actual = path[index];
      if (step === '#') return typeof actual === 'number';
      return typeof actual === 'string' && step.toLowerCase().split('|').includes(actual.toLowerCase());
    })
  );
}

/** A string value as the file's language writes it, with a leading space right after a colon. */
export function quoted(context: CursorContext, value: string): string {
  const text =
    context.language === 'bicep' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
  return (context.afterColon ? ' ' : '') + text;
}

export function item(
  context: CursorContext,
  fields: Omit<AssistCompletion, 'range'> & { index: number },
): AssistCompletion {
  const { index, ...rest } = fields;
  return { ...rest, range: context.replace, sortText: rest.sortText ?? String(index).padStart(4, '0') };
}
