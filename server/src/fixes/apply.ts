// Applying edits to a text, and merging several fixes into one set of edits per file (fix-all).
// Invariants: edits apply from the end so earlier offsets stay valid; a fix whose edits touch
// another's (overlap, or insert at the same offset), or declare a name another's declare in the same
// file, is left out whole, never applied in part.
import type { FileEdits, Fix, TextEdit } from './types';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  // From the end, as before, but into pieces joined once: a copy of the whole text per edit made
  // thousands of fixes quadratic. Inserts at one place end up in reverse of their order, as they did.
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  // Edits that overlap (no fix makes them) apply one after the other, each on the text the last left.
  if (sorted.some((edit, index) => index > 0 && edit.end > sorted[index - 1].start)) {
    let result = text;
    for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    return result;
  }
  const pieces: string[] = [];
  let at = text.length;
  for (const edit of sorted) {
    pieces.push(text.slice(edit.end, at), edit.newText);
    at = edit.start;
  }
  pieces.push(text.slice(0, at));
  return pieces.reverse().join('');
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** The edits, the first of them saying it declares `names` (TextEdit.declares). */
export function declaring(edits: TextEdit[], names: readonly string[]): TextEdit[] {
  return edits.map((edit, index) => (index === 0 ? { ...edit, declares: names } : edit));
}

/** Merges fixes (in order) that do not conflict; returns the edits per uri and the fixes taken. */
export function mergeFixes(fixes: readonly Fix[]): { edits: Map<string, TextEdit[]>; taken: Fix[] } {
  const edits = new Map<string, TextEdit[]>();
  const declared = new Set<string>();
  const declaredBy = (change: FileEdits) =>
    change.edits.flatMap((edit) => (edit.declares ?? []).map((name) => `${change.uri}#${name}`));
  const taken: Fix[] = [];
  for (const fix of fixes) {
    const clash = fix.changes.some(
      (change) =>
        change.edits.some((edit) => (edits.get(change.uri) ?? []).some((other) => conflicts(edit, other))) ||
        declaredBy(change).some((name) => declared.has(name)),
    );
    if (clash) continue;
    for (const change of fix.changes) {
      edits.set(
        change.uri,
        [...(edits.get(change.uri) ?? []), ...change.edits].sort((a, b) => a.start - b.start),
      );
      for (const name of declaredBy(change)) declared.add(name);
    }
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
        if (edit.declares) previous.declares = [...(previous.declares ?? []), ...edit.declares];
        continue;
      }
      if (previous && edit.start < previous.end) return undefined;
      if (previous && previous.start === edit.start) return undefined;
      merged.push({
        start: edit.start,
        end: edit.end,
        newText: edit.newText,
        ...(edit.declares ? { declares: edit.declares } : {}),
      });
    }
    if (merged.length > 0) result.push({ uri, edits: merged });
  }
  return result;
}
