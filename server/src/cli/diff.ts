// Unified diffs for `check --fix --dry-run`: a line diff (Myers' O(ND) shortest edit script, after
// trimming the common head and tail) printed as `---`/`+++`/`@@` hunks with three lines of context.
// Invariant: applying the printed hunks to the old text gives the new text (`patch -p0` accepts it).

interface Line {
  text: string;
  /** Whether the line ends with a line break (only the last line may not). */
  ended: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split(/(?<=\n)/);
  return parts.map((part) => ({
    text: part.replace(/\r?\n$/, (m) => (m === '\r\n' ? '\r' : '')),
    ended: part.endsWith('\n'),
  }));
}

type Op = { kind: ' ' | '-' | '+'; line: Line };

/** The edit script from `a` to `b` (Myers 1986, forward greedy with a trace for the path back). */
function diffLines(a: Line[], b: Line[]): Op[] {
  const same = (x: Line, y: Line) => x.text === y.text && x.ended === y.ended;
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail]))
    tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const n = x0.length;
  const m = y0.length;
  const max = n + m;
  const offset = max + 1;
  // Step d reads only the diagonals -d-1 … d+1, so only those are kept for the way back: the trace is
  // O(D²), where whole copies of v were O(D·(N+M)) (a file with 4,000 fixes took 2.6 GB).
  const trace: { base: number; values: Int32Array }[] = [];
  const v = new Int32Array(2 * max + 3);
  search: for (let d = 0; d <= max && max > 0; d++) {
    trace.push({ base: offset - d - 1, values: v.slice(offset - d - 1, offset + d + 2) });
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(x0[x], y0[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const { base, values } = trace[d];
    const prev = (diagonal: number) => values[offset + diagonal - base];
    const k = x - y;
    const down = k === -d || (k !== d && prev(k - 1) < prev(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: x0[x - 1] });
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? { kind: '+', line: y0[prevY] } : { kind: '-', line: x0[prevX] });
    x = prevX;
    y = prevY;
  }
  ops.reverse();
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...ops,
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** A unified diff of one file, or '' when the texts are equal. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while changes are within 2 * context lines of each other.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) {
        end = next;
        continue;
      }
      end = Math.min(ops.length, end + context);
      break;
    }
    let oldStart = 1;
    let newStart = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j].kind !== '+') oldStart++;
      if (ops[j].kind !== '-') newStart++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`,
    );
    for (const op of hunk) {
      out.push(`${op.kind}${op.line.text}`);
      if (!op.line.ended) out.push('\\ No newline at end of file');
    }
    i = end;
    start = end;
  }
  return out.join('\n') + '\n';
}
