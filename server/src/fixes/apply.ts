// Applying edits to a text, and merging several fixes into one set of edits per file (fix-all).
// Invariants: edits apply from the end so earlier offsets stay valid; a fix whose edits touch
// another's (overlap, or insert at the same offset) is left out whole, never applied in part.
import type { FileEdits, Fix, TextEdit } from './types';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** Merges fixes (in order) that do not conflict; returns the edits per uri and the fixes taken. */
export function mergeFixes(fixes: readonly Fix[]): { edits: Map<string, TextEdit[]>; taken: Fix[] } {
  const edits = new Map<string, TextEdit[]>();
  const taken: Fix[] = [];
  for (const fix of fixes) {
    const clash = fix.changes.some((change) =>
      change.edits.some((edit) => (edits.get(change.uri) ?? []).some((other) => conflicts(edit, other))),
    );
    if (clash) continue;
    for (const change of fix.changes)
      edits.set(
        change.uri,
        [...(edits.get(change.uri) ?? []), ...change.edits].sort((a, b) => a.start - b.start),
      );
    taken.push(fix);
  }
  return { edits, taken };
}

/**
 * One fix's changes from several parts, grouped per file: insertions at the same offset join in
 * order (two new parameters after the same line); any other overlap makes the fix unsafe.
 */
export function combineChanges(parts: readonly FileEdits[]): FileEdits[] | undefined {
  const byUri = new Map<string, TextEdit[]>();
  for (const part of parts) byUri.set(part.uri, [...(byUri.get(part.uri) ?? []), ...part.edits]);
  const result: FileEdits[] = [];
  for (const [uri, edits] of [...byUri].sort(([a], [b]) => a.localeCompare(b))) {
    const merged: TextEdit[] = [];
    for (const edit of edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i)) {
      const previous = merged.at(-1);
      if (previous && previous.start === edit.start && previous.end === previous.start && edit.end === edit.start) {
        previous.newText += edit.newText;
        continue;
      }
      if (previous && edit.start < previous.end) return undefined;
      if (previous && previous.start === edit.start) return undefined;
      merged.push({ start: edit.start, end: edit.end, newText: edit.newText });
    }
    if (merged.length > 0) result.push({ uri, edits: merged });
  }
  return result;
}
