// The graph's nodes and edges as the records the drawing keeps (drawn-types.ts): labels with their finding marks,
// tooltips, and each leaf's size, measured from its label in the theme's font. Places (a node's
// centre, an edge's route) are filled in by the layout and by the user's drags.
// Invariant: names from user files stay plain strings here; the drawing puts them in text nodes only.
import type { DrawnEdge, DrawnNode } from './drawn-types';
import type { GraphEdge, GraphNode } from './graph';
import { iconSize } from './icons';
import { findingsText, fileName } from './names';
import type { Nesting } from './nesting';
import { iconInset, labelFont, type Theme } from './theme';

const levelGlyph = { error: '⚠ ', warning: '⚠ ', info: 'ℹ ' } as const;

/** Sizes of label text in a theme's label font (a canvas measures; without one, an estimate). */
export class LabelMeasure {
  private readonly context = document.createElement('canvas').getContext('2d');
  private font: { family: string; size: number; lineHeight: number };

  constructor(theme: Theme) {
    this.font = labelFont(theme);
    this.useFont();
  }

  /** Measures in the (possibly new) theme's font from now on. */
  setTheme(theme: Theme): void {
    this.font = labelFont(theme);
    this.useFont();
  }

  /** The size of a label's text. */
  box(label: string): { width: number; height: number } {
    const lines = label.split('\n');
    let width = 0;
    if (this.context) {
      for (const line of lines) width = Math.max(width, this.context.measureText(line).width);
    } else {
      width = Math.max(...lines.map((line) => line.length)) * this.font.size * 0.6;
    }
    return { width, height: lines.length * this.font.lineHeight };
  }

  /** Width and height of a leaf node that fits its label and icon; containers take their size from their children. */
  size(label: string): { w: number; h: number } {
    const box = this.box(label);
    return { w: Math.ceil(box.width) + 24 + iconSize + iconInset, h: box.height + 16 };
  }

  // Setting a canvas font parses it: once per theme, not once per label.
  private useFont(): void {
    if (this.context) this.context.font = `${this.font.size}px ${this.font.family}`;
  }
}

/** A node's record, not yet placed; a container's size is its label's until it is fitted around its children. */
export function nodeRecord(node: GraphNode, measure: LabelMeasure, nesting: Nesting): DrawnNode {
  const lines = [...node.lines, ...node.badges];
  if (node.level) lines[0] = `${levelGlyph[node.level]}${lines[0]}`;
  const label = lines.join('\n');
  const record: DrawnNode = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    label,
    container: nesting.isContainer(node.id),
    tooltip: tooltip(node.name, node.lines.slice(1), node.badges, node.file, node.line, findingsText(node.findings)),
    x: 0,
    y: 0,
    ...measure.size(label),
  };
  if (node.level) record.level = node.level;
  if (node.file !== undefined) Object.assign(record, { file: node.file, line: node.line });
  return record;
}

export function edgeRecord(edge: GraphEdge): DrawnEdge {
  const state =
    edge.state === 'ok' ? '' : ` (${edge.state === 'broken' ? 'one-way' : 'other end outside the analysed files'})`;
  const record: DrawnEdge = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    kind: edge.kind,
    state: edge.state,
    name: edge.name,
    label: edge.level ? `${levelGlyph[edge.level]}${edge.label}` : edge.label,
    tooltip: tooltip(edge.name, [`${edge.kind}${state}`], [], edge.file, edge.line, findingsText(edge.findings)),
  };
  if (edge.level) record.level = edge.level;
  if (edge.file !== undefined) Object.assign(record, { file: edge.file, line: edge.line });
  return record;
}

function tooltip(
  name: string,
  details: string[],
  badges: string[],
  file: string | undefined,
  line: number | undefined,
  findings: string,
): string {
  return [
    name,
    ...details,
    ...badges,
    ...(file !== undefined ? [`${fileName(file)}:${line}`] : []),
    ...(findings ? ['', findings] : []),
  ].join('\n');
}
