// What a drawn group was drawn from, to tell after an edit which groups still show their element as it
// is (drawn-layers.ts drawChanged keeps those). Compared field by field: a redraw makes new records, so
// identity says nothing, and serialising every drawn element (as this did until session 15) allocates
// a string per element to compare. Every field counts, so a field added to the records is compared too.
// Invariant: a record changed in place (a drag) has its group drawn again, so a kept `record` shows
// what its group shows. Loads without a DOM (unit tests).
import type { DrawnEdge, DrawnNode, Point } from './drawn-types';

export interface DrawnFrom {
  record: DrawnNode | DrawnEdge;
  /** The points an edge was drawn through (its route, or between its ends' boxes). */
  points?: readonly Point[];
  /** Its path mark (paint.ts PathMark; a plain string here, as paint.ts needs a DOM to load). */
  mark: string | undefined;
  selected: boolean;
}

/** Whether a group drawn from `before` shows the same as one drawn from `now`. */
export function drawnAlike(before: DrawnFrom, now: DrawnFrom): boolean {
  return (
    before.mark === now.mark &&
    before.selected === now.selected &&
    sameFields(before.record, now.record) &&
    samePoints(before.points, now.points)
  );
}

/** The same fields with the same values; an edge's route is compared as its drawn points instead. */
function sameFields(a: DrawnNode | DrawnEdge, b: DrawnNode | DrawnEdge): boolean {
  const [left, right] = [a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>];
  let fields = 0;
  for (const key in left) {
    if (key === 'route') continue;
    if (left[key] !== right[key]) return false;
    fields++;
  }
  for (const key in right) if (key !== 'route') fields--;
  return fields === 0;
}

function samePoints(a: readonly Point[] | undefined, b: readonly Point[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((point, index) => point.x === b[index].x && point.y === b[index].y);
}
