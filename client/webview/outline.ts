// The drawing as a nested list beside it: every resource, relation and finding as text, each a button
// that reveals its declaration. It is what screen readers and keyboards use (the drawing is one image to
// them), and a way to find a resource by name.
// Invariant: text goes in through textContent only.
import type { TopologyFindingJson } from '@vnet-lens/protocol';
import type { Graph, GraphEdge, GraphNode } from './graph';
import { fileName } from './names';

const kindText: Record<string, string> = {
  vnet: 'VNet',
  subnet: 'subnet',
  privateEndpoint: 'private endpoint',
  dnsZone: 'private DNS zone',
  target: 'target',
  nsg: 'NSG',
  routeTable: 'route table',
  privateLinkService: 'Private Link service',
  vnetGateway: 'gateway',
  zoneGroup: 'zone group',
  external: 'outside the analysed files',
  registryModule: 'registry module, contents unseen',
};
const edgeText: Record<string, string> = {
  peering: 'peering to',
  vnetLink: 'linked to',
  zoneGroup: 'used by',
  endpointTarget: 'connects to',
};

export function renderOutline(
  root: HTMLElement,
  graph: Graph,
  reveal: (file: string, line: number) => void,
  select: (nodeId: string) => void,
): void {
  const resolving = new Set(graph.resolutions.flatMap((resolution) => [resolution.fromNode, resolution.targetNode]));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const children = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const key = node.parent && byId.has(node.parent) ? node.parent : '';
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const edgesFrom = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) edgesFrom.set(edge.source, [...(edgesFrom.get(edge.source) ?? []), edge]);

  const button = (text: string, file: string | undefined, line: number | undefined, title: string) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.title = title;
    if (file !== undefined && line !== undefined) element.addEventListener('click', () => reveal(file, line));
    else element.disabled = true;
    return element;
  };
  const findingsList = (findings: readonly TopologyFindingJson[]) => {
    const list = document.createElement('ul');
    list.className = 'findings';
    for (const finding of findings) {
      const item = document.createElement('li');
      item.className = `finding ${finding.level}`;
      item.append(
        button(
          `${finding.level}: ${finding.message}`,
          finding.file,
          finding.line,
          `${finding.ruleId} · ${fileName(finding.file)}:${finding.line}`,
        ),
      );
      list.append(item);
    }
    return list;
  };
  const list = (nodes: readonly GraphNode[]): HTMLUListElement => {
    const ul = document.createElement('ul');
    for (const node of nodes) {
      const item = document.createElement('li');
      item.className = `outline-node ${node.kind}`;
      item.dataset.nodeId = node.id;
      const where = node.file !== undefined ? ` · ${fileName(node.file)}:${node.line}` : '';
      item.append(
        button(
          `${node.name} (${kindText[node.kind] ?? node.kind})`,
          node.file,
          node.line,
          `${[...node.lines.slice(1), ...node.badges].join('\n')}${where}`,
        ),
      );
      const details = document.createElement('span');
      details.className = 'details';
      details.textContent = [...node.lines.slice(1), ...node.badges].join(' · ');
      item.append(details);
      if (resolving.has(node.id)) {
        // Selecting the node draws its name resolutions (topology.ts), for the keyboard as for the mouse.
        const show = button(
          'Show name resolution',
          undefined,
          undefined,
          `How names resolve ${node.kind === 'vnet' ? 'from' : 'of'} ${node.name}`,
        );
        show.disabled = false;
        show.className = 'show-resolution';
        show.addEventListener('click', () => select(node.id));
        item.append(show);
      }
      if (node.findings.length > 0) item.append(findingsList(node.findings));
      const edges = edgesFrom.get(node.id) ?? [];
      if (edges.length > 0) {
        const relations = document.createElement('ul');
        relations.className = 'relations';
        for (const edge of edges) {
          const relation = document.createElement('li');
          relation.className = `outline-edge ${edge.kind} ${edge.state}`;
          const target = byId.get(edge.target);
          const state =
            edge.state === 'broken' ? ' (one-way)' : edge.state === 'unknown' ? ' (outside the analysed files)' : '';
          relation.append(
            button(
              `${edgeText[edge.kind] ?? edge.kind} ${target?.name ?? edge.target}${state}`,
              edge.file,
              edge.line,
              edge.name,
            ),
          );
          if (edge.findings.length > 0) relation.append(findingsList(edge.findings));
          relations.append(relation);
        }
        item.append(relations);
      }
      const inner = children.get(node.id);
      if (inner) item.append(list(inner));
      ul.append(item);
    }
    return ul;
  };

  root.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = `Resources (${graph.nodes.length})`;
  root.append(heading, list(children.get('') ?? []));
  if (graph.unplaced.length > 0) {
    const other = document.createElement('h2');
    other.textContent = `Other findings (${graph.unplaced.length})`;
    root.append(other, findingsList(graph.unplaced));
  }
}
