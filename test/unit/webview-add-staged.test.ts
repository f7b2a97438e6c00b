// The topology page adds a drawing's leaves styled first, then fits its containers, then adds the edges
// (client/webview/add-staged.ts, issue 16). Pinned here on a headless cytoscape: the result is what a
// plain `cy.add` and a fit give (edges, places, sizes, every style property, the containers' rules
// included). The time it saves is the render bench's to show (bench/topology-render.bench.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { addStaged } from '../../client/webview/add-staged';
import { fitContainers } from '../../client/webview/container-boxes';
import { Nesting } from '../../client/webview/nesting';

const style: StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', width: 'data(w)', height: 'data(h)', 'border-width': 1 } },
  { selector: 'node[kind = "vnet"]', style: { 'border-color': '#3794ff' } },
  { selector: 'node[?container]', style: { 'text-valign': 'top', 'background-opacity': 0.07 } },
  { selector: 'node[kind = "subnet"][?container]', style: { 'background-color': '#89d185' } },
  { selector: 'edge', style: { label: 'data(label)', 'line-color': '#cccccc', 'curve-style': 'bezier' } },
];

/** Two VNets with two subnets of two leaves each, a top-level leaf, and edges across all levels. */
const parents = new Map<string, string | undefined>();
function elements(): ElementDefinition[] {
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const node = (id: string, kind: string, parent?: string) => {
    parents.set(id, parent);
    nodes.push({
      group: 'nodes',
      data: { id, kind, label: id, w: 40 + id.length, h: 30 },
      position: { x: nodes.length * 50, y: nodes.length * 20 },
    });
  };
  node('zone', 'dnsZone');
  for (const vnet of ['v1', 'v2']) {
    node(vnet, 'vnet');
    edges.push({ group: 'edges', data: { id: `link-${vnet}`, source: 'zone', target: vnet, label: 'link' } });
    for (const subnet of [`${vnet}-s1`, `${vnet}-s2`]) {
      node(subnet, 'subnet', vnet);
      for (const leaf of [`${subnet}-a`, `${subnet}-b`]) {
        node(leaf, 'privateEndpoint', subnet);
        edges.push({ group: 'edges', data: { id: `to-${leaf}`, source: leaf, target: 'zone', label: 'dns' } });
      }
    }
  }
  edges.push({ group: 'edges', data: { id: 'peering', source: 'v1', target: 'v2', label: 'peering' } });
  const nesting = drawnNesting();
  for (const { data } of nodes) if (nesting.isContainer(String(data.id))) data.container = true;
  return [...nodes, ...edges];
}

const drawnNesting = () => new Nesting([...parents].map(([id, parent]) => (parent ? { id, parent } : { id })));

/** Every element's data, ends, place and parsed style, after styling them all. */
function drawn(cy: Core): unknown[] {
  return cy.elements().map((element) => ({
    id: element.id(),
    data: element.data(),
    ends: element.isEdge() ? [element.source().id(), element.target().id()] : [],
    position: element.isNode() ? element.position() : null,
    style: element.style(),
  }));
}

/** A headless cytoscape with the elements added by `add`, every one styled. */
function addAndStyle(add: (cy: Core, definitions: ElementDefinition[], fit: () => void) => void): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  const definitions = elements();
  add(cy, definitions, () => fitContainers(cy, drawnNesting(), () => 10));
  cy.batch(() => cy.elements().forEach((element) => void element.numericStyle('width')));
  return cy;
}

test('addStaged draws what cy.add and a fit draw: the same edges, places, sizes and styles', () => {
  const plain = addAndStyle((cy, definitions, fit) => {
    cy.batch(() => cy.add(definitions));
    fit();
  });
  const staged = addAndStyle(addStaged);
  assert.deepEqual(drawn(staged), drawn(plain));
  const subnet = staged.getElementById('v1-s1');
  assert.equal(subnet.style('text-valign'), 'top', "a container fitted before styling takes the containers' rules");
  assert.equal(subnet.style('background-color'), 'rgb(137,209,133)');
  assert.ok(subnet.width() > 2 * (40 + 'v1-s1-a'.length), 'the subnet is fitted around its two endpoints');
  plain.destroy();
  staged.destroy();
});
