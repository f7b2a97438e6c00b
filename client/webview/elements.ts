// The graph's nodes and edges as cytoscape element definitions: labels with their finding marks,
// tooltips, and each leaf's size, measured from its label in the theme's font.
// Invariant: names from user files go into data only (cytoscape draws them as canvas text); no element
// has a `parent` (containers are plain nodes, container-boxes.ts sizes them).
import type { ElementDefinition, SingularElementReturnValue } from 'cytoscape';
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

  /** Width and height of a leaf node that fits its label and icon; compound nodes take their size from their children. */
  size(label: string): { w: number; h: number } {
    const box = this.box(label);
    return { w: Math.ceil(box.width) + 24 + iconSize + iconInset, h: box.height + 16 };
  }

  // Setting a canvas font parses it: once per theme, not once per label.
  private useFont(): void {
    if (this.context) this.context.font = `${this.font.size}px ${this.font.family}`;
  }
}

/** A node's definition; a container's size is its label's until container-boxes.ts fits it around its children. */
export function nodeElement(node: GraphNode, measure: LabelMeasure, nesting: Nesting): ElementDefinition {
  const lines = [...node.lines, ...node.badges];
  if (node.level) lines[0] = `${levelGlyph[node.level]}${lines[0]}`;
  const label = lines.join('\n');
  return {
    group: 'nodes',
    data: {
      id: node.id,
      ...(nesting.isContainer(node.id) ? { container: true } : {}),
      kind: node.kind,
      label,
      name: node.name,
      ...(node.level ? { level: node.level } : {}),
      ...(node.file !== undefined ? { file: node.file, line: node.line } : {}),
      tooltip: tooltip(node.name, node.lines.slice(1), node.badges, node.file, node.line, findingsText(node.findings)),
      ...measure.size(label),
    },
  };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  const state =
    edge.state === 'ok' ? '' : ` (${edge.state === 'broken' ? 'one-way' : 'other end outside the analysed files'})`;
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      state: edge.state,
      name: edge.name,
      label: edge.level ? `${levelGlyph[edge.level]}${edge.label}` : edge.label,
      ...(edge.level ? { level: edge.level } : {}),
      ...(edge.file !== undefined ? { file: edge.file, line: edge.line } : {}),
      tooltip: tooltip(edge.name, [`${edge.kind}${state}`], [], edge.file, edge.line, findingsText(edge.findings)),
    },
  };
}

/** Sets an element's data to `data`, dropping keys it no longer has (a finding gone takes its level). */
export function updateData(element: SingularElementReturnValue, data: ElementDefinition['data']): void {
  const stale = Object.keys(element.data() as object).filter((key) => !(key in data));
  if (stale.length > 0) element.removeData(stale.join(' '));
  if (stale.length > 0 || Object.entries(data).some(([key, value]) => element.data(key) !== value)) element.data(data);
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
