// Which drawn node holds which (VNet ⊃ subnet ⊃ endpoint, Private Link service, gateway). Containers
// are sized around their children (container-boxes.ts) and drawn beneath them (drawn-layers.ts).
// Invariant: the drawn records hold no parent; everything that asks what holds what asks this.

export class Nesting {
  /** Containers, innermost first: a container's box is fitted after the boxes inside it. */
  readonly containers: readonly string[];
  private readonly parents = new Map<string, string>();
  private readonly children = new Map<string, string[]>();

  /** `nodes` as the graph lists them; a parent that is not among them is ignored. */
  constructor(nodes: readonly { id: string; parent?: string }[]) {
    const ids = new Set(nodes.map((node) => node.id));
    for (const { id, parent } of nodes) {
      if (parent === undefined || !ids.has(parent)) continue;
      this.parents.set(id, parent);
      const siblings = this.children.get(parent);
      if (siblings) siblings.push(id);
      else this.children.set(parent, [id]);
    }
    this.containers = [...this.children.keys()].sort((a, b) => this.depth(b) - this.depth(a));
  }

  parentOf(id: string): string | undefined {
    return this.parents.get(id);
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  isContainer(id: string): boolean {
    return this.children.has(id);
  }

  /** The containers around a node, nearest first. */
  ancestors(id: string): string[] {
    const chain: string[] = [];
    for (let parent = this.parents.get(id); parent !== undefined; parent = this.parents.get(parent)) chain.push(parent);
    return chain;
  }

  /** How many containers a node is drawn in. */
  depth(id: string): number {
    return this.ancestors(id).length;
  }
}
