// Maps offsets to lines and columns. Invariant: lines and columns here are 0-based and count
// UTF-16 code units, as LSP does; the CLI and SARIF add one at their edge.

export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // \r\n counts once; a lone \r ends a line too, as it does for VS Code.
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - this.lineStarts[low] };
  }

  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.column), this.text.length);
  }
}
