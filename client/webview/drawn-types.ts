// The records a drawing keeps of its nodes and edges (elements.ts makes them from the graph): what
// each shows, and where (model units; the viewport maps them to the screen).
import type { EdgeKind, EdgeState, NodeKind } from './graph-types';
import type { Level } from './names';

export interface Point {
  x: number;
  y: number;
}

/** What a drawn node shows and where: `x`, `y` its centre, `w`, `h` its size (a container's is fitted). */
export interface DrawnNode {
  id: string;
  kind: NodeKind;
  name: string;
  label: string;
  container: boolean;
  level?: Level;
  file?: string;
  line?: number;
  tooltip: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A drawn edge; `route` is ELK's orthogonal route (ends and bends), moved along by drags of its ends. */
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  state: EdgeState;
  name: string;
  label: string;
  level?: Level;
  file?: string;
  line?: number;
  tooltip: string;
  route?: Point[];
}
